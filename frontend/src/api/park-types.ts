// Response types of the park-level routes (parcels, buildings, units, enterprises, idle land,
// evaluations), written by hand from the API contract. Money in 元 where the name says Yuan, 万元 where
// it says WanYuan; areas in m² (Sqm) or 亩 (Mu); null means "not reported", never 0.
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { Grade } from './types';
import type { AdjustableEvaluation, SchemeGrade } from './adjustment-types';

/** How a holder's land on a parcel was split out (backend/src/domain/land-allocation.ts). */
export type LandShareBasis = 'owner' | 'apportioned' | 'noFloorArea' | 'merged';
export type LandAllocationMode = 'apportion' | 'mergeIntoOwner';

/**
 * A holder's land on one parcel with the inputs of its formula: a tenant's land = leased floor area ÷
 * totalFloorAreaSqm × parcel land; an owner's = (parcel land − tenants') ÷ owners; a merged tenant has none.
 */
export interface LandShare {
  parcelCode: string;
  role: 'owner' | 'tenant';
  sqm: number;
  mu: number;
  parcelLandSqm: number;
  parcelLandMu: number;
  /** Tenant: the floor area it leases on the parcel, m². */
  leasedFloorAreaSqm: number | null;
  /** Tenant: the divisor, the buildings' floor area (or the tenants' leased total when larger), m². */
  totalFloorAreaSqm: number | null;
  /** Floor area of the buildings on the parcel, m². */
  buildingsFloorAreaSqm: number | null;
  /** Owner: the land cut out for tenants, and how many owners share the rest. */
  tenantsSqm: number | null;
  tenantsMu: number | null;
  ownerCount: number | null;
  basis: LandShareBasis;
  /** The formula in English words, as the API states it. */
  formula: string;
}

export interface ParcelHolder {
  uscc: string;
  name: string;
  role: 'owner' | 'tenant';
  leasedFloorAreaSqm: number | null;
  /** The holder's grade for the year (park parcel list), after 分类调档; the scheme's, and whether an adjustment gives it. */
  grade?: Grade | null;
  computedGrade?: Grade | null;
  gradeAdjusted?: boolean;
  /** Its land on this parcel (one-parcel view). */
  landShareSqm?: number | null;
  landShareMu?: number | null;
  /** … and how it was worked out (one-parcel view; null without an evaluated year). */
  landShare?: LandShare | null;
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
  holderComputedGrade?: Grade | null;
  holderGradeAdjusted?: boolean;
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
  /** The industries of the firms using the parcel whose minima make minPlotRatio. */
  plotRatioBasis?: PlotRatioBasis[];
  minBuildingCoverage: number | null;
  /** The scheme's rule for tenants' land that made the holders' shares. */
  landAllocationMode?: LandAllocationMode | null;
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
  /** m²: lettable (every unit) = leased + reserved (promised, not offered) + vacant (status vacant). */
  lettableSqm: number;
  leasedSqm: number;
  reservedSqm: number;
  vacantSqm: number;
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
  reservedSqm: number;
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

export interface EnterpriseEvaluation extends AdjustableEvaluation {
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
  /** Its land on each parcel with the inputs of the formula; landAreaMu is their sum. */
  landShares?: LandShare[];
  landAllocationMode?: LandAllocationMode | null;
  /** 'mergeIntoOwner': a tenant's owners, whose results it is rated inside… */
  landMergedInto?: { ownerUscc: string; ownerName: string | null; parcelCode: string; weight: number }[];
  /** … and an owner's tenants rated inside it. */
  landMergedFrom?: { tenantUscc: string; tenantName: string | null; parcelCode: string; weight: number }[];
  taxWanYuanPerMu: number | null;
  outputWanYuanPerMu: number | null;
  valueAddedWanYuanPerMu: number | null;
  revenueWanYuanPerMu: number | null;
  evaluation: EnterpriseEvaluation | null;
}

export type LandUseKind = 'idle' | 'underused' | 'unsupplied' | 'lowYield';

/** An article a date or judgement of an idle finding rests on (闲置土地处置办法). */
export interface IdleLandBasis {
  document: string;
  article: string;
  about: 'idleSince' | 'feeDueFrom' | 'takeBackFrom' | 'cause';
}

/** An industry whose plot-ratio minimum entered a parcel's, weighted by the floor area its firms use. */
export interface PlotRatioBasis {
  industryCode: string;
  floorAreaSqm: number;
  minPlotRatio: number;
}

export interface LandUseProperties {
  kind: LandUseKind;
  rule: string;
  parcelCode: string | null;
  parkCode: string;
  regionCode?: string | null;
  /** The day the finding holds from (idle: idleSince). */
  since: string | null;
  /** Idle: days from idleSince to the date judged on. */
  daysIdle: number | null;
  feeYuan: number | null;
  /** This finding's area (under-used: the unbuilt part of the parcel). */
  areaMu: number;
  /** Flagged for want of data (a completed parcel with no building on record): to check. */
  possibleDataGap?: boolean;
  // idle
  agreedStartOn?: string | null;
  startedOn?: string | null;
  workStoppedOn?: string | null;
  idleClockFrom?: string;
  idleSince?: string;
  feeDueFrom?: string;
  takeBackFrom?: string | null;
  /** feeDueFrom / takeBackFrom reached on the date judged on, whatever the cause. */
  feeDueReached?: boolean;
  takeBackReached?: boolean;
  takeBackCandidate?: boolean;
  cause?: string | null;
  discretionary?: boolean;
  basis?: IdleLandBasis[];
  // under-used
  completedOn?: string;
  buildingCoverage?: number | null;
  plotRatio?: number | null;
  minPlotRatio?: number | null;
  minCoverage?: number;
  plotRatioBasis?: PlotRatioBasis[];
  // low-yield
  uscc?: string;
  kindLabel?: string;
}

export type LandUseFeature = Feature<Geometry, LandUseProperties>;

/** Parcels counted once, and the area of the union of the findings, 亩. */
export interface LandTotal {
  parcelCount: number;
  areaMu: number;
}

export interface LandKindTotal extends LandTotal {
  /** Per rule: a parcel firing two rules is in both lines and once in the kind. */
  byRule: Record<string, LandTotal>;
}

/** Totals of a scope's findings computed by the server, each parcel counted once. */
export interface LandUseSummary {
  byKind: Record<LandUseKind, LandKindTotal>;
  /** 可盘活土地: every finding's land but possible data gaps, each parcel once across kinds. */
  recoverable: LandTotal;
  /** Parcels flagged only as possible data gaps: to check, not in recoverable. */
  toVerify: LandTotal;
}

export interface LandUseCollection extends FeatureCollection<Geometry, LandUseProperties> {
  asOf: string;
  year: number;
  schemeId: string;
  summary: LandUseSummary;
}

export interface EvaluationLine extends EnterpriseEvaluation {
  uscc: string;
  name: string | null;
  parkCode: string | null;
  landAreaMu: number | null;
}

export interface EvaluationList {
  year: number;
  schemeId: string;
  schemeVersion?: number | null;
  grades?: SchemeGrade[];
  results: EvaluationLine[];
}
