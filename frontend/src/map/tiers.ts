// Classes of 亩均产值 (output per mu, 万元/亩) shared by the park layers and the legend.
// Bounds: lower inclusive, upper exclusive. They bracket Ankang's county parks, whose per-mu output
// sits in the low hundreds of 万元/亩 (DOMAIN.md §9). Colours run red (low) → green (high), opaque and
// saturated so a browser test can find them in a screenshot.

export type Rgb = [number, number, number];
export type Rgba = [number, number, number, number];

export type OutputTierId = 'below50' | 'from50to100' | 'from100to200' | 'from200to300' | 'atLeast300';
export type TierId = OutputTierId | 'noData';

export interface OutputTier {
  id: OutputTierId;
  /** Inclusive lower bound in 万元/亩; null for "no lower bound". */
  minWanYuanPerMu: number | null;
  /** Exclusive upper bound in 万元/亩; null for "no upper bound". */
  maxWanYuanPerMu: number | null;
  color: Rgb;
}

export const TIER_COLORS: Readonly<Record<TierId, Rgb>> = {
  below50: [215, 48, 39],
  from50to100: [245, 130, 32],
  from100to200: [240, 200, 20],
  from200to300: [110, 190, 60],
  atLeast300: [0, 125, 80],
  noData: [150, 150, 150],
};

export const OUTPUT_TIERS: readonly OutputTier[] = [
  { id: 'below50', minWanYuanPerMu: null, maxWanYuanPerMu: 50, color: TIER_COLORS.below50 },
  { id: 'from50to100', minWanYuanPerMu: 50, maxWanYuanPerMu: 100, color: TIER_COLORS.from50to100 },
  { id: 'from100to200', minWanYuanPerMu: 100, maxWanYuanPerMu: 200, color: TIER_COLORS.from100to200 },
  { id: 'from200to300', minWanYuanPerMu: 200, maxWanYuanPerMu: 300, color: TIER_COLORS.from200to300 },
  { id: 'atLeast300', minWanYuanPerMu: 300, maxWanYuanPerMu: null, color: TIER_COLORS.atLeast300 },
];

/** Every class in legend order, the no-data class last. */
export const ALL_TIER_IDS: readonly TierId[] = [...OUTPUT_TIERS.map((tier) => tier.id), 'noData'];

export function classifyOutputPerMu(outputWanYuanPerMu: number | null | undefined): TierId {
  if (typeof outputWanYuanPerMu !== 'number' || !Number.isFinite(outputWanYuanPerMu)) return 'noData';
  const tier = OUTPUT_TIERS.find(
    (t) =>
      (t.minWanYuanPerMu === null || outputWanYuanPerMu >= t.minWanYuanPerMu) &&
      (t.maxWanYuanPerMu === null || outputWanYuanPerMu < t.maxWanYuanPerMu),
  );
  return tier?.id ?? 'noData';
}

export function tierColorFor(outputWanYuanPerMu: number | null | undefined): Rgb {
  return TIER_COLORS[classifyOutputPerMu(outputWanYuanPerMu)];
}

/** The class's range without unit, for the legend: "< 50", "50–100", "≥ 300". */
export function formatTierRange(tier: OutputTier): string {
  const { minWanYuanPerMu: min, maxWanYuanPerMu: max } = tier;
  if (min === null && max !== null) return `< ${max}`;
  if (min !== null && max === null) return `≥ ${min}`;
  return `${min}–${max}`;
}

export function withAlpha([r, g, b]: Rgb, alpha: number): Rgba {
  return [r, g, b, alpha];
}
