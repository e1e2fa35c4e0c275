// Display formatting: every number leaves here with its unit. Missing values (null) show as an
// em dash, never as 0. The domain's units (亩, 万元, 亿元) are written in the UI's language: the
// I18nProvider sets it (setUnitLanguage) before anything below it renders.

export const MISSING = '—';

/** The domain's units in each language: 1 亩 (mu) = 666.7 m², 1 万元 = 10,000 yuan, 1 亿元 = 100 million yuan. */
export const UNIT_WORDS = {
  zh: { mu: '亩', wanYuan: '万元', yiYuan: '亿元', wanYuanPerMu: '万元/亩', rentYuanPerSqmMonth: '元/m²·月' },
  en: { mu: 'mu', wanYuan: '10k yuan', yiYuan: '100M yuan', wanYuanPerMu: '10k yuan/mu', rentYuanPerSqmMonth: 'yuan/m²·month' },
} as const;

let units: (typeof UNIT_WORDS)['zh' | 'en'] = UNIT_WORDS.zh;

/** A unit's word in the current language (for headings and labels that show a unit alone). */
export function unitWord(unit: keyof (typeof UNIT_WORDS)['zh']): string {
  return units[unit];
}

/** The language the units are written in from now on. */
export function setUnitLanguage(language: 'zh' | 'en'): void {
  units = UNIT_WORDS[language];
}

const YUAN_PER_WAN_YUAN = 10_000;
const WAN_YUAN_PER_YI_YUAN = 10_000;

const numberFormats = new Map<number, Intl.NumberFormat>();

/** Thousands separators and a fixed number of decimals, independent of the browser's locale. */
export function formatNumber(value: number, fractionDigits = 0): string {
  let format = numberFormats.get(fractionDigits);
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
    numberFormats.set(fractionDigits, format);
  }
  return format.format(value);
}

function isPresent(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** 123.456 → "123.5 万元/亩" */
export function formatWanYuanPerMu(wanYuanPerMu: number | null | undefined): string {
  return isPresent(wanYuanPerMu) ? `${formatNumber(wanYuanPerMu, 1)} ${units.wanYuanPerMu}` : MISSING;
}

/** 1234.4 → "1,234 亩"; below 100 亩 one decimal: 12.34 → "12.3 亩" */
export function formatMu(mu: number | null | undefined): string {
  if (!isPresent(mu)) return MISSING;
  return `${formatNumber(mu, Math.abs(mu) >= 100 ? 0 : 1)} ${units.mu}`;
}

/** 1 亿元 = 0.1 billion yuan; 1 万元 = 0.01 million yuan (for English readers). */
const WAN_YUAN_PER_BILLION_YUAN = 100_000;
const WAN_YUAN_PER_MILLION_YUAN = 100;

/**
 * An amount in 万元, switched to 亿元 from 1 亿元 up: 123456 → "12.35 亿元", 4321.6 → "4,322 万元"; in
 * English in billions and millions of yuan: "1.23 bn yuan", "43.2 M yuan".
 */
export function formatWanYuan(wanYuan: number | null | undefined): string {
  if (!isPresent(wanYuan)) return MISSING;
  if (units === UNIT_WORDS.en) {
    if (Math.abs(wanYuan) >= WAN_YUAN_PER_BILLION_YUAN) return `${formatNumber(wanYuan / WAN_YUAN_PER_BILLION_YUAN, 2)} bn yuan`;
    if (Math.abs(wanYuan) >= WAN_YUAN_PER_MILLION_YUAN) return `${formatNumber(wanYuan / WAN_YUAN_PER_MILLION_YUAN, 1)} M yuan`;
    return `${formatNumber(wanYuan, 1)} ${units.wanYuan}`;
  }
  if (Math.abs(wanYuan) >= WAN_YUAN_PER_YI_YUAN) {
    return `${formatNumber(wanYuan / WAN_YUAN_PER_YI_YUAN, 2)} ${units.yiYuan}`;
  }
  return `${formatNumber(wanYuan, Math.abs(wanYuan) >= 100 ? 0 : 1)} ${units.wanYuan}`;
}

/** An amount in 元, shown in 万元 or 亿元: 1_234_567_890 → "12.35 亿元" */
export function formatYuan(yuan: number | null | undefined): string {
  return isPresent(yuan) ? formatWanYuan(yuan / YUAN_PER_WAN_YUAN) : MISSING;
}

/** A whole count with separators, the unit word added by the caller's language: 2329 → "2,329" */
export function formatCount(count: number | null | undefined): string {
  return isPresent(count) ? formatNumber(Math.round(count), 0) : MISSING;
}

/** A fraction as a percentage: 0.9217 → "92.2 %" */
export function formatPercent(fraction: number | null | undefined): string {
  return isPresent(fraction) ? `${formatNumber(fraction * 100, 1)} %` : MISSING;
}

/** A dimensionless ratio (plot ratio, building density) with two decimals: 0.1654 → "0.17" */
export function formatRatio(ratio: number | null | undefined): string {
  return isPresent(ratio) ? formatNumber(ratio, 2) : MISSING;
}

/** Floor or land area in m², whole: 11708.4 → "11,708 m²" */
export function formatSquareMetres(sqm: number | null | undefined): string {
  return isPresent(sqm) ? `${formatNumber(sqm, 0)} m²` : MISSING;
}

/** 1 亩 = 10000/15 m² exactly (DOMAIN.md §1) */
const SQM_PER_MU = 10_000 / 15;

/** An area in m² shown in 亩, as land is counted: 13340 → "20.0 亩" */
export function formatSqmAsMu(sqm: number | null | undefined): string {
  return isPresent(sqm) ? formatMu(sqm / SQM_PER_MU) : MISSING;
}

/** A small area (an overlap, a sliver) in m², one decimal below 100 m²: 12.34 → "12.3 m²", 1234.5 → "1,235 m²" */
export function formatAreaSqm(sqm: number | null | undefined): string {
  return isPresent(sqm) ? `${formatNumber(sqm, Math.abs(sqm) >= 100 ? 0 : 1)} m²` : MISSING;
}

/** A length in m with one decimal: 28.5 → "28.5 m" */
export function formatLengthMetres(m: number | null | undefined): string {
  return isPresent(m) ? `${formatNumber(m, 1)} m` : MISSING;
}

/** Rent in 元/m²·月 with one decimal: 8.7 → "8.7 元/m²·月" */
export function formatRentYuanPerSqmMonth(rent: number | null | undefined): string {
  return isPresent(rent) ? `${formatNumber(rent, 1)} ${units.rentYuanPerSqmMonth}` : MISSING;
}

/** Floor load in kN/m²: 18 → "18 kN/m²" */
export function formatFloorLoad(load: number | null | undefined): string {
  return isPresent(load) ? `${formatNumber(load, load % 1 === 0 ? 0 : 1)} kN/m²` : MISSING;
}

/** A date as YYYY-MM-DD, or the dash. */
export function formatDate(isoDate: string | null | undefined): string {
  return isoDate ? isoDate.slice(0, 10) : MISSING;
}
