import type { LandUseRepository, ParcelFactRow, ParcelShapeRow } from '../repositories/land-use.repository.js';
import type { EvaluationService, YearEvaluation } from './evaluation.service.js';
import { isIsoDate, isOnOrBefore } from '../domain/dates.js';
import { findIdleLand, type IdleLandParcel } from '../domain/idle-land.js';
import { findLowYield, type LowYieldFacts } from '../domain/low-yield.js';
import { estimateStoreys } from '../domain/parcel-facts.js';
import type { LandUseControls } from '../domain/scheme.js';
import { classifyUnderUse, countedFloorAreaSqm, type UnderUseFacts } from '../domain/under-use.js';
import { sqmToMu } from '../domain/units.js';
import { BadRequestError, NotFoundError } from './errors.js';
import { appendTo } from '../domain/collections.js';

export type LandUseKind = 'idle' | 'underused' | 'unsupplied' | 'lowYield';

export interface LandUseQuery {
  asOf: string;
  park?: string;
  region?: string;
}

/** Coverage and plot-ratio facts of a parcel: footprints inside it, floor area with storeys over 8 m twice. */
export function toUnderUseFacts(p: ParcelFactRow, industryCode: string | null, controls: LandUseControls): UnderUseFacts {
  return {
    landAreaSqm: p.land_area_sqm,
    footprintSqm: p.covered_sqm,
    floorAreaSqm: p.building_count ? countedFloorAreaSqm(p.buildings.flatMap(estimateStoreys), controls) : null,
    industryCode,
  };
}

function toIdleParcel(p: ParcelFactRow): IdleLandParcel {
  return {
    code: p.code,
    landAreaSqm: p.land_area_sqm,
    agreedStartOn: p.agreed_start_on,
    startedOn: p.started_on,
    completedOn: p.completed_on,
    workStoppedOn: p.work_stopped_on,
    developedAreaSqm: p.developed_area_sqm,
    plannedInvestmentYuan: p.planned_investment_yuan,
    investedYuan: p.invested_yuan,
    landPriceYuan: p.land_price_yuan,
    idleCause: p.idle_cause,
  };
}

interface FeatureProps {
  kind: LandUseKind;
  rule: string;
  parcelCode: string | null;
  parkCode: string;
  since: string | null;
  daysIdle: number | null;
  feeYuan: number | null;
  areaMu: number;
  [more: string]: unknown;
}

const feature = (geometry: GeoJSON.Geometry, { kind, rule, parcelCode, parkCode, since, daysIdle, feeYuan, areaMu, ...more }: FeatureProps) => ({
  type: 'Feature' as const,
  id: `${kind}:${parcelCode ?? parkCode}:${rule}`,
  geometry,
  // the common properties first, whatever the kind
  properties: { kind, rule, parcelCode, parkCode, since, daysIdle, feeYuan, areaMu, ...more },
});

/** Look-ups over one year's evaluation, built once per evaluation rather than once per parcel. */
const indexes = new WeakMap<YearEvaluation, ReturnType<typeof buildIndex>>();
function buildIndex(ev: YearEvaluation) {
  const resultByUscc = new Map(ev.results.map((r) => [r.uscc, r]));
  const countyTax = new Map<string, number[]>();
  for (const r of ev.results) {
    const tax = r.metrics?.taxWanYuanPerMu;
    if (r.eligible && tax != null) appendTo(countyTax, r.regionCode, tax);
  }
  const holdersByParcel = new Map<string, YearEvaluation['facts']['holdings']>();
  for (const h of ev.facts.holdings) appendTo(holdersByParcel, h.parcelCode, h);
  return { resultByUscc, countyTax, holdersByParcel };
}
function indexOf(ev: YearEvaluation) {
  let index = indexes.get(ev);
  if (!index) indexes.set(ev, (index = buildIndex(ev)));
  return index;
}

/** The facts of the low-yield rules for a parcel, from its first owner's evaluation this year and last. */
function lowYieldFacts(p: ParcelFactRow, ownerUscc: string, ev: YearEvaluation, previous: YearEvaluation, underUse: UnderUseFacts | null): LowYieldFacts {
  const result = indexOf(ev).resultByUscc.get(ownerUscc);
  return {
    parcelCode: p.code,
    uscc: ownerUscc,
    agreedCompletionOn: p.agreed_completion_on,
    completedOn: p.completed_on,
    plannedInvestmentYuan: p.planned_investment_yuan,
    investedYuan: p.invested_yuan,
    outputYuan: ev.rawFiguresByUscc[ownerUscc]?.outputYuan ?? null,
    enterpriseStatus: ev.enterprises.get(ownerUscc)?.status ?? null,
    statusSince: ev.enterprises.get(ownerUscc)?.status_since ?? null,
    taxWanYuanPerMu: result?.eligible ? result.metrics?.taxWanYuanPerMu ?? null : null,
    countyTaxWanYuanPerMu: result ? indexOf(ev).countyTax.get(result.regionCode) ?? [] : [],
    underUse,
    gradesByYear: {
      [ev.year]: result?.grade ?? null,
      [previous.year]: indexOf(previous).resultByUscc.get(ownerUscc)?.grade ?? null,
    },
  };
}

