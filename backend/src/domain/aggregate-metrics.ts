/**
 * The metrics of a park or region from its firms' figures, each ratio over the firms it can speak for: a
 * ratio of two figures sums both over the firms whose own ratio is defined (value added per tce: the value
 * added of the firms that report their energy, over that energy), so that no numerator is divided by a
 * denominator it does not belong to. Per-mu ratios sum the firms that report the figure, over the area's land.
 */
import type { EntityMetrics, RawFigures } from './metrics.js';
import { computeEntityMetrics, divideOrNull, sumFigures } from './metrics.js';
import type { IndicatorKey } from './scheme.js';
import { INDICATOR_KEYS, INDICATOR_TERMS } from './scheme.js';

export interface AggregateMetrics {
  metrics: EntityMetrics;
  /** Each ratio's summed denominator (m² of land for the per-mu ones); null where no firm's ratio is defined. */
  denominators: Record<IndicatorKey, number | null>;
}

export function computeAggregateMetrics(figures: RawFigures[], landAreaSqm: number | null): AggregateMetrics {
  const metrics = {} as EntityMetrics;
  const denominators = {} as Record<IndicatorKey, number | null>;
  for (const key of INDICATOR_KEYS) {
    const { numerator, denominator } = INDICATOR_TERMS[key];
    const covered = denominator === 'landAreaSqm'
      ? figures.filter((f) => f[numerator] != null)
      : figures.filter((f) => divideOrNull(f[numerator], f[denominator]) != null);
    const sum = sumFigures(covered);
    metrics[key] = computeEntityMetrics(sum, landAreaSqm)[key];
    denominators[key] = denominator === 'landAreaSqm' ? landAreaSqm : covered.length ? sum[denominator] : null;
  }
  return { metrics, denominators };
}
