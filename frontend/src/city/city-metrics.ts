// The figures the city view colours, ranks and compares parks and counties by, each in its display unit,
// and the thresholds leaders read at a glance. Pure: the API's figures in, display numbers out; the city's
// and the counties' figures come from the API, nothing is summed or averaged here.
import type { LandMetrics, ParkProperties } from '../api/types';

export type MetricId = 'outputWanYuanPerMu' | 'taxWanYuanPerMu' | 'outputWanYuan' | 'landSupplyRate' | 'plotRatio';
/** What the map is coloured by: the park's grade or one metric. */
export type ColourBy = 'grade' | MetricId;

/** Unit of a metric's display value; keys of the i18n `units` table. */
export type DisplayUnit = 'wanYuanPerMu' | 'yiYuan' | 'percent' | 'ratio';

/** What a park, a county and the city each have: the ranked figures, as the API gives them. */
export interface RankedFigures {
  outputWanYuanPerMu?: number | null;
  taxWanYuanPerMu?: number | null;
  outputWanYuan?: number | null;
  landMetrics?: LandMetrics | null;
}

export interface MetricDefinition {
  id: MetricId;
  unit: DisplayUnit;
  /** Decimals of the display value. */
  fractionDigits: number;
  /** The area's value in the display unit; null when not reported. */
  valueOf: (area: RankedFigures) => number | null;
  /** A total (output), which the city row shows as the city's total and no park is compared with. */
  total?: boolean;
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
    total: true,
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

/** -1 below the city figure, 1 above, 0 equal, null when either is missing. */
export function compareToCity(value: number | null, cityValue: number | null): -1 | 0 | 1 | null {
  if (!present(value) || !present(cityValue)) return null;
  return value > cityValue ? 1 : value < cityValue ? -1 : 0;
}
