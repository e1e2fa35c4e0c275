// Response types of the MuYield API, written by hand from the API contract until the backend's
// OpenAPI document can generate them. Money in 万元, area in 亩; null means "not reported", never 0.
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import type { ScoreItem } from './park-types';
import type { AreaMetrics, CityFigures } from './area-types';

export type ParkLevel = 'national' | 'provincial' | 'county';

/** 综合评价 grade: A 优先发展类 … D 整治提升类 (labels come from the evaluation scheme). */
export type Grade = 'A' | 'B' | 'C' | 'D';

export interface GradeCounts {
  A: number;
  B: number;
  C: number;
  D: number;
  notGraded: number;
}

/** Land-use rates as fractions (0.92 = 92 %); plot ratio and density as ratios; tax in 万元/亩. */
export interface LandMetrics {
  landSupplyRate: number | null;
  landBuiltRate: number | null;
  industrialLandRate: number | null;
  plotRatio: number | null;
  buildingDensity: number | null;
  industrialTaxWanYuanPerMu: number | null;
}

export interface RegionProperties {
  code: string;
  name: string;
  /** The city the county belongs to, as the data names it (null: not named). */
  cityCode?: string | null;
  cityName?: string | null;
  parkCount: number;
  /** Its parks' figures summed (absent for a county without parks); per mu as the sum over its land in use. */
  year?: number | null;
  outputWanYuan?: number | null;
  taxWanYuan?: number | null;
  outputWanYuanPerMu?: number | null;
  taxWanYuanPerMu?: number | null;
  usedLandMu?: number | null;
  enterpriseCount?: number;
  landMetrics?: LandMetrics | null;
  metrics?: AreaMetrics | null;
  /** The county graded among counties, as a park among parks (see ParkProperties). */
  grade?: Grade | null;
  gradeLabel?: string | null;
  gradeScore?: number | null;
  gradeItems?: ScoreItem[] | null;
  gradeMaxScore?: number | null;
  gradeCounts?: GradeCounts | null;
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
  /** The park graded among parks for `year`; null when not graded. */
  grade?: Grade | null;
  gradeLabel?: string | null;
  gradeScore?: number | null;
  /** What each indicator of the park's summed figures added to gradeScore, and the most a score can be. */
  gradeItems?: ScoreItem[] | null;
  gradeMaxScore?: number | null;
  /** Its enterprises by grade. */
  gradeCounts?: GradeCounts | null;
  landMetrics?: LandMetrics | null;
  /** The nine indicators of its firms (area-types.ts). */
  metrics?: AreaMetrics | null;
}

export interface RiverProperties {
  /** Hydrological level of the GSHHG river, 1 (major) to 4 (minor). */
  wdb_level: number;
}

export type RegionFeature = Feature<Polygon | MultiPolygon, RegionProperties>;
export type ParkFeature = Feature<Polygon | MultiPolygon, ParkProperties>;
export type RiverFeature = Feature<LineString | MultiLineString, RiverProperties>;

export type RegionCollection = FeatureCollection<Polygon | MultiPolygon, RegionProperties>;
export interface ParkCollection extends FeatureCollection<Polygon | MultiPolygon, ParkProperties> {
  /** The year the figures are for: the one asked, else the latest reported; null when nothing is reported. */
  year: number | null;
  /** The latest year with reported figures. */
  latestYear: number | null;
  /** Every year with reported figures, newest first. */
  years: number[];
  /** The city's own figures for `year`: totals over every park, per mu over the city's land in use. */
  city: CityFigures;
}
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
  /** Source, licence, vintage, CRS and note in Chinese, where the bundle gives them (the others are as written, often English). */
  zh?: Partial<Record<DatasetWordedField, string>> | null;
}

export type DatasetWordedField = 'source' | 'licence' | 'vintage' | 'crs' | 'note';

export interface DatasetList {
  datasets: Dataset[];
}

/** GET /api/names?lang=en: the English of names and terms the data holds in Chinese, keyed by the Chinese. */
export interface NameList {
  lang: 'en';
  regions: Record<string, string>;
  parks: Record<string, string>;
  industries: Record<string, string>;
  gradeLabels: Record<string, string>;
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
  /** What went wrong as data, where the server says it (e.g. notFound with { what, code }). */
  kind?: string;
  params?: Record<string, unknown>;
}
