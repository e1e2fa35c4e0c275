import { describe, expect, it } from 'vitest';
import { loadTinyFixture } from './__fixtures__/tiny-fixture.js';
import type { VacancyFilter, VacancyUnit } from './vacancy.js';
import { findLeasesEndingWithinMonths, matchesVacancyFilter, summarizeVacancy, summarizeVacancyBy } from './vacancy.js';

const { units } = loadTinyFixture();
const B2 = '999901001001GB00002F0001';

describe('vacancy of the tiny standard factory B2', () => {
  it('reproduces the README: leased 3 000 of 6 000 m² = 50%, 1 000 reserved and 2 000 vacant apart', () => {
    const s = summarizeVacancy(units, { asOf: '2025-12-31', leaseEndingWithinMonths: 6 });
    expect(s).toMatchObject({ unitCount: 4, lettableSqm: 6_000, leasedSqm: 3_000, reservedSqm: 1_000, vacantSqm: 2_000, occupancyRate: 0.5 });
    expect(s.leasedSqm + s.reservedSqm + s.vacantSqm).toBe(s.lettableSqm);
    expect(s.leasesEnding).toEqual({ asOf: '2025-12-31', withinMonths: 6, untilOn: '2026-07-01', count: 1, areaSqm: 2_000, unitCodes: ['999901001001GB00002F00010101'] });
  });

  it('gives the same figures per building, park and region', () => {
    const options = { asOf: '2025-12-31', leaseEndingWithinMonths: 6 };
    for (const level of ['building', 'park', 'region'] as const) {
      const [only] = Object.values(summarizeVacancyBy(units, level, options));
      expect(only.occupancyRate).toBe(0.5);
    }
    expect(Object.keys(summarizeVacancyBy(units, 'building', options))).toEqual([B2]);
  });

  it('reports no occupancy rate when nothing is lettable', () => {
    expect(summarizeVacancy([], { asOf: '2025-12-31', leaseEndingWithinMonths: 6 }).occupancyRate).toBeNull();
  });

  it.each([
    ['2025-09-30', 6, 0], // window ends 2026-03-30, the day before the lease ends
    ['2025-10-01', 6, 1], // window ends 2026-04-01
    ['2026-03-31', 1, 1], // ends on asOf itself
    ['2026-04-01', 1, 0], // ended the day before
    ['2025-12-31', 24, 2],
  ])('from %s, leases ending within %i months: %i', (asOf, months, count) => {
    expect(findLeasesEndingWithinMonths(units, months, asOf).count).toBe(count);
  });
});

describe('searching units', () => {
  const vacantFloor2 = units.find((u) => u.floor === 2)!;
  const unit = (change: Partial<VacancyUnit>): VacancyUnit => ({ ...vacantFloor2, ...change });

  it.each<[string, VacancyFilter, boolean]>([
    ['no bounds', {}, true],
    ['area 2 000 within 1 500–2 000', { minAreaSqm: 1_500, maxAreaSqm: 2_000 }, true],
    ['area 2 000 above a 1 999 maximum', { maxAreaSqm: 1_999 }, false],
    ['floor 2 within 1–2', { minFloor: 1, maxFloor: 2 }, true],
    ['floor 2 not the ground floor', { maxFloor: 1 }, false],
    ['ceiling 5 m meets a 5 m minimum', { minCeilingHeightM: 5 }, true],
    ['ceiling 5 m under a 6 m minimum', { minCeilingHeightM: 6 }, false],
    ['load 8 kN/m² meets 8', { minFloorLoadKnPerSqm: 8 }, true],
    ['load 8 kN/m² under 15', { minFloorLoadKnPerSqm: 15 }, false],
    ['rent 8 元 within a maximum of 8', { maxRentYuanPerSqmMonth: 8 }, true],
    ['rent 8 元 above a maximum of 7.99', { maxRentYuanPerSqmMonth: 7.99 }, false],
  ])('the vacant floor-2 unit: %s → %s', (_, filter, matches) => {
    expect(matchesVacancyFilter(vacantFloor2, filter)).toBe(matches);
  });

  it('shows vacant units only unless asked for other statuses', () => {
    expect(units.filter((u) => matchesVacancyFilter(u, {})).map((u) => u.floor)).toEqual([2]);
    expect(units.filter((u) => matchesVacancyFilter(u, { statuses: ['vacant', 'reserved'] }))).toHaveLength(2);
  });

  it('does not match a unit that does not state a bounded value', () => {
    expect(matchesVacancyFilter(unit({ ceilingHeightM: null }), { minCeilingHeightM: 1 })).toBe(false);
    expect(matchesVacancyFilter(unit({ rentYuanPerSqmMonth: null }), { maxRentYuanPerSqmMonth: 100 })).toBe(false);
    expect(matchesVacancyFilter(unit({ rentYuanPerSqmMonth: null }), {})).toBe(true);
  });
});
