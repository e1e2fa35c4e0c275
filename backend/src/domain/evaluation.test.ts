import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME } from './default-scheme.js';
import type { EnterpriseEvaluationInput } from './evaluation.js';
import { applyManualAdjustment, countGrades, evaluateEnterprises, gradeAggregates } from './evaluation.js';
import { loadTinyFixture, TINY } from './__fixtures__/tiny-fixture.js';
import { evaluateTinyFixture } from './__fixtures__/tiny-evaluation.js';
import type { RawFigures } from './metrics.js';
import { computeEntityMetrics } from './metrics.js';
import type { EvaluationScheme } from './scheme.js';
import { muToSqm, sqmToMu } from './units.js';
import { allocateEnterpriseLand } from './land-allocation.js';

const NO_FIGURES: RawFigures = {
  outputYuan: null, revenueYuan: null, valueAddedYuan: null, taxYuan: null, energyTce: null,
  emissionsT: null, electricityKwh: null, employees: null, rdYuan: null,
};

/** A 规上 firm on 10 亩 whose 2025 figures are all the default benchmarks (score 100), with overrides. */
function firm(uscc: string, overrides: Partial<EnterpriseEvaluationInput> = {}, figures: Partial<RawFigures> = {}): EnterpriseEvaluationInput {
  return {
    uscc,
    regionCode: '610902',
    industryCode: 'C14',
    aboveScale: true,
    registeredOn: '2015-01-01',
    inConstructionPeriod: false,
    landAreaSqm: muToSqm(10),
    figuresByYear: {
      2025: {
        ...NO_FIGURES,
        outputYuan: 110_000_000,
        revenueYuan: 100_000_000,
        taxYuan: 2_409_700,
        valueAddedYuan: 13_616_000,
        energyTce: 13_616_000 / 26_940,
        emissionsT: 13_616_000 / 5_000_000,
        employees: 13_616_000 / 181_400,
        rdYuan: 3_020_000,
        electricityKwh: 2_409_700 / 0.8,
        ...figures,
      },
    },
    ...overrides,
  };
}

const byUscc = (results: ReturnType<typeof evaluateEnterprises>) => Object.fromEntries(results.map((r) => [r.uscc, r]));
const withScheme = (change: (s: EvaluationScheme) => void): EvaluationScheme => {
  const s = structuredClone(DEFAULT_SCHEME);
  change(s);
  return s;
};

