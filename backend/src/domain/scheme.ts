/**
 * The evaluation scheme: every policy number of the land-efficiency engine as data (DOMAIN.md §2–§6),
 * versioned by year and region (stored as jsonb in `evaluation_schemes.body`). Code reads a scheme; it
 * never carries a weight, benchmark, cut-off or threshold of its own.
 */
import type { RawFigures } from './metrics.js';

export { validateScheme } from './scheme-validation.js';
export type { SchemeValidationError, SchemeValidationResult } from './scheme-validation.js';

export const GROUP_KEYS = ['aboveScale', 'belowScale'] as const;
/** 规上 (above-scale) or 规下 (below-scale). */
export type GroupKey = (typeof GROUP_KEYS)[number];

/** Indicators a scheme may score, named as in metrics.ts (the unit is in the name). */
export const INDICATOR_KEYS = [
  'taxWanYuanPerMu',
  'valueAddedWanYuanPerMu',
  'outputWanYuanPerMu',
  'revenueWanYuanPerMu',
  'valueAddedWanYuanPerTce',
  'valueAddedWanYuanPerTonneEmission',
  'laborProductivityWanYuanPerPerson',
  'rdRatio',
  'taxYuanPerKwh',
] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

/** The figures some indicator divides by, other than land: energy, emissions, electricity, staff, revenue. */
export const DENOMINATOR_FIGURES = ['energyTce', 'emissionsT', 'electricityKwh', 'employees', 'revenueYuan'] as const;
export type DenominatorFigure = (typeof DENOMINATOR_FIGURES)[number];

/** What each indicator divides by what (computeEntityMetrics in metrics.ts computes them; land is the firm's). */
export const INDICATOR_TERMS: Record<IndicatorKey, { numerator: keyof RawFigures; denominator: DenominatorFigure | 'landAreaSqm' }> = {
  taxWanYuanPerMu: { numerator: 'taxYuan', denominator: 'landAreaSqm' },
  valueAddedWanYuanPerMu: { numerator: 'valueAddedYuan', denominator: 'landAreaSqm' },
  outputWanYuanPerMu: { numerator: 'outputYuan', denominator: 'landAreaSqm' },
  revenueWanYuanPerMu: { numerator: 'revenueYuan', denominator: 'landAreaSqm' },
  valueAddedWanYuanPerTce: { numerator: 'valueAddedYuan', denominator: 'energyTce' },
  valueAddedWanYuanPerTonneEmission: { numerator: 'valueAddedYuan', denominator: 'emissionsT' },
  laborProductivityWanYuanPerPerson: { numerator: 'valueAddedYuan', denominator: 'employees' },
  rdRatio: { numerator: 'rdYuan', denominator: 'revenueYuan' },
  taxYuanPerKwh: { numerator: 'taxYuan', denominator: 'electricityKwh' },
};

/** A grade code defined by the scheme ('A' … 'D' by default). */
export type GradeCode = string;

/** An exact fraction, so that "less than 1/3" needs no rounded decimal. */
export interface Ratio {
  numerator: number;
  denominator: number;
}

export interface IndicatorSpec {
  key: IndicatorKey;
  /** Points for meeting the benchmark exactly (benchmark ratio) or for the best value (min–max). */
  weight: number;
  /** 'groupAverageScore': the average item score of the firm's region and group (emissions, DOMAIN.md §3). */
  whenMissing: 'scoreZero' | 'groupAverageScore';
}

export interface BenchmarkValue {
  value: number;
  source: string;
}

export interface GroupSpec {
  label: string;
  indicators: IndicatorSpec[];
  /** A second indicator set for firms lacking one figure (规下 without power data: 亩均税收 100). */
  fallback: { whenMissing: IndicatorKey; indicators: IndicatorSpec[] } | null;
  /** Published benchmarks, used when scoring.benchmarkMode is 'published'. */
  benchmarks: Partial<Record<IndicatorKey, BenchmarkValue>>;
}

export type BenchmarkMode = { kind: 'published' } | { kind: 'lastYearAverage'; multiplier: number };

export type ScoringSpec =
  | {
      method: 'benchmarkRatio';
      benchmarkMode: BenchmarkMode;
      /** Item score ≤ cap × weight: every item has a most it can give, so the score has a maximum. */
      capMultipleOfWeight: number;
      /** The most a firm can score: cap × the weights of each indicator set (validated to agree). */
      maxScore: number;
      source: string;
    }
  | {
      method: 'minMax';
      /** The lowest positive value still earns this share of the weight. */
      floorShareOfWeight: number;
      /** The most a firm can score: the weights of each indicator set (the best value earns the full weight). */
      maxScore: number;
      source: string;
    };

/** The most one item can give under the scoring: cap × weight for a benchmark ratio, the weight for min–max. */
export function itemMaxScore(weight: number, scoring: ScoringSpec): number {
  return scoring.method === 'benchmarkRatio' ? scoring.capMultipleOfWeight * weight : weight;
}

export interface PercentileBand {
  grade: GradeCode;
  /** Share of the region-and-group pool, best grade first; the shares sum to 1. */
  share: number;
}

