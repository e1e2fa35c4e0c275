/**
 * Words for the coded values of the exports, in each language: a CSV or spreadsheet is read by people,
 * who should see 已出租 (or Leased), not `leased`. The GIS formats and the bundle keep the codes (programs
 * read them back). A code missing here (a new one) is written as it is.
 */
import { GRADE_LABELS_EN } from '../domain/english-names.js';
import type { ExportLang } from './headers.js';

export type ValueWords = Readonly<Record<string, Readonly<Record<ExportLang, string>>>>;

export const PARK_LEVEL_WORDS: ValueWords = {
  national: { zh: '国家级', en: 'National' },
  provincial: { zh: '省级', en: 'Provincial' },
  county: { zh: '县级', en: 'County' },
};

export const LAND_USE_WORDS: ValueWords = {
  industrial: { zh: '工业用地', en: 'Industrial' },
  warehouse: { zh: '仓储用地', en: 'Warehousing' },
  commercial: { zh: '商服用地', en: 'Commercial' },
  public: { zh: '公共设施用地', en: 'Public facilities' },
  other: { zh: '其他', en: 'Other' },
};

export const IDLE_CAUSE_WORDS: ValueWords = {
  enterprise: { zh: '企业原因', en: 'The enterprise' },
  government: { zh: '政府原因', en: 'The government' },
};

export const BUILDING_KIND_WORDS: ValueWords = {
  standard_factory: { zh: '标准化厂房', en: 'Standard factory' },
  factory: { zh: '自建厂房', en: 'Own factory' },
  warehouse: { zh: '仓库', en: 'Warehouse' },
  office: { zh: '办公楼', en: 'Office' },
  other: { zh: '其他', en: 'Other' },
};

/** 可租/空置 = vacant, 已预留 = reserved, 已出租 = leased: the same words as the app. */
export const UNIT_STATUS_WORDS: ValueWords = {
  vacant: { zh: '空置', en: 'Vacant' },
  leased: { zh: '已出租', en: 'Leased' },
  reserved: { zh: '已预留', en: 'Reserved' },
};

export const ENTERPRISE_STATUS_WORDS: ValueWords = {
  operating: { zh: '在营', en: 'Operating' },
  half_halted: { zh: '半停产', en: 'Partly halted' },
  halted: { zh: '停产', en: 'Halted' },
  closed: { zh: '关闭', en: 'Closed' },
};

export const HOLDER_ROLE_WORDS: ValueWords = {
  owner: { zh: '土地使用权人', en: 'Owner' },
  tenant: { zh: '承租', en: 'Tenant' },
};

export const EVALUATION_GROUP_WORDS: ValueWords = {
  aboveScale: { zh: '规上企业', en: 'Above scale' },
  belowScale: { zh: '规下企业', en: 'Below scale' },
};

/** Why a firm is not graded (domain/evaluation.ts IneligibleReason). */
export const INELIGIBLE_REASON_WORDS: ValueWords = {
  mergedIntoOwner: { zh: '并入产权方评价', en: "Merged into the owner's result" },
  excludedIndustry: { zh: '行业不参评（水电气等）', en: 'Industry not graded (utilities)' },
  registeredTooRecently: { zh: '注册时间不足', en: 'Registered too recently' },
  inConstructionPeriod: { zh: '尚在建设期', en: 'Still in its construction period' },
  noFigures: { zh: '无年度数据', en: 'No figures for the year' },
  noLand: { zh: '无用地', en: 'No land' },
  belowMinLand: { zh: '用地不足参评门槛', en: 'Land below the threshold' },
};

/** The default scheme's grade labels (domain/default-scheme.json) in English; other schemes' labels stay as written. */
export const GRADE_LABEL_WORDS: ValueWords = Object.fromEntries(
  Object.entries(GRADE_LABELS_EN).map(([zh, en]) => [zh, { zh, en }]),
);

/** A coded value in words of the language, or the value itself when it has none. */
export function wordOf(words: ValueWords | undefined, value: string, lang: ExportLang): string {
  return words?.[value]?.[lang] ?? value;
}

/** Units of the export headers in English (Chinese counting words are left out: "Floors", not "Floors (层)"). */
export const UNIT_EN: Readonly<Record<string, string | null>> = {
  亩: 'mu',
  万元: '10k yuan',
  '万元/亩': '10k yuan/mu',
  吨标准煤: 'tce',
  吨: 't',
  千瓦时: 'kWh',
  '元/m²/月': 'yuan/m²/month',
  层: null,
  家: null,
  宗: null,
  人: null,
  天: null,
};
