import { describe, expect, it } from 'vitest';
import { makeParcel } from '../test-support/park-fixtures';
import { GRADE_COLORS } from './colouring';
import { createParcelColouring } from './parcel-colouring';
import { buildingHeightM, classifyOccupancy, sumOccupancy } from './park-land';
import { TIER_COLORS } from './tiers';

const parcels = [
  makeParcel({ code: 'A', holderGrade: 'A', taxWanYuanPerMu: 30 }).properties,
  makeParcel({ code: 'B', holderGrade: 'D', taxWanYuanPerMu: 1 }).properties,
  makeParcel({ code: 'C', holderGrade: null, taxWanYuanPerMu: null }).properties,
  makeParcel({ code: 'D', holderGrade: 'A', taxWanYuanPerMu: 12 }).properties,
];

describe('createParcelColouring', () => {
  it('colours by the main holder’s grade with the city view’s grade colours, counting each class', () => {
    const colouring = createParcelColouring(parcels, 'grade');
    expect(colouring.colorOf('A')).toEqual(GRADE_COLORS.A);
    expect(colouring.colorOf('B')).toEqual(GRADE_COLORS.D);
    expect(colouring.colorOf('C')).toEqual(TIER_COLORS.noData);
    expect(Object.fromEntries(colouring.classes.map((c) => [c.id, c.count]))).toEqual({ A: 2, B: 0, C: 0, D: 1, noData: 1 });
  });

  it('cuts per-mu tax into quantile classes, low red to high green, with one-decimal bounds', () => {
    const colouring = createParcelColouring(parcels, 'taxWanYuanPerMu');
    const labels = colouring.classes.map((c) => c.label);
    expect(labels.at(-1)).toBeNull();
    expect(labels[0]).toMatch(/^1\.0/);
    expect(colouring.colorOf('B')).toEqual(colouring.classes[0].color);
    expect(colouring.colorOf('A')).toEqual(colouring.classes.at(-2)!.color);
    expect(colouring.colorOf('C')).toEqual(TIER_COLORS.noData);
    expect(colouring.colorOf('unknown')).toEqual(TIER_COLORS.noData);
  });
});

describe('park land helpers', () => {
  it('classes occupancy at 50 % and 80 %', () => {
    expect([0, 0.49, 0.5, 0.79, 0.8, 1, null].map(classifyOccupancy)).toEqual([
      'below50', 'below50', 'from50to80', 'from50to80', 'atLeast80', 'atLeast80', 'noUnits',
    ]);
  });

  it('sums a park’s lettable, leased, reserved and vacant floor area, reserved apart', () => {
    expect(
      sumOccupancy([
        { lettableSqm: 1000, leasedSqm: 500, reservedSqm: 200, vacantSqm: 300 },
        { lettableSqm: 3000, leasedSqm: 2500, reservedSqm: 0, vacantSqm: 500 },
      ]),
    ).toEqual({ lettableSqm: 4000, leasedSqm: 3000, reservedSqm: 200, vacantSqm: 800, occupancyRate: 0.75 });
    expect(sumOccupancy([]).occupancyRate).toBeNull();
  });

  it('draws a building of unknown height at 5 m a storey', () => {
    expect(buildingHeightM({ heightM: null, floors: 4 })).toBe(20);
    expect(buildingHeightM({ heightM: 12, floors: 4 })).toBe(12);
    expect(buildingHeightM({ heightM: null, floors: 0 })).toBe(5);
  });
});
