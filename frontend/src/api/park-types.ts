// Response types of the park-level routes (parcels, buildings, units, enterprises, idle land,
// evaluations), written by hand from the API contract. Money in 元 where the name says Yuan, 万元 where
// it says WanYuan; areas in m² (Sqm) or 亩 (Mu); null means "not reported", never 0.
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { Grade } from './types';

export interface ParcelHolder {
  uscc: string;
  name: string;
  role: 'owner' | 'tenant';
  leasedFloorAreaSqm: number | null;
  /** The holder's grade for the year (park parcel list). */
  grade?: Grade | null;
  /** Its land on this parcel (one-parcel view). */
  landShareSqm?: number | null;
  landShareMu?: number | null;
}

export interface ParcelProperties {
  code: string;
  parkCode: string;
  landUse: string | null;
  landAreaSqm: number;
  areaMu: number;
  illustrative: boolean;
  suppliedOn: string | null;
  agreedStartOn: string | null;
  agreedCompletionOn: string | null;
  startedOn: string | null;
  completedOn: string | null;
  workStoppedOn: string | null;
  developedAreaSqm: number | null;
  plannedInvestmentYuan: number | null;
  investedYuan: number | null;
  landPriceYuan: number | null;
  idleCause: string | null;
  holders: ParcelHolder[];
  buildingCodes: string[];
  /** The year of the figures below. */
  year: number | null;
  taxWanYuanPerMu: number | null;
  outputWanYuanPerMu: number | null;
  /** Grade of the graded holder with the most land on the parcel (park parcel list). */
  holderGrade?: Grade | null;
  holderGradeUscc?: string | null;
}

/** One parcel with the year's figures apportioned from its holders (GET /api/parcels/:code). */
export interface ParcelDetailProperties extends ParcelProperties {
  valueAddedWanYuanPerMu: number | null;
  revenueWanYuanPerMu: number | null;
  floorAreaSqm: number | null;
  footprintSqm: number | null;
  buildingCoverage: number | null;
  plotRatio: number | null;
  minPlotRatio: number | null;
  minBuildingCoverage: number | null;
}

export type BuildingKind = 'standard_factory' | 'factory' | 'office' | string;

export interface BuildingProperties {
  code: string;
  parkCode: string;
  parcelCode: string | null;
  kind: BuildingKind;
  floors: number;
  floorAreaSqm: number;
  heightM: number | null;
  completedOn: string | null;
  footprintSqm: number;
  illustrative: boolean;
  unitCount: number;
  lettableSqm: number;
  leasedSqm: number;
  vacantSqm: number;
  reservedSqm: number;
  /** Leased ÷ lettable floor area; null without units. */
  occupancyRate: number | null;
}

export type ParcelFeature = Feature<Polygon | MultiPolygon, ParcelProperties>;
export type ParcelDetailFeature = Feature<Polygon | MultiPolygon, ParcelDetailProperties>;
export type BuildingFeature = Feature<Polygon | MultiPolygon, BuildingProperties>;
export type ParcelCollection = FeatureCollection<Polygon | MultiPolygon, ParcelProperties>;
export type BuildingCollection = FeatureCollection<Polygon | MultiPolygon, BuildingProperties>;

export interface Unit {
  code: string;
  buildingCode: string;
  floor: number;
  areaSqm: number;
  status: 'vacant' | 'leased' | 'reserved';
  tenantUscc: string | null;
  tenantName: string | null;
  leaseStartOn: string | null;
  leaseEndOn: string | null;
  rentYuanPerSqmMonth: number | null;
  ceilingHeightM: number | null;
  floorLoadKnPerSqm: number | null;
}

export interface UnitList {
  buildingCode: string;
  lettableSqm: number;
  leasedSqm: number;
  vacantSqm: number;
  occupancyRate: number | null;
  units: Unit[];
}

export interface YearIndicators {
  year: number;
  outputYuan: number | null;
  revenueYuan: number | null;
  valueAddedYuan: number | null;
  taxYuan: number | null;
  energyTce: number | null;
  emissionsT: number | null;
  electricityKwh: number | null;
  employees: number | null;
  rdYuan: number | null;
}

export interface ScoreItem {
  key: string;
  weight: number;
  /** The most the item can give (cap × weight). */
  maxScore?: number;
  value: number | null;
  benchmark: number | null;
  score: number | null;
  /** How the points came about: scored, capped, noProduction, belowMinDenominator, missingZero, … */
  basis: string;
}

export interface EnterpriseEvaluation {
  group: string | null;
  eligible: boolean;
  reason: string | null;
  reasonDetail?: string | null;
  score: number | null;
  /** The scheme's maximum score: a score reads "score / maxScore". */
  maxScore?: number | null;
  /** Why the firm counts as without production in the year (its ratios score 0), or null. */
  noProduction?: string | null;
  rank: number | null;
  poolSize?: number | null;
  grade: Grade | null;
  gradeLabel: string | null;
  computedGrade?: Grade | null;
  /** Points each indicator adds to the score. */
  contributions: Record<string, number> | null;
  items?: ScoreItem[];
}

export interface Enterprise {
  uscc: string;
  name: string;
  industryCode: string | null;
  aboveScale: boolean;
  status: string | null;
  parkCode: string | null;
  holdings: { parcelCode: string; role: 'owner' | 'tenant'; leasedFloorAreaSqm: number | null; parcelLandAreaSqm: number }[];
  indicators: YearIndicators[];
  year: number | null;
  landAreaMu: number | null;
  taxWanYuanPerMu: number | null;
  outputWanYuanPerMu: number | null;
  valueAddedWanYuanPerMu: number | null;
  revenueWanYuanPerMu: number | null;
  evaluation: EnterpriseEvaluation | null;
}

export type LandUseKind = 'idle' | 'underused' | 'unsupplied' | 'lowYield';

export interface LandUseProperties {
  kind: LandUseKind;
  rule: string;
  parcelCode: string | null;
  parkCode: string;
  since: string | null;
  daysIdle: number | null;
  feeYuan: number | null;
  areaMu: number;
  takeBackFrom?: string | null;
  takeBackCandidate?: boolean;
  cause?: string | null;
  discretionary?: boolean;
  uscc?: string;
  kindLabel?: string;
}

export type LandUseFeature = Feature<Geometry, LandUseProperties>;
export type LandUseCollection = FeatureCollection<Geometry, LandUseProperties>;

export interface EvaluationLine extends EnterpriseEvaluation {
  uscc: string;
  name: string | null;
  parkCode: string | null;
  landAreaMu: number | null;
}

export interface EvaluationList {
  year: number;
  schemeId: string;
  results: EvaluationLine[];
}
