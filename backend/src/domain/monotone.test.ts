import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME } from './default-scheme.js';
import { gradeAggregates } from './evaluation.js';
import type { EntityMetrics } from './metrics.js';
import type { EvaluationScheme, GroupKey, IndicatorKey } from './scheme.js';
import { INDICATOR_KEYS, listGradeCodes } from './scheme.js';
import type { IndicatorValues, ItemFloor, PoolMember } from './scoring.js';
import { gradePool, scorePool, SCORE_TIE_TOLERANCE } from './scoring.js';

// Monotone scoring: within one pool, a member no better than another on every indicator the scheme scores
// never gets a higher score, a better rank or a better grade. Generated pools, from a fixed seed.
//
// The comparison is between members that report the same figures (and are floored on the same items): a
// missing figure is not a worse one. The scheme scores it 0, or the group's average (emissions), and a 规下
// firm without power data is scored on tax per mu alone (the fallback set); so a firm that reports a poor
// figure can score below one that reports none. That is the scheme's rule for missing data, stated in its
// source; among firms that report the same figures the order always follows the figures. Likewise a ratio
// floored at 0 (no production, or a denominator below the scheme's minimum) is not a measurement, so members
// are compared only when the same items are floored.

/** mulberry32: a small, seeded generator, so that a failure can be replayed. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

/** A value around the benchmark (0 to 3 ×), sometimes 0 or negative, sometimes missing when `missing`. */
function valueNear(random: Random, benchmark: number, missing: boolean): number | null {
  if (missing) return null;
  const r = random();
  if (r < 0.05) return 0;
  if (r < 0.1) return -benchmark * random();
  return benchmark * 3 * random();
}

/** A member no better than `m` on every indicator: each value lowered (or kept), the same ones missing. */
function worsen(random: Random, m: PoolMember, id: string): PoolMember {
  const values: IndicatorValues = {};
  for (const [key, v] of Object.entries(m.values) as [IndicatorKey, number | null][]) {
    values[key] = v == null ? null : random() < 0.3 ? v : v - Math.abs(v) * random() - (random() < 0.1 ? 1 : 0);
  }
  return { id, values, floors: m.floors };
}

function generatePool(random: Random, scheme: EvaluationScheme, group: GroupKey, size: number): PoolMember[] {
  const benchmarks = scheme.groups[group].benchmarks;
  const keys = INDICATOR_KEYS.filter((k) => benchmarks[k]);
  const members: PoolMember[] = [];
  for (let i = 0; i < size; i++) {
    if (members.length && random() < 0.5) {
      members.push(worsen(random, members[Math.floor(random() * members.length)], `m${i}`));
      continue;
    }
    const values: IndicatorValues = {};
    for (const key of keys) values[key] = valueNear(random, benchmarks[key]!.value, random() < 0.15);
    const floors: Partial<Record<IndicatorKey, ItemFloor>> = {};
    if (random() < 0.1) for (const key of scheme.noProduction.flooredIndicators) floors[key] = 'noProduction';
    members.push({ id: `m${i}`, values, floors });
  }
  return members;
}

const samePattern = (a: PoolMember, b: PoolMember) =>
  INDICATOR_KEYS.every((k) => (a.values[k] == null) === (b.values[k] == null) && a.floors?.[k] === b.floors?.[k]);
const noBetter = (a: PoolMember, b: PoolMember) => INDICATOR_KEYS.every((k) => a.values[k] == null || a.values[k]! <= b.values[k]!);

interface Outcome {
  score: number;
  rank: number;
  grade: string;
}

/** Every ordered pair (a no better than b, same pattern) and the outcomes that break monotonicity. */
function findViolations(members: PoolMember[], outcome: Map<string, Outcome>, gradeOrder: string[]) {
  let compared = 0;
  const violations: string[] = [];
  for (const a of members) {
    for (const b of members) {
      if (a === b || !samePattern(a, b) || !noBetter(a, b)) continue;
      compared += 1;
      const [oa, ob] = [outcome.get(a.id)!, outcome.get(b.id)!];
      if (oa.score > ob.score + SCORE_TIE_TOLERANCE) violations.push(`${a.id} scores ${oa.score} > ${b.id} ${ob.score}`);
      if (oa.rank < ob.rank) violations.push(`${a.id} ranks ${oa.rank} before ${b.id} ${ob.rank}`);
      if (gradeOrder.indexOf(oa.grade) < gradeOrder.indexOf(ob.grade)) violations.push(`${a.id} ${oa.grade} better than ${b.id} ${ob.grade}`);
    }
  }
  return { compared, violations };
}

const schemes: [string, EvaluationScheme][] = [
  ['the default scheme', DEFAULT_SCHEME],
  ['a cap of 2 × weight', { ...DEFAULT_SCHEME, scoring: { ...DEFAULT_SCHEME.scoring, capMultipleOfWeight: 2, maxScore: 200 } as EvaluationScheme['scoring'] }],
  ['min–max scoring', { ...DEFAULT_SCHEME, scoring: { method: 'minMax', floorShareOfWeight: 0.2, maxScore: 100, source: 'test' } }],
];

describe.each(schemes)('monotone scoring under %s', (_, scheme) => {
  it.each<GroupKey>(['aboveScale', 'belowScale'])('never puts a firm ahead of one it is no better than, in 300 generated %s pools', (group) => {
    const random = seeded(group === 'aboveScale' ? 14 : 41);
    let compared = 0;
    const violations: string[] = [];
    for (let pool = 0; pool < 300; pool++) {
      const members = generatePool(random, scheme, group, 2 + Math.floor(random() * 40));
      const benchmarks = Object.fromEntries(Object.entries(scheme.groups[group].benchmarks).map(([k, b]) => [k, b!.value]));
      const scored = scorePool(members, scheme.groups[group], scheme.scoring, benchmarks);
      const graded = new Map(gradePool(scored, scheme.grading).map((g) => [g.id, g]));
      const outcome = new Map(scored.map((s) => [s.id, { score: s.score, rank: graded.get(s.id)!.rank, grade: graded.get(s.id)!.grade }]));
      const found = findViolations(members, outcome, listGradeCodes(scheme));
      compared += found.compared;
      violations.push(...found.violations.map((v) => `pool ${pool}: ${v}`));
    }
    expect(compared).toBeGreaterThan(1000);
    expect(violations).toEqual([]);
  });
});

describe('monotone grading of parks (gradeAggregates)', () => {
  it('never puts a park ahead of one it is no better than, in 300 generated sets of parks', () => {
    const random = seeded(2025);
    let compared = 0;
    const violations: string[] = [];
    for (let round = 0; round < 300; round++) {
      const members = generatePool(random, DEFAULT_SCHEME, 'aboveScale', 2 + Math.floor(random() * 15)).map((m) => ({ ...m, floors: {} }));
      const parks = members.map((m) => ({ code: m.id, metrics: Object.fromEntries(INDICATOR_KEYS.map((k) => [k, m.values[k] ?? null])) as unknown as EntityMetrics }));
      const graded = gradeAggregates(parks, DEFAULT_SCHEME);
      const outcome = new Map(graded.map((g) => [g.code, { score: g.score, rank: g.rank, grade: g.grade }]));
      const found = findViolations(members, outcome, listGradeCodes(DEFAULT_SCHEME));
      compared += found.compared;
      violations.push(...found.violations.map((v) => `round ${round}: ${v}`));
    }
    expect(compared).toBeGreaterThan(500);
    expect(violations).toEqual([]);
  });
});
