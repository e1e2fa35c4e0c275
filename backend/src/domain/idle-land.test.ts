import { describe, expect, it } from 'vitest';
import { loadTinyFixture, TINY } from './__fixtures__/tiny-fixture.js';
import { DEFAULT_SCHEME } from './default-scheme.js';
import type { IdleLandParcel } from './idle-land.js';
import { findIdleLand, IDLE_LAND_MEASURES } from './idle-land.js';

const rules = DEFAULT_SCHEME.idleLand;

function tinyP3(): IdleLandParcel {
  const p = loadTinyFixture().parcels.find((x) => x.code === TINY.P3)!;
  const get = (k: string) => (p.props[k] == null ? null : p.props[k]);
  return {
    code: p.code,
    landAreaSqm: p.landAreaSqm,
    agreedStartOn: get('agreed_start_on') as string,
    startedOn: get('started_on') as string | null,
    completedOn: get('completed_on') as string | null,
    workStoppedOn: get('work_stopped_on') as string | null,
    developedAreaSqm: get('developed_area_sqm') as number,
    plannedInvestmentYuan: get('planned_investment_yuan') as number,
    investedYuan: get('invested_yuan') as number,
    landPriceYuan: get('land_price_yuan') as number,
    idleCause: get('idle_cause') as 'enterprise',
  };
}

describe('not started one full year after the agreed start (tiny P3, agreed 2024-03-01)', () => {
  const p3 = tinyP3();

  it.each([
    ['2025-02-28', false],
    ['2025-03-01', true],
    ['2025-03-02', true],
  ])('on %s the rule fires: %s', (asOf, fires) => {
    expect(findIdleLand(p3, asOf, rules).length).toBe(fires ? 1 : 0);
  });

  it('reproduces the README: idle from 2025-03-01, fee 20% × 5 000 000 = 1 000 000 元', () => {
    expect(findIdleLand(p3, '2025-03-01', rules)).toEqual([
      {
        rule: 'notStartedOneYearAfterAgreedStart',
        asOf: '2025-03-01',
        agreedStartOn: '2024-03-01',
        startedOn: null,
        workStoppedOn: null,
        idleClockFrom: '2024-03-01',
        idleSince: '2025-03-01',
        daysIdle: 0,
        feeDueFrom: '2025-03-01',
        takeBackFrom: '2026-03-01',
        feeDueReached: true,
        takeBackReached: false,
        feeYuan: 1_000_000,
        takeBackCandidate: false,
        cause: 'enterprise',
        discretionary: false,
        basis: [
          { document: IDLE_LAND_MEASURES, article: '第二条', about: 'idleSince' },
          { document: IDLE_LAND_MEASURES, article: '第十四条第（一）项', about: 'feeDueFrom' },
          { document: IDLE_LAND_MEASURES, article: '第十四条第（二）项', about: 'takeBackFrom' },
        ],
        ratiosUsed: null,
      },
    ]);
  });

  it.each([
    ['2025-03-01', 0],
    ['2025-03-02', 1],
    ['2026-03-01', 365],
    ['2026-06-01', 457],
  ])('on %s counts %s idle days, from the idle-since date 2025-03-01 it shows (not from the agreed start)', (asOf, days) => {
    expect(findIdleLand(p3, asOf, rules)[0]).toMatchObject({ idleSince: '2025-03-01', daysIdle: days });
  });

  it('counts the fee and the take-back from the agreed start, as 第十四条 counts 未动工开发满一年 and 满两年', () => {
    const later = { ...rules, feeAfterYears: 2, takeBackAfterYears: 3 };
    expect(findIdleLand(p3, '2026-06-01', later)[0]).toMatchObject({ idleSince: '2025-03-01', feeDueFrom: '2026-03-01', takeBackFrom: '2027-03-01', feeYuan: 1_000_000, takeBackCandidate: false });
  });

  it('cites 第八条 when the government caused the delay, and charges nothing', () => {
    const [f] = findIdleLand({ ...p3, idleCause: 'government' }, '2026-06-01', rules);
    expect(f.basis.map((b) => [b.about, b.article])).toContainEqual(['cause', '第八条']);
    expect([f.feeDueReached, f.takeBackReached]).toEqual([true, true]);
    expect([f.feeYuan, f.takeBackCandidate]).toEqual([null, false]);
  });

  it.each([
    ['2026-02-28', false],
    ['2026-03-01', true],
    ['2026-03-02', true],
  ])('on %s it is a take-back candidate: %s', (asOf, candidate) => {
    expect(findIdleLand(p3, asOf, rules)[0].takeBackCandidate).toBe(candidate);
  });

  it.each<[string, Partial<IdleLandParcel>, number | null, boolean]>([
    ['the government caused the delay', { idleCause: 'government' }, null, false],
    ['the cause is not recorded', { idleCause: null }, null, false],
    ['the land price is unknown', { landPriceYuan: null }, null, true],
  ])('charges no fee when %s', (_, change, fee, takeBack) => {
    const [f] = findIdleLand({ ...p3, ...change }, '2026-06-01', rules);
    expect([f.feeYuan, f.takeBackCandidate]).toEqual([fee, takeBack]);
  });

  it.each([
    ['started before asOf', '2025-01-10', 0],
    ['started after asOf', '2025-06-02', 1],
  ])('does not fire once work has %s (asOf 2025-06-01)', (_, startedOn, count) => {
    expect(findIdleLand({ ...p3, startedOn }, '2025-06-01', rules)).toHaveLength(count);
  });

  it('counts 2024-02-29 + 1 year as 2025-03-01', () => {
    const leap = { ...p3, agreedStartOn: '2024-02-29' };
    expect(findIdleLand(leap, '2025-02-28', rules)).toEqual([]);
    expect(findIdleLand(leap, '2025-03-01', rules)[0]).toMatchObject({ agreedStartOn: '2024-02-29', idleSince: '2025-03-01', daysIdle: 0 });
  });

  it('says nothing about a parcel without an agreed start', () => {
    expect(findIdleLand({ ...p3, agreedStartOn: null }, '2030-01-01', rules)).toEqual([]);
  });
});