export interface AbsoluteBand {
  grade: GradeCode;
  minScore: number;
}

export interface GradingSpec {
  method: 'percentile' | 'absolute';
  percentileBands: PercentileBand[];
  absoluteBands: AbsoluteBand[];
  labels: Record<GradeCode, string>;
  source: string;
}

/** GB/T 4754-2017 sections (门类), A 农林牧渔业 … T 国际组织. */
export const INDUSTRY_SECTIONS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T'] as const;

export interface EligibilitySpec {
  aboveScaleMinRevenueYuan: number;
  belowScaleMinLandMu: number;
  excludedIndustryPrefixes: string[];
  /**
   * Sections graded (工业企业: B 采矿业, C 制造业). A firm whose code names another section (a park operator
   * leasing out factories, L72; real estate, K70) is 不参评 'notIndustrial'; a code without its section
   * letter, or no code, cannot say, and the firm is graded.
   */
  gradedIndustrySections: string[];
  minYearsRegistered: number;
  excludeConstructionPeriod: boolean;
  source: string;
}

/**
 * A firm without production in the year: no output (0, or, when missingOutputCounts, none reported), or a
 * halted status held since 1 January of the year or earlier. Its ratios over production figures say nothing
 * about efficiency: 'floorRatios' scores them 0, 'exclude' lists the firm as 不参评 ('noProduction').
 */
export interface NoProductionRule {
  treatment: 'floorRatios' | 'exclude';
  haltedStatuses: string[];
  missingOutputCounts: boolean;
  /** The ratios scored 0 under 'floorRatios': each divides by a production figure, never by land. */
  flooredIndicators: IndicatorKey[];
  source: string;
}

/** Below these a ratio over the figure scores 0, for any firm or area (kWh, tce, t, persons, 元: the name's unit). */
export interface MinDenominators {
  byFigure: Partial<Record<DenominatorFigure, number>>;
  source: string;
}

export type LandAllocationMode = 'apportion' | 'mergeIntoOwner';

export interface IdleLandRules {
  notStartedYearsAfterAgreedStart: number;
  stoppedMinYears: number;
  /** Branch 2 fires when developed ÷ required development is below this … */
  underDevelopedBelow: Ratio;
  /** … or invested ÷ planned investment (land price and land taxes excluded) is below this. */
  underInvestedBelow: Ratio;
  feeShareOfLandPrice: number;
  feeAfterYears: number;
  takeBackAfterYears: number;
  source: string;
}

export interface LowYieldRules {
  kindLabel: string;
  overdueCompletion: { enabled: boolean; yearsPastAgreedCompletion: number };
  completedUnderperforming: { enabled: boolean; yearsSinceCompletion: number; minShareOfContract: number };
  halted: { enabled: boolean; statuses: string[]; minYears: number };
  bottomTaxPerMu: { enabled: boolean; bottomShare: number };
  belowLandUseControl: { enabled: boolean };
  repeatedGrade: { enabled: boolean; grade: GradeCode; consecutiveYears: number };
  source: string;
}

export interface PlotRatioControl {
  /** GB/T 4754-2017 code prefix; the longest matching prefix wins. */
  industryPrefix: string;
  /** The 2002 code the 2008 table was written in. */
  code2002: string;
  name: string;
  minPlotRatio: number;
}

/** The published edition a scheme's control indicators come from. */
export interface ControlsEdition {
  name: string;
  /** The issuing document's number (文号), or null when it has none. */
  documentNumber: string | null;
  year: number;
}

export interface LandUseControls {
  edition: ControlsEdition;
  minBuildingCoverage: number;
  /** A storey higher than this counts twice in the plot ratio, m. */
  doubleCountStoreyAboveM: number;
  minPlotRatioByIndustry: PlotRatioControl[];
  source: string;
}

export interface EvaluationScheme {
  id: string;
  version: number;
  name: string;
  year: number | null;
  regionCode: string | null;
  eligibility: EligibilitySpec;
  groups: Record<GroupKey, GroupSpec>;
  scoring: ScoringSpec;
  noProduction: NoProductionRule;
  minDenominators: MinDenominators;
  grading: GradingSpec;
  landAllocationMode: LandAllocationMode;
  idleLand: IdleLandRules;
  lowYield: LowYieldRules;
  controls: LandUseControls;
}

/** Grade codes best first, as the scheme's grading lists them. */
export function listGradeCodes(scheme: Pick<EvaluationScheme, 'grading'>): GradeCode[] {
  const bands = scheme.grading.method === 'percentile' ? scheme.grading.percentileBands : scheme.grading.absoluteBands;
  return bands.map((b) => b.grade);
}

/**
 * The years whose figures an evaluation of `year` reads: the year itself, and the year before when the
 * benchmarks are k × last year's average. With published benchmarks last year's figures play no part.
 */
export function figureYearsFor(scheme: Pick<EvaluationScheme, 'scoring'>, year: number): number[] {
  const { scoring } = scheme;
  return scoring.method === 'benchmarkRatio' && scoring.benchmarkMode.kind === 'lastYearAverage' ? [year - 1, year] : [year];
}
