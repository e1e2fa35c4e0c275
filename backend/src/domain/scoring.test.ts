import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME } from './default-scheme.js';
import type { GroupSpec, ScoringSpec } from './scheme.js';
import { classifyByRank, classifyByScore, gradePool, rankByScore, scorePool } from './scoring.js';

const grading = DEFAULT_SCHEME.grading;
const taxOnly: GroupSpec = {
  label: 'test',
  indicators: [{ key: 'taxWanYuanPerMu', weight: 30, whenMissing: 'scoreZero' }],
  fallback: null,
  benchmarks: { taxWanYuanPerMu: { value: 20, source: 'test' } },
};
const benchmarkRatio: ScoringSpec = { method: 'benchmarkRatio', benchmarkMode: { kind: 'published' }, capMultipleOfWeight: 2, maxScore: 60, source: 'test' };
const minMax: ScoringSpec = { method: 'minMax', floorShareOfWeight: 0.2, maxScore: 30, source: 'test' };
const scoreTax = (values: (number | null)[], scoring: ScoringSpec = benchmarkRatio) =>
  scorePool(values.map((v, i) => ({ id: `f${i}`, values: { taxWanYuanPerMu: v } })), taxOnly, scoring, { taxWanYuanPerMu: 20 }).map((s) => s.items[0]);

describe('item scores by benchmark ratio', () => {
  it.each([
    [20, 30, 'scored'],
    [10, 15, 'scored'],
    [39.99, 59.985, 'scored'],
    [40, 60, 'scored'],
    [40.01, 60, 'capped'],
    [200, 60, 'capped'],
    [0, 0, 'nonPositive'],
    [-1.33, 0, 'nonPositive'],
    [null, 0, 'missingZero'],
  ])('tax %s 万元/亩 against a benchmark of 20 scores %s of 30 (%s), capped at 2 × weight', (value, score, basis) => {
    const [item] = scoreTax([value]);
    expect(item.score).toBeCloseTo(score, 10);
    expect(item.basis).toBe(basis);
  });

  it('tells each item the most it can give: cap × weight', () => {
    expect(scoreTax([200])[0]).toMatchObject({ score: 60, maxScore: 60 });
    expect(scoreTax([200], { ...benchmarkRatio, capMultipleOfWeight: 1, maxScore: 30 })[0]).toMatchObject({ score: 30, maxScore: 30 });
  });
});

describe('item scores by min–max with a floor', () => {
  it('gives the lowest positive value 20% of the weight and the highest all of it', () => {
    const scores = scoreTax([10, 20, 30, -5, null], minMax).map((i) => i.score);
    [6, 18, 30, 0, 0].forEach((expected, i) => expect(scores[i]).toBeCloseTo(expected, 12));
  });

  it('gives full weight when every positive value is the same', () => {
    expect(scoreTax([7, 7], minMax).map((i) => i.score)).toEqual([30, 30]);
  });
});

describe('missing data filled with the group average', () => {
  const group: GroupSpec = {
    ...taxOnly,
    indicators: [{ key: 'valueAddedWanYuanPerTonneEmission', weight: 10, whenMissing: 'groupAverageScore' }],
    benchmarks: { valueAddedWanYuanPerTonneEmission: { value: 500, source: 'test' } },
  };
  const score = (values: (number | null)[]) =>
    scorePool(values.map((v, i) => ({ id: `f${i}`, values: { valueAddedWanYuanPerTonneEmission: v } })), group, benchmarkRatio, { valueAddedWanYuanPerTonneEmission: 500 });

  it('gives a firm without emission data the average item score of its group', () => {
    const [a, b, c] = score([500, 250, null]);
    expect([a.score, b.score]).toEqual([10, 5]);
    expect(c.items[0]).toMatchObject({ basis: 'missingGroupAverage', score: 7.5 });
  });

  it('gives 0 when nobody in the group reports the figure', () => {
    expect(score([null, null]).map((s) => s.score)).toEqual([0, 0]);
  });
});

describe('floored items', () => {
  const group: GroupSpec = {
    ...taxOnly,
    indicators: [{ key: 'valueAddedWanYuanPerTonneEmission', weight: 10, whenMissing: 'groupAverageScore' }],
    benchmarks: { valueAddedWanYuanPerTonneEmission: { value: 500, source: 'test' } },
  };
  const key = 'valueAddedWanYuanPerTonneEmission';

  it('score 0 whatever the value, and take no part in the group average of a missing figure', () => {
    const scored = scorePool([
      { id: 'a', values: { [key]: 500 } },
      { id: 'b', values: { [key]: 5000 }, floors: { [key]: 'noProduction' } },
      { id: 'c', values: { [key]: null } },
      { id: 'd', values: { [key]: null }, floors: { [key]: 'noProduction' } },
    ], group, { ...benchmarkRatio, capMultipleOfWeight: 1, maxScore: 10 }, { [key]: 500 });
    expect(scored.map((s) => [s.items[0].basis, s.score])).toEqual([['scored', 10], ['noProduction', 0], ['missingGroupAverage', 10], ['noProduction', 0]]);
  });

  it('take no part in the min–max range', () => {
    const scored = scorePool([
      { id: 'a', values: { taxWanYuanPerMu: 10 } },
      { id: 'b', values: { taxWanYuanPerMu: 20 } },
      { id: 'c', values: { taxWanYuanPerMu: 1000 }, floors: { taxWanYuanPerMu: 'belowMinDenominator' } },
    ], taxOnly, minMax, {});
    expect(scored.map((s) => s.score)).toEqual([6, 30, 0]);
  });
});

