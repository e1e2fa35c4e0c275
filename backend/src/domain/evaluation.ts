/**
 * 亩均效益综合评价 (DOMAIN.md §3): who is graded, their scores with per-indicator contributions, ranks and
 * grades within county and group, manual adjustment (分类调档), and the same scoring for parks/regions.
 */
import { hasFullYearsElapsed } from './dates.js';
import type { EntityMetrics, RawFigures } from './metrics.js';
import { computeEntityMetrics } from './metrics.js';
import { computeAggregateMetrics } from './aggregate-metrics.js';
import type { DenominatorFigure, EvaluationScheme, GradeCode, GroupKey, IndicatorKey, NoProductionRule } from './scheme.js';
import { INDICATOR_KEYS, INDICATOR_TERMS, listGradeCodes } from './scheme.js';
import type { IndicatorValues, ItemFloor, ItemScore } from './scoring.js';
import { gradePool, scorePool } from './scoring.js';
import { sqmToMu } from './units.js';
import { appendTo } from './collections.js';

export interface EnterpriseEvaluationInput {
  uscc: string;
  /** The county the firm is ranked in. */
  regionCode: string;
  /** GB/T 4754-2017, e.g. 'C14', 'D44'. */
  industryCode: string | null;
  /** The statistics bureau's 规上 flag; null → the year's revenue against the scheme's threshold. */
  aboveScale: boolean | null;
  registeredOn: string | null;
  /** Operating status ('operating', 'halted', …) and since when (ISO date); a halted firm may not produce. */
  status?: string | null;
  statusSince?: string | null;
  inConstructionPeriod: boolean;
  /** Set in 'mergeIntoOwner' mode for a tenant rated inside its owner (see land-allocation.ts). */
  mergedIntoUscc?: string | null;
  /** Land after allocation, m². */
  landAreaSqm: number | null;
  figuresByYear: Record<number, RawFigures | undefined>;
}

/** Why a firm is 不参评, checked in this order; the first that applies is reported. */
export type IneligibleReason =
  | 'mergedIntoOwner'
  | 'excludedIndustry'
  | 'notIndustrial'
  | 'registeredTooRecently'
  | 'inConstructionPeriod'
  | 'noFigures'
  | 'noLand'
  | 'belowMinLand'
  | 'noProduction';

export interface ManualAdjustment {
  /** The stored adjustment's id and the scheme version it was made under, when it comes from the database. */
  id?: number;
  schemeVersion?: number;
  fromGrade: GradeCode;
  toGrade: GradeCode;
  by: string;
  /** ISO date or date-time. */
  at: string;
  reason: string;
}

export interface EnterpriseEvaluation {
  uscc: string;
  regionCode: string;
  year: number;
  group: GroupKey;
  eligible: boolean;
  reason: IneligibleReason | null;
  reasonDetail: string | null;
  landAreaSqm: number | null;
  landAreaMu: number | null;
  metrics: EntityMetrics | null;
  /** Why the firm counts as without production in the year (its ratios are floored or it is excluded), or null. */
  noProduction: string | null;
  indicatorSet: 'primary' | 'fallback' | null;
  items: ItemScore[];
  contributions: Partial<Record<IndicatorKey, number>>;
  score: number | null;
  /** The most any firm can score under the scheme (scoring.maxScore): score is "x / maxScore". */
  maxScore: number;
  /** Competition rank within region and group (ties share the best rank), and the pool's size. */
  rank: number | null;
  poolSize: number | null;
  grade: GradeCode | null;
  gradeLabel: string | null;
  /** The grade the scheme gave, before any manual adjustment. */
  computedGrade: GradeCode | null;
  adjustments: ManualAdjustment[];
}

function classifyGroup(input: EnterpriseEvaluationInput, figures: RawFigures | undefined, scheme: EvaluationScheme): GroupKey {
  const revenueYuan = figures?.revenueYuan ?? null;
  const above = input.aboveScale ?? (revenueYuan != null && revenueYuan >= scheme.eligibility.aboveScaleMinRevenueYuan);
  return above ? 'aboveScale' : 'belowScale';
}

/** The GB/T 4754 section letter a code starts with ('L7221' → 'L'), or null when it names none. */
function industrySectionOf(code: string | null): string | null {
  const letter = code?.trim().charAt(0).toUpperCase() ?? '';
  return letter >= 'A' && letter <= 'Z' ? letter : null;
}

/**
 * Why the firm produced nothing in `year`, or null: output 0 (or none reported, when the scheme counts that),
 * or a halted status held since 1 January of the year or earlier. A halted status of unknown date does not count.
 */