describe('the tiny fixture, 2025', () => {
  const results = byUscc(evaluateTinyFixture('apportion'));

  it('reproduces the README: A on 60 亩 at 15.00 万元/亩 tax and 83.33 value added', () => {
    const a = results[TINY.A];
    expect(a).toMatchObject({ group: 'aboveScale', eligible: true, rank: 1, poolSize: 1 });
    expect(a.landAreaMu).toBeCloseTo(60, 4);
    expect(a.metrics!.taxWanYuanPerMu).toBeCloseTo(15, 4);
    expect(a.contributions.taxWanYuanPerMu).toBeCloseTo((30 * 15) / 24.097, 4);
    expect(a.contributions.valueAddedWanYuanPerMu).toBeCloseTo((20 * 83.3333) / 136.16, 3);
    expect(a.contributions.rdRatio).toBeCloseTo((10 * 0.02) / 0.0302, 6);
  });

  it('scores B’s negative tax 0, not negative, and ranks it last of the three below-scale firms', () => {
    const b = results[TINY.B];
    expect(b.metrics!.taxWanYuanPerMu).toBeCloseTo(-1.3333, 3);
    expect(b.contributions).toEqual({ taxWanYuanPerMu: 0, taxYuanPerKwh: 0 });
    expect([results[TINY.T2].rank, results[TINY.T1].rank, b.rank]).toEqual([1, 2, 3]);
  });

  it('rates the tenants on their apportioned 10 亩 and 5 亩', () => {
    expect(results[TINY.T1].landAreaMu).toBeCloseTo(10, 4);
    expect(results[TINY.T1].contributions.taxWanYuanPerMu).toBeCloseTo((50 * 6) / 24.097, 4);
    expect(results[TINY.T2].landAreaMu).toBeCloseTo(5, 4);
    // 400 000 元 over 170 000 kWh is 2.35 元/kWh, past the 0.8 benchmark: the item gives its weight and no more
    expect(results[TINY.T2].items.find((i) => i.key === 'taxYuanPerKwh')).toMatchObject({ score: 50, basis: 'capped' });
  });

  it('lists the utility U as 不参评 for its industry', () => {
    expect(results[TINY.U]).toMatchObject({ eligible: false, reason: 'excludedIndustry', score: null, grade: null });
  });

  it('matches the golden file', async () => {
    await expect(`${JSON.stringify(evaluateTinyFixture('apportion'), null, 2)}\n`).toMatchFileSnapshot('./__golden__/tiny.evaluation.json');
  });

  it('rates B on all 30 亩 with the tenants’ figures under merge-into-owner', () => {
    const merged = byUscc(evaluateTinyFixture('mergeIntoOwner'));
    expect(merged[TINY.B].landAreaMu).toBeCloseTo(30, 4);
    // (−200 000 + 600 000 + 400 000) 元 over 30 亩
    expect(merged[TINY.B].metrics!.taxWanYuanPerMu).toBeCloseTo(80 / 30, 4);
    expect(merged[TINY.T1]).toMatchObject({ eligible: false, reason: 'mergedIntoOwner' });
  });

  it('reads the figures from the fixture files', () => {
    expect(loadTinyFixture().figures[TINY.T1][2025].energyTce).toBeNull();
  });
});

describe('who is graded', () => {
  it.each<[string, Partial<EnterpriseEvaluationInput>, Partial<RawFigures>, string | null]>([
    ['a heat-and-power utility (D44)', { industryCode: 'D4411' }, {}, 'excludedIndustry'],
    ['a water utility (D46)', { industryCode: 'D46' }, {}, 'excludedIndustry'],
    ['a firm registered exactly 2 years before 31 December', { registeredOn: '2023-12-31' }, {}, null],
    ['a firm registered one day later', { registeredOn: '2024-01-01' }, {}, 'registeredTooRecently'],
    ['a firm in its construction period', { inConstructionPeriod: true }, {}, 'inConstructionPeriod'],
    ['a firm without figures for the year', { figuresByYear: {} }, {}, 'noFigures'],
    ['a firm without land', { landAreaSqm: null }, {}, 'noLand'],
    ['a below-scale firm on 3 亩', { aboveScale: false, landAreaSqm: muToSqm(3) }, {}, null],
    ['a below-scale firm on 2.99 亩', { aboveScale: false, landAreaSqm: muToSqm(2.99) }, {}, 'belowMinLand'],
    ['an above-scale firm on 2 亩', { landAreaSqm: muToSqm(2) }, {}, null],
    ['a tenant merged into its owner', { mergedIntoUscc: 'OWNER' }, {}, 'mergedIntoOwner'],
    ['a park operator leasing out standard factories (L72)', { industryCode: 'L7221' }, {}, 'notIndustrial'],
    ['a landlord in real estate (K70)', { industryCode: 'K7040' }, {}, 'notIndustrial'],
    ['a mine (section B)', { industryCode: 'B1011' }, {}, null],
    ['a manufacturer (section C)', { industryCode: 'C3011' }, {}, null],
    ['a firm whose industry is not known', { industryCode: null }, {}, null],
  ])('%s → %s', (_, overrides, figures, reason) => {
    const [r] = evaluateEnterprises([firm('X', overrides, figures)], DEFAULT_SCHEME, { year: 2025 });
    expect(r.reason).toBe(reason);
    expect(r.eligible).toBe(reason == null);
  });

  it.each([
    [20_000_000, 'aboveScale'],
    [19_999_999, 'belowScale'],
    [null, 'belowScale'],
  ])('without a 规上 flag, revenue %s 元 puts the firm in %s', (revenueYuan, group) => {
    const [r] = evaluateEnterprises([firm('X', { aboveScale: null }, { revenueYuan })], DEFAULT_SCHEME, { year: 2025 });
    expect(r.group).toBe(group);
  });
});