describe('ranks', () => {
  it('gives tied scores the same, best rank, and skips the ranks they use up', () => {
    const ranks = rankByScore([{ id: 'a', score: 90 }, { id: 'b', score: 100 }, { id: 'c', score: 90 }, { id: 'd', score: 80 }]);
    expect(Object.fromEntries(ranks)).toEqual({ b: 1, a: 2, c: 2, d: 4 });
  });

  it('treats scores within 1e-9 as tied', () => {
    const ranks = rankByScore([{ id: 'a', score: 0.1 + 0.2 }, { id: 'b', score: 0.3 }]);
    expect([ranks.get('a'), ranks.get('b')]).toEqual([1, 1]);
  });
});

describe('percentile grades (A top 20%, B next 40%, C next 35%, D bottom 5%)', () => {
  it('grades 10 firms: ranks 1–2 are A at exactly 20%, rank 3 is B, nobody is in the bottom 5% of 10', () => {
    expect(Array.from({ length: 10 }, (_, i) => classifyByRank(i + 1, 10, grading)).join('')).toBe('AABBBBCCCC');
  });

  it('grades 20 firms: 4 A, 8 B, 7 C and the last one D', () => {
    expect(Array.from({ length: 20 }, (_, i) => classifyByRank(i + 1, 20, grading)).join('')).toBe('AAAABBBBBBBBCCCCCCCD');
  });

  it.each([
    [1, 'C'],
    [3, 'BCC'],
    [5, 'ABBCC'],
  ])('grades a pool of %i as %s (too small to fill a band: the middle grade)', (n, grades) => {
    expect(Array.from({ length: n }, (_, i) => classifyByRank(i + 1, n, grading)).join('')).toBe(grades);
  });

  // The rule, pool by pool: A = ⌊20% × n⌋ best, B up to ⌊60% × n⌋, D = ⌊5% × n⌋ worst, C the rest. A, B and D
  // never hold more than their published share (except by a tie at a cut, which takes the better grade); the
  // ranks left over by rounding down are C. No D below 20 firms, no A below 5.
  it.each([
    [1, 'C'],
    [2, 'BC'],
    [4, 'BBCC'],
    [5, 'ABBCC'],
    [7, 'ABBBCCC'],
    [9, 'ABBBBCCCC'],
    [15, 'AAABBBBBBCCCCCC'],
    [19, 'AAABBBBBBBBCCCCCCCC'],
    [20, 'AAAABBBBBBBBCCCCCCCD'],
    [21, 'AAAABBBBBBBBCCCCCCCCD'],
    [40, `${'A'.repeat(8)}${'B'.repeat(16)}${'C'.repeat(14)}DD`],
  ])('grades a pool of %i firms as %s', (n, grades) => {
    expect(Array.from({ length: n }, (_, i) => classifyByRank(i + 1, n, grading)).join('')).toBe(grades);
  });

  it('holds, for every pool of 1 to 500 firms without ties, ⌊20%⌋ A, ⌊60%⌋ − ⌊20%⌋ B, ⌊5%⌋ D and the rest C', () => {
    for (let n = 1; n <= 500; n++) {
      const counts: Record<string, number> = { A: 0, B: 0, C: 0, D: 0 };
      for (let rank = 1; rank <= n; rank++) counts[classifyByRank(rank, n, grading)] += 1;
      const [a, ab, d] = [Math.floor(0.2 * n + 1e-9), Math.floor(0.6 * n + 1e-9), Math.floor(0.05 * n + 1e-9)];
      expect({ n, ...counts }).toEqual({ n, A: a, B: ab - a, C: n - ab - d, D: d });
    }
  });

  it('gives firms tied across the A/B cut the better grade', () => {
    const scores = [100, 90, 90, 80, 70, 60, 50, 40, 30, 20].map((score, i) => ({ id: `f${i}`, score }));
    expect(gradePool(scores, grading).map((g) => g.grade).join('')).toBe('AAABBBCCCC');
  });

  it('does not put a tie straddling the bottom cut into D', () => {
    const scores = Array.from({ length: 20 }, (_, i) => ({ id: `f${String(i).padStart(2, '0')}`, score: i === 19 ? 1 : 100 - i }));
    scores[18].score = 1;
    const graded = gradePool(scores, grading);
    expect(graded.slice(18).map((g) => [g.rank, g.grade])).toEqual([[19, 'C'], [19, 'C']]);
  });
});

describe('absolute grades', () => {
  it.each([
    [85, 'A'],
    [84.999, 'B'],
    [60, 'B'],
    [40, 'C'],
    [39.9, 'D'],
    [-1, 'D'],
  ])('score %s is grade %s', (score, grade) => {
    expect(classifyByScore(score, grading)).toBe(grade);
  });
});
