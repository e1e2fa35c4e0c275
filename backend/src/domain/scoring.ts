/**
 * Item scores and grades for one pool (a county's 规上 or 规下 firms, or a set of parks), shared by
 * evaluation.ts for enterprises and for aggregates. Scores are never rounded here.
 */
import type { GradeCode, GradingSpec, GroupSpec, IndicatorKey, IndicatorSpec, ScoringSpec } from './scheme.js';
import { itemMaxScore } from './scheme.js';

export type IndicatorValues = Partial<Record<IndicatorKey, number | null>>;

/**
 * Why an item scores 0 whatever its value: the member produced nothing in the year ('noProduction'), or the
 * ratio's denominator is below the scheme's minimum ('belowMinDenominator').
 */
export type ItemFloor = 'noProduction' | 'belowMinDenominator';

export interface PoolMember {
  id: string;
  values: IndicatorValues;
  /** Items floored at 0 by the scheme (evaluation.ts decides from the raw figures). */
  floors?: Partial<Record<IndicatorKey, ItemFloor>>;
}

/** How an item score came about, so that a result explains itself. */
export type ItemBasis = 'scored' | 'capped' | 'nonPositive' | 'missingZero' | 'missingGroupAverage' | 'noBenchmark' | ItemFloor;

export interface ItemScore {
  key: IndicatorKey;
  weight: number;
  /** The most this item can give (cap × weight, or the weight under min–max). */
  maxScore: number;
  value: number | null;
  /** Benchmark ratio: the benchmark; min–max: null. */
  benchmark: number | null;
  /** Min–max: the pool's range of positive values. */
  range: { min: number; max: number } | null;
  score: number;
  basis: ItemBasis;
}

export interface ScoredMember {
  id: string;
  indicatorSet: 'primary' | 'fallback';
  items: ItemScore[];
  /** Item scores by indicator, in scheme order; they sum to `score` exactly (same order, no rounding). */
  contributions: Partial<Record<IndicatorKey, number>>;
  score: number;
}

/** Scores within 1e-9 of each other tie. */
export const SCORE_TIE_TOLERANCE = 1e-9;

/** The fallback set is for a figure not reported; a floored one was reported (0 kWh is power data). */
function chooseSet(group: GroupSpec, member: PoolMember): { set: 'primary' | 'fallback'; specs: IndicatorSpec[] } {
  const key = group.fallback?.whenMissing;
  if (key && member.values[key] == null && !member.floors?.[key]) return { set: 'fallback', specs: group.fallback!.indicators };
  return { set: 'primary', specs: group.indicators };
}

function positiveRange(members: PoolMember[], key: IndicatorKey): { min: number; max: number } | null {
  const vs = members.filter((m) => !m.floors?.[key]).map((m) => m.values[key]).filter((v): v is number => v != null && v > 0);
  return vs.length ? { min: Math.min(...vs), max: Math.max(...vs) } : null;
}

/**
 * One item's score from a known value; a floored item scores 0. Any value ≤ 0 (negative tax after VAT
 * refunds, losses) scores 0. Benchmark ratio: weight × value ÷ benchmark, capped at cap × weight (the item's
 * maxScore). Min–max: the floor share of the weight for the lowest positive value up to the full weight for
 * the highest; all equal → full weight.
 */
function scoreItem(spec: IndicatorSpec, value: number | null, floor: ItemFloor | undefined, scoring: ScoringSpec, benchmark: number | null, range: { min: number; max: number } | null): ItemScore {
  // One object per item, no spreads: a province scores half a million items.
  const maxScore = itemMaxScore(spec.weight, scoring);
  const item = (score: number, basis: ItemBasis): ItemScore => ({ key: spec.key, weight: spec.weight, maxScore, value, benchmark, range, score, basis });
  if (floor) return item(0, floor);
  if (value == null) return item(0, 'missingZero');
  if (!(value > 0)) return item(0, 'nonPositive');
  if (scoring.method === 'minMax') {
    const position = range && range.max > range.min ? (value - range.min) / (range.max - range.min) : 1;
    return item(spec.weight * (scoring.floorShareOfWeight + (1 - scoring.floorShareOfWeight) * position), 'scored');
  }
  if (benchmark == null || !(benchmark > 0)) return item(0, 'noBenchmark');
  const ratioScore = (spec.weight * value) / benchmark;
  return ratioScore > maxScore ? item(maxScore, 'capped') : item(ratioScore, 'scored');
}

const isFloored = (item: ItemScore) => item.basis === 'noProduction' || item.basis === 'belowMinDenominator';

/**
 * Score every member of one pool. Missing values score 0, or (whenMissing 'groupAverageScore') the
 * pool's average share of the weight among members with the value, times this weight (0 if nobody has it);
 * that share is at most the cap, so the fill stays within the item's maxScore. Floored items score 0 and take
 * no part in the average or the min–max range: they are not measurements.
 */
