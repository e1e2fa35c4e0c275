import type { ParkLevel } from '../api/types';
import { parkViewZhCN } from './park-zh-CN';
import { landUseZhCN } from './land-use-zh-CN';
import { finderZhCN } from './finder-zh-CN';
import { importZhCN } from './import-zh-CN';
import { adjustZhCN } from './adjust-zh-CN';
import { landShareZhCN } from './land-share-zh-CN';
import { countyZhCN } from './county-zh-CN';

// Chinese strings, the default language. The shape of this object is the type every language fills.
export const zhCN = {
  app: {
    name: '亩均 MuYield',
    loading: '正在加载地图数据…',
  },
  header: {
    switchLanguage: 'Switch to English',
    about: '关于数据',
  },
  map: {
    attribution: '边界: 高德 2020 (经转换) · 河流: GSHHG · 园区边界为示意',
  },
  legend: {
    title: '亩均产值',
    unit: '万元/亩',
    noData: '无数据',
    parkCount: (count: number) => `${count} 个`,
    hint: '点击园区查看详情',
  },
  city: {
    controlsLabel: '城市视图设置',
    year: '年份',
    yearOption: (year: number) => `${year} 年`,
    colourBy: '着色指标',
    method: '分级方法',
    methods: {
      fixed: '固定分级',
      quantile: '分位数',
      equalInterval: '等间距',
      naturalBreaks: '自然断点',
    },
    colourByOptions: {
      grade: '综合评价档次',
      outputWanYuanPerMu: '亩均产值',
      taxWanYuanPerMu: '亩均税收',
      outputWanYuan: '产值',
      landSupplyRate: '土地供应率',
      plotRatio: '综合容积率',
    },
  },
  units: {
    wanYuanPerMu: '万元/亩',
    yiYuan: '亿元',
    percent: '%',
    ratio: '比值',
  },
  exportMenu: {
    title: '导出',
    parkTitle: '导出本园区数据',
    layers: { parcels: '地块', buildings: '建筑', units: '厂房单元', 'idle-land': '闲置、低效与未供地', evaluations: '企业评价' },
    formats: { xlsx: 'Excel (.xlsx)', csv: 'CSV', shp: 'Shapefile (.zip)', gpkg: 'GeoPackage', geojson: 'GeoJSON' },
    hints: {
      xlsx: '中文表头带单位，Excel、WPS 直接打开',
      csv: 'UTF-8（带 BOM），Excel 直接打开',
      shp: '压缩的 Shapefile（WGS 84），字段名对照见其中的 .fields.csv',
      gpkg: 'GeoPackage（WGS 84），QGIS 直接打开',
      geojson: 'GeoJSON（WGS 84 经纬度）',
    },
  },
  ranking: {
    title: '园区排名',
    caption: (year: number | null) => (year === null ? '全部园区' : `全部园区 · ${year} 年`),
    rank: '序',
    park: '园区',
    grade: '档次',
    sortBy: (column: string) => `按${column}排序`,
    aboveAverage: '高于全市',
    belowAverage: '低于全市',
    flags: {
      largeOutput: '超百亿',
      smallOutput: '不足10亿',
      lowOutputPerMu: '亩均<100万',
    },
    flagTitles: {
      largeOutput: '产值超过 100 亿元',
      smallOutput: '产值不足 10 亿元',
      lowOutputPerMu: '亩均产值低于 100 万元/亩',
    },
    empty: '暂无园区',
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
    grade: '综合评价',
    gradeOf: (grade: string, label: string | null) => (label ? `${grade} 档 · ${label}` : `${grade} 档`),
    notGraded: '未评价',
    score: '得分',
    scoreValue: (score: string) => `${score} 分`,
    gradeCounts: '企业档次分布',
    gradeCountsNotGraded: '未评',
    land: '土地集约利用',
    landSupplyRate: '土地供应率',
    landBuiltRate: '土地建成率',
    industrialLandRate: '工业用地率',
    plotRatio: '综合容积率',
    buildingDensity: '建筑密度',
    industrialTaxPerMu: '工业用地地均税收',
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
  ...parkViewZhCN,
  ...landUseZhCN,
  ...finderZhCN,
  ...importZhCN,
  ...adjustZhCN,
  ...landShareZhCN,
  ...countyZhCN,
};

export type Messages = typeof zhCN;
