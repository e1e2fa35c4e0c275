import { describe, expect, it } from 'vitest';
import { loadTinyFixture, TINY } from './__fixtures__/tiny-fixture.js';
import { DEFAULT_SCHEME } from './default-scheme.js';
import { classifyUnderUse, countedFloorAreaSqm, findPlotRatioControl } from './under-use.js';

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
      industryCode,
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
    expect(classifyUnderUse({ landAreaSqm: 100_000, footprintSqm: coverage * 100_000, floorAreaSqm: 200_000, industryCode: 'C25' }, controls).belowCoverage).toBe(below);
  });

  it('leaves a judgement it cannot make as null', () => {
    expect(classifyUnderUse({ landAreaSqm: 0, footprintSqm: 10, floorAreaSqm: null, industryCode: 'C99' }, controls)).toEqual({
      buildingCoverage: null, plotRatio: null, minPlotRatio: null, minCoverage: 0.3, belowPlotRatio: null, belowCoverage: null,
    });
  });

  it('counts a storey over 8 m twice, and one of exactly 8 m once', () => {
    expect(countedFloorAreaSqm([{ areaSqm: 100, heightM: 8 }, { areaSqm: 100, heightM: 8.01 }, { areaSqm: 100, heightM: null }], controls)).toBe(400);
  });
});