export function scorePool(members: PoolMember[], group: GroupSpec, scoring: ScoringSpec, benchmarks: IndicatorValues): ScoredMember[] {
  const chosen = members.map((m) => ({ member: m, ...chooseSet(group, m) }));
  const ranges = new Map<IndicatorKey, { min: number; max: number } | null>();
  const rangeOf = (key: IndicatorKey) => {
    if (!ranges.has(key)) ranges.set(key, positiveRange(members, key));
    return ranges.get(key)!;
  };
  const firstPass = chosen.map(({ member, set, specs }) => ({
    id: member.id,
    set,
    items: specs.map((spec): ItemScore => {
      const benchmark = scoring.method === 'benchmarkRatio' ? benchmarks[spec.key] ?? null : null;
      const range = scoring.method === 'minMax' ? rangeOf(spec.key) : null;
      return scoreItem(spec, member.values[spec.key] ?? null, member.floors?.[spec.key], scoring, benchmark, range);
    }),
  }));
  // Once per indicator, not once per member missing it: a county pool can hold a thousand firms.
  const averages = new Map<IndicatorKey, number>();
  const averageShare = (key: IndicatorKey): number => {
    let average = averages.get(key);
    if (average == null) {
      let sum = 0;
      let count = 0;
      for (const m of firstPass) {
        for (const i of m.items) if (i.key === key && i.value != null && !isFloored(i)) { sum += i.score / i.weight; count += 1; }
      }
      average = count ? sum / count : 0;
      averages.set(key, average);
    }
    return average;
  };
  return firstPass.map(({ id, set, items }) => {
    const specs = set === 'primary' ? group.indicators : group.fallback!.indicators;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (item.basis === 'missingZero' && specs[i].whenMissing === 'groupAverageScore') items[i] = { ...item, score: Math.min(averageShare(item.key) * item.weight, item.maxScore), basis: 'missingGroupAverage' };
    }
    const filled = items;
    const contributions: Partial<Record<IndicatorKey, number>> = {};
    let score = 0;
    for (const item of filled) {
      contributions[item.key] = item.score;
      score += item.score;
    }
    return { id, indicatorSet: set, items: filled, contributions, score };
  });
}

/**
 * Competition ranks, best first: tied scores share the best rank of their run (1, 2, 2, 4). Order among
 * ties is by id, so output is deterministic.
 */
export function rankByScore(entries: { id: string; score: number }[]): Map<string, number> {
  const sorted = [...entries].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ranks = new Map<string, number>();
  let leader = { score: NaN, rank: 0 };
  sorted.forEach((e, i) => {
    if (!(Math.abs(leader.score - e.score) <= SCORE_TIE_TOLERANCE)) leader = { score: e.score, rank: i + 1 };
    ranks.set(e.id, leader.rank);
  });
  return ranks;
}

/**
 * The grade of a rank within a pool of n. Bands above the last are filled from the top: rank ≤ cumulative
 * share × n (10 firms: ranks 1–2 are A at exactly 20%). The last band is filled from the bottom:
 * n − rank + 1 ≤ its share × n, so "bottom 5%" of 10 firms is nobody. A rank in neither (rounding
 * leftovers) gets the last-but-one grade. Tied firms carry the best rank of their run, so they share the
 * better grade.
 */
export function classifyByRank(rank: number, n: number, grading: GradingSpec): GradeCode {
  const bands = grading.percentileBands;
  const last = bands[bands.length - 1];
  if (bands.length > 1 && n - rank + 1 <= last.share * n + SCORE_TIE_TOLERANCE) return last.grade;
  let cumulative = 0;
  for (const band of bands.slice(0, -1)) {
    cumulative += band.share;
    if (rank <= cumulative * n + SCORE_TIE_TOLERANCE) return band.grade;
  }
  return bands.length > 1 ? bands[bands.length - 2].grade : last.grade;
}

/** Absolute thresholds: the first band whose minScore the score reaches; below all, the last band. */
export function classifyByScore(score: number, grading: GradingSpec): GradeCode {
  const bands = grading.absoluteBands;
  return (bands.find((b) => score >= b.minScore) ?? bands[bands.length - 1]).grade;
}

export interface GradedMember {
  id: string;
  rank: number;
  grade: GradeCode;
}

/** Rank and grade one pool by the scheme's grading method. */
export function gradePool(scored: { id: string; score: number }[], grading: GradingSpec): GradedMember[] {
  const ranks = rankByScore(scored);
  return scored.map(({ id, score }) => {
    const rank = ranks.get(id)!;
    const grade = grading.method === 'percentile' ? classifyByRank(rank, scored.length, grading) : classifyByScore(score, grading);
    return { id, rank, grade };
  });
}
