import { describe, expect, it } from 'vitest';
import { loadTinyFixture, TINY } from './__fixtures__/tiny-fixture.js';
import { DEFAULT_SCHEME } from './default-scheme.js';
import type { UnderUseFacts, UnderUseParcel } from './under-use.js';
import { classifyUnderUse, computeMinPlotRatio, countedFloorAreaSqm, findPlotRatioControl, findUnderUse, listPlotRatioUsers } from './under-use.js';

const controls = DEFAULT_SCHEME.controls;

describe('under-use of the tiny parcels', () => {
  const fx = loadTinyFixture();
  const facts = (parcelCode: string, industryCode: string, doubleCount: boolean) => {
    const parcel = fx.parcels.find((p) => p.code === parcelCode)!;
    const b = fx.buildings.find((x) => x.parcelCode === parcelCode)!;
    // B1: one 12 m storey; B2: a 9 m ground floor and two 5 m floors of 2 000 m² each
    const storeys = b.floors === 1 ? [{ areaSqm: b.floorAreaSqm, heightM: b.heightM }] : [9, 5, 5].map((heightM) => ({ areaSqm: 2_000, heightM }));
    return {
      landAreaSqm: parcel.landAreaSqm,
      footprintSqm: b.footprintSqm,
      floorAreaSqm: doubleCount ? countedFloorAreaSqm(storeys, controls) : b.floorAreaSqm,
      users: [{ industryCode, floorAreaSqm: b.floorAreaSqm }],
    };
  };

  it.each([
    [TINY.P1, 'C14', false, 0.125, 0.125, 1.0],
    [TINY.P1, 'C14', true, 0.125, 0.25, 1.0],
    [TINY.P2, 'C24', false, 0.1, 0.3, 1.0],
    [TINY.P2, 'C24', true, 0.1, 0.4, 1.0],
  ])('%s (%s, tall storeys twice: %s): coverage %s, plot ratio %s against %s', (parcel, industry, twice, coverage, plotRatio, minPlotRatio) => {
    const c = classifyUnderUse(facts(parcel, industry, twice), controls);
    expect(c.buildingCoverage).toBeCloseTo(coverage, 5);
    expect(c.plotRatio).toBeCloseTo(plotRatio, 5);
    expect(c).toMatchObject({ minPlotRatio, minCoverage: 0.3, belowCoverage: true, belowPlotRatio: true });
  });
});

describe('control minima', () => {
  it.each([
    ['C14', 1.0],
    ['C2921', 1.0],
    ['C2911', 0.8],
    ['C29', 0.8],
    ['C25', 0.5],
    ['C40', 1.0],
    ['C42', null],
    ['D44', null],
    [null, null],
  ])('industry %s has minimum plot ratio %s (longest prefix wins)', (code, min) => {
    expect(findPlotRatioControl(code, controls)?.minPlotRatio ?? null).toBe(min);
  });

  it.each([
    [0.29999, true],
    [0.3, false],
  ])('coverage %s is below the 30% minimum: %s', (coverage, below) => {
    expect(classifyUnderUse({ landAreaSqm: 100_000, footprintSqm: coverage * 100_000, floorAreaSqm: 200_000, users: [{ industryCode: 'C25', floorAreaSqm: 1 }] }, controls).belowCoverage).toBe(below);
  });

  it('leaves a judgement it cannot make as null', () => {
    expect(classifyUnderUse({ landAreaSqm: 0, footprintSqm: 10, floorAreaSqm: null, users: [{ industryCode: 'C99', floorAreaSqm: 1 }] }, controls)).toEqual({
      buildingCoverage: null, plotRatio: null, minPlotRatio: null, plotRatioBasis: [], minCoverage: 0.3, belowPlotRatio: null, belowCoverage: null,
    });
  });

  it('counts a storey over 8 m twice, and one of exactly 8 m once', () => {
    expect(countedFloorAreaSqm([{ areaSqm: 100, heightM: 8 }, { areaSqm: 100, heightM: 8.01 }, { areaSqm: 100, heightM: null }], controls)).toBe(400);
  });
});

