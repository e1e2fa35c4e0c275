// The figures of an area (a park, a county, the city) as the API gives them: totals in 万元, land in 亩,
// per-mu figures as the area's total over its land in use; null means "not reported", never 0.
import type { LandMetrics } from './types';
import type { LandUseSummary } from './park-types';

/** The nine indicators of an area's firms (backend domain/scheme.ts INDICATOR_KEYS). */
export const INDICATOR_KEYS = [
  'taxWanYuanPerMu',
  'valueAddedWanYuanPerMu',
  'outputWanYuanPerMu',
  'revenueWanYuanPerMu',
  'valueAddedWanYuanPerTce',
  'valueAddedWanYuanPerTonneEmission',
  'laborProductivityWanYuanPerPerson',
  'rdRatio',
  'taxYuanPerKwh',
] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

/**
 * Per mu over the area's land in use; every other ratio over the firms reporting both its terms.
 * R&D share as a fraction of revenue; 单位电耗税收 in 元/kWh.
 */
export type AreaMetrics = Record<IndicatorKey, number | null>;

/** Output, tax and land of an area in one year. */
export interface HeadlineFigures {
  outputWanYuan: number | null;
  taxWanYuan: number | null;
  usedLandMu: number | null;
  outputWanYuanPerMu: number | null;
  taxWanYuanPerMu: number | null;
  enterpriseCount: number;
}

/** GET /api/parks `city`: the city's own figures, summed over its parks (not an average of them). */
export interface CityFigures extends HeadlineFigures {
  /** The city the counties name (610900), or null. */
  code: string | null;
  /** Its name as the data gives it (安康市), or null: the app then says 全市 alone. */
  name: string | null;
  regionCount: number;
  parkCount: number;
  year: number | null;
  landMetrics: LandMetrics | null;
  metrics: AreaMetrics | null;
}

/** GET /api/parks/:code/history: the park's and the city's headline figures, oldest year first. */
export interface ParkHistory {
  parkCode: string;
  years: { year: number; park: HeadlineFigures; city: HeadlineFigures }[];
}

/** GET /api/land-use/summary: the totals of the scope asked, of each county and of each park in it. */
export interface LandUseSummaryAnswer {
  asOf: string;
  year: number;
  schemeId: string;
  city: LandUseSummary;
  regions: Record<string, LandUseSummary>;
  parks: Record<string, LandUseSummary>;
}