describe('a landlord of standard factories', () => {
  // 博泰-like: a park operator (L72) owns a 30 亩 parcel of standard factories, 6 000 m² of floors; two
  // manufacturers lease 2 000 m² and 1 000 m². The operator collects rent and pays tax on it.
  const parcel = { code: 'P', landAreaSqm: muToSqm(30) };
  const holdings = [
    { uscc: 'LANDLORD', parcelCode: 'P', role: 'owner' as const, leasedFloorAreaSqm: null },
    { uscc: 'T1', parcelCode: 'P', role: 'tenant' as const, leasedFloorAreaSqm: 2_000 },
    { uscc: 'T2', parcelCode: 'P', role: 'tenant' as const, leasedFloorAreaSqm: 1_000 },
  ];
  const allocation = allocateEnterpriseLand([parcel], holdings, { P: 6_000 }, 'apportion');
  const landOf = (uscc: string) => allocation.enterprises[uscc].landAreaSqm;
  const results = byUscc(evaluateEnterprises([
    firm('LANDLORD', { industryCode: 'L7221', aboveScale: false, landAreaSqm: landOf('LANDLORD') }, { outputYuan: null, revenueYuan: 28_596_100, taxYuan: 3_349_400, electricityKwh: 571_900 }),
    firm('T1', { aboveScale: false, landAreaSqm: landOf('T1') }, { outputYuan: 12_000_000, taxYuan: 600_000, electricityKwh: 450_000 }),
    firm('T2', { aboveScale: false, landAreaSqm: landOf('T2') }, { outputYuan: 8_000_000, taxYuan: 400_000, electricityKwh: 170_000 }),
  ], DEFAULT_SCHEME, { year: 2025 }));

  it('is not graded: 不参评 as not an industrial firm, whatever its rent and tax', () => {
    expect(results.LANDLORD).toMatchObject({ eligible: false, reason: 'notIndustrial', grade: null, score: null });
    expect(results.LANDLORD.reasonDetail).toMatch(/L7221/);
  });

  it('leaves its tenants graded on the land their floors take: 10 亩 and 5 亩 of the 30', () => {
    expect(results.T1).toMatchObject({ eligible: true, landAreaMu: expect.closeTo(10, 9) });
    expect(results.T2).toMatchObject({ eligible: true, landAreaMu: expect.closeTo(5, 9) });
  });

  it('loses no land and counts none twice: tenants and landlord together hold the parcel exactly', () => {
    const total = ['LANDLORD', 'T1', 'T2'].reduce((s, u) => s + landOf(u), 0);
    expect(total).toBeCloseTo(parcel.landAreaSqm, 6);
    expect(sqmToMu(landOf('LANDLORD'))).toBeCloseTo(15, 9);
    expect(allocation.unallocatedSqmByParcel).toEqual({});
  });
});