describe('the plot-ratio minimum of the firms that use a parcel', () => {
  const owner = (industryCode: string | null) => ({ role: 'owner' as const, industryCode, leasedFloorAreaSqm: null });
  const tenant = (industryCode: string, leasedFloorAreaSqm: number) => ({ role: 'tenant' as const, industryCode, leasedFloorAreaSqm });

  it("is the owner's industry's minimum on a firm's own plant", () => {
    const users = listPlotRatioUsers([owner('C27')], 5_000);
    expect(computeMinPlotRatio(users, controls)).toEqual({ minPlotRatio: 0.7, plotRatioBasis: [{ industryCode: 'C27', floorAreaSqm: 5_000, minPlotRatio: 0.7 }] });
  });

  it("is the tenants' on a platform company's standard factory, weighted by the floor area each leases", () => {
    // The landlord (商务服务业 L72) has no minimum in the 2008 table: it is not the use the control is written for.
    // 6 000 m² of C14 (1.0) and 2 000 m² of C34 (0.7), 2 000 m² unlet: (6 000 × 1.0 + 2 000 × 0.7) ÷ 8 000 = 0.925
    const users = listPlotRatioUsers([owner('L72'), tenant('C14', 4_000), tenant('C14', 2_000), tenant('C34', 2_000)], 10_000);
    const { minPlotRatio, plotRatioBasis } = computeMinPlotRatio(users, controls);
    expect(minPlotRatio).toBeCloseTo(0.925, 12);
    expect(plotRatioBasis).toEqual([
      { industryCode: 'C14', floorAreaSqm: 6_000, minPlotRatio: 1 },
      { industryCode: 'C34', floorAreaSqm: 2_000, minPlotRatio: 0.7 },
    ]);
  });

  it('weighs a manufacturing owner by the floor area it keeps', () => {
    // C24 owner keeps 6 000 − 2 000 = 4 000 m² (1.0); the C34 tenant 2 000 m² (0.7): 0.9
    const users = listPlotRatioUsers([owner('C24'), tenant('C34', 2_000)], 6_000);
    expect(computeMinPlotRatio(users, controls).minPlotRatio).toBeCloseTo(0.9, 12);
  });

  it('has none when no user has a minimum, and the plot ratio is then not judged', () => {
    const users = listPlotRatioUsers([owner('L72')], 10_000);
    const c = classifyUnderUse({ landAreaSqm: 10_000, footprintSqm: 4_000, floorAreaSqm: 1_000, users }, controls);
    expect([c.minPlotRatio, c.belowPlotRatio, c.belowCoverage]).toEqual([null, null, false]);
  });
});

describe('under-use of a parcel on a date', () => {
  const built: UnderUseParcel = { landUse: 'industrial', completedOn: '2022-06-30', buildingCount: 1 };
  const low: UnderUseFacts = { landAreaSqm: 10_000, footprintSqm: 2_000, floorAreaSqm: 4_000, users: [{ industryCode: 'C14', floorAreaSqm: 4_000 }] };
  const dense: UnderUseFacts = { ...low, footprintSqm: 4_500, floorAreaSqm: 12_000 };

  it('flags a completed parcel with no building on record as under-used or a data gap, whatever its use', () => {
    for (const landUse of ['industrial', 'warehouse', 'public', null]) {
      expect(findUnderUse({ landUse, completedOn: '2022-06-30', buildingCount: 0 }, null, '2026-06-01', controls))
        .toEqual({ rule: 'completedWithoutBuildings', possibleDataGap: true, completedOn: '2022-06-30' });
    }
  });

  it.each<[string, UnderUseParcel]>([
    ['not yet completed', { landUse: 'industrial', completedOn: null, buildingCount: 0 }],
    ['completed after the date', { landUse: 'industrial', completedOn: '2026-06-02', buildingCount: 0 }],
  ])('says nothing of a parcel with no building %s', (_, parcel) => {
    expect(findUnderUse(parcel, null, '2026-06-01', controls)).toBeNull();
  });

  it('flags built industrial land below the controls, and not land that meets them', () => {
    expect(findUnderUse(built, low, '2026-06-01', controls)).toMatchObject({ rule: 'belowLandUseControl', possibleDataGap: false, belowCoverage: true, belowPlotRatio: true, minPlotRatio: 1 });
    expect(findUnderUse(built, dense, '2026-06-01', controls)).toBeNull();
  });

  it.each<[string, UnderUseParcel, boolean]>([
    ['industrial, completed', built, true],
    ['of unrecorded use', { ...built, landUse: null }, true],
    ['with buildings and no completion date', { ...built, completedOn: null }, true],
    ['completed after the date', { ...built, completedOn: '2026-06-02' }, false],
    ['warehousing (the 2008 controls are for 工业项目)', { ...built, landUse: 'warehouse' }, false],
    ['public land', { ...built, landUse: 'public' }, false],
  ])('judges the coverage and plot ratio of a built parcel %s: %s', (_, parcel, judged) => {
    expect(findUnderUse(parcel, low, '2026-06-01', controls) != null).toBe(judged);
  });
});
