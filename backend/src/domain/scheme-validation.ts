/**
 * Checks an unknown value (a jsonb body, an uploaded file) against the EvaluationScheme shape and its
 * rules, naming the path of every problem: "groups.aboveScale.indicators[2].weight must be a positive number".
 */
import type { EvaluationScheme, IndicatorKey } from './scheme.js';
import { DENOMINATOR_FIGURES, GROUP_KEYS, INDICATOR_KEYS, INDICATOR_TERMS, INDUSTRY_SECTIONS } from './scheme.js';

export interface SchemeValidationError {
  path: string;
  message: string;
}

export type SchemeValidationResult =
  | { ok: true; scheme: EvaluationScheme }
  | { ok: false; errors: SchemeValidationError[] };

type Obj = Record<string, unknown>;
const SHARE_TOLERANCE = 1e-9;
const positiveOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : null);

class Checker {
  errors: SchemeValidationError[] = [];

  fail(path: string, message: string): void {
    this.errors.push({ path, message: `${path} ${message}` });
  }

  object(v: unknown, path: string): Obj | null {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) return v as Obj;
    this.fail(path, 'must be an object');
    return null;
  }

  array(v: unknown, path: string, nonEmpty = false): unknown[] | null {
    if (!Array.isArray(v)) return this.fail(path, 'must be an array'), null;
    if (nonEmpty && v.length === 0) return this.fail(path, 'must not be empty'), null;
    return v;
  }

  string(v: unknown, path: string, nullable = false): void {
    if (nullable && v === null) return;
    if (typeof v !== 'string' || v.trim() === '') this.fail(path, `must be a non-empty string${nullable ? ' or null' : ''}`);
  }

  boolean(v: unknown, path: string): void {
    if (typeof v !== 'boolean') this.fail(path, 'must be true or false');
  }

  number(v: unknown, path: string, kind: 'positive' | 'nonNegative' | 'share' | 'shareBelowOne' | 'any', opts: { integer?: boolean; nullable?: boolean } = {}): void {
    if (opts.nullable && v === null) return;
    const finite = typeof v === 'number' && Number.isFinite(v);
    const n = v as number;
    const okKind =
      kind === 'positive' ? n > 0 : kind === 'nonNegative' ? n >= 0 : kind === 'share' ? n > 0 && n <= 1 : kind === 'shareBelowOne' ? n >= 0 && n < 1 : true;
    const integerOk = !opts.integer || Number.isInteger(n);
    if (finite && okKind && integerOk) return;
    const what = {
      positive: 'a positive number',
      nonNegative: 'a number ≥ 0',
      share: 'a number in (0, 1]',
      shareBelowOne: 'a number in [0, 1)',
      any: 'a number',
    }[kind];
    const integerWord = opts.integer ? what.replace('number', 'integer') : what;
    this.fail(path, `must be ${integerWord}${opts.nullable ? ' or null' : ''}`);
  }

  oneOf(v: unknown, path: string, allowed: readonly string[]): boolean {
    if (typeof v === 'string' && allowed.includes(v)) return true;
    this.fail(path, `must be one of ${allowed.map((a) => `'${a}'`).join(', ')}`);
    return false;
  }

  ratio(v: unknown, path: string): void {
    const o = this.object(v, path);
    if (!o) return;
    this.number(o.numerator, `${path}.numerator`, 'positive');
    this.number(o.denominator, `${path}.denominator`, 'positive');
  }
}

function checkIndicators(c: Checker, v: unknown, path: string): IndicatorKey[] {
  const list = c.array(v, path, true) ?? [];
  const keys: IndicatorKey[] = [];
  list.forEach((item, i) => {
    const p = `${path}[${i}]`;
    const o = c.object(item, p);
    if (!o) return;
    if (c.oneOf(o.key, `${p}.key`, INDICATOR_KEYS)) {
      if (keys.includes(o.key as IndicatorKey)) c.fail(`${p}.key`, `repeats '${o.key as string}'`);
      keys.push(o.key as IndicatorKey);
    }
    c.number(o.weight, `${p}.weight`, 'positive');
    c.oneOf(o.whenMissing, `${p}.whenMissing`, ['scoreZero', 'groupAverageScore']);
  });
  return keys;
}