export function findNoProduction(
  input: Pick<EnterpriseEvaluationInput, 'status' | 'statusSince'>,
  figures: RawFigures | undefined,
  rule: NoProductionRule,
  year: number,
): string | null {
  if (input.status && input.statusSince && rule.haltedStatuses.includes(input.status) && input.statusSince <= `${year}-01-01`) {
    return `${input.status} since ${input.statusSince}`;
  }
  if (!figures) return null;
  if (figures.outputYuan == null) return rule.missingOutputCounts ? `no output reported for ${year}` : null;
  return figures.outputYuan > 0 ? null : `output ${figures.outputYuan} in ${year}`;
}

/**
 * The items a member scores 0 whatever their value: under 'floorRatios' the scheme's floored ratios of a
 * member without production, and for anyone a ratio whose denominator is reported but below its minimum.
 * `denominator` gives the member's figure (a firm's own, or an area's sum over the firms the ratio covers).
 */
export function findItemFloors(
  denominator: (key: IndicatorKey, figure: DenominatorFigure) => number | null,
  scheme: Pick<EvaluationScheme, 'noProduction' | 'minDenominators'>,
  noProduction: boolean,
): Partial<Record<IndicatorKey, ItemFloor>> {
  const floors: Partial<Record<IndicatorKey, ItemFloor>> = {};
  for (const key of INDICATOR_KEYS) {
    const figure = INDICATOR_TERMS[key].denominator;
    if (figure === 'landAreaSqm') continue;
    const min = scheme.minDenominators.byFigure[figure];
    const value = min == null ? null : denominator(key, figure);
    if (value != null && min != null && value < min) floors[key] = 'belowMinDenominator';
  }
  if (noProduction && scheme.noProduction.treatment === 'floorRatios') {
    for (const key of scheme.noProduction.flooredIndicators) floors[key] = 'noProduction';
  }
  return floors;
}

/** The first reason the firm is not graded, or null. Registration is counted to 31 December of the year. */
export function findIneligibility(input: EnterpriseEvaluationInput, group: GroupKey, scheme: EvaluationScheme, year: number): { reason: IneligibleReason; detail: string } | null {
  const e = scheme.eligibility;
  const yearEnd = `${year}-12-31`;
  const prefix = e.excludedIndustryPrefixes.find((p) => input.industryCode?.startsWith(p));
  const landMu = input.landAreaSqm == null ? null : sqmToMu(input.landAreaSqm);
  if (input.mergedIntoUscc) return { reason: 'mergedIntoOwner', detail: `rated inside ${input.mergedIntoUscc}` };
  if (prefix) return { reason: 'excludedIndustry', detail: `industry ${input.industryCode} is excluded (${prefix})` };
  const section = industrySectionOf(input.industryCode);
  if (section && !e.gradedIndustrySections.includes(section)) {
    return { reason: 'notIndustrial', detail: `industry ${input.industryCode} is in section ${section}, not an industrial section graded (${e.gradedIndustrySections.join(', ')})` };
  }
  if (input.registeredOn && !hasFullYearsElapsed(input.registeredOn, yearEnd, e.minYearsRegistered)) {
    return { reason: 'registeredTooRecently', detail: `registered ${input.registeredOn}, under ${e.minYearsRegistered} years by ${yearEnd}` };
  }
  if (e.excludeConstructionPeriod && input.inConstructionPeriod) return { reason: 'inConstructionPeriod', detail: 'still in its construction period' };
  if (!input.figuresByYear[year]) return { reason: 'noFigures', detail: `no figures for ${year}` };
  if (landMu == null || !(landMu > 0)) return { reason: 'noLand', detail: 'no land: per-mu indicators cannot be computed' };
  if (group === 'belowScale' && landMu < e.belowScaleMinLandMu) {
    return { reason: 'belowMinLand', detail: `below-scale with ${landMu} 亩 of land, under ${e.belowScaleMinLandMu} 亩` };
  }
  const noProduction = scheme.noProduction.treatment === 'exclude' ? findNoProduction(input, input.figuresByYear[year], scheme.noProduction, year) : null;
  if (noProduction) return { reason: 'noProduction', detail: noProduction };
  return null;
}

