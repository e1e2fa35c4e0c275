/**
 * The columns of every export: one key (GeoJSON property, GeoPackage column), a Chinese and an English
 * header with the unit, and a Shapefile (dBase) field name of at most 10 ASCII characters. The README's
 * "Export" section and the `fields.csv` inside every Shapefile zip list the same mapping.
 */
import {
  BUILDING_KIND_WORDS,
  ENTERPRISE_STATUS_WORDS,
  EVALUATION_GROUP_WORDS,
  GRADE_LABEL_WORDS,
  HOLDER_ROLE_WORDS,
  IDLE_CAUSE_WORDS,
  INELIGIBLE_REASON_WORDS,
  LAND_USE_WORDS,
  PARK_LEVEL_WORDS,
  UNIT_EN,
  UNIT_STATUS_WORDS,
  type ValueWords,
} from './value-words.js';

export type ColumnType = 'text' | 'number' | 'integer' | 'date' | 'boolean';
export type ExportLang = 'zh' | 'en';

export interface ExportColumn {
  key: string;
  zh: string;
  en: string;
  type: ColumnType;
  /** dBase field name: ≤ 10 ASCII characters, unique within its layer. */
  shp: string;
  /** Unit shown in the header, e.g. 亩, 万元/亩 (in English headers: mu, 10k yuan/mu; value-words.ts UNIT_EN). */
  unit?: string;
  /** Words for the column's coded values in CSV and XLSX (value-words.ts); the GIS formats keep the codes. */
  words?: ValueWords;
  /** Digits after the point in CSV and Shapefile (GeoJSON, GeoPackage and XLSX keep full precision). */
  decimals?: number;
}

export type CellValue = string | number | boolean | null;

export interface ExportFeature {
  properties: Record<string, CellValue>;
  geometry: GeoJSON.Geometry | null;
}

/** One layer ready to write: columns, features, and whether it has geometry at all. */
export interface ExportTable {
  layer: string;
  columns: ExportColumn[];
  features: ExportFeature[];
  hasGeometry: boolean;
}

/** The header of a column in a language: "用地面积(亩)", "Land area (mu)". */
export function headerOf(column: ExportColumn, lang: ExportLang): string {
  if (lang === 'en') {
    const unit = column.unit === undefined ? null : column.unit in UNIT_EN ? UNIT_EN[column.unit] : column.unit;
    return unit ? `${column.en} (${unit})` : column.en;
  }
  return column.unit ? `${column.zh}(${column.unit})` : column.zh;
}

const worded = (column: ExportColumn, words: ValueWords): ExportColumn => ({ ...column, words });

const col = (key: string, shp: string, zh: string, en: string, type: ColumnType, unit?: string, decimals?: number): ExportColumn =>
  ({ key, shp, zh, en, type, ...(unit ? { unit } : {}), ...(decimals != null ? { decimals } : {}) });
const text = (key: string, shp: string, zh: string, en: string) => col(key, shp, zh, en, 'text');
const date = (key: string, shp: string, zh: string, en: string) => col(key, shp, zh, en, 'date');
const int = (key: string, shp: string, zh: string, en: string, unit?: string) => col(key, shp, zh, en, 'integer', unit);
const num = (key: string, shp: string, zh: string, en: string, unit: string | undefined, decimals: number) =>
  col(key, shp, zh, en, 'number', unit, decimals);
const bool = (key: string, shp: string, zh: string, en: string) => col(key, shp, zh, en, 'boolean');

const parkCode = text('park_code', 'park_code', '园区代码', 'Park code');
const parkName = text('park_name', 'park_name', '园区名称', 'Park');
const regionCode = text('region_code', 'region_cd', '县区代码', 'County code');
const regionName = text('region_name', 'region_nm', '县区', 'County');
const illustrative = bool('illustrative', 'illustr', '示意数据', 'Illustrative');
const year = int('year', 'year', '年度', 'Year');
const uscc = text('uscc', 'uscc', '统一社会信用代码', 'USCC');
const enterpriseName = text('enterprise_name', 'ent_name', '企业名称', 'Enterprise');
const wanYuan = (key: string, shp: string, zh: string, en: string) => num(key, shp, zh, en, '万元', 4);
const perMu = (key: string, shp: string, zh: string, en: string) => num(key, shp, zh, en, '万元/亩', 4);