/** An indicator set's path and the sum of its weights, for the check of the maximum score. */
interface WeightSum {
  path: string;
  weights: number;
}

/** The sum of a set's weights, or null when one is not a positive number (that error is reported already). */
function sumWeights(v: unknown): number | null {
  if (!Array.isArray(v) || !v.length) return null;
  const weights = v.map((i) => positiveOrNull((i as Obj | null)?.weight));
  return weights.every((w) => w != null) ? (weights as number[]).reduce((a, b) => a + b, 0) : null;
}

function checkGroup(c: Checker, v: unknown, path: string, needsPublishedBenchmarks: boolean, sets: WeightSum[]): void {
  const g = c.object(v, path);
  if (!g) return;
  c.string(g.label, `${path}.label`);
  const used = checkIndicators(c, g.indicators, `${path}.indicators`);
  const primaryWeights = sumWeights(g.indicators);
  if (primaryWeights != null) sets.push({ path: `${path}.indicators`, weights: primaryWeights });
  if (g.fallback !== null) {
    const f = c.object(g.fallback, `${path}.fallback`);
    if (f) {
      c.oneOf(f.whenMissing, `${path}.fallback.whenMissing`, INDICATOR_KEYS);
      used.push(...checkIndicators(c, f.indicators, `${path}.fallback.indicators`));
      const fallbackWeights = sumWeights(f.indicators);
      if (fallbackWeights != null) sets.push({ path: `${path}.fallback.indicators`, weights: fallbackWeights });
    }
  }
  const benchmarks = c.object(g.benchmarks, `${path}.benchmarks`);
  if (!benchmarks) return;
  for (const [key, b] of Object.entries(benchmarks)) {
    const p = `${path}.benchmarks.${key}`;
    if (!(INDICATOR_KEYS as readonly string[]).includes(key)) c.fail(p, 'is not a known indicator');
    const o = c.object(b, p);
    if (!o) continue;
    c.number(o.value, `${p}.value`, 'positive');
    c.string(o.source, `${p}.source`);
  }
  if (!needsPublishedBenchmarks) return;
  for (const key of new Set(used)) {
    if (!(key in benchmarks)) c.fail(`${path}.benchmarks.${key}`, 'is required: the scheme scores it against a published benchmark');
  }
}

interface ScoringFacts {
  needsPublishedBenchmarks: boolean;
  /** The multiple of the weight an item can reach (1 under min–max), and the stated maximum; null when invalid. */
  cap: number | null;
  maxScore: number | null;
}

function checkScoring(c: Checker, v: unknown): ScoringFacts {
  const none: ScoringFacts = { needsPublishedBenchmarks: false, cap: null, maxScore: null };
  const s = c.object(v, 'scoring');
  if (!s) return none;
  c.string(s.source, 'scoring.source');
  c.number(s.maxScore, 'scoring.maxScore', 'positive');
  if (!c.oneOf(s.method, 'scoring.method', ['benchmarkRatio', 'minMax'])) return none;
  const maxScore = positiveOrNull(s.maxScore);
  if (s.method === 'minMax') {
    c.number(s.floorShareOfWeight, 'scoring.floorShareOfWeight', 'shareBelowOne');
    return { needsPublishedBenchmarks: false, cap: 1, maxScore };
  }
  if (s.capMultipleOfWeight === null) c.fail('scoring.capMultipleOfWeight', 'must be a positive number: without a cap a score has no maximum');
  else c.number(s.capMultipleOfWeight, 'scoring.capMultipleOfWeight', 'positive');
  const cap = positiveOrNull(s.capMultipleOfWeight);
  const mode = c.object(s.benchmarkMode, 'scoring.benchmarkMode');
  if (!mode || !c.oneOf(mode.kind, 'scoring.benchmarkMode.kind', ['published', 'lastYearAverage'])) return { ...none, cap, maxScore };
  if (mode.kind === 'lastYearAverage') c.number(mode.multiplier, 'scoring.benchmarkMode.multiplier', 'positive');
  return { needsPublishedBenchmarks: mode.kind === 'published', cap, maxScore };
}

