/**
 * Each enterprise's park: the one where it holds the most land, owned parcels counting whole and
 * tenancies by their leased floor area, ties broken by the lower park code. The same rule as the view
 * enterprise_parks (migrations/0003), computed here from holdings the evaluation has already read, so
 * that a province's evaluation does not pay for the view's grouping a second time.
 */
import type { Holding } from './land-allocation.js';

export interface ParcelPark {
  code: string;
  parkCode: string;
  landAreaSqm: number;
}

/** Park code by USCC, for every enterprise holding a known parcel. Every holding row counts, as in the view. */
export function findHomeParks(holdings: readonly Holding[], parcels: readonly ParcelPark[]): Map<string, string> {
  const parcelByCode = new Map(parcels.map((p) => [p.code, p]));
  const landByFirmAndPark = new Map<string, Map<string, number>>();
  for (const h of holdings) {
    const parcel = parcelByCode.get(h.parcelCode);
    if (!parcel) continue;
    const sqm = h.role === 'owner' ? parcel.landAreaSqm : h.leasedFloorAreaSqm ?? 0;
    let byPark = landByFirmAndPark.get(h.uscc);
    if (!byPark) landByFirmAndPark.set(h.uscc, (byPark = new Map()));
    byPark.set(parcel.parkCode, (byPark.get(parcel.parkCode) ?? 0) + sqm);
  }
  const home = new Map<string, string>();
  for (const [uscc, byPark] of landByFirmAndPark) {
    let best: [string, number] | null = null;
    for (const [park, sqm] of byPark) {
      if (!best || sqm > best[1] || (sqm === best[1] && park < best[0])) best = [park, sqm];
    }
    home.set(uscc, best![0]);
  }
  return home;
}