function resolveBenchmarks(scheme: EvaluationScheme, group: GroupKey, pool: EnterpriseEvaluationInput[], year: number): IndicatorValues {
  const scoring = scheme.scoring;
  if (scoring.method !== 'benchmarkRatio') return {};
  if (scoring.benchmarkMode.kind === 'published') {
    return Object.fromEntries(Object.entries(scheme.groups[group].benchmarks).map(([k, b]) => [k, b!.value]));
  }
  const multiplier = scoring.benchmarkMode.multiplier;
  const withLastYear = pool.filter((p) => p.figuresByYear[year - 1]);
  const landSqm = withLastYear.reduce((s, p) => s + (p.landAreaSqm ?? 0), 0);
  const { metrics: average } = computeAggregateMetrics(withLastYear.map((p) => p.figuresByYear[year - 1]!), landSqm);
  return Object.fromEntries(
    Object.entries(average).map(([k, v]) => [k, v == null || !(v > 0) ? null : multiplier * v]),
  ) as IndicatorValues;
}

function emptyResult(input: EnterpriseEvaluationInput, group: GroupKey, year: number, maxScore: number): EnterpriseEvaluation {
  const figures = input.figuresByYear[year];
  return {
    uscc: input.uscc,
    regionCode: input.regionCode,
    year,
    group,
    eligible: false,
    reason: null,
    reasonDetail: null,
    landAreaSqm: input.landAreaSqm,
    landAreaMu: input.landAreaSqm == null ? null : sqmToMu(input.landAreaSqm),
    metrics: figures ? computeEntityMetrics(figures, input.landAreaSqm) : null,
    noProduction: null,
    indicatorSet: null,
    items: [],
    contributions: {},
    score: null,
    maxScore,
    rank: null,
    poolSize: null,
    grade: null,
    gradeLabel: null,
    computedGrade: null,
    adjustments: [],
  };
}

const GROUP_ORDER: Record<GroupKey, number> = { aboveScale: 0, belowScale: 1 };

function compareResults(a: EnterpriseEvaluation, b: EnterpriseEvaluation): number {
  if (a.regionCode !== b.regionCode) return a.regionCode < b.regionCode ? -1 : 1;
  if (a.group !== b.group) return GROUP_ORDER[a.group] - GROUP_ORDER[b.group];
  const ra = a.rank ?? Infinity;
  const rb = b.rank ?? Infinity;
  if (ra !== rb) return ra - rb;
  return a.uscc < b.uscc ? -1 : a.uscc > b.uscc ? 1 : 0;
}

/**
 * Evaluate every firm on the figures of `year` (the previous calendar year, DOMAIN.md §2). Firms are ranked
 * and graded within region and group. Output is sorted by region, group (规上 first), rank, then USCC.
 */
export function evaluateEnterprises(inputs: EnterpriseEvaluationInput[], scheme: EvaluationScheme, options: { year: number }): EnterpriseEvaluation[] {
  const { year } = options;
  const results = new Map<string, EnterpriseEvaluation>();
  const pools = new Map<string, EnterpriseEvaluationInput[]>();
  for (const input of inputs) {
    const group = classifyGroup(input, input.figuresByYear[year], scheme);
    const result = emptyResult(input, group, year, scheme.scoring.maxScore);
    const ineligible = findIneligibility(input, group, scheme, year);
    result.eligible = !ineligible;
    result.reason = ineligible?.reason ?? null;
    result.reasonDetail = ineligible?.detail ?? null;
    results.set(input.uscc, result);
    if (ineligible?.reason === 'noProduction') result.noProduction = ineligible.detail;
    if (ineligible) continue;
    result.noProduction = findNoProduction(input, input.figuresByYear[year], scheme.noProduction, year);
    const poolKey = `${input.regionCode}|${group}`;
    appendTo(pools, poolKey, input);
  }
  for (const [poolKey, pool] of pools) {
    const group = poolKey.slice(poolKey.indexOf('|') + 1) as GroupKey;
    const members = pool.map((p) => {
      const result = results.get(p.uscc)!;
      const figures = p.figuresByYear[year]!;
      const floors = findItemFloors((_key, figure) => figures[figure], scheme, result.noProduction != null);
      return { id: p.uscc, values: result.metrics as IndicatorValues, floors };
    });
    const scored = scorePool(members, scheme.groups[group], scheme.scoring, resolveBenchmarks(scheme, group, pool, year));
    const graded = new Map(gradePool(scored, scheme.grading).map((g) => [g.id, g]));
    for (const s of scored) {
      const { rank, grade } = graded.get(s.id)!;
      const label = scheme.grading.labels[grade];
      Object.assign(results.get(s.id)!, {
        indicatorSet: s.indicatorSet,
        items: s.items,
        contributions: s.contributions,
        score: s.score,
        rank,
        poolSize: pool.length,
        grade,
        gradeLabel: label,
        computedGrade: grade,
      });
    }
  }
  return [...results.values()].sort(compareResults);
}

/**
 * 分类调档: a person moves a graded firm to another grade. The computed grade stays in `computedGrade`;
 * every adjustment is kept with who, when and why. Throws on an ungraded firm, an unknown grade or a
 * missing who/when/why.
 */