/**
 * Every indicator set must reach the same maximum, cap × its weights, and that is scoring.maxScore: a firm
 * scored on the 规下 fallback set is on the same scale as one scored on the full set.
 */
function checkMaximum(c: Checker, scoring: ScoringFacts, sets: WeightSum[]): void {
  const { cap, maxScore } = scoring;
  if (cap == null || maxScore == null || !sets.length) return;
  const close = (a: number, b: number) => Math.abs(a - b) <= SHARE_TOLERANCE * Math.max(1, Math.abs(b));
  const reached = sets.map((set) => ({ ...set, max: cap * set.weights }));
  if (reached.every((r) => close(r.max, reached[0].max))) {
    if (!close(reached[0].max, maxScore)) {
      c.fail('scoring.maxScore', `must be ${reached[0].max}: every indicator set's weights sum to ${reached[0].weights}, times a cap of ${cap} × weight`);
    }
    return;
  }
  for (const r of reached) {
    if (!close(r.max, maxScore)) c.fail(r.path, `weights sum to ${r.weights}: with a cap of ${cap} × weight they reach ${r.max}, not scoring.maxScore ${maxScore}`);
  }
}

function checkGrading(c: Checker, v: unknown, maxScore: number | null): void {
  const g = c.object(v, 'grading');
  if (!g) return;
  c.oneOf(g.method, 'grading.method', ['percentile', 'absolute']);
  c.string(g.source, 'grading.source');
  const labels = c.object(g.labels, 'grading.labels') ?? {};
  const percentile = c.array(g.percentileBands, 'grading.percentileBands', true) ?? [];
  const absolute = c.array(g.absoluteBands, 'grading.absoluteBands', true) ?? [];
  let shareSum = 0;
  const grades: string[] = [];
  percentile.forEach((b, i) => {
    const o = c.object(b, `grading.percentileBands[${i}]`);
    if (!o) return;
    c.string(o.grade, `grading.percentileBands[${i}].grade`);
    if (grades.includes(o.grade as string)) c.fail(`grading.percentileBands[${i}].grade`, `repeats '${o.grade as string}'`);
    grades.push(o.grade as string);
    c.number(o.share, `grading.percentileBands[${i}].share`, 'share');
    shareSum += typeof o.share === 'number' ? o.share : 0;
  });
  if (percentile.length && Math.abs(shareSum - 1) > SHARE_TOLERANCE) c.fail('grading.percentileBands', `shares must sum to 1 (they sum to ${shareSum})`);
  let previousMin = Infinity;
  absolute.forEach((b, i) => {
    const p = `grading.absoluteBands[${i}]`;
    const o = c.object(b, p);
    if (!o) return;
    if (o.grade !== grades[i]) c.fail(`${p}.grade`, `must be '${grades[i]}', the same grades in the same order as grading.percentileBands`);
    c.number(o.minScore, `${p}.minScore`, 'any');
    if (typeof o.minScore === 'number' && o.minScore >= previousMin) c.fail(`${p}.minScore`, 'must be lower than the band before it');
    if (typeof o.minScore === 'number' && maxScore != null && o.minScore > maxScore) c.fail(`${p}.minScore`, `must be at most scoring.maxScore (${maxScore}): nobody could reach it`);
    previousMin = typeof o.minScore === 'number' ? o.minScore : previousMin;
  });
  if (absolute.length !== percentile.length) c.fail('grading.absoluteBands', 'must list as many bands as grading.percentileBands');
  for (const grade of grades) c.string(labels[grade], `grading.labels.${grade}`);
}

