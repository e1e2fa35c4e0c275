import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME } from './default-scheme.js';
import defaultSchemeJson from './default-scheme.json';
import { figureYearsFor, listGradeCodes, validateScheme } from './scheme.js';

const clone = () => structuredClone(defaultSchemeJson) as unknown as Record<string, any>;

function errorsAfter(mutate: (s: Record<string, any>) => void): string[] {
  const s = clone();
  mutate(s);
  const result = validateScheme(s);
  return result.ok ? [] : result.errors.map((e) => e.message);
}

describe('the default evaluation scheme', () => {
  it('passes its own validation', () => {
    expect(validateScheme(defaultSchemeJson).ok).toBe(true);
  });

  it('carries the Zhejiang-model numbers of DOMAIN.md §3', () => {
    const { eligibility, groups, scoring, grading } = DEFAULT_SCHEME;
    expect(eligibility).toMatchObject({ aboveScaleMinRevenueYuan: 20_000_000, belowScaleMinLandMu: 3, minYearsRegistered: 2, excludeConstructionPeriod: true });
    expect(eligibility.excludedIndustryPrefixes).toEqual(['D44', 'D45', 'D46']);
    expect(eligibility.gradedIndustrySections).toEqual(['B', 'C']);
    expect(groups.aboveScale.indicators.map((i) => [i.key, i.weight])).toEqual([
      ['taxWanYuanPerMu', 30],
      ['valueAddedWanYuanPerMu', 20],
      ['valueAddedWanYuanPerTce', 20],
      ['valueAddedWanYuanPerTonneEmission', 10],
      ['laborProductivityWanYuanPerPerson', 10],
      ['rdRatio', 10],
    ]);
    expect(groups.belowScale.indicators.map((i) => [i.key, i.weight])).toEqual([['taxWanYuanPerMu', 50], ['taxYuanPerKwh', 50]]);
    expect(groups.belowScale.fallback?.indicators.map((i) => [i.key, i.weight])).toEqual([['taxWanYuanPerMu', 100]]);
    expect(groups.aboveScale.benchmarks.taxWanYuanPerMu?.value).toBe(24.097);
    expect(groups.aboveScale.benchmarks.valueAddedWanYuanPerMu?.value).toBe(136.16);
    expect(scoring).toMatchObject({ method: 'benchmarkRatio', benchmarkMode: { kind: 'published' } });
    expect(grading.percentileBands.map((b) => [b.grade, b.share])).toEqual([['A', 0.2], ['B', 0.4], ['C', 0.35], ['D', 0.05]]);
    expect(grading.labels).toEqual({ A: '优先发展类', B: '提升发展类', C: '帮扶转型类', D: '整治提升类' });
    expect(DEFAULT_SCHEME.landAllocationMode).toBe('apportion');
    expect(listGradeCodes(DEFAULT_SCHEME)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('gives every indicator set weights summing to 100', () => {
    const sets = [DEFAULT_SCHEME.groups.aboveScale.indicators, DEFAULT_SCHEME.groups.belowScale.indicators, DEFAULT_SCHEME.groups.belowScale.fallback!.indicators];
    for (const set of sets) expect(set.reduce((s, i) => s + i.weight, 0)).toBe(100);
  });

  it('states its maximum score, 100, each item at most its weight, and says why', () => {
    expect(DEFAULT_SCHEME.scoring).toMatchObject({ method: 'benchmarkRatio', capMultipleOfWeight: 1, maxScore: 100 });
    expect(DEFAULT_SCHEME.scoring.source).toMatch(/our choice/);
  });

  it('floors the ratios of a firm without production and says why it chose to', () => {
    expect(DEFAULT_SCHEME.noProduction).toMatchObject({
      treatment: 'floorRatios',
      haltedStatuses: ['halted'],
      missingOutputCounts: true,
      flooredIndicators: ['valueAddedWanYuanPerTce', 'valueAddedWanYuanPerTonneEmission', 'laborProductivityWanYuanPerPerson', 'rdRatio', 'taxYuanPerKwh'],
    });
    expect(DEFAULT_SCHEME.noProduction.source).toMatch(/our choice/);
    expect(DEFAULT_SCHEME.minDenominators.byFigure).toEqual({ electricityKwh: 10_000, energyTce: 1, revenueYuan: 1_000_000 });
    expect(DEFAULT_SCHEME.minDenominators.source).toMatch(/our choice/);
  });

  it('cites the edition of its land-use control indicators, and says a newer one exists', () => {
    expect(DEFAULT_SCHEME.controls.edition).toEqual({ name: '工业项目建设用地控制指标', documentNumber: '国土资发〔2008〕24号', year: 2008 });
    expect(DEFAULT_SCHEME.controls.source).toMatch(/2023/);
    expect(DEFAULT_SCHEME.controls.source).toMatch(/new version of the scheme/);
  });

  it('marks every benchmark without a published value as our choice', () => {
    expect(DEFAULT_SCHEME.groups.aboveScale.benchmarks.valueAddedWanYuanPerTonneEmission?.source).toMatch(/our choice/);
    expect(DEFAULT_SCHEME.groups.belowScale.benchmarks.taxYuanPerKwh?.source).toMatch(/our choice/);
  });
});

describe('validateScheme', () => {
  it.each<[string, (s: Record<string, any>) => void, string]>([
    ['a negative weight', (s) => (s.groups.aboveScale.indicators[2].weight = -1), 'groups.aboveScale.indicators[2].weight must be a positive number'],
    ['a weight given as text', (s) => (s.groups.belowScale.indicators[0].weight = '50'), 'groups.belowScale.indicators[0].weight must be a positive number'],
    ['an unknown indicator', (s) => (s.groups.aboveScale.indicators[0].key = 'taxPerMu'), "groups.aboveScale.indicators[0].key must be one of 'taxWanYuanPerMu'"],
    ['a repeated indicator', (s) => (s.groups.aboveScale.indicators[1].key = 'taxWanYuanPerMu'), "groups.aboveScale.indicators[1].key repeats 'taxWanYuanPerMu'"],
    ['a missing published benchmark', (s) => delete s.groups.aboveScale.benchmarks.rdRatio, 'groups.aboveScale.benchmarks.rdRatio is required'],
    ['shares not summing to 1', (s) => (s.grading.percentileBands[3].share = 0.1), 'grading.percentileBands shares must sum to 1'],
    ['a grade without a label', (s) => delete s.grading.labels.D, 'grading.labels.D must be a non-empty string'],
    ['absolute bands out of order', (s) => (s.grading.absoluteBands[1].minScore = 130), 'grading.absoluteBands[1].minScore must be lower than the band before it'],
    ['an unknown allocation mode', (s) => (s.landAllocationMode = 'split'), "landAllocationMode must be one of 'apportion', 'mergeIntoOwner'"],
    ['a zero multiplier', (s) => (s.scoring.benchmarkMode = { kind: 'lastYearAverage', multiplier: 0 }), 'scoring.benchmarkMode.multiplier must be a positive number'],
    ['a floor of 100%', (s) => (s.scoring = { method: 'minMax', floorShareOfWeight: 1, source: 'x' }), 'scoring.floorShareOfWeight must be a number in [0, 1)'],
    ['a fractional year count', (s) => (s.idleLand.takeBackAfterYears = 1.5), 'idleLand.takeBackAfterYears must be a positive integer'],
    ['a ratio without denominator', (s) => delete s.idleLand.underDevelopedBelow.denominator, 'idleLand.underDevelopedBelow.denominator must be a positive number'],
    ['a coverage above 100%', (s) => (s.controls.minBuildingCoverage = 30), 'controls.minBuildingCoverage must be a number in (0, 1]'],
    ['a missing low-yield rule', (s) => delete s.lowYield.halted, 'lowYield.halted must be an object'],
    ['no industry sections to grade', (s) => (s.eligibility.gradedIndustrySections = []), 'eligibility.gradedIndustrySections must not be empty'],
    ['an industry section that is not a GB/T 4754 letter', (s) => (s.eligibility.gradedIndustrySections = ['C', 'manufacturing']), "eligibility.gradedIndustrySections[1] must be one of 'A'"],
    ['an unknown no-production treatment', (s) => (s.noProduction.treatment = 'ignore'), "noProduction.treatment must be one of 'floorRatios', 'exclude'"],
    ['flooring a ratio over land', (s) => s.noProduction.flooredIndicators.push('taxWanYuanPerMu'), 'noProduction.flooredIndicators[5] must be a ratio over a production figure'],
    ['a minimum for a figure that divides nothing', (s) => (s.minDenominators.byFigure.taxYuan = 1), 'minDenominators.byFigure.taxYuan is not the denominator of any indicator'],
    ['a negative minimum', (s) => (s.minDenominators.byFigure.energyTce = -1), 'minDenominators.byFigure.energyTce must be a positive number'],
    ['controls without their edition', (s) => delete s.controls.edition, 'controls.edition must be an object'],
    ['an edition without a year', (s) => (s.controls.edition.year = '2008'), 'controls.edition.year must be a positive integer'],
    ['no maximum score', (s) => delete s.scoring.maxScore, 'scoring.maxScore must be a positive number'],
    ['an uncapped ratio (no maximum)', (s) => (s.scoring.capMultipleOfWeight = null), 'scoring.capMultipleOfWeight must be a positive number'],
    ['a maximum the weights and cap do not give', (s) => (s.scoring.maxScore = 200), 'scoring.maxScore must be 100'],
    ['an indicator set whose weights give another maximum', (s) => (s.groups.belowScale.fallback.indicators[0].weight = 90), 'groups.belowScale.fallback.indicators weights sum to 90'],
    ['an absolute band above the maximum', (s) => (s.grading.absoluteBands[0].minScore = 101), 'grading.absoluteBands[0].minScore must be at most scoring.maxScore (100)'],
  ])('rejects %s, naming the path', (_, mutate, message) => {
    const errors = errorsAfter(mutate);
    expect(errors.some((e) => e.startsWith(message))).toBe(true);
  });

  it('returns each error with its path', () => {
    const s = clone();
    s.groups.aboveScale.indicators[2].weight = 0;
    expect(validateScheme(s)).toEqual({
      ok: false,
      errors: [{ path: 'groups.aboveScale.indicators[2].weight', message: 'groups.aboveScale.indicators[2].weight must be a positive number' }],
    });
  });

  it('accepts another cap when the maximum follows from it: 2 × weight on 100 weights is 200', () => {
    expect(errorsAfter((s) => {
      s.scoring.capMultipleOfWeight = 2;
      s.scoring.maxScore = 200;
    })).toEqual([]);
  });

  it('does not ask for published benchmarks when scoring by min–max or last year’s average', () => {
    expect(errorsAfter((s) => {
      s.scoring = { method: 'minMax', floorShareOfWeight: 0.2, maxScore: 100, source: '旌德' };
      s.groups.aboveScale.benchmarks = {};
    })).toEqual([]);
    expect(errorsAfter((s) => {
      s.scoring.benchmarkMode = { kind: 'lastYearAverage', multiplier: 2 };
      s.groups.belowScale.benchmarks = {};
    })).toEqual([]);
  });

  it('rejects something that is not an object at all', () => {
    expect(validateScheme(null)).toEqual({ ok: false, errors: [{ path: 'scheme', message: 'scheme must be an object' }] });
  });
});

describe('figureYearsFor: the years of figures an evaluation reads', () => {
  it('reads only the year itself with published benchmarks (the default) and with min–max scoring', () => {
    expect(figureYearsFor(DEFAULT_SCHEME, 2024)).toEqual([2024]);
    expect(figureYearsFor({ scoring: { ...DEFAULT_SCHEME.scoring, method: 'minMax' } as never }, 2024)).toEqual([2024]);
  });

  it('reads the year before as well when benchmarks are k × last year\'s average', () => {
    const scoring = { ...DEFAULT_SCHEME.scoring, benchmarkMode: { kind: 'lastYearAverage' as const, multiplier: 1.2 } };
    expect(figureYearsFor({ scoring }, 2024)).toEqual([2023, 2024]);
  });
});