describe('a firm without production in the year', () => {
  // Like a demo firm graded B with 100.7 before: no output, 75 700 元 of tax, 13 900 kWh, on 19.6 亩.
  const idle = (overrides: Partial<EnterpriseEvaluationInput> = {}, figures: Partial<RawFigures> = {}) =>
    firm('IDLE', { aboveScale: false, landAreaSqm: muToSqm(19.6), ...overrides }, { outputYuan: 0, revenueYuan: 0, taxYuan: 75_700, electricityKwh: 13_900, ...figures });
  const producing = Array.from({ length: 9 }, (_, i) => firm(`P${i}`, { aboveScale: false }, { taxYuan: 300_000 + 100_000 * i, electricityKwh: 600_000 }));
  const taxPerMuPoints = (50 * (7.57 / 19.6)) / 24.097;

  it('scores 0 on tax per kWh, whose denominator is near zero, and is graded on its tax per mu alone', () => {
    const results = byUscc(evaluateEnterprises([idle(), ...producing], DEFAULT_SCHEME, { year: 2025 }));
    expect(results.IDLE.items.find((i) => i.key === 'taxYuanPerKwh')).toMatchObject({ value: expect.closeTo(75_700 / 13_900, 9), score: 0, basis: 'noProduction' });
    expect(results.IDLE.score).toBeCloseTo(taxPerMuPoints, 9);
    expect(results.IDLE.noProduction).toBe('output 0 in 2025');
    expect(results.IDLE.rank).toBe(10);
    expect(results.IDLE.grade).not.toMatch(/[AB]/);
  });

  it.each<[string, Partial<EnterpriseEvaluationInput>, Partial<RawFigures>, string | null]>([
    ['no output figure at all', {}, { outputYuan: null }, 'no output reported for 2025'],
    ['停产 since 1 January, with some output', { status: 'halted', statusSince: '2025-01-01' }, { outputYuan: 500_000 }, 'halted since 2025-01-01'],
    ['停产 since 2 January: it produced on the first', { status: 'halted', statusSince: '2025-01-02' }, { outputYuan: 500_000 }, null],
    ['半停产 since the year before', { status: 'half_halted', statusSince: '2024-03-01' }, { outputYuan: 500_000 }, null],
    ['停产 since a date nobody knows', { status: 'halted', statusSince: null }, { outputYuan: 500_000 }, null],
  ])('counts %s as %s', (_, overrides, figures, detail) => {
    const [r] = evaluateEnterprises([idle(overrides, { electricityKwh: 600_000, ...figures })], DEFAULT_SCHEME, { year: 2025 });
    expect(r.noProduction).toBe(detail);
    expect(r.items.find((i) => i.key === 'taxYuanPerKwh')?.basis).toBe(detail ? 'noProduction' : 'scored');
  });

  it('floors an above-scale firm’s ratios over energy, emissions, staff and revenue, and fills no missing emission for it', () => {
    const results = byUscc(evaluateEnterprises([firm('X'), firm('IDLE', {}, { outputYuan: 0, emissionsT: null })], DEFAULT_SCHEME, { year: 2025 }));
    const bases = Object.fromEntries(results.IDLE.items.map((i) => [i.key, [i.basis, i.score]]));
    expect(bases).toEqual({
      taxWanYuanPerMu: ['scored', expect.closeTo(30, 9)],
      valueAddedWanYuanPerMu: ['scored', expect.closeTo(20, 9)],
      valueAddedWanYuanPerTce: ['noProduction', 0],
      valueAddedWanYuanPerTonneEmission: ['noProduction', 0],
      laborProductivityWanYuanPerPerson: ['noProduction', 0],
      rdRatio: ['noProduction', 0],
    });
  });

  it('is 不参评 with the reason when the scheme says exclude', () => {
    const scheme = withScheme((s) => (s.noProduction.treatment = 'exclude'));
    const [r] = evaluateEnterprises([idle()], scheme, { year: 2025 });
    expect(r).toMatchObject({ eligible: false, reason: 'noProduction', reasonDetail: 'output 0 in 2025', grade: null });
  });
});

describe('ratios over a denominator below the scheme’s minimum', () => {
  it.each([
    ['5 000 kWh', 5_000],
    ['0 kWh (reported, not missing)', 0],
  ])('score 0 for a producing firm too: %s of electricity', (_, electricityKwh) => {
    const [r] = evaluateEnterprises([firm('X', { aboveScale: false }, { electricityKwh })], DEFAULT_SCHEME, { year: 2025 });
    expect(r.indicatorSet).toBe('primary');
    expect(r.items.find((i) => i.key === 'taxYuanPerKwh')).toMatchObject({ score: 0, basis: 'belowMinDenominator' });
  });

  it('score as usual at the minimum', () => {
    const [r] = evaluateEnterprises([firm('X', { aboveScale: false }, { electricityKwh: 10_000, taxYuan: 4_000 })], DEFAULT_SCHEME, { year: 2025 });
    expect(r.items.find((i) => i.key === 'taxYuanPerKwh')).toMatchObject({ score: expect.closeTo(25, 9), basis: 'scored' });
  });

  it('leave a firm without power data on the fallback set', () => {
    const [r] = evaluateEnterprises([firm('X', { aboveScale: false }, { electricityKwh: null })], DEFAULT_SCHEME, { year: 2025 });
    expect(r.indicatorSet).toBe('fallback');
  });
});