export const LAYER_COLUMNS = {
  parks: [
    text('code', 'code', '园区代码', 'Park code'),
    text('name', 'name', '园区名称', 'Park'),
    regionCode,
    regionName,
    worded(text('level', 'level', '园区级别', 'Level'), PARK_LEVEL_WORDS),
    text('leading_industries', 'industries', '主导产业', 'Leading industries'),
    num('approved_area_mu', 'appr_mu', '核准面积', 'Approved area', '亩', 2),
    num('area_mu', 'area_mu', '园区面积', 'Park area', '亩', 2),
    year,
    wanYuan('output_wan_yuan', 'output_wy', '产值', 'Output'),
    wanYuan('tax_wan_yuan', 'tax_wy', '税收', 'Tax'),
    num('used_land_mu', 'used_mu', '已用地面积', 'Land in use', '亩', 4),
    perMu('output_wan_yuan_per_mu', 'out_wy_mu', '亩均产值', 'Output per mu'),
    perMu('tax_wan_yuan_per_mu', 'tax_wy_mu', '亩均税收', 'Tax per mu'),
    num('land_supply_rate', 'supply_rt', '土地供应率', 'Land supply rate', undefined, 4),
    num('plot_ratio', 'plot_ratio', '综合容积率', 'Plot ratio', undefined, 4),
    int('enterprise_count', 'firms', '企业数', 'Enterprises', '家'),
    int('parcel_count', 'parcels', '宗地数', 'Parcels', '宗'),
    text('grade', 'grade', '档次', 'Grade'),
    num('grade_score', 'score', '综合得分', 'Score', undefined, 2),
    illustrative,
  ],
  parcels: [
    text('code', 'code', '宗地代码', 'Parcel code'),
    parkCode,
    parkName,
    regionCode,
    worded(text('land_use', 'land_use', '土地用途', 'Land use'), LAND_USE_WORDS),
    num('land_area_sqm', 'area_sqm', '用地面积', 'Land area', 'm²', 2),
    num('land_area_mu', 'area_mu', '用地面积', 'Land area', '亩', 4),
    date('supplied_on', 'supplied', '供地日期', 'Supplied on'),
    date('agreed_start_on', 'agr_start', '约定开工日期', 'Agreed start'),
    date('agreed_completion_on', 'agr_compl', '约定竣工日期', 'Agreed completion'),
    date('started_on', 'started', '实际开工日期', 'Started on'),
    date('completed_on', 'completed', '实际竣工日期', 'Completed on'),
    date('work_stopped_on', 'stopped', '停工日期', 'Work stopped on'),
    num('developed_area_sqm', 'dev_sqm', '已动工开发面积', 'Developed area', 'm²', 2),
    wanYuan('planned_investment_wan_yuan', 'plan_inv', '计划投资', 'Planned investment'),
    wanYuan('invested_wan_yuan', 'invested', '已完成投资', 'Invested'),
    wanYuan('land_price_wan_yuan', 'land_price', '土地出让价款', 'Land price'),
    worded(text('idle_cause', 'idle_cause', '闲置原因', 'Idle cause'), IDLE_CAUSE_WORDS),
    perMu('target_tax_wan_yuan_per_mu', 'tgt_tax', '约定亩均税收', 'Agreed tax per mu'),
    perMu('target_investment_wan_yuan_per_mu', 'tgt_inv', '约定亩均投资', 'Agreed investment per mu'),
    num('target_plot_ratio', 'tgt_plot', '约定容积率', 'Agreed plot ratio', undefined, 2),
    text('owners', 'owners', '土地使用权人', 'Owners'),
    text('tenants', 'tenants', '承租企业', 'Tenants'),
    illustrative,
  ],
  buildings: [
    text('code', 'code', '建筑代码', 'Building code'),
    parkCode,
    text('parcel_code', 'parcel', '宗地代码', 'Parcel code'),
    worded(text('kind', 'kind', '建筑类型', 'Kind'), BUILDING_KIND_WORDS),
    int('floors', 'floors', '层数', 'Floors', '层'),
    num('floor_area_sqm', 'floor_sqm', '建筑面积', 'Floor area', 'm²', 2),
    num('footprint_sqm', 'foot_sqm', '基底面积', 'Footprint', 'm²', 2),
    num('height_m', 'height_m', '建筑高度', 'Height', 'm', 2),
    date('completed_on', 'completed', '竣工日期', 'Completed on'),
    illustrative,
    // From the building's units: lettable = leased + reserved (promised, not offered) + vacant (offered)
    num('lettable_sqm', 'let_sqm', '可出租面积', 'Lettable', 'm²', 2),
    num('leased_sqm', 'leased_sqm', '已出租面积', 'Leased', 'm²', 2),
    num('reserved_sqm', 'resv_sqm', '已预留面积', 'Reserved', 'm²', 2),
    num('vacant_sqm', 'vacant_sqm', '空置面积', 'Vacant', 'm²', 2),
    num('occupancy_rate', 'occupancy', '出租率', 'Occupancy rate', undefined, 4),
  ],
  units: [
    text('code', 'code', '单元代码', 'Unit code'),
    text('building_code', 'building', '建筑代码', 'Building code'),
    parkCode,
    int('floor', 'floor', '楼层', 'Floor'),
    num('area_sqm', 'area_sqm', '面积', 'Area', 'm²', 2),
    worded(text('status', 'status', '出租状态', 'Letting status'), UNIT_STATUS_WORDS),
    text('tenant_uscc', 'tenant', '承租企业代码', 'Tenant USCC'),
    text('tenant_name', 'tenant_nm', '承租企业', 'Tenant'),
    date('lease_start_on', 'lease_from', '租期起', 'Lease start'),
    date('lease_end_on', 'lease_to', '租期止', 'Lease end'),
    num('rent_yuan_per_sqm_month', 'rent', '租金', 'Rent', '元/m²/月', 2),
    num('ceiling_height_m', 'ceiling_m', '层高', 'Ceiling height', 'm', 2),
    num('floor_load_kn_per_sqm', 'load_kn', '楼面荷载', 'Floor load', 'kN/m²', 2),
  ],
  enterprises: [
    uscc,
    text('name', 'name', '企业名称', 'Enterprise'),
    text('industry_code', 'industry', '行业代码', 'Industry code'),
    bool('above_scale', 'abv_scale', '规上企业', 'Above scale'),
    worded(text('status', 'status', '经营状态', 'Status'), ENTERPRISE_STATUS_WORDS),
    date('status_since', 'status_on', '状态起始日期', 'Status since'),
    date('registered_on', 'registered', '注册日期', 'Registered on'),
    parkCode,
    regionCode,
  ],
  land_rights: [
    uscc,
    enterpriseName,
    text('parcel_code', 'parcel', '宗地代码', 'Parcel code'),
    parkCode,
    worded(text('role', 'role', '权利类型', 'Role'), HOLDER_ROLE_WORDS),
    num('leased_floor_area_sqm', 'lease_sqm', '租用建筑面积', 'Leased floor area', 'm²', 2),
  ],
  indicators: [
    uscc,
    enterpriseName,
    parkCode,
    year,
    wanYuan('output_wan_yuan', 'output_wy', '产值', 'Output'),
    wanYuan('revenue_wan_yuan', 'revenue_wy', '营业收入', 'Revenue'),
    wanYuan('value_added_wan_yuan', 'va_wy', '增加值', 'Value added'),
    wanYuan('tax_wan_yuan', 'tax_wy', '税收', 'Tax'),
    num('energy_tce', 'energy_tce', '综合能耗', 'Energy', '吨标准煤', 2),
    num('emissions_t', 'emission_t', '主要污染物排放', 'Emissions', '吨', 2),
    num('electricity_kwh', 'elec_kwh', '用电量', 'Electricity', '千瓦时', 0),
    int('employees', 'employees', '从业人员', 'Employees', '人'),
    wanYuan('rd_wan_yuan', 'rd_wy', '研发投入', 'R&D spending'),
  ],
  evaluations: [
    uscc,
    text('name', 'name', '企业名称', 'Enterprise'),
    parkCode,
    regionCode,
    year,
    worded(text('group', 'group', '评价分组', 'Group'), EVALUATION_GROUP_WORDS),
    bool('eligible', 'eligible', '参评', 'Graded'),
    worded(text('reason', 'reason', '未参评原因', 'Not graded because'), INELIGIBLE_REASON_WORDS),
    num('land_area_mu', 'land_mu', '用地面积', 'Land area', '亩', 4),
    perMu('tax_wan_yuan_per_mu', 'tax_wy_mu', '亩均税收', 'Tax per mu'),
    perMu('value_added_wan_yuan_per_mu', 'va_wy_mu', '亩均增加值', 'Value added per mu'),
    perMu('output_wan_yuan_per_mu', 'out_wy_mu', '亩均产值', 'Output per mu'),
    num('score', 'score', '综合得分', 'Score', undefined, 2),
    int('rank', 'rank', '排名', 'Rank'),
    int('pool_size', 'pool_size', '同组企业数', 'Pool size', '家'),
    text('grade', 'grade', '档次', 'Grade'),
    worded(text('grade_label', 'grade_lbl', '档次名称', 'Grade label'), GRADE_LABEL_WORDS),
    text('computed_grade', 'comp_grade', '测算档次', 'Computed grade'),
    bool('adjusted', 'adjusted', '已调档', 'Adjusted'),
    text('adjusted_grade', 'adj_grade', '调档后档次', 'Adjusted grade'),
    text('adjustment_reason', 'adj_reason', '调档理由', 'Adjustment reason'),
    text('adjusted_by', 'adj_by', '调档人', 'Adjusted by'),
    text('adjusted_at', 'adj_at', '调档时间', 'Adjusted at'),
  ],
  'idle-land': [
    text('kind', 'kind', '类型代码', 'Kind'),
    text('kind_label', 'kind_label', '类型', 'Kind label'),
    text('rule', 'rule', '认定规则', 'Rule'),
    text('parcel_code', 'parcel', '宗地代码', 'Parcel code'),
    parkCode,
    text('uscc', 'uscc', '统一社会信用代码', 'USCC'),
    date('as_of', 'as_of', '认定日期', 'As of'),
    date('since', 'since', '起算日期', 'Since'),
    int('days_idle', 'days_idle', '闲置天数', 'Days idle', '天'),
    wanYuan('fee_wan_yuan', 'fee_wy', '土地闲置费', 'Idle-land fee'),
    date('take_back_from', 'take_back', '可无偿收回日期', 'Take back from'),
    num('area_mu', 'area_mu', '面积', 'Area', '亩', 4),
    text('detail', 'detail', '依据', 'Evidence'),
  ],
} as const satisfies Record<string, readonly ExportColumn[]>;

export type ExportLayer = keyof typeof LAYER_COLUMNS;
export const EXPORT_LAYERS = Object.keys(LAYER_COLUMNS) as ExportLayer[];

/** Layers with a geometry per row; the others are tables (GeoJSON with null geometry, CSV, XLSX). */
export const GEOMETRY_LAYERS: ReadonlySet<ExportLayer> = new Set(['parks', 'parcels', 'buildings', 'idle-land']);

/** Chinese and English names of the layers, for file names. */
export const LAYER_TITLES: Record<ExportLayer, { zh: string; en: string }> = {
  parks: { zh: '园区', en: 'parks' },
  parcels: { zh: '宗地', en: 'parcels' },
  buildings: { zh: '建筑', en: 'buildings' },
  units: { zh: '厂房单元', en: 'units' },
  enterprises: { zh: '企业', en: 'enterprises' },
  land_rights: { zh: '土地权利', en: 'land-rights' },
  indicators: { zh: '企业指标', en: 'indicators' },
  evaluations: { zh: '亩均效益评价', en: 'evaluations' },
  'idle-land': { zh: '闲置低效用地', en: 'idle-land' },
};
