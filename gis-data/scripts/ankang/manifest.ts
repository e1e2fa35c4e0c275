// bundle.json of the Ankang demo: where each dataset comes from and whether it is real.
import { GENERATED_NOTE } from './bundle-files.js';

/** Douglas–Peucker tolerance applied to the county boundaries, degrees */
export const COUNTY_SIMPLIFY_TOLERANCE_DEG = 0.0005;

const ILLUSTRATIVE = {
  source: 'gis-data/scripts/generate-ankang.ts (seeded generator)',
  licence: 'MIT (this repository)',
  vintage: 'illustrative, figures for 2023–2025',
  crs: 'EPSG:4326',
  real: false,
};
/** The same in Chinese, for the Chinese UI (each dataset's `zh`). */
const ILLUSTRATIVE_ZH = {
  source: 'gis-data/scripts/generate-ankang.ts（固定随机种子的生成脚本）',
  licence: 'MIT（本仓库）',
  vintage: '示意数据，2023–2025 年指标',
};

export function manifestText(): string {
  const datasets = [
    {
      id: 'regions', name: '安康市县级行政区划', nameEn: 'Ankang county boundaries', files: ['regions.geojson'],
      source: 'Amap district API via GitHub GaryBikini/ChinaAdminDivisonSHP @776a2f1, converted from GCJ-02 to WGS84',
      licence: 'MIT (repository); the geometry comes from Amap, whose terms may restrict redistribution: get legal review before shipping',
      vintage: '2020-06', crs: 'EPSG:4326', real: true,
      note: `lightly simplified (Douglas–Peucker ${COUNTY_SIMPLIFY_TOLERANCE_DEG}°, kept only where valid); Xunyang County 610928 mapped to Xunyang City 610981`,
      zh: {
        source: '高德地图行政区划接口，经 GitHub 仓库 GaryBikini/ChinaAdminDivisonSHP @776a2f1 获取，由 GCJ-02 转换为 WGS84',
        licence: '仓库为 MIT 许可；图形来自高德地图，其条款可能限制再分发：正式发布前请做法律审查',
        note: `轻度简化（道格拉斯-普克算法，容差 ${COUNTY_SIMPLIFY_TOLERANCE_DEG}°，仅在结果有效处采用）；旬阳县 610928 对应为旬阳市 610981`,
      },
    },
    {
      id: 'dev-zone-catalogue-2018', name: '中国开发区审核公告目录（2018年版）安康部分', nameEn: 'China development-zone catalogue 2018, Ankang rows',
      files: ['parks.geojson'],
      source: 'Announcement No. 4 of 2018 of the National Development and Reform Commission and five other ministries, extracted by GitHub kaiwulaw/china-industrial-zones-atlas @358d79b',
      licence: 'official document, not subject to copyright (PRC Copyright Law Art. 5); cite the announcement',
      vintage: '2018', crs: 'none (attributes only)', real: true,
      note: 'code, name, level, leading industries and approved area of the 7 catalogue parks; their boundaries are illustrative',
      zh: {
        source: '国家发展改革委等六部门公告2018年第4号，由 GitHub 仓库 kaiwulaw/china-industrial-zones-atlas @358d79b 整理',
        licence: '官方文件，不受著作权保护（《著作权法》第五条）；引用时请注明公告',
        crs: '无（仅属性）',
        note: '目录内 7 个园区的代码、名称、级别、主导产业和核准面积；其边界为示意',
      },
    },
    {
      id: 'rivers', name: '河流（GSHHG WDB II）', nameEn: 'Rivers (GSHHG WDB II)', files: ['../basemap/rivers.geojson'],
      source: 'GSHHG 2.3.7 World Data Bank II rivers, Debian gmt-gshhg-high 2.3.7-6',
      licence: 'LGPL-3.0-or-later', vintage: 'GSHHG 2.3.7 (2017)', crs: 'EPSG:4326', real: true,
      note: 'generalised centre-lines (km scale), unnamed; context only, never for measurement',
      zh: {
        source: 'GSHHG 2.3.7 世界数据库二（WDB II）河流，取自 Debian 软件包 gmt-gshhg-high 2.3.7-6',
        note: '概化的河流中心线（千米级精度），无名称；仅作背景，不可用于量算',
      },
    },
    {
      id: 'park-boundaries', name: '园区边界（示意）', nameEn: 'Park boundaries (illustrative)', files: ['parks.geojson'], ...ILLUSTRATIVE,
      note: 'strips of valley floor on one bank of the river at the real towns, with the approved area; 5 county parks not in the catalogue have invented codes (AK-*) and areas',
      zh: { ...ILLUSTRATIVE_ZH, note: '在真实城镇处沿河一岸的河谷平地上按核准面积划出的条带；目录外的 5 个县级园区，其代码（AK-*）和面积为虚构' },
    },
    { id: 'parcels', name: '宗地（示意）', nameEn: 'Parcels (illustrative)', files: ['parcels.geojson'], ...ILLUSTRATIVE,
      note: 'street-grid parcels with supply, construction and idle-land histories; codes follow the national parcel-code pattern',
      zh: { ...ILLUSTRATIVE_ZH, note: '按路网划分的宗地，含供地、建设和闲置历史；代码按宗地代码规则编制' } },
    { id: 'buildings', name: '建筑（示意）', nameEn: 'Buildings (illustrative)', files: ['buildings.geojson'], ...ILLUSTRATIVE,
      note: 'on every completed parcel as its use and trade imply, with a few under-used parcels and data gaps listed in README.md',
      zh: { ...ILLUSTRATIVE_ZH, note: '每宗已竣工宗地按其用途和行业配置建筑，少数利用不足宗地和数据缺失见 README.md' } },
    { id: 'units', name: '标准化厂房单元（示意）', nameEn: 'Standard-factory units (illustrative)', files: ['units.csv'], ...ILLUSTRATIVE,
      note: 'whole or half floors, with leases and asking rents', zh: { ...ILLUSTRATIVE_ZH, note: '整层或半层，含租约和报价租金' } },
    { id: 'enterprises', name: '企业（示意）', nameEn: 'Enterprises (illustrative)', files: ['enterprises.csv'], ...ILLUSTRATIVE,
      note: 'invented names; USCCs are well formed with correct check characters but belong to no real firm',
      zh: { ...ILLUSTRATIVE_ZH, note: '名称为虚构；统一社会信用代码格式正确、校验位无误，但不属于任何真实企业' } },
    { id: 'land-rights', name: '用地关系（示意）', nameEn: 'Land rights (illustrative)', files: ['land_rights.csv'], ...ILLUSTRATIVE,
      note: 'owners of supplied parcels and tenants of standard-factory units', zh: { ...ILLUSTRATIVE_ZH, note: '已供宗地的土地使用权人和标准化厂房单元的承租企业' } },
    { id: 'indicators', name: '企业年度指标（示意）', nameEn: 'Enterprise annual figures (illustrative)', files: ['indicators.csv'], ...ILLUSTRATIVE,
      note: 'scaled so that park totals keep to the magnitudes of the 2021 Ankang industrial work meeting (see README.md)',
      zh: { ...ILLUSTRATIVE_ZH, note: '按比例缩放，使各园区合计与 2021 年安康市工业工作会议的量级一致（见 README.md）' } },
  ];
  const manifest = {
    format: 'park-bundle/1',
    note: GENERATED_NOTE,
    name: '安康市工业集中区演示数据 Ankang demo',
    crs: 'EPSG:4326',
    generatedBy: 'gis-data/scripts/generate-ankang.ts',
    datasets,
  };
  return JSON.stringify(manifest, null, 2) + '\n';
}
