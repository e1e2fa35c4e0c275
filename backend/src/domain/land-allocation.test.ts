import { describe, expect, it } from 'vitest';
import { allocateTinyLand } from './__fixtures__/tiny-evaluation.js';
import { TINY } from './__fixtures__/tiny-fixture.js';
import type { Holding, ParcelLand } from './land-allocation.js';
import { allocateEnterpriseLand, describeLandShare, mergeFigures } from './land-allocation.js';
import type { RawFigures } from './metrics.js';
import { sqmToMu } from './units.js';

const parcel: ParcelLand = { code: 'P', landAreaSqm: 20_000 };
const owner = (uscc: string): Holding => ({ uscc, parcelCode: 'P', role: 'owner', leasedFloorAreaSqm: null });
const tenant = (uscc: string, leasedFloorAreaSqm: number | null): Holding => ({ uscc, parcelCode: 'P', role: 'tenant', leasedFloorAreaSqm });
const landOf = (holdings: Holding[], floorSqm = 6_000, mode: 'apportion' | 'mergeIntoOwner' = 'apportion') => {
  const a = allocateEnterpriseLand([parcel], holdings, { P: floorSqm }, mode);
  return { a, sqm: Object.fromEntries(Object.entries(a.enterprises).map(([u, e]) => [u, e.landAreaSqm])) };
};

describe('the tiny fixture’s land', () => {
  const { allocation } = allocateTinyLand('apportion');
  const mu = (uscc: string) => sqmToMu(allocation.enterprises[uscc].landAreaSqm);

  it('gives the standard-factory tenants 10 亩 and 5 亩 of P2 and the owner the remaining 15 亩', () => {
    expect(mu(TINY.T1)).toBeCloseTo(10, 4);
    expect(mu(TINY.T2)).toBeCloseTo(5, 4);
    expect(mu(TINY.B)).toBeCloseTo(15, 4);
    expect(mu(TINY.A)).toBeCloseTo(60, 4);
    expect(mu(TINY.U)).toBeCloseTo(15, 4);
  });

  it('does not count T1 twice (an explicit land right and its leased unit)', () => {
    expect(allocation.enterprises[TINY.T1].shares).toHaveLength(1);
    expect(allocation.warnings).toEqual([]);
  });

  it('explains each share with its formula inputs', () => {
    expect(allocation.enterprises[TINY.T1].shares[0]).toMatchObject({ parcelCode: TINY.P2, role: 'tenant', leasedFloorAreaSqm: 2000, totalFloorAreaSqm: 6000 });
    expect(allocation.enterprises[TINY.B].shares[0]).toMatchObject({ role: 'owner', ownerCount: 1 });
    expect(describeLandShare(allocation.enterprises[TINY.B].shares[0])).toMatch(/÷ 1 owner/);
    expect(describeLandShare(allocation.enterprises[TINY.T1].shares[0])).toMatch(/× 2000 m² ÷ 6000 m²$/);
  });

  it('merges the tenants into B on all 30 亩 under merge-into-owner', () => {
    const { allocation: merged } = allocateTinyLand('mergeIntoOwner');
    expect(sqmToMu(merged.enterprises[TINY.B].landAreaSqm)).toBeCloseTo(30, 4);
    expect(merged.enterprises[TINY.T1]).toMatchObject({ landAreaSqm: 0, mergedInto: [{ ownerUscc: TINY.B, parcelCode: TINY.P2, weight: 1 }] });
  });
});