describe('scores', () => {
  it('gives a firm at every benchmark 100, its contributions summing exactly to the score', () => {
    const [r] = evaluateEnterprises([firm('X')], DEFAULT_SCHEME, { year: 2025 });
    expect(r.score).toBeCloseTo(100, 9);
    expect(Object.values(r.contributions).reduce((a, b) => a + b, 0)).toBe(r.score);
  });

  it('keeps contributions summing exactly to the score for every firm of the tiny fixture', () => {
    for (const r of evaluateTinyFixture('apportion').filter((x) => x.eligible)) {
      expect(Object.values(r.contributions).reduce((a, b) => a + b, 0)).toBe(r.score);
    }
  });

  it('keeps the group-average fill for missing emissions within the item’s maximum', () => {
    const results = byUscc(evaluateEnterprises([firm('X', {}, { emissionsT: 0.001 }), firm('Z', {}, { emissionsT: null })], DEFAULT_SCHEME, { year: 2025 }));
    expect(results.Z.items.find((i) => i.key === 'valueAddedWanYuanPerTonneEmission')).toMatchObject({ basis: 'missingGroupAverage', score: 10, maxScore: 10 });
  });

  it('caps an outlier’s item at its weight, the most the item can give', () => {
    const [r] = evaluateEnterprises([firm('X', {}, { taxYuan: 2_409_700 * 5 })], DEFAULT_SCHEME, { year: 2025 });
    expect(r.items.find((i) => i.key === 'taxWanYuanPerMu')).toMatchObject({ score: 30, maxScore: 30, basis: 'capped' });
  });

  it('never scores a firm above the scheme’s maximum, however far past the benchmarks it is', () => {
    const far = { taxYuan: 2_409_700 * 50, valueAddedYuan: 13_616_000 * 50, rdYuan: 3_020_000 * 50, electricityKwh: 1000 };
    const results = evaluateEnterprises([firm('X', {}, far), firm('Y', { aboveScale: false }, far)], DEFAULT_SCHEME, { year: 2025 });
    for (const r of results) {
      expect(r.maxScore).toBe(100);
      expect(r.score).toBeLessThanOrEqual(100);
    }
  });

  it('gives a firm without emission data the average emission score of its county group', () => {
    const results = byUscc(evaluateEnterprises([firm('X'), firm('Y', {}, { emissionsT: (13_616_000 / 5_000_000) * 2 }), firm('Z', {}, { emissionsT: null })], DEFAULT_SCHEME, { year: 2025 }));
    expect(results.Z.contributions.valueAddedWanYuanPerTonneEmission).toBeCloseTo(7.5, 9);
    expect(results.Z.items.find((i) => i.key === 'valueAddedWanYuanPerTonneEmission')?.basis).toBe('missingGroupAverage');
  });

  it('scores a below-scale firm without power data on 亩均税收 alone (weight 100)', () => {
    const [r] = evaluateEnterprises([firm('X', { aboveScale: false }, { electricityKwh: null })], DEFAULT_SCHEME, { year: 2025 });
    expect(r.indicatorSet).toBe('fallback');
    expect(r.contributions).toEqual({ taxWanYuanPerMu: expect.closeTo(100, 9) });
  });

  it('uses k × last year’s county average as benchmark when the scheme says so', () => {
    const scheme = withScheme((s) => {
      if (s.scoring.method === 'benchmarkRatio') s.scoring.benchmarkMode = { kind: 'lastYearAverage', multiplier: 2 };
    });
    const lastYear = (taxYuan: number) => ({ 2024: { ...NO_FIGURES, taxYuan } });
    // last year: (1 000 000 + 3 000 000) 元 over 20 亩 = 20 万元/亩; benchmark 2 × 20 = 40; this year 20 → 30 × 20 ÷ 40
    const inputs = [
      firm('X', {}, { taxYuan: 2_000_000 }),
      firm('Y', {}, { taxYuan: 2_000_000 }),
    ];
    inputs[0].figuresByYear = { ...inputs[0].figuresByYear, ...lastYear(1_000_000) };
    inputs[1].figuresByYear = { ...inputs[1].figuresByYear, ...lastYear(3_000_000) };
    const [x] = evaluateEnterprises(inputs, scheme, { year: 2025 });
    expect(x.items[0]).toMatchObject({ key: 'taxWanYuanPerMu', benchmark: expect.closeTo(40, 9), score: expect.closeTo(15, 9) });
  });

  it('takes last year’s county average of a ratio over the firms that report both its terms', () => {
    const scheme = withScheme((s) => {
      if (s.scoring.method === 'benchmarkRatio') s.scoring.benchmarkMode = { kind: 'lastYearAverage', multiplier: 2 };
    });
    // last year X: 1 000 万元 of value added over 1 000 tce; Y: 9 000 万元 and no energy figure → average 1 万元/tce, not 10
    const inputs = [firm('X'), firm('Y')];
    inputs[0].figuresByYear = { ...inputs[0].figuresByYear, 2024: { ...NO_FIGURES, valueAddedYuan: 10_000_000, energyTce: 1_000 } };
    inputs[1].figuresByYear = { ...inputs[1].figuresByYear, 2024: { ...NO_FIGURES, valueAddedYuan: 90_000_000 } };
    const [x] = evaluateEnterprises(inputs, scheme, { year: 2025 });
    expect(x.items.find((i) => i.key === 'valueAddedWanYuanPerTce')?.benchmark).toBeCloseTo(2, 9);
  });

  it('scores by min–max with a floor of 20% when the scheme says so', () => {
    const scheme = withScheme((s) => (s.scoring = { method: 'minMax', floorShareOfWeight: 0.2, maxScore: 100, source: '旌德' }));
    const results = byUscc(evaluateEnterprises([firm('X', {}, { taxYuan: 1_000_000 }), firm('Y', {}, { taxYuan: 2_000_000 }), firm('Z', {}, { taxYuan: 3_000_000 })], scheme, { year: 2025 }));
    const items = [results.X, results.Y, results.Z].map((r) => r.contributions.taxWanYuanPerMu!);
    items.forEach((score, i) => expect(score).toBeCloseTo([6, 18, 30][i], 9));
  });
});

