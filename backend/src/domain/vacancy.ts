/**
 * Standard-factory vacancy, in one set of words (docs/glossary.md): lettable (可出租面积) = every unit =
 * leased (已出租) + reserved (已预留: promised, not leased, not offered) + vacant (空置/可租: status vacant,
 * offered to investors); occupancy (出租率) = leased ÷ lettable. Reserved is never added to vacant. And the
 * search investors run over units.
 */
import { addMonths, isOnOrBefore } from './dates.js';
import { divideOrNull } from './metrics.js';
import { appendTo } from './collections.js';

export interface VacancyUnit {
  code: string;
  buildingCode: string;
  parkCode?: string | null;
  regionCode?: string | null;
  floor: number;
  areaSqm: number;
  status: 'vacant' | 'leased' | 'reserved';
  tenantUscc?: string | null;
  leaseStartOn?: string | null;
  leaseEndOn?: string | null;
  rentYuanPerSqmMonth?: number | null;
  ceilingHeightM?: number | null;
  floorLoadKnPerSqm?: number | null;
}

export interface LeasesEnding {
  asOf: string;
  withinMonths: number;
  /** Last day counted: asOf + withinMonths (inclusive). */
  untilOn: string;
  count: number;
  areaSqm: number;
  unitCodes: string[];
}

export interface VacancySummary {
  unitCount: number;
  /** Every unit: leased + reserved + vacant, m². */
  lettableSqm: number;
  leasedSqm: number;
  /** Units promised but not leased and not offered, m². */
  reservedSqm: number;
  /** Units with status vacant only (those the search lists by default), m². */
  vacantSqm: number;
  /** leased ÷ lettable; null when nothing is lettable. */
  occupancyRate: number | null;
  leasesEnding: LeasesEnding;
}

/** Leased units whose lease ends between asOf and asOf + n months, both days included. */
export function findLeasesEndingWithinMonths(units: VacancyUnit[], withinMonths: number, asOf: string): LeasesEnding {
  const untilOn = addMonths(asOf, withinMonths);
  const ending = units.filter(
    (u) => u.status === 'leased' && u.leaseEndOn != null && isOnOrBefore(asOf, u.leaseEndOn) && isOnOrBefore(u.leaseEndOn, untilOn),
  );
  return {
    asOf,
    withinMonths,
    untilOn,
    count: ending.length,
    areaSqm: ending.reduce((s, u) => s + u.areaSqm, 0),
    unitCodes: ending.map((u) => u.code).sort(),
  };
}

export type Occupancy = Pick<VacancySummary, 'lettableSqm' | 'leasedSqm' | 'reservedSqm' | 'vacantSqm' | 'occupancyRate'>;

/** Lettable, leased, reserved and vacant floor area of some units, m², and the occupancy rate. */
export function computeOccupancy(units: readonly Pick<VacancyUnit, 'areaSqm' | 'status'>[]): Occupancy {
  const sqm = { leased: 0, reserved: 0, vacant: 0 };
  for (const u of units) sqm[u.status] += u.areaSqm;
  const lettableSqm = sqm.leased + sqm.reserved + sqm.vacant;
  return {
    lettableSqm,
    leasedSqm: sqm.leased,
    reservedSqm: sqm.reserved,
    vacantSqm: sqm.vacant,
    occupancyRate: divideOrNull(sqm.leased, lettableSqm),
  };
}

export function summarizeVacancy(units: VacancyUnit[], options: { asOf: string; leaseEndingWithinMonths: number }): VacancySummary {
  return {
    unitCount: units.length,
    ...computeOccupancy(units),
    leasesEnding: findLeasesEndingWithinMonths(units, options.leaseEndingWithinMonths, options.asOf),
  };
}

export type VacancyLevel = 'building' | 'park' | 'region';

/** Summaries per building, park or region, keyed by its code (units without that code are left out). */
export function summarizeVacancyBy(
  units: VacancyUnit[],
  level: VacancyLevel,
  options: { asOf: string; leaseEndingWithinMonths: number },
): Record<string, VacancySummary> {
  const keyOf = (u: VacancyUnit) => (level === 'building' ? u.buildingCode : level === 'park' ? u.parkCode : u.regionCode);
  const groups = new Map<string, VacancyUnit[]>();
  for (const u of units) {
    const key = keyOf(u);
    if (key) appendTo(groups, key, u);
  }
  return Object.fromEntries([...groups.keys()].sort().map((k) => [k, summarizeVacancy(groups.get(k)!, options)]));
}

export interface VacancyFilter {
  minAreaSqm?: number;
  maxAreaSqm?: number;
  minFloor?: number;
  maxFloor?: number;
  minCeilingHeightM?: number;
  minFloorLoadKnPerSqm?: number;
  maxRentYuanPerSqmMonth?: number;
  /** Which statuses to show; vacant only by default, as investors search for space to take. */
  statuses?: VacancyUnit['status'][];
}

/**
 * Whether a unit meets every bound of the filter (bounds inclusive). A unit that does not state a value the
 * filter bounds (no ceiling height, load or rent) does not match: the search promises what it shows.
 */
export function matchesVacancyFilter(unit: VacancyUnit, filter: VacancyFilter): boolean {
  const atLeast = (v: number | null | undefined, min: number | undefined) => min == null || (v != null && v >= min);
  const atMost = (v: number | null | undefined, max: number | undefined) => max == null || (v != null && v <= max);
  return (
    (filter.statuses ?? ['vacant']).includes(unit.status) &&
    atLeast(unit.areaSqm, filter.minAreaSqm) &&
    atMost(unit.areaSqm, filter.maxAreaSqm) &&
    atLeast(unit.floor, filter.minFloor) &&
    atMost(unit.floor, filter.maxFloor) &&
    atLeast(unit.ceilingHeightM, filter.minCeilingHeightM) &&
    atLeast(unit.floorLoadKnPerSqm, filter.minFloorLoadKnPerSqm) &&
    atMost(unit.rentYuanPerSqmMonth, filter.maxRentYuanPerSqmMonth)
  );
}