describe('apportioning a parcel', () => {
  it.each<[string, Holding[], Record<string, number>]>([
    ['one owner, one tenant of a third of the floor area', [owner('O'), tenant('T', 2_000)], { O: 40_000 / 3, T: 20_000 / 3 }],
    ['two owners split the rest evenly', [owner('O1'), owner('O2'), tenant('T', 3_000)], { O1: 5_000, O2: 5_000, T: 10_000 }],
    ['a tenant of the whole building leaves the owner nothing', [owner('O'), tenant('T', 6_000)], { O: 0, T: 20_000 }],
    ['a tenant without leased floor area gets nothing', [owner('O'), tenant('T', null)], { O: 20_000, T: 0 }],
  ])('%s', (_, holdings, expected) => {
    const { sqm } = landOf(holdings);
    for (const [uscc, value] of Object.entries(expected)) expect(sqm[uscc]).toBeCloseTo(value, 9);
  });

  it('divides by the leased total when tenants lease more than the buildings have, and says so', () => {
    const { a, sqm } = landOf([owner('O'), tenant('T1', 4_000), tenant('T2', 4_000)]);
    expect([sqm.O, sqm.T1, sqm.T2]).toEqual([0, 10_000, 10_000]);
    expect(a.warnings[0]).toMatch(/lease 8000 m² but the buildings have 6000 m²/);
  });

  it('leaves land without an owner unallocated', () => {
    const { a, sqm } = landOf([tenant('T', 3_000)]);
    expect(sqm.T).toBe(10_000);
    expect(a.unallocatedSqmByParcel).toEqual({ P: 10_000 });
  });

  it('uses the first of two identical holdings and warns', () => {
    const { a, sqm } = landOf([owner('O'), tenant('T', 2_000), tenant('T', 2_000)]);
    expect(sqm.T).toBeCloseTo(20_000 / 3, 9);
    expect(a.warnings[0]).toMatch(/listed twice/);
  });

  it('warns of a holding on an unknown parcel and gives it no land', () => {
    const a = allocateEnterpriseLand([parcel], [owner('O'), { ...owner('X'), parcelCode: 'NOPE' }], { P: 6_000 }, 'apportion');
    expect(a.warnings).toEqual(['X holds unknown parcel NOPE; ignored']);
    expect(a.enterprises.X).toEqual({ uscc: 'X', landAreaSqm: 0, shares: [], mergedInto: [] });
    expect(a.enterprises.O.landAreaSqm).toBe(20_000);
  });

  it('adds an enterprise’s shares over several parcels', () => {
    const a = allocateEnterpriseLand([parcel, { code: 'Q', landAreaSqm: 5_000 }], [owner('O'), { ...owner('O'), parcelCode: 'Q' }], {}, 'apportion');
    expect(a.enterprises.O.landAreaSqm).toBe(25_000);
  });
});

describe('merging tenants into owners', () => {
  const figures = (taxYuan: number | null, employees: number | null): RawFigures => ({
    outputYuan: null, revenueYuan: null, valueAddedYuan: null, taxYuan, energyTce: null, emissionsT: null, electricityKwh: null, employees, rdYuan: null,
  });

  it('adds a tenant’s figures to the owners, split evenly between two owners', () => {
    const { a } = landOf([owner('O1'), owner('O2'), tenant('T', 3_000)], 6_000, 'mergeIntoOwner');
    expect(a.enterprises.O1.landAreaSqm).toBe(10_000);
    const merged = mergeFigures({ O1: figures(100, null), O2: figures(null, null), T: figures(50, 10) }, a);
    expect(merged.T).toBeUndefined();
    expect(merged.O1).toMatchObject({ taxYuan: 125, employees: 5 });
    expect(merged.O2).toMatchObject({ taxYuan: 25, employees: 5 });
  });

  it('changes nothing in apportion mode', () => {
    const { a } = landOf([owner('O'), tenant('T', 3_000)]);
    expect(mergeFigures({ O: figures(1, 1), T: figures(2, 2) }, a)).toEqual({ O: figures(1, 1), T: figures(2, 2) });
  });

  it('keeps apportioning tenants of a parcel without an owner', () => {
    const { a, sqm } = landOf([tenant('T', 3_000)], 6_000, 'mergeIntoOwner');
    expect(sqm.T).toBe(10_000);
    expect(a.warnings[0]).toMatch(/no owner/);
  });
});
