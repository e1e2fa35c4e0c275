import type { EnterpriseFactRow, EvaluationFacts, EvaluationParcelRow, EvaluationRepository } from '../repositories/evaluation.repository.js';
import { findHomeParks } from '../domain/home-park.js';
import type { GradeAdjustmentRow, GradeAdjustmentsRepository } from '../repositories/grade-adjustments.repository.js';
import type { SchemesService } from './schemes.service.js';
import type { EnterpriseEvaluation, EnterpriseEvaluationInput, ManualAdjustment } from '../domain/evaluation.js';
import { countGrades, evaluateEnterprises, findItemFloors, gradeAggregates } from '../domain/evaluation.js';
import { computeAggregateMetrics } from '../domain/aggregate-metrics.js';
import { type AdjustmentNotApplied, applyGradeAdjustments, type StoredGradeAdjustment } from '../domain/grade-adjustments.js';
import type { LandAllocation } from '../domain/land-allocation.js';
import { allocateEnterpriseLand, mergeFigures } from '../domain/land-allocation.js';
import type { RawFigures } from '../domain/metrics.js';
import { isInConstructionPeriod } from '../domain/parcel-facts.js';
import { figureYearsFor, listGradeCodes, type EvaluationScheme } from '../domain/scheme.js';
import { appendTo } from '../domain/collections.js';

/** One year evaluated with one scheme: the facts read, the land allocated, every firm's result. */
export interface YearEvaluation {
  year: number;
  schemeId: string;
  scheme: EvaluationScheme;
  facts: EvaluationFacts;
  allocation: LandAllocation;
  /** The year's figures as reported, by USCC. */
  rawFiguresByUscc: Record<string, RawFigures>;
  /** The same after 'mergeIntoOwner' (tenants' figures inside their owners'); unchanged in 'apportion'. */
  figuresByUscc: Record<string, RawFigures>;
  results: EnterpriseEvaluation[];
  /** By USCC: the year's adjustments (分类调档) under this scheme that do not apply (undone, another version, …). */
  adjustmentsNotApplied: Map<string, AdjustmentNotApplied[]>;
  enterprises: Map<string, EnterpriseFactRow>;
}

export interface EvaluationQuery {
  year?: number;
  region?: string;
  park?: string;
  scheme?: string;
}

/**
 * Place each enterprise in its park (where it holds most land) and that park's county. The rows were read
 * for this evaluation alone, so they are filled in place (their columns came back null).
 */
function placeEnterprises(facts: EvaluationFacts, parcelByCode: ReadonlyMap<string, EvaluationParcelRow>): void {
  const regionOfPark = new Map<string, string | null>();
  for (const p of facts.parcels) regionOfPark.set(p.parkCode, p.regionCode);
  const home = findHomeParks(facts.holdings, parcelByCode);
  for (const e of facts.enterprises) {
    const parkCode = home.get(e.uscc) ?? null;
    e.park_code = parkCode;
    e.region_code = parkCode == null ? null : regionOfPark.get(parkCode) ?? null;
  }
}

/** Each year's reported figures by USCC, in one pass over the indicator rows. */
function figuresByYear(facts: EvaluationFacts, years: number[]): Map<number, Record<string, RawFigures>> {
  const out = new Map(years.map((y) => [y, {} as Record<string, RawFigures>]));
  // The rows themselves (their uscc and year ride along unread): no copy of 200k records.
  for (const row of facts.indicators) {
    const ofYear = out.get(row.year);
    if (ofYear) ofYear[row.uscc] = row;
  }
  return out;
}

interface YearFigures { y: number; raw: Record<string, RawFigures>; merged: Record<string, RawFigures> }

