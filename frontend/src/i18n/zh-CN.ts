import type { ParkLevel } from '../api/types';

// Chinese strings, the default language. The shape of this object is the type every language fills.
export const zhCN = {
  app: {
    name: '亩均 MuYield',
    tagline: '安康市县域工业园区土地利用效益',
    loading: '正在加载地图数据…',
  },
  header: {
    switchLanguage: 'Switch to English',
    about: '关于数据',
  },
  map: {
    ariaLabel: '安康市工业园区地图',
    attribution: '边界: 高德 2020 (经转换) · 河流: GSHHG · 园区边界为示意',
  },
  legend: {
    title: '亩均产值',
    unit: '万元/亩',
    noData: '无数据',
    parkCount: (count: number) => `${count} 个`,
    hint: '点击园区查看详情',
  },
  park: {
    dialogLabel: (name: string) => `园区详情：${name}`,
    close: '关闭',
    level: '级别',
    levels: { national: '国家级', provincial: '省级', county: '县级' } satisfies Record<ParkLevel, string>,
    region: '所在县区',
    listSeparator: '、',
    leadingIndustries: '主导产业',
    area: '园区面积',
    usedLand: '企业用地',
    figuresOfYear: (year: number) => `${year} 年数据`,
    noYear: '暂无年度统计',
    output: '产值',
    tax: '税收',
    outputPerMu: '亩均产值',
    taxPerMu: '亩均税收',
    enterprises: '企业数量',
    enterprisesUnit: '家',
    illustrative: '示意数据',
    illustrativeNote: '园区边界与统计数值为示意，并非官方数据。',
  },
  about: {
    title: '关于数据',
    close: '关闭',
    intro: '地图上的每一层数据及其来源、许可、年份和坐标系。',
    real: '真实',
    illustrative: '示意',
    source: '来源',
    licence: '许可',
    vintage: '年份',
    crs: '坐标系',
    loading: '正在加载…',
    health: (database: string, postgis: string) => `数据库：${database} · PostGIS ${postgis}`,
    databases: { embedded: '内嵌 PGlite', postgres: 'PostgreSQL' },
    units: '单位：1 亩 = 666.7 m²；1 万元 = 10,000 元；1 亿元 = 10,000 万元。',
  },
  errors: {
    title: '数据加载失败',
    dismiss: '关闭提示',
  },
};

export type Messages = typeof zhCN;
