import { describe, expect, it } from 'vitest';
import { findHomeParks } from './home-park.js';
import type { Holding } from './land-allocation.js';

const parcels = new Map([
  { code: 'P1', parkCode: 'K-A', landAreaSqm: 10_000 },
  { code: 'P2', parkCode: 'K-B', landAreaSqm: 4_000 },
  { code: 'P3', parkCode: 'K-B', landAreaSqm: 7_000 },
  { code: 'P4', parkCode: 'K-C', landAreaSqm: 10_000 },
].map((p) => [p.code, p]));
const owner = (uscc: string, parcelCode: string): Holding => ({ uscc, parcelCode, role: 'owner', leasedFloorAreaSqm: null });
const tenant = (uscc: string, parcelCode: string, leasedFloorAreaSqm: number | null): Holding => ({ uscc, parcelCode, role: 'tenant', leasedFloorAreaSqm });

describe('findHomeParks: the park where a firm holds the most land', () => {
  it('sums a park\'s parcels before comparing: 4000 + 7000 m² in K-B beat 10000 m² in K-A', () => {
    expect(findHomeParks([owner('F', 'P1'), owner('F', 'P2'), owner('F', 'P3')], parcels).get('F')).toBe('K-B');
  });

  it('counts an owned parcel whole and a tenancy by its leased floor area', () => {
    const home = findHomeParks([tenant('T', 'P1', 9_000), owner('T', 'P2')], parcels);
    expect(home.get('T')).toBe('K-A');
    expect(findHomeParks([tenant('T', 'P1', 3_000), owner('T', 'P2')], parcels).get('T')).toBe('K-B');
  });

  it('sums a park whose parcels come before and after another park\'s: 4000 + 7000 m² in K-B, around 10000 m² in K-A', () => {
    expect(findHomeParks([owner('F', 'P2'), owner('F', 'P1'), owner('F', 'P3')], parcels).get('F')).toBe('K-B');
    expect(findHomeParks([owner('F', 'P1'), owner('F', 'P2'), owner('F', 'P4'), owner('F', 'P3')], parcels).get('F')).toBe('K-B');
  });

  it('breaks a tie by the lower park code', () => {
    expect(findHomeParks([owner('F', 'P4'), owner('F', 'P1')], parcels).get('F')).toBe('K-A');
  });

  it('gives a tenant without leased area a park (0 m² still places it), and skips unknown parcels', () => {
    const home = findHomeParks([tenant('T', 'P4', null), owner('U', 'NOPE')], parcels);
    expect(home.get('T')).toBe('K-C');
    expect(home.has('U')).toBe(false);
  });
});