function toInputs(facts: EvaluationFacts, parcels: ReadonlyMap<string, EvaluationParcelRow>, allocation: LandAllocation, year: number, merged: YearFigures[]): EnterpriseEvaluationInput[] {
  const holdingsByUscc = new Map<string, EvaluationFacts['holdings']>();
  for (const h of facts.holdings) appendTo(holdingsByUscc, h.uscc, h);
  return facts.enterprises.map((e) => {
    const land = allocation.enterprises[e.uscc];
    const isMerged = Boolean(land?.mergedInto.length);
    const held = (holdingsByUscc.get(e.uscc) ?? []).map((h) => ({
      role: h.role,
      completedOn: parcels.get(h.parcelCode)?.completedOn ?? null,
      agreedCompletionOn: parcels.get(h.parcelCode)?.agreedCompletionOn ?? null,
    }));
    const figuresByYear: Record<number, RawFigures | undefined> = {};
    for (const m of merged) figuresByYear[m.y] = isMerged ? m.raw[e.uscc] : m.merged[e.uscc];
    return {
      uscc: e.uscc,
      regionCode: e.region_code ?? '',
      industryCode: e.industry_code,
      aboveScale: e.above_scale,
      registeredOn: e.registered_on,
      status: e.status,
      statusSince: e.status_since,
      inConstructionPeriod: isInConstructionPeriod(held, `${year}-12-31`),
      mergedIntoUscc: land?.mergedInto[0]?.ownerUscc ?? null,
      landAreaSqm: land?.landAreaSqm ?? null,
      figuresByYear,
    };
  });
}

/** A manual adjustment that applies, as the API shows it: its id, the grade it set and the one before, why, who and when. */
export const toAdjustmentLine = (a: ManualAdjustment) => ({
  id: a.id ?? null, schemeVersion: a.schemeVersion ?? null, grade: a.toGrade, fromGrade: a.fromGrade, reason: a.reason, by: a.by, at: a.at,
});

/** An adjustment that does not apply, as the API shows it: why (status), and who undid it, when and why if undone. */
export const toNotAppliedLine = (a: AdjustmentNotApplied) => ({
  id: a.id, schemeVersion: a.schemeVersion, status: a.status, grade: a.grade, reason: a.reason, by: a.by, at: a.at,
  undoneBy: a.undoneBy, undoneAt: a.undoneAt, undoReason: a.undoReason,
});

const toStoredAdjustment = (row: GradeAdjustmentRow): StoredGradeAdjustment => ({
  id: row.id, uscc: row.uscc, schemeVersion: row.scheme_version, grade: row.grade, reason: row.reason, by: row.adjusted_by,
  at: row.adjusted_at, undoneBy: row.undone_by, undoneAt: row.undone_at, undoReason: row.undo_reason,
});

/** The scheme's grades, best first, with their labels: what a manual adjustment may choose from. */
export const listGrades = (scheme: Pick<EvaluationScheme, 'grading'>) =>
  listGradeCodes(scheme).map((code) => ({ code, label: scheme.grading.labels[code] ?? null }));

/** One line of GET /api/evaluations. */
function toResultLine(r: EnterpriseEvaluation, e: EnterpriseFactRow | undefined, notApplied: AdjustmentNotApplied[] | undefined) {
  return {
    uscc: r.uscc,
    name: e?.name ?? null,
    parkCode: e?.park_code ?? null,
    regionCode: r.regionCode || null,
    group: r.group,
    eligible: r.eligible,
    reason: r.reason,
    reasonDetail: r.reasonDetail,
    landAreaMu: r.landAreaMu,
    score: r.score,
    maxScore: r.maxScore,
    rank: r.rank,
    poolSize: r.poolSize,
    grade: r.grade,
    gradeLabel: r.gradeLabel,
    computedGrade: r.computedGrade,
    adjustments: r.adjustments.map(toAdjustmentLine),
    adjustmentsNotApplied: (notApplied ?? []).map(toNotAppliedLine),
    contributions: r.contributions,
  };
}

type AreaOf = { parcel: (p: EvaluationFacts['parcels'][number]) => string | null; firm: (uscc: string) => string | null };

/**
 * The aggregates of areas (parks, counties, the city): the figures of every firm placed in the area (graded
 * or not, as its output and tax are), per mu over the land in use (parcels someone holds), each other ratio
 * over the firms reporting both its terms (computeAggregateMetrics).
 */
