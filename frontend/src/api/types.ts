// Response types of the MuYield API, written by hand from the API contract until the backend's
// OpenAPI document can generate them. Money in 万元, area in 亩; null means "not reported", never 0.
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';

export type ParkLevel = 'national' | 'provincial' | 'county';

export interface RegionProperties {
  code: string;
  name: string;
  parkCount: number;
}

export interface ParkProperties {
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
  level: ParkLevel;
  leadingIndustries: string[];
  areaMu: number;
  illustrative: boolean;
  year: number | null;
  outputWanYuan: number | null;
  taxWanYuan: number | null;
  outputWanYuanPerMu: number | null;
  taxWanYuanPerMu: number | null;
  usedLandMu: number | null;
  enterpriseCount: number;
}

export interface RiverProperties {
  /** Hydrological level of the GSHHG river, 1 (major) to 4 (minor). */
  wdb_level: number;
}

export type RegionFeature = Feature<Polygon | MultiPolygon, RegionProperties>;
export type ParkFeature = Feature<Polygon | MultiPolygon, ParkProperties>;
export type RiverFeature = Feature<LineString | MultiLineString, RiverProperties>;

export type RegionCollection = FeatureCollection<Polygon | MultiPolygon, RegionProperties>;
export type ParkCollection = FeatureCollection<Polygon | MultiPolygon, ParkProperties>;
export type RiverCollection = FeatureCollection<LineString | MultiLineString, RiverProperties>;

export interface Dataset {
  id: string;
  name: string;
  nameEn: string;
  source: string;
  licence: string;
  vintage: string;
  crs: string;
  /** false for illustrative (generated) data. */
  real: boolean;
  note: string;
}

export interface DatasetList {
  datasets: Dataset[];
}

export interface Health {
  status: 'ok';
  database: 'embedded' | 'postgres';
  postgis: string;
}

/** RFC 9457 problem details, as the API sends them with application/problem+json. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
}