function parcelFeatures(shape: ParcelShapeRow, p: ParcelFactRow, asOf: string, ev: YearEvaluation, previous: YearEvaluation) {
  const { scheme } = ev;
  const holders = indexOf(ev).holdersByParcel.get(p.code) ?? [];
  const ownerUscc = holders.filter((h) => h.role === 'owner').map((h) => h.uscc).sort()[0] ?? null;
  const base = { parcelCode: p.code, parkCode: p.park_code, since: null, daysIdle: null, feeYuan: null, areaMu: sqmToMu(p.land_area_sqm) };
  const out = findIdleLand(toIdleParcel(p), asOf, scheme.idleLand).map((f) =>
    feature(shape.geometry, {
      ...base, kind: 'idle', rule: f.rule, since: f.since, daysIdle: f.daysIdle, feeYuan: f.feeYuan,
      takeBackCandidate: f.takeBackCandidate, takeBackFrom: f.datesUsed.takeBackFrom, feeFrom: f.datesUsed.feeFrom,
      cause: f.cause, discretionary: f.discretionary, datesUsed: f.datesUsed, ratiosUsed: f.ratiosUsed,
    }));
  const industryCode = ownerUscc ? ev.enterprises.get(ownerUscc)?.industry_code ?? null : null;
  const underUse = p.building_count ? toUnderUseFacts(p, industryCode, scheme.controls) : null;
  const c = underUse && classifyUnderUse(underUse, scheme.controls);
  if (c && (c.belowCoverage || c.belowPlotRatio)) {
    out.push(feature(shape.uncovered_geometry, { ...base, kind: 'underused', rule: 'belowLandUseControl', areaMu: sqmToMu(shape.uncovered_sqm), industryCode, ...c }));
  }
  if (ownerUscc) {
    for (const f of findLowYield(lowYieldFacts(p, ownerUscc, ev, previous, underUse), scheme, asOf)) {
      const dated = f.evidence.overdueFrom ?? f.evidence.statusSince;
      const since = typeof dated === 'string' ? dated : null;
      out.push(feature(shape.geometry, { ...base, kind: 'lowYield', rule: f.rule, since, uscc: ownerUscc, kindLabel: f.kindLabel, evidence: f.evidence }));
    }
  }
  if (!holders.length && !(p.supplied_on && isOnOrBefore(p.supplied_on, asOf))) {
    out.push(feature(shape.geometry, { ...base, kind: 'unsupplied', rule: 'parcelNotSupplied' }));
  }
  return out;
}

export function createLandUseService(
  repo: LandUseRepository,
  evaluation: Pick<EvaluationService, 'evaluateYear' | 'findLatestYear'>,
  parkExists: (parkCode: string) => Promise<boolean>,
) {
  return {
    /**
     * Idle, under-used, unsupplied and low-yield land on `asOf`, as GeoJSON. Rules needing figures use the
     * latest year reported before asOf's year (the previous calendar year, DOMAIN.md §2).
     */
    async findLandUseIssues(q: LandUseQuery) {
      if (!isIsoDate(q.asOf)) throw new BadRequestError(`asOf: "${q.asOf}" is not a YYYY-MM-DD date`);
      if (q.park && !(await parkExists(q.park))) throw new NotFoundError('park', q.park);
      const asOfYear = Number(q.asOf.slice(0, 4));
      const year = (await evaluation.findLatestYear(asOfYear - 1)) ?? asOfYear - 1;
      const [ev, previous] = await Promise.all([evaluation.evaluateYear(year), evaluation.evaluateYear(year - 1)]);
      const scope = { parkCode: q.park, regionCode: q.region };
      const [shapes, facts, unsupplied] = await Promise.all([repo.listParcelShapes(scope), repo.listParcelFacts(scope), repo.listUnsuppliedLand(scope)]);
      const parcels = new Map(facts.map((p) => [p.code, p]));
      const features = shapes.flatMap((s) => parcelFeatures(s, parcels.get(s.code)!, q.asOf, ev, previous));
      for (const u of unsupplied) {
        features.push(feature(u.geometry, { kind: 'unsupplied', rule: 'noParcel', parcelCode: null, parkCode: u.park_code, since: null, daysIdle: null, feeYuan: null, areaMu: sqmToMu(u.area_sqm) }));
      }
      return { type: 'FeatureCollection' as const, asOf: q.asOf, year, schemeId: ev.schemeId, features };
    },
  };
}
export type LandUseService = ReturnType<typeof createLandUseService>;
