/**
 * What the services derive about parcels from stored rows: a parcel's share of its holders' figures,
 * storeys estimated from a building's height, and whether an owner is still in its construction period.
 */
import type { LandAllocation } from './land-allocation.js';
import type { RawFigures } from './metrics.js';
import { RAW_FIGURE_KEYS } from './metrics.js';
import { isOnOrBefore } from './dates.js';

/**
 * The figures of a parcel: each holder's figures × (its land on this parcel ÷ all its allocated land),
 * summed. Holders with no land (a merged tenant) add nothing; their figures are inside their owner's
 * when `figuresByUscc` is the output of mergeFigures. A field stays null when no holder reports it;
 * null altogether when no holder with land has figures.
 */
export function apportionFiguresToParcel(parcelCode: string, allocation: LandAllocation, figuresByUscc: Record<string, RawFigures>): RawFigures | null {
  const parts: { figures: RawFigures; weight: number }[] = [];
  for (const land of Object.values(allocation.enterprises)) {
    const figures = figuresByUscc[land.uscc];
    const onParcelSqm = land.shares.filter((s) => s.parcelCode === parcelCode).reduce((s, x) => s + x.sqm, 0);
    if (!figures || !(onParcelSqm > 0) || !(land.landAreaSqm > 0)) continue;
    parts.push({ figures, weight: onParcelSqm / land.landAreaSqm });
  }
  if (!parts.length) return null;
  const total = {} as RawFigures;
  for (const key of RAW_FIGURE_KEYS) {
    const known = parts.filter((p) => p.figures[key] != null);
    total[key] = known.length ? known.reduce((s, p) => s + p.figures[key]! * p.weight, 0) : null;
  }
  return total;
}

/**
 * Storeys of a building known only by floors, floor area and height: equal storeys of height ÷ floors.
 * Feeds countedFloorAreaSqm (a storey over 8 m counts twice): exact for one storey, an estimate for more.
 */
export function estimateStoreys(building: { floors: number; floorAreaSqm: number; heightM: number | null }): { areaSqm: number; heightM: number | null }[] {
  const floors = Math.max(1, building.floors);
  const heightM = building.heightM == null ? null : building.heightM / floors;
  return Array.from({ length: floors }, () => ({ areaSqm: building.floorAreaSqm / floors, heightM }));
}

/**
 * Still in its construction period at `onDate` (not graded, DOMAIN.md §3): the firm holds land only as
 * owner, none of its parcels is completed by then, and at least one is within its contracted completion
 * date (or has none). An owner past every contracted completion date is graded (and may be low-yield).
 */
export function isInConstructionPeriod(
  holdings: { role: 'owner' | 'tenant'; completedOn: string | null; agreedCompletionOn: string | null }[],
  onDate: string,
): boolean {
  if (!holdings.length || holdings.some((h) => h.role !== 'owner')) return false;
  if (holdings.some((h) => h.completedOn != null && isOnOrBefore(h.completedOn, onDate))) return false;
  return holdings.some((h) => h.agreedCompletionOn == null || isOnOrBefore(onDate, h.agreedCompletionOn));
}
