// The figures the city view colours, ranks and compares parks by, each in its display unit, and the
// thresholds leaders read at a glance. Pure: park properties in, numbers out.
import type { ParkProperties } from '../api/types';

export type MetricId = 'outputWanYuanPerMu' | 'taxWanYuanPerMu' | 'outputWanYuan' | 'landSupplyRate' | 'plotRatio';
/** What the map is coloured by: the park's grade or one metric. */
export type ColourBy = 'grade' | MetricId;

/** Unit of a metric's display value; keys of the i18n `units` table. */
export type DisplayUnit = 'wanYuanPerMu' | 'yiYuan' | 'percent' | 'ratio';

export interface MetricDefinition {
  id: MetricId;
  unit: DisplayUnit;
  /** Decimals of the display value. */
  fractionDigits: number;
  /** The park's value in the display unit; null when not reported. */
  valueOf: (park: ParkProperties) => number | null;
}

const WAN_YUAN_PER_YI_YUAN = 10_000;
const PERCENT_PER_UNIT = 100;

const present = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);
const scaled = (value: number | null | undefined, factor: number) => (present(value) ? value * factor : null);

export const METRICS: Readonly<Record<MetricId, MetricDefinition>> = {
  outputWanYuanPerMu: { id: 'outputWanYuanPerMu', unit: 'wanYuanPerMu', fractionDigits: 1, valueOf: (p) => scaled(p.outputWanYuanPerMu, 1) },
  taxWanYuanPerMu: { id: 'taxWanYuanPerMu', unit: 'wanYuanPerMu', fractionDigits: 1, valueOf: (p) => scaled(p.taxWanYuanPerMu, 1) },
  outputWanYuan: {
    id: 'outputWanYuan',
    unit: 'yiYuan',
    fractionDigits: 1,
    valueOf: (p) => scaled(p.outputWanYuan, 1 / WAN_YUAN_PER_YI_YUAN),
  },
  landSupplyRate: {
    id: 'landSupplyRate',
    unit: 'percent',
    fractionDigits: 1,
    valueOf: (p) => scaled(p.landMetrics?.landSupplyRate, PERCENT_PER_UNIT),
  },
  plotRatio: { id: 'plotRatio', unit: 'ratio', fractionDigits: 2, valueOf: (p) => scaled(p.landMetrics?.plotRatio, 1) },
};

export const METRIC_IDS: readonly MetricId[] = Object.keys(METRICS) as MetricId[];
export const COLOUR_BY_OPTIONS: readonly ColourBy[] = ['grade', ...METRIC_IDS];

export function isColourBy(value: string | null): value is ColourBy {
  return value !== null && (COLOUR_BY_OPTIONS as readonly string[]).includes(value);
}

/** Output above this is a 百亿 park (10,000,000,000 元 = 1,000,000 万元). */
export const LARGE_OUTPUT_WAN_YUAN = 1_000_000;
/** Output below this is a small park (10 亿元). */
export const SMALL_OUTPUT_WAN_YUAN = 100_000;
/** Output per mu below this is low-yield (100 万元/亩). */
export const LOW_OUTPUT_WAN_YUAN_PER_MU = 100;

export type ParkFlag = 'largeOutput' | 'smallOutput' | 'lowOutputPerMu';

/** The at-a-glance marks of a park: 100亿+ or under 10亿 output, under 100 万元/亩. */
export function findParkFlags(park: ParkProperties): ParkFlag[] {
  const flags: ParkFlag[] = [];
  if (present(park.outputWanYuan) && park.outputWanYuan > LARGE_OUTPUT_WAN_YUAN) flags.push('largeOutput');
  if (present(park.outputWanYuan) && park.outputWanYuan < SMALL_OUTPUT_WAN_YUAN) flags.push('smallOutput');
  if (present(park.outputWanYuanPerMu) && park.outputWanYuanPerMu < LOW_OUTPUT_WAN_YUAN_PER_MU) flags.push('lowOutputPerMu');
  return flags;
}

const sumOf = (values: number[]) => values.reduce((s, v) => s + v, 0);
const meanOf = (values: number[]) => (values.length > 0 ? sumOf(values) / values.length : null);

/**
 * The city's figure for each metric, in display units. Per-mu figures are city totals over city land
 * (Σ output ÷ Σ used land of the parks reporting both), not a mean of ratios, so a small park does not
 * weigh as much as a large one; output is the mean per park; rates and plot ratio are park means
 * (the API gives no city totals of their land inputs).
 */
export function computeCityAverages(parks: readonly ParkProperties[]): Record<MetricId, number | null> {
  const perMu = (amountOf: (p: ParkProperties) => number | null) => {
    const reporting = parks.filter((p) => present(amountOf(p)) && present(p.usedLandMu) && p.usedLandMu > 0);
    if (reporting.length === 0) return null;
    return sumOf(reporting.map((p) => amountOf(p)!)) / sumOf(reporting.map((p) => p.usedLandMu!));
  };
  const meanMetric = (id: MetricId) =>
    meanOf(parks.map((p) => METRICS[id].valueOf(p)).filter(present));
  return {
    outputWanYuanPerMu: perMu((p) => p.outputWanYuan),
    taxWanYuanPerMu: perMu((p) => p.taxWanYuan),
    outputWanYuan: meanMetric('outputWanYuan'),
    landSupplyRate: meanMetric('landSupplyRate'),
    plotRatio: meanMetric('plotRatio'),
  };
}

/** -1 below the city figure, 1 above, 0 equal, null when either is missing. */
export function compareToAverage(value: number | null, average: number | null): -1 | 0 | 1 | null {
  if (!present(value) || !present(average)) return null;
  return value > average ? 1 : value < average ? -1 : 0;
}
