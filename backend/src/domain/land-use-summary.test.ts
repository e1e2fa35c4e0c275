import { describe, expect, it } from 'vitest';
import type { FindingExtent } from './land-use-summary.js';
import { computeLandUseSummary, computeScopedLandUseSummaries } from './land-use-summary.js';
import { muToSqm } from './units.js';

const finding = (kind: FindingExtent['kind'], rule: string, parcelCode: string | null, areaMu: number, more: Partial<FindingExtent> = {}): FindingExtent => ({
  kind, rule, parcelCode, parkCode: 'K1', regionCode: 'R1', areaSqm: muToSqm(areaMu), possibleDataGap: false, ...more,
});

describe('land-use totals', () => {
  it('counts a parcel that fires two low-yield rules once in the kind, and in each rule of the breakdown', () => {
    const s = computeLandUseSummary([
      finding('lowYield', 'halted', 'P1', 40),
      finding('lowYield', 'bottomTaxPerMu', 'P1', 40),
      finding('lowYield', 'bottomTaxPerMu', 'P2', 10),
    ]);
    expect(s.byKind.lowYield.parcelCount).toBe(2);
    expect(s.byKind.lowYield.areaMu).toBeCloseTo(50, 9); // not 90
    expect(s.byKind.lowYield.byRule).toEqual({
      bottomTaxPerMu: { parcelCount: 2, areaMu: expect.closeTo(50, 9) },
      halted: { parcelCount: 1, areaMu: expect.closeTo(40, 9) },
    });
  });

  it('counts a parcel once across kinds in the recoverable land: its unbuilt part lies inside the whole parcel', () => {
    const s = computeLandUseSummary([
      finding('underused', 'belowLandUseControl', 'P1', 35), // P1 (60 亩) minus its buildings
      finding('lowYield', 'belowLandUseControl', 'P1', 60),
      finding('idle', 'notStartedOneYearAfterAgreedStart', 'P3', 15),
    ]);
    expect(s.byKind.underused).toMatchObject({ parcelCount: 1, areaMu: expect.closeTo(35, 9) });
    expect(s.recoverable).toEqual({ parcelCount: 2, areaMu: expect.closeTo(75, 9) });
  });

  it('adds park land outside every parcel by its area, with no parcel to count', () => {
    const s = computeLandUseSummary([
      finding('unsupplied', 'parcelNotSupplied', 'P4', 20),
      finding('unsupplied', 'noParcel', null, 1375),
      finding('unsupplied', 'noParcel', null, 5, { parkCode: 'K2' }),
    ]);
    expect(s.byKind.unsupplied).toEqual({
      parcelCount: 1,
      areaMu: expect.closeTo(1400, 9),
      byRule: { noParcel: { parcelCount: 0, areaMu: expect.closeTo(1380, 9) }, parcelNotSupplied: { parcelCount: 1, areaMu: expect.closeTo(20, 9) } },
    });
    expect(s.recoverable).toEqual({ parcelCount: 1, areaMu: expect.closeTo(1400, 9) });
  });

  it('keeps a parcel flagged only for want of building data out of the recoverable land, as land to verify', () => {
    const s = computeLandUseSummary([
      finding('underused', 'completedWithoutBuildings', 'P5', 30, { possibleDataGap: true }),
      finding('underused', 'completedWithoutBuildings', 'P6', 12, { possibleDataGap: true }),
      finding('lowYield', 'halted', 'P6', 12),
    ]);
    expect(s.byKind.underused).toMatchObject({ parcelCount: 2, areaMu: expect.closeTo(42, 9) });
    expect(s.recoverable).toEqual({ parcelCount: 1, areaMu: expect.closeTo(12, 9) });
    expect(s.toVerify).toEqual({ parcelCount: 1, areaMu: expect.closeTo(30, 9) });
  });

  it('gives every kind, with zeros when nothing fired', () => {
    const zero = { parcelCount: 0, areaMu: 0 };
    expect(computeLandUseSummary([])).toEqual({
      byKind: { idle: { ...zero, byRule: {} }, underused: { ...zero, byRule: {} }, unsupplied: { ...zero, byRule: {} }, lowYield: { ...zero, byRule: {} } },
      recoverable: zero,
      toVerify: zero,
    });
  });
});

describe('totals of the city, each county and each park', () => {
  it('sums parks into their county and the city, and lists a park with no finding as zeros', () => {
    const findings = [
      finding('idle', 'notStartedOneYearAfterAgreedStart', 'A1', 10, { parkCode: 'A', regionCode: 'R1' }),
      finding('lowYield', 'halted', 'A1', 10, { parkCode: 'A', regionCode: 'R1' }),
      finding('lowYield', 'halted', 'B1', 7, { parkCode: 'B', regionCode: 'R2' }),
    ];
    const s = computeScopedLandUseSummaries(findings, new Map([['A', 'R1'], ['B', 'R2'], ['C', 'R2']]));
    expect(Object.keys(s.parks)).toEqual(['A', 'B', 'C']);
    expect(Object.keys(s.regions)).toEqual(['R1', 'R2']);
    expect(s.parks.A.recoverable).toEqual({ parcelCount: 1, areaMu: expect.closeTo(10, 9) });
    expect(s.parks.C.recoverable).toEqual({ parcelCount: 0, areaMu: 0 });
    expect(s.regions.R2.byKind.lowYield).toMatchObject({ parcelCount: 1, areaMu: expect.closeTo(7, 9) });
    expect(s.city.recoverable).toEqual({ parcelCount: 2, areaMu: expect.closeTo(17, 9) });
    expect(s.city).toEqual(computeLandUseSummary(findings));
  });
});
