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

/** The land a firm holds in its first park, and in any other (most firms hold land in one park only). */
interface FirmLand {
  parkCode: string;
  sqm: number;
  more: Map<string, number> | null;
}

/**
 * Park code by USCC, for every enterprise holding a known parcel. Every holding row counts, as in the view.
 * `parcels` is looked up by code: the evaluation passes the map it has built anyway.
 */
export function findHomeParks(holdings: readonly Holding[], parcels: ReadonlyMap<string, ParcelPark>): Map<string, string> {
  const landByFirm = new Map<string, FirmLand>();
  for (const h of holdings) {
    const parcel = parcels.get(h.parcelCode);
    if (!parcel) continue;
    const sqm = h.role === 'owner' ? parcel.landAreaSqm : h.leasedFloorAreaSqm ?? 0;
    const land = landByFirm.get(h.uscc);
    if (!land) landByFirm.set(h.uscc, { parkCode: parcel.parkCode, sqm, more: null });
    else if (land.parkCode === parcel.parkCode) land.sqm += sqm;
    else {
      land.more ??= new Map();
      land.more.set(parcel.parkCode, (land.more.get(parcel.parkCode) ?? 0) + sqm);
    }
  }
  const home = new Map<string, string>();
  for (const [uscc, land] of landByFirm) {
    let best = land.parkCode;
    let bestSqm = land.sqm;
    for (const [park, sqm] of land.more ?? []) {
      if (sqm > bestSqm || (sqm === bestSqm && park < best)) [best, bestSqm] = [park, sqm];
    }
    home.set(uscc, best);
  }
  return home;
}
