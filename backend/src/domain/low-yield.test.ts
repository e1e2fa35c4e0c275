import { describe, expect, it } from 'vitest';
import { evaluateTinyFixture } from './__fixtures__/tiny-evaluation.js';
import { loadTinyFixture, TINY } from './__fixtures__/tiny-fixture.js';
import { DEFAULT_SCHEME } from './default-scheme.js';
import type { LowYieldFacts } from './low-yield.js';
import { findLowYield } from './low-yield.js';

const rulesFired = (facts: LowYieldFacts, asOf: string) => findLowYield(facts, DEFAULT_SCHEME, asOf).map((f) => f.rule);

describe('low-yield rules at their thresholds', () => {
  it.each<[string, LowYieldFacts, string, string[]]>([
    ['2 years past completion date, the day before', { agreedCompletionOn: '2022-06-30' }, '2024-06-29', []],
    ['2 years past completion date, on the day', { agreedCompletionOn: '2022-06-30' }, '2024-06-30', ['overdueCompletion']],
    ['overdue but completed', { agreedCompletionOn: '2022-06-30', completedOn: '2024-01-01' }, '2025-01-01', []],
    ['completed 2 years, investment 49.99%', { completedOn: '2022-01-01', plannedInvestmentYuan: 100, investedYuan: 49.99 }, '2024-01-01', ['completedUnderperforming']],
    ['completed 2 years, investment exactly 50%', { completedOn: '2022-01-01', plannedInvestmentYuan: 100, investedYuan: 50 }, '2024-01-01', []],
    ['completed 2 years, output under half', { completedOn: '2022-01-01', contractOutputYuan: 1_000, outputYuan: 400 }, '2024-01-01', ['completedUnderperforming']],
    ['completed 1 year, output under half', { completedOn: '2023-01-02', contractOutputYuan: 1_000, outputYuan: 400 }, '2024-01-01', []],
    ['halted for a year less a day', { enterpriseStatus: 'halted', statusSince: '2024-06-02' }, '2025-06-01', []],
    ['halted for a full year', { enterpriseStatus: 'halted', statusSince: '2024-06-01' }, '2025-06-01', ['halted']],
    ['half-halted for a full year', { enterpriseStatus: 'half_halted', statusSince: '2024-06-01' }, '2025-06-01', ['halted']],
    ['halted since an unknown date', { enterpriseStatus: 'halted', statusSince: null }, '2025-06-01', []],
    ['operating', { enterpriseStatus: 'operating', statusSince: '2000-01-01' }, '2025-06-01', []],
    ['D in 2024 and 2025', { gradesByYear: { 2024: 'D', 2025: 'D' } }, '2026-05-01', ['repeatedGrade']],
    ['D in 2023 and 2025 only', { gradesByYear: { 2023: 'D', 2024: 'C', 2025: 'D' } }, '2026-05-01', []],
    ['D twice, then C', { gradesByYear: { 2023: 'D', 2024: 'D', 2025: 'C' } }, '2026-05-01', []],
  ])('%s → %j', (_, facts, asOf, expected) => {
    expect(rulesFired(facts, asOf)).toEqual(expected);
  });

  const county = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  it.each([
    [1, county, true],
    [2, county, false],
    [1, [1, 1, 3, 4, 5, 6, 7, 8, 9, 10], false],
    [-1.33, [-1.33, 6, 8, 15], false],
  ])('亩均税收 %s in county %j is in the bottom 10%: %s (a tie straddling the cut is spared)', (own, values, fires) => {
    expect(rulesFired({ taxWanYuanPerMu: own, countyTaxWanYuanPerMu: values }, '2026-01-01')).toEqual(fires ? ['bottomTaxPerMu'] : []);
  });

  it('skips a disabled rule', () => {
    const scheme = structuredClone(DEFAULT_SCHEME);
    scheme.lowYield.halted.enabled = false;
    expect(findLowYield({ enterpriseStatus: 'halted', statusSince: '2020-01-01' }, scheme, '2025-01-01')).toEqual([]);
  });

  it('fires every rule that holds, each labelled 疑似低效 with its evidence', () => {
    const findings = findLowYield(
      { agreedCompletionOn: '2020-01-01', enterpriseStatus: 'halted', statusSince: '2023-01-01', gradesByYear: { 2023: 'D', 2024: 'D' } },
      DEFAULT_SCHEME,
      '2025-01-01',
    );
    expect(findings.map((f) => [f.rule, f.kindLabel])).toEqual([
      ['overdueCompletion', '疑似低效'],
      ['halted', '疑似低效'],
      ['repeatedGrade', '疑似低效'],
    ]);
    expect(findings[0].evidence).toEqual({ agreedCompletionOn: '2020-01-01', completedOn: null, overdueFrom: '2022-01-01', asOf: '2025-01-01' });
    expect(findings[2].evidence).toEqual({ grade: 'D', years: [2023, 2024], consecutiveYears: 2 });
  });
});

describe('the tiny fixture', () => {
  const fx = loadTinyFixture();

  it('flags P1 for coverage and plot ratio below the control minimum (12.5% < 30%, 0.125 < 1.0)', () => {
    const p1 = fx.parcels.find((p) => p.code === TINY.P1)!;
    const b1 = fx.buildings.find((b) => b.parcelCode === TINY.P1)!;
    const [finding] = findLowYield(
      { parcelCode: p1.code, underUse: { landAreaSqm: p1.landAreaSqm, footprintSqm: b1.footprintSqm, floorAreaSqm: b1.floorAreaSqm, users: [{ industryCode: 'C14', floorAreaSqm: b1.floorAreaSqm }] } },
      DEFAULT_SCHEME,
      '2026-01-01',
    );
    expect(finding).toMatchObject({ rule: 'belowLandUseControl', kindLabel: '疑似低效', evidence: { minPlotRatio: 1, belowCoverage: true, belowPlotRatio: true } });
    expect(finding.evidence.buildingCoverage).toBeCloseTo(0.125, 5);
  });

  it('flags P3 as overdue from 2028-03-01, 2 years after its contracted completion', () => {
    const facts = { parcelCode: TINY.P3, agreedCompletionOn: '2026-03-01', completedOn: null };
    expect(rulesFired(facts, '2028-02-29')).toEqual([]);
    expect(rulesFired(facts, '2028-03-01')).toEqual(['overdueCompletion']);
  });

  it('does not put any of the four graded firms in the bottom 10% (0.4 of a firm)', () => {
    const graded = evaluateTinyFixture('apportion').filter((r) => r.eligible);
    const county = graded.map((r) => r.metrics!.taxWanYuanPerMu!);
    for (const r of graded) expect(rulesFired({ taxWanYuanPerMu: r.metrics!.taxWanYuanPerMu, countyTaxWanYuanPerMu: county }, '2026-01-01')).toEqual([]);
  });
});