function aggregateAreas(ev: YearEvaluation, areaOf: AreaOf) {
  const usedLandSqm = new Map<string, number>();
  const held = new Set(ev.facts.holdings.map((h) => h.parcelCode));
  for (const p of ev.facts.parcels) {
    const area = areaOf.parcel(p);
    if (area && held.has(p.code)) usedLandSqm.set(area, (usedLandSqm.get(area) ?? 0) + p.landAreaSqm);
  }
  const firmsByArea = new Map<string, EnterpriseEvaluation[]>();
  for (const r of ev.results) {
    const area = areaOf.firm(r.uscc);
    if (area) appendTo(firmsByArea, area, r);
  }
  const aggregates = [...firmsByArea].flatMap(([code, firms]) => {
    const reported = firms.map((f) => ev.rawFiguresByUscc[f.uscc]).filter((f): f is RawFigures => f != null);
    if (!reported.length) return [];
    const { metrics, denominators } = computeAggregateMetrics(reported, usedLandSqm.get(code) ?? null);
    return [{ code, metrics, floors: findItemFloors((key) => denominators[key], ev.scheme, false) }];
  });
  return { firmsByArea, aggregates };
}

/**
 * Parks or counties graded against each other from their aggregates (aggregateAreas); with the grade's items,
 * the scheme's maximum, the metrics and the firms' grade counts.
 */
function gradeAreas(ev: YearEvaluation, areaOf: AreaOf) {
  const { firmsByArea, aggregates } = aggregateAreas(ev, areaOf);
  const metrics = new Map(aggregates.map((a) => [a.code, a.metrics]));
  const grades = new Map(gradeAggregates(aggregates, ev.scheme).map((g) => [g.code, g]));
  return (code: string) => {
    const g = grades.get(code);
    return {
      grade: g?.grade ?? null,
      gradeLabel: g?.gradeLabel ?? null,
      gradeScore: g?.score ?? null,
      gradeItems: g?.items ?? null,
      gradeMaxScore: ev.scheme.scoring.maxScore,
      gradeCounts: countGrades(firmsByArea.get(code) ?? [], ev.scheme),
      metrics: metrics.get(code) ?? null,
    };
  };
}

/** The city's metrics: every firm placed in a park and every held parcel of the parks, as one area. */
const CITY = 'city';
const measureCity = (ev: YearEvaluation) =>
  aggregateAreas(ev, { parcel: (p) => (p.parkCode ? CITY : null), firm: (uscc) => (ev.enterprises.get(uscc)?.park_code ? CITY : null) })
    .aggregates[0]?.metrics ?? null;

const gradeParks = (ev: YearEvaluation) =>
  gradeAreas(ev, { parcel: (p) => p.parkCode, firm: (uscc) => ev.enterprises.get(uscc)?.park_code ?? null });
const gradeRegions = (ev: YearEvaluation) =>
  gradeAreas(ev, { parcel: (p) => p.regionCode, firm: (uscc) => ev.enterprises.get(uscc)?.region_code ?? null });

