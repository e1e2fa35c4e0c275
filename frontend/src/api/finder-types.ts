// Response types of the vacancy search, the search box and the building sheet, by hand from the API
// (backend/src/services/vacancy.service.ts, search.service.ts, land.service.ts). Areas in m², rents in
// 元/m²/月, heights in m, loads in kN/m², degrees for positions.
import type { MultiPolygon, Polygon } from 'geojson';
import type { AdjustableEvaluation } from './adjustment-types';

export type UnitStatus = 'vacant' | 'leased' | 'reserved';

export interface VacancyUnit {
  code: string;
  buildingCode: string;
  parkCode: string;
  regionCode: string | null;
  floor: number;
  areaSqm: number;
  status: UnitStatus;
  ceilingHeightM: number | null;
  floorLoadKnPerSqm: number | null;
  rentYuanPerSqmMonth: number | null;
  footprint: MultiPolygon | Polygon;
}

export interface LeasesEnding {
  asOf: string;
  withinMonths: number;
  untilOn: string;
  count: number;
  areaSqm: number;
  unitCodes: string[];
}

/** Floor area in m²: lettable (every unit) = leased + reserved (promised, not offered) + vacant (status vacant). */
export interface OccupancyTotals {
  unitCount: number;
  lettableSqm: number;
  leasedSqm: number;
  reservedSqm: number;
  vacantSqm: number;
  /** leased ÷ lettable, a fraction; null when nothing is lettable. */
  occupancyRate: number | null;
  leasesEnding: LeasesEnding;
}

export interface VacancySearchResult {
  units: VacancyUnit[];
  buildings: (OccupancyTotals & { buildingCode: string; parkCode: string | null })[];
  parks: (OccupancyTotals & { parkCode: string })[];
}

export type SearchKind = 'park' | 'parcel' | 'enterprise';

export interface SearchHit {
  kind: SearchKind;
  code: string;
  name: string;
  parkCode: string | null;
  parkName: string | null;
  /** [west, south, east, north] in degrees. */
  bbox: [number, number, number, number] | null;
  point: [number, number] | null;
}

export interface SearchAnswer {
  query: string;
  results: SearchHit[];
}

export interface BuildingUnit {
  code: string;
  buildingCode: string;
  floor: number;
  areaSqm: number;
  status: UnitStatus;
  tenantUscc: string | null;
  tenantName: string | null;
  leaseStartOn: string | null;
  leaseEndOn: string | null;
  rentYuanPerSqmMonth: number | null;
  ceilingHeightM: number | null;
  floorLoadKnPerSqm: number | null;
}

export interface BuildingUnits {
  buildingCode: string;
  lettableSqm: number;
  leasedSqm: number;
  reservedSqm: number;
  vacantSqm: number;
  occupancyRate: number | null;
  units: BuildingUnit[];
}

export interface BuildingProperties {
  code: string;
  parkCode: string;
  parcelCode: string | null;
  kind: string;
  floors: number;
  floorAreaSqm: number;
  heightM: number | null;
  completedOn: string | null;
  footprintSqm: number;
  illustrative: boolean;
  lettableSqm: number;
  leasedSqm: number;
  reservedSqm: number;
  vacantSqm: number;
  occupancyRate: number | null;
}

export interface BuildingCollection {
  type: 'FeatureCollection';
  features: { type: 'Feature'; geometry: MultiPolygon | Polygon; properties: BuildingProperties }[];
}

export interface EnterpriseDetails {
  uscc: string;
  name: string;
  status: string;
  aboveScale: boolean;
  parkCode: string | null;
  year?: number | null;
  landAreaMu?: number | null;
  taxWanYuanPerMu?: number | null;
  holdings?: { parcelCode: string; role: 'owner' | 'tenant' }[];
  evaluation?: (Partial<AdjustableEvaluation> & { score?: number | null; reason?: string | null }) | null;
}