describe('started, under-developed and stopped for a full year (discretionary)', () => {
  const stopped: IdleLandParcel = {
    code: 'S',
    landAreaSqm: 30_000,
    agreedStartOn: '2021-06-01',
    startedOn: '2022-01-01',
    completedOn: null,
    workStoppedOn: '2023-05-10',
    developedAreaSqm: 9_999,
    plannedInvestmentYuan: 100_000_000,
    investedYuan: 50_000_000,
    landPriceYuan: 4_000_000,
    idleCause: 'enterprise',
  };

  it.each<[string, Partial<IdleLandParcel>, boolean]>([
    ['developed just under 1/3', { developedAreaSqm: 9_999 }, true],
    ['developed exactly 1/3', { developedAreaSqm: 10_000 }, false],
    ['developed 1/3 of a required area smaller than the land', { developedAreaSqm: 9_999, requiredDevelopmentAreaSqm: 29_997 }, false],
    ['invested just under 25%', { developedAreaSqm: 15_000, investedYuan: 24_999_999 }, true],
    ['invested exactly 25%', { developedAreaSqm: 15_000, investedYuan: 25_000_000 }, false],
    ['development unknown, investment 24%', { developedAreaSqm: null, investedYuan: 24_000_000 }, true],
    ['development and investment unknown', { developedAreaSqm: null, investedYuan: null }, false],
    ['completed', { completedOn: '2024-01-01' }, false],
  ])('%s → fires: %s', (_, change, fires) => {
    expect(findIdleLand({ ...stopped, ...change }, '2024-06-01', rules).length).toBe(fires ? 1 : 0);
  });

  it.each([
    ['2024-05-09', false],
    ['2024-05-10', true],
  ])('on %s, stopped since 2023-05-10, fires: %s', (asOf, fires) => {
    expect(findIdleLand(stopped, asOf, rules).length).toBe(fires ? 1 : 0);
  });

  it('marks the finding discretionary and shows the ratios it used', () => {
    const [f] = findIdleLand(stopped, '2025-05-10', rules);
    expect(f).toMatchObject({ rule: 'stoppedUnderDeveloped', idleSince: '2024-05-10', daysIdle: 365, discretionary: true, feeYuan: 800_000, takeBackCandidate: true });
    expect(f.ratiosUsed).toEqual({
      developedShare: 9_999 / 30_000,
      underDevelopedBelow: { numerator: 1, denominator: 3 },
      investedShare: 0.5,
      underInvestedBelow: { numerator: 1, denominator: 4 },
    });
    expect(f).toMatchObject({ idleClockFrom: '2023-05-10', agreedStartOn: '2021-06-01', startedOn: '2022-01-01', workStoppedOn: '2023-05-10', feeDueFrom: '2024-05-10', takeBackFrom: '2025-05-10' });
  });
});