function checkIdleLand(c: Checker, v: unknown): void {
  const r = c.object(v, 'idleLand');
  if (!r) return;
  for (const k of ['notStartedYearsAfterAgreedStart', 'stoppedMinYears', 'feeAfterYears', 'takeBackAfterYears']) {
    c.number(r[k], `idleLand.${k}`, 'positive', { integer: true });
  }
  c.ratio(r.underDevelopedBelow, 'idleLand.underDevelopedBelow');
  c.ratio(r.underInvestedBelow, 'idleLand.underInvestedBelow');
  c.number(r.feeShareOfLandPrice, 'idleLand.feeShareOfLandPrice', 'share');
  c.string(r.source, 'idleLand.source');
}

function checkLowYield(c: Checker, v: unknown): void {
  const r = c.object(v, 'lowYield');
  if (!r) return;
  c.string(r.kindLabel, 'lowYield.kindLabel');
  c.string(r.source, 'lowYield.source');
  const rule = (name: string, numbers: Record<string, 'positive' | 'share'>, integers: string[] = []) => {
    const o = c.object(r[name], `lowYield.${name}`);
    if (!o) return null;
    c.boolean(o.enabled, `lowYield.${name}.enabled`);
    for (const [k, kind] of Object.entries(numbers)) c.number(o[k], `lowYield.${name}.${k}`, kind, { integer: integers.includes(k) });
    return o;
  };
  rule('overdueCompletion', { yearsPastAgreedCompletion: 'positive' }, ['yearsPastAgreedCompletion']);
  rule('completedUnderperforming', { yearsSinceCompletion: 'positive', minShareOfContract: 'share' }, ['yearsSinceCompletion']);
  const halted = rule('halted', { minYears: 'positive' }, ['minYears']);
  if (halted) (c.array(halted.statuses, 'lowYield.halted.statuses', true) ?? []).forEach((s, i) => c.string(s, `lowYield.halted.statuses[${i}]`));
  rule('bottomTaxPerMu', { bottomShare: 'share' });
  rule('belowLandUseControl', {});
  const repeated = rule('repeatedGrade', { consecutiveYears: 'positive' }, ['consecutiveYears']);
  if (repeated) c.string(repeated.grade, 'lowYield.repeatedGrade.grade');
}

function checkControls(c: Checker, v: unknown): void {
  const r = c.object(v, 'controls');
  if (!r) return;
  const edition = c.object(r.edition, 'controls.edition');
  if (edition) {
    c.string(edition.name, 'controls.edition.name');
    c.string(edition.documentNumber, 'controls.edition.documentNumber', true);
    c.number(edition.year, 'controls.edition.year', 'positive', { integer: true });
  }
  c.number(r.minBuildingCoverage, 'controls.minBuildingCoverage', 'share');
  c.number(r.doubleCountStoreyAboveM, 'controls.doubleCountStoreyAboveM', 'positive');
  c.string(r.source, 'controls.source');
  (c.array(r.minPlotRatioByIndustry, 'controls.minPlotRatioByIndustry') ?? []).forEach((item, i) => {
    const p = `controls.minPlotRatioByIndustry[${i}]`;
    const o = c.object(item, p);
    if (!o) return;
    c.string(o.industryPrefix, `${p}.industryPrefix`);
    c.string(o.code2002, `${p}.code2002`);
    c.string(o.name, `${p}.name`);
    c.number(o.minPlotRatio, `${p}.minPlotRatio`, 'positive');
  });
}