describe('grades', () => {
  // 亩均税收 20, 18, … 2 万元/亩: below the cap, so every score differs
  const tenFirms = Array.from({ length: 10 }, (_, i) => firm(`F${i}`, {}, { taxYuan: 200_000 * (10 - i) }));

  it('grades 10 firms by rank within county and group: the first 2 are A at exactly 20%', () => {
    const results = evaluateEnterprises(tenFirms, DEFAULT_SCHEME, { year: 2025 });
    expect(results.map((r) => r.grade).join('')).toBe('AABBBBCCCC');
    expect(results[0].gradeLabel).toBe('优先发展类');
  });

  it('ranks each county separately', () => {
    const other = firm('Q', { regionCode: '610921' }, { taxYuan: 1 });
    const results = byUscc(evaluateEnterprises([...tenFirms, other], DEFAULT_SCHEME, { year: 2025 }));
    expect(results.Q).toMatchObject({ rank: 1, poolSize: 1 });
  });

  it('gives tied firms the same rank and the better grade', () => {
    const tied = tenFirms.map((f, i) => (i === 2 ? firm(f.uscc, {}, { taxYuan: 1_800_000 }) : f));
    const results = byUscc(evaluateEnterprises(tied, DEFAULT_SCHEME, { year: 2025 }));
    expect([results.F1.rank, results.F2.rank, results.F1.grade, results.F2.grade]).toEqual([2, 2, 'A', 'A']);
  });

  it('grades by absolute thresholds when the scheme says so', () => {
    const scheme = withScheme((s) => (s.grading.method = 'absolute'));
    const results = byUscc(evaluateEnterprises([firm('X'), firm('Y', {}, { taxYuan: 0 })], scheme, { year: 2025 }));
    expect([results.X.score, results.X.grade]).toEqual([expect.closeTo(100, 9), 'A']);
    expect([results.Y.score, results.Y.grade]).toEqual([expect.closeTo(70, 9), 'B']);
  });

  it('counts grades after adjustment, every grade listed', () => {
    const results = evaluateTinyFixture('apportion');
    expect(countGrades(results, DEFAULT_SCHEME)).toEqual({ A: 0, B: 1, C: 3, D: 0, notGraded: 1 });
  });
});

