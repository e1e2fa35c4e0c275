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

export function manifestText(): string {
  const datasets = [
    {
      id: 'regions', name: '安康市县级行政区划', nameEn: 'Ankang county boundaries', files: ['regions.geojson'],
      source: 'Amap (高德) district API via GitHub GaryBikini/ChinaAdminDivisonSHP @776a2f1, converted from GCJ-02 to WGS84',
      licence: 'MIT (repository); the geometry comes from Amap, whose terms may restrict redistribution: get legal review before shipping',
      vintage: '2020-06', crs: 'EPSG:4326', real: true,
      note: `lightly simplified (Douglas–Peucker ${COUNTY_SIMPLIFY_TOLERANCE_DEG}°, kept only where valid); 旬阳县 610928 mapped to 旬阳市 610981`,
    },
    {
      id: 'dev-zone-catalogue-2018', name: '中国开发区审核公告目录（2018年版）安康部分', nameEn: 'China development-zone catalogue 2018, Ankang rows',
      files: ['parks.geojson'],
      source: '国家发展改革委等六部门公告2018年第4号, extracted by GitHub kaiwulaw/china-industrial-zones-atlas @358d79b',
      licence: 'official document, not subject to copyright (PRC Copyright Law Art. 5); cite the announcement',
      vintage: '2018', crs: 'none (attributes only)', real: true,
      note: 'code, name, level, leading industries and approved area of the 7 catalogue parks; their boundaries are illustrative',
    },
    {
      id: 'rivers', name: '河流（GSHHG WDB II）', nameEn: 'Rivers (GSHHG WDB II)', files: ['../basemap/rivers.geojson'],
      source: 'GSHHG 2.3.7 World Data Bank II rivers, Debian gmt-gshhg-high 2.3.7-6',
      licence: 'LGPL-3.0-or-later', vintage: 'GSHHG 2.3.7 (2017)', crs: 'EPSG:4326', real: true,
      note: 'generalised centre-lines (km scale), unnamed; context only, never for measurement',
    },
    {
      id: 'park-boundaries', name: '园区边界（示意）', nameEn: 'Park boundaries (illustrative)', files: ['parks.geojson'], ...ILLUSTRATIVE,
      note: 'strips of valley floor on one bank of the river at the real towns, with the approved area; 5 county parks not in the catalogue have invented codes (AK-*) and areas',
    },
    { id: 'parcels', name: '宗地（示意）', nameEn: 'Parcels (illustrative)', files: ['parcels.geojson'], ...ILLUSTRATIVE,
      note: 'street-grid parcels with supply, construction and idle-land histories; codes follow the 宗地代码 pattern' },
    { id: 'buildings', name: '建筑（示意）', nameEn: 'Buildings (illustrative)', files: ['buildings.geojson'], ...ILLUSTRATIVE,
      note: 'on every completed parcel as its use and trade imply, with a few under-used parcels and data gaps listed in README.md' },
    { id: 'units', name: '标准化厂房单元（示意）', nameEn: 'Standard-factory units (illustrative)', files: ['units.csv'], ...ILLUSTRATIVE,
      note: 'whole or half floors, with leases and asking rents' },
    { id: 'enterprises', name: '企业（示意）', nameEn: 'Enterprises (illustrative)', files: ['enterprises.csv'], ...ILLUSTRATIVE,
      note: 'invented names; USCCs are well formed with correct check characters but belong to no real firm' },
    { id: 'land-rights', name: '用地关系（示意）', nameEn: 'Land rights (illustrative)', files: ['land_rights.csv'], ...ILLUSTRATIVE,
      note: 'owners of supplied parcels and tenants of standard-factory units' },
    { id: 'indicators', name: '企业年度指标（示意）', nameEn: 'Enterprise annual figures (illustrative)', files: ['indicators.csv'], ...ILLUSTRATIVE,
      note: 'scaled so that park totals keep to the magnitudes of the 2021 Ankang industrial work meeting (see README.md)' },
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