function checkNoProduction(c: Checker, v: unknown): void {
  const r = c.object(v, 'noProduction');
  if (!r) return;
  c.oneOf(r.treatment, 'noProduction.treatment', ['floorRatios', 'exclude']);
  c.boolean(r.missingOutputCounts, 'noProduction.missingOutputCounts');
  c.string(r.source, 'noProduction.source');
  (c.array(r.haltedStatuses, 'noProduction.haltedStatuses') ?? []).forEach((s, i) => c.string(s, `noProduction.haltedStatuses[${i}]`));
  (c.array(r.flooredIndicators, 'noProduction.flooredIndicators') ?? []).forEach((key, i) => {
    const p = `noProduction.flooredIndicators[${i}]`;
    if (c.oneOf(key, p, INDICATOR_KEYS) && INDICATOR_TERMS[key as IndicatorKey].denominator === 'landAreaSqm') {
      c.fail(p, `must be a ratio over a production figure, not over land ('${key as string}')`);
    }
  });
}

function checkMinDenominators(c: Checker, v: unknown): void {
  const r = c.object(v, 'minDenominators');
  if (!r) return;
  c.string(r.source, 'minDenominators.source');
  const byFigure = c.object(r.byFigure, 'minDenominators.byFigure');
  for (const [figure, min] of Object.entries(byFigure ?? {})) {
    const p = `minDenominators.byFigure.${figure}`;
    if (!(DENOMINATOR_FIGURES as readonly string[]).includes(figure)) c.fail(p, `is not the denominator of any indicator (one of ${DENOMINATOR_FIGURES.join(', ')})`);
    else c.number(min, p, 'positive');
  }
}

function checkEligibility(c: Checker, v: unknown): void {
  const e = c.object(v, 'eligibility');
  if (!e) return;
  c.number(e.aboveScaleMinRevenueYuan, 'eligibility.aboveScaleMinRevenueYuan', 'nonNegative');
  c.number(e.belowScaleMinLandMu, 'eligibility.belowScaleMinLandMu', 'nonNegative');
  c.number(e.minYearsRegistered, 'eligibility.minYearsRegistered', 'nonNegative', { integer: true });
  c.boolean(e.excludeConstructionPeriod, 'eligibility.excludeConstructionPeriod');
  c.string(e.source, 'eligibility.source');
  (c.array(e.excludedIndustryPrefixes, 'eligibility.excludedIndustryPrefixes') ?? []).forEach((p, i) =>
    c.string(p, `eligibility.excludedIndustryPrefixes[${i}]`),
  );
  (c.array(e.gradedIndustrySections, 'eligibility.gradedIndustrySections', true) ?? []).forEach((p, i) =>
    c.oneOf(p, `eligibility.gradedIndustrySections[${i}]`, INDUSTRY_SECTIONS),
  );
}

/** Validate a scheme; on success the value is returned typed, unchanged. */
export function validateScheme(x: unknown): SchemeValidationResult {
  const c = new Checker();
  const s = c.object(x, 'scheme');
  if (!s) return { ok: false, errors: c.errors };
  c.string(s.id, 'id');
  c.number(s.version, 'version', 'positive', { integer: true });
  c.string(s.name, 'name');
  c.number(s.year, 'year', 'positive', { integer: true, nullable: true });
  c.string(s.regionCode, 'regionCode', true);
  checkEligibility(c, s.eligibility);
  const scoring = checkScoring(c, s.scoring);
  const groups = c.object(s.groups, 'groups');
  const sets: WeightSum[] = [];
  if (groups) for (const key of GROUP_KEYS) checkGroup(c, groups[key], `groups.${key}`, scoring.needsPublishedBenchmarks, sets);
  checkMaximum(c, scoring, sets);
  checkNoProduction(c, s.noProduction);
  checkMinDenominators(c, s.minDenominators);
  checkGrading(c, s.grading, scoring.maxScore);
  c.oneOf(s.landAllocationMode, 'landAllocationMode', ['apportion', 'mergeIntoOwner']);
  checkIdleLand(c, s.idleLand);
  checkLowYield(c, s.lowYield);
  checkControls(c, s.controls);
  return c.errors.length ? { ok: false, errors: c.errors } : { ok: true, scheme: x as EvaluationScheme };
}