describe('manual adjustment (分类调档)', () => {
  const [graded] = evaluateEnterprises([firm('X')], DEFAULT_SCHEME, { year: 2025 });
  const adjustment = { grade: 'A', by: '县经信局 王某', at: '2026-04-10T09:30:00+08:00', reason: '省级专精特新企业，县评价领导小组决定上调一档' };

  it('keeps who, when and why, and the computed grade', () => {
    const adjusted = applyManualAdjustment(graded, adjustment, DEFAULT_SCHEME);
    expect(adjusted).toMatchObject({ grade: 'A', gradeLabel: '优先发展类', computedGrade: 'C', score: graded.score, rank: graded.rank });
    expect(adjusted.adjustments).toEqual([{ fromGrade: 'C', toGrade: 'A', by: adjustment.by, at: adjustment.at, reason: adjustment.reason }]);
    expect(graded.grade).toBe('C');
  });

  it('keeps every adjustment in order', () => {
    const twice = applyManualAdjustment(applyManualAdjustment(graded, adjustment, DEFAULT_SCHEME), { ...adjustment, grade: 'B', reason: '复核' }, DEFAULT_SCHEME);
    expect(twice.adjustments.map((a) => `${a.fromGrade}→${a.toGrade}`)).toEqual(['C→A', 'A→B']);
    expect(twice.computedGrade).toBe('C');
  });

  it.each([
    ['an empty reason', { reason: ' ' }, /reason/],
    ['no author', { by: '' }, /who/],
    ['no date', { at: 'yesterday' }, /when/],
    ['an unknown grade', { grade: 'E' }, /not a grade/],
  ])('refuses %s', (_, change, message) => {
    expect(() => applyManualAdjustment(graded, { ...adjustment, ...change }, DEFAULT_SCHEME)).toThrow(message);
  });

  it('refuses to grade a firm that is not graded', () => {
    const [u] = evaluateEnterprises([firm('U', { industryCode: 'D44' })], DEFAULT_SCHEME, { year: 2025 });
    expect(() => applyManualAdjustment(u, adjustment, DEFAULT_SCHEME)).toThrow(/not graded/);
  });
});

describe('parks and regions', () => {
  it('scores aggregated metrics with the 规上 indicators and ranks them against each other', () => {
    const metricsOf = (taxYuan: number) => computeEntityMetrics({ ...firm('x').figuresByYear[2025]!, taxYuan }, muToSqm(10));
    const parks = gradeAggregates([{ code: 'P-LOW', metrics: metricsOf(1_000_000) }, { code: 'P-HIGH', metrics: metricsOf(2_000_000) }], DEFAULT_SCHEME);
    expect(parks.map((p) => [p.code, p.rank])).toEqual([['P-HIGH', 1], ['P-LOW', 2]]);
    expect(parks[0].contributions.taxWanYuanPerMu).toBeCloseTo((30 * 20) / 24.097, 9);
    expect(parks[0].maxScore).toBe(100);
    expect(Object.values(parks[1].contributions).reduce((a, b) => a + b, 0)).toBe(parks[1].score);
  });
});
