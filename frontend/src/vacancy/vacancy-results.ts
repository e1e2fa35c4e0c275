// Shaping the vacancy search's answer for the finder: units grouped by building, totals over the parks
// in scope, and building extents for the map. Pure.
import type { MultiPolygon, Polygon } from 'geojson';
import type { OccupancyTotals, VacancySearchResult, VacancyUnit } from '../api/finder-types';

export interface VacancyBuilding {
  buildingCode: string;
  parkCode: string;
  footprint: MultiPolygon | Polygon;
  /** Matching units, floor by floor. */
  units: VacancyUnit[];
  matchingSqm: number;
  /** Occupancy of the whole building (every unit, not only the matching ones). */
  totals: OccupancyTotals | null;
}

export interface ScopeTotals {
  /** Every unit: leased + reserved + vacant. */
  lettableSqm: number;
  leasedSqm: number;
  /** Promised, not leased and not offered: never part of vacant. */
  reservedSqm: number;
  /** Status vacant only: what the search lists by default. */
  vacantSqm: number;
  /** leased ÷ lettable; null when nothing is lettable. */
  occupancyRate: number | null;
  matchingUnitCount: number;
  matchingSqm: number;
}

/** Buildings in the order their first unit comes (the API sorts by park, building, floor). */
export function groupVacanciesByBuilding(result: VacancySearchResult): VacancyBuilding[] {
  const totalsOf = new Map(result.buildings.map((b) => [b.buildingCode, b]));
  const byCode = new Map<string, VacancyBuilding>();
  for (const unit of result.units) {
    let building = byCode.get(unit.buildingCode);
    if (!building) {
      building = {
        buildingCode: unit.buildingCode,
        parkCode: unit.parkCode,
        footprint: unit.footprint,
        units: [],
        matchingSqm: 0,
        totals: totalsOf.get(unit.buildingCode) ?? null,
      };
      byCode.set(unit.buildingCode, building);
    }
    building.units.push(unit);
    building.matchingSqm += unit.areaSqm;
  }
  return [...byCode.values()];
}

/** Lettable, leased, reserved and vacant floor area of every park in scope, and what matched. */
export function computeScopeTotals(result: VacancySearchResult): ScopeTotals {
  const sum = (key: 'lettableSqm' | 'leasedSqm' | 'reservedSqm' | 'vacantSqm') => result.parks.reduce((total, p) => total + p[key], 0);
  const lettableSqm = sum('lettableSqm');
  const leasedSqm = sum('leasedSqm');
  return {
    lettableSqm,
    leasedSqm,
    reservedSqm: sum('reservedSqm'),
    vacantSqm: sum('vacantSqm'),
    occupancyRate: lettableSqm > 0 ? leasedSqm / lettableSqm : null,
    matchingUnitCount: result.units.length,
    matchingSqm: result.units.reduce((sum, u) => sum + u.areaSqm, 0),
  };
}

/** [west, south, east, north] in degrees of a polygon or multipolygon. */
export function bboxOfGeometry(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings) {
    for (const [lon, lat] of ring) {
      west = Math.min(west, lon);
      east = Math.max(east, lon);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
  }
  return [west, south, east, north];
}