export function applyManualAdjustment(
  result: EnterpriseEvaluation,
  adjustment: { grade: GradeCode; by: string; at: string; reason: string; id?: number; schemeVersion?: number },
  scheme: Pick<EvaluationScheme, 'grading'>,
): EnterpriseEvaluation {
  if (!result.eligible || result.grade == null) throw new Error(`${result.uscc} is not graded (${result.reason}); nothing to adjust`);
  if (!listGradeCodes(scheme).includes(adjustment.grade)) throw new Error(`"${adjustment.grade}" is not a grade of this scheme`);
  if (!adjustment.by.trim()) throw new Error('a manual adjustment needs who made it (by)');
  if (!/^\d{4}-\d{2}-\d{2}(T.+)?$/.test(adjustment.at)) throw new Error('a manual adjustment needs when (at, an ISO date or date-time)');
  if (!adjustment.reason.trim()) throw new Error('a manual adjustment needs a reason');
  const record: ManualAdjustment = {
    ...(adjustment.id == null ? {} : { id: adjustment.id }),
    ...(adjustment.schemeVersion == null ? {} : { schemeVersion: adjustment.schemeVersion }),
    fromGrade: result.grade, toGrade: adjustment.grade, by: adjustment.by, at: adjustment.at, reason: adjustment.reason,
  };
  return {
    ...result,
    grade: adjustment.grade,
    gradeLabel: scheme.grading.labels[adjustment.grade],
    adjustments: [...result.adjustments, record],
  };
}

/** How many firms hold each grade (after adjustments), every scheme grade present, plus those not graded. */
export function countGrades(results: Pick<EnterpriseEvaluation, 'grade'>[], scheme: Pick<EvaluationScheme, 'grading'>): Record<GradeCode | 'notGraded', number> {
  const counts: Record<string, number> = Object.fromEntries(listGradeCodes(scheme).map((g) => [g, 0]));
  counts.notGraded = 0;
  for (const r of results) counts[r.grade ?? 'notGraded'] = (counts[r.grade ?? 'notGraded'] ?? 0) + 1;
  return counts;
}

export interface AggregateEvaluation {
  code: string;
  items: ItemScore[];
  contributions: Partial<Record<IndicatorKey, number>>;
  score: number;
  /** The scheme's maximum score. */
  maxScore: number;
  rank: number;
  grade: GradeCode;
  gradeLabel: string;
}

/**
 * Score and grade parks or regions against each other from their aggregated metrics (computeAggregateMetrics),
 * with one group's indicators (规上 by default, the full set), and the items the caller floors (findItemFloors
 * over the summed denominators). Under 'lastYearAverage' benchmarks the caller passes last year's average
 * metrics of the same kind of entity.
 */
export function gradeAggregates(
  aggregates: { code: string; metrics: EntityMetrics; floors?: Partial<Record<IndicatorKey, ItemFloor>> }[],
  scheme: EvaluationScheme,
  options: { group?: GroupKey; lastYearAverage?: IndicatorValues } = {},
): AggregateEvaluation[] {
  const group = options.group ?? 'aboveScale';
  const scoring = scheme.scoring;
  let benchmarks: IndicatorValues = {};
  if (scoring.method === 'benchmarkRatio' && scoring.benchmarkMode.kind === 'published') {
    benchmarks = Object.fromEntries(Object.entries(scheme.groups[group].benchmarks).map(([k, b]) => [k, b!.value]));
  } else if (scoring.method === 'benchmarkRatio' && scoring.benchmarkMode.kind === 'lastYearAverage') {
    if (!options.lastYearAverage) throw new Error('lastYearAverage benchmarks need options.lastYearAverage');
    const k = scoring.benchmarkMode.multiplier;
    benchmarks = Object.fromEntries(Object.entries(options.lastYearAverage).map(([key, v]) => [key, v == null ? null : k * v]));
  }
  const members = aggregates.map((a) => ({ id: a.code, values: a.metrics as IndicatorValues, floors: a.floors }));
  const scored = scorePool(members, scheme.groups[group], scoring, benchmarks);
  const graded = new Map(gradePool(scored, scheme.grading).map((g) => [g.id, g]));
  return scored
    .map((s) => {
      const g = graded.get(s.id)!;
      return { code: s.id, items: s.items, contributions: s.contributions, score: s.score, maxScore: scoring.maxScore, rank: g.rank, grade: g.grade, gradeLabel: scheme.grading.labels[g.grade] };
    })
    .sort((a, b) => a.rank - b.rank || (a.code < b.code ? -1 : 1));
}