export function createEvaluationService(
  repo: EvaluationRepository,
  schemes: Pick<SchemesService, 'getEvaluationScheme'>,
  adjustments?: Pick<GradeAdjustmentsRepository, 'listAdjustments'>,
) {
  /**
   * Evaluations kept between requests, by data version (migrations/0011: every write to what an evaluation
   * reads moves it on), year and scheme. A province takes seconds to evaluate and every park, parcel and
   * enterprise page needs its year's evaluation. A few are kept: this year and last (the idle-land pass),
   * and another scheme or two. Results are shared: callers must not change them.
   */
  const cache = new Map<string, Promise<YearEvaluation>>();
  const CACHED_EVALUATIONS = 4;

  async function evaluateYear(year: number, schemeId?: string): Promise<YearEvaluation> {
    const key = `${await repo.findDataVersion()}|${year}|${schemeId ?? ''}`;
    let pending = cache.get(key);
    if (pending) {
      cache.delete(key); // re-inserted below: the most recently used is last
    } else {
      pending = computeYear(year, schemeId);
      pending.catch(() => cache.delete(key));
      for (const stale of [...cache.keys()].filter((k) => !k.startsWith(`${key.split('|')[0]}|`))) cache.delete(stale);
    }
    cache.set(key, pending);
    while (cache.size > CACHED_EVALUATIONS) cache.delete(cache.keys().next().value!);
    return pending;
  }

  /**
   * Evaluate `year` on its figures (and the year before, for benchmarks from last year's average), then apply
   * the manual adjustments (分类调档) recorded for the year and scheme.
   */
  async function computeYear(year: number, schemeId?: string): Promise<YearEvaluation> {
    const scheme = await schemes.getEvaluationScheme(schemeId);
    const years = figureYearsFor(scheme, year);
    const facts = await repo.loadFacts(years);
    const parcelByCode = new Map<string, EvaluationParcelRow>();
    const floorAreaByParcel = new Map<string, number>();
    for (const p of facts.parcels) {
      parcelByCode.set(p.code, p);
      if (p.floorAreaSqm != null) floorAreaByParcel.set(p.code, p.floorAreaSqm);
    }
    placeEnterprises(facts, parcelByCode);
    const allocation = allocateEnterpriseLand(facts.parcels, facts.holdings, floorAreaByParcel, scheme.landAllocationMode);
    const reported = figuresByYear(facts, years);
    const figures = years.map((y) => ({ y, raw: reported.get(y)!, merged: mergeFigures(reported.get(y)!, allocation) }));
    const { raw: rawFiguresByUscc, merged: figuresByUscc } = figures[figures.length - 1];
    const computed = evaluateEnterprises(toInputs(facts, parcelByCode, allocation, year, figures), scheme, { year });
    const stored = adjustments ? (await adjustments.listAdjustments(year, scheme.id)).map(toStoredAdjustment) : [];
    const { results, notApplied: adjustmentsNotApplied } = applyGradeAdjustments(computed, stored, scheme);
    return {
      year,
      schemeId: scheme.id,
      scheme,
      facts,
      allocation,
      rawFiguresByUscc,
      figuresByUscc,
      results,
      adjustmentsNotApplied,
      enterprises: new Map(facts.enterprises.map((e) => [e.uscc, e])),
    };
  }

  /** The year asked for, else the latest with indicators; null when nothing was ever reported. */
  const resolveYear = async (year?: number): Promise<number | null> => year ?? (await repo.findLatestYear());

  return {
    evaluateYear,
    resolveYear,
    findLatestYear: (notAfter?: number) => repo.findLatestYear(notAfter),
    /** Every firm's result, ranked within its county and group; filtering by region or park does not change ranks. */
    async listEvaluations(q: EvaluationQuery) {
      const year = await resolveYear(q.year);
      if (year == null) return { year: null, schemeId: q.scheme ?? null, schemeVersion: null, grades: [], results: [] };
      const ev = await evaluateYear(year, q.scheme);
      const results = ev.results
        .map((r) => toResultLine(r, ev.enterprises.get(r.uscc), ev.adjustmentsNotApplied.get(r.uscc)))
        .filter((r) => (!q.region || r.regionCode === q.region) && (!q.park || r.parkCode === q.park));
      return { year: ev.year, schemeId: ev.schemeId, schemeVersion: ev.scheme.version, grades: listGrades(ev.scheme), results };
    },
    /** Grades of parks for a year: a lookup by park code (grade null when its firms reported nothing). */
    async gradeParks(year?: number) {
      const chosen = await resolveYear(year);
      return chosen == null ? null : gradeParks(await evaluateYear(chosen));
    },
    async gradeRegions(year?: number) {
      const chosen = await resolveYear(year);
      return chosen == null ? null : gradeRegions(await evaluateYear(chosen));
    },
    /** The nine metrics of the city as one area (null when no firm reported that year). */
    async measureCity(year?: number) {
      const chosen = await resolveYear(year);
      return chosen == null ? null : measureCity(await evaluateYear(chosen));
    },
  };
}
export type EvaluationService = ReturnType<typeof createEvaluationService>;
