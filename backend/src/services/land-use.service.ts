import type { LandUseRepository, ParcelFactRow, ParcelShapeRow } from '../repositories/land-use.repository.js';
import type { EvaluationService, YearEvaluation } from './evaluation.service.js';
import { isIsoDate, isOnOrBefore } from '../domain/dates.js';
import { findIdleLand, type IdleLandParcel } from '../domain/idle-land.js';
import { computeLandUseSummary, computeScopedLandUseSummaries, type FindingExtent } from '../domain/land-use-summary.js';
import { findLowYield, type LowYieldFacts } from '../domain/low-yield.js';
import { estimateStoreys } from '../domain/parcel-facts.js';
import type { LandUseControls } from '../domain/scheme.js';
import { countedFloorAreaSqm, findUnderUse, isJudgedAgainstControls, listPlotRatioUsers, type UnderUseFacts } from '../domain/under-use.js';
import { sqmToMu } from '../domain/units.js';
import { BadRequestError, NotFoundError } from './errors.js';
import { appendTo } from '../domain/collections.js';

export type { LandUseKind } from '../domain/land-use-summary.js';

export interface LandUseQuery {
  asOf: string;
  park?: string;
  region?: string;
}

type HolderOfParcel = { uscc: string; role: 'owner' | 'tenant'; leasedFloorAreaSqm: number | null };

/**
 * Coverage and plot-ratio facts of a parcel: footprints inside it, floor area with storeys over 8 m twice,
 * and the firms that use it with their industries (the plot-ratio minimum is theirs, see computeMinPlotRatio).
 */
export function toUnderUseFacts(p: ParcelFactRow, holders: readonly HolderOfParcel[], ev: Pick<YearEvaluation, 'enterprises'>, controls: LandUseControls): UnderUseFacts {
  const users = listPlotRatioUsers(
    holders.map((h) => ({ role: h.role, industryCode: ev.enterprises.get(h.uscc)?.industry_code ?? null, leasedFloorAreaSqm: h.leasedFloorAreaSqm })),
    p.floor_area_sqm,
  );
  return {
    landAreaSqm: p.land_area_sqm,
    footprintSqm: p.covered_sqm,
    floorAreaSqm: p.building_count ? countedFloorAreaSqm(p.buildings.flatMap(estimateStoreys), controls) : null,
    users,
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

/** A finding with what its feature shows: the common properties, then those of its kind and rule. */
interface Finding extends FindingExtent {
  geometry: GeoJSON.Geometry;
  since: string | null;
  daysIdle: number | null;
  feeYuan: number | null;
  more: Record<string, unknown>;
}

const toFeature = ({ geometry, kind, rule, parcelCode, parkCode, regionCode, since, daysIdle, feeYuan, areaSqm, possibleDataGap, more }: Finding) => ({
  type: 'Feature' as const,
  id: `${kind}:${parcelCode ?? parkCode}:${rule}`,
  geometry,
  // the common properties first, whatever the kind
  properties: { kind, rule, parcelCode, parkCode, regionCode, since, daysIdle, feeYuan, areaMu: sqmToMu(areaSqm), possibleDataGap, ...more },
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

function parcelFindings(shape: ParcelShapeRow, p: ParcelFactRow, asOf: string, ev: YearEvaluation, previous: YearEvaluation): Finding[] {
  const { scheme } = ev;
  const holders = indexOf(ev).holdersByParcel.get(p.code) ?? [];
  const ownerUscc = holders.filter((h) => h.role === 'owner').map((h) => h.uscc).sort()[0] ?? null;
  const whole = { geometry: shape.geometry as GeoJSON.Geometry, parcelCode: p.code, parkCode: p.park_code, regionCode: p.region_code, areaSqm: p.land_area_sqm, possibleDataGap: false, since: null, daysIdle: null, feeYuan: null };
  const out: Finding[] = findIdleLand(toIdleParcel(p), asOf, scheme.idleLand).map(({ rule, idleSince, daysIdle, feeYuan, asOf: _asOf, ...more }) => ({
    ...whole, kind: 'idle', rule, since: idleSince, daysIdle, feeYuan, more: { idleSince, ...more },
  }));
  const parcel = { landUse: p.land_use, completedOn: p.completed_on, buildingCount: p.building_count };
  // Low-yield's control rule reads the same facts, on the same land (findUnderUse)
  const facts = isJudgedAgainstControls(parcel, asOf) ? toUnderUseFacts(p, holders, ev, scheme.controls) : null;
  const underUse = findUnderUse(parcel, facts, asOf, scheme.controls);
  if (underUse?.rule === 'completedWithoutBuildings') {
    const { rule, possibleDataGap, completedOn } = underUse;
    out.push({ ...whole, kind: 'underused', rule, possibleDataGap, since: completedOn, more: { completedOn } });
  } else if (underUse) {
    const { rule, possibleDataGap, ...classification } = underUse;
    out.push({ ...whole, geometry: shape.uncovered_geometry, areaSqm: shape.uncovered_sqm, kind: 'underused', rule, possibleDataGap, more: classification });
  }
  if (ownerUscc) {
    for (const f of findLowYield(lowYieldFacts(p, ownerUscc, ev, previous, facts), scheme, asOf)) {
      const dated = f.evidence.overdueFrom ?? f.evidence.statusSince;
      const since = typeof dated === 'string' ? dated : null;
      out.push({ ...whole, kind: 'lowYield', rule: f.rule, since, more: { uscc: ownerUscc, kindLabel: f.kindLabel, evidence: f.evidence } });
    }
  }
  if (!holders.length && !(p.supplied_on && isOnOrBefore(p.supplied_on, asOf))) {
    out.push({ ...whole, kind: 'unsupplied', rule: 'parcelNotSupplied', more: {} });
  }
  return out;
}

export function createLandUseService(
  repo: LandUseRepository,
  evaluation: Pick<EvaluationService, 'evaluateYear' | 'findLatestYear'>,
  parkExists: (parkCode: string) => Promise<boolean>,
) {
  /**
   * Every finding on `asOf` in the scope. Rules needing figures use the latest year reported before asOf's
   * year (the previous calendar year, DOMAIN.md §2).
   */
  async function findAll(q: LandUseQuery) {
    if (!isIsoDate(q.asOf)) throw new BadRequestError(`asOf: "${q.asOf}" is not a YYYY-MM-DD date`);
    if (q.park && !(await parkExists(q.park))) throw new NotFoundError('park', q.park);
    if (q.region && !(await repo.regionExists(q.region))) throw new NotFoundError('region', q.region);
    const asOfYear = Number(q.asOf.slice(0, 4));
    const year = (await evaluation.findLatestYear(asOfYear - 1)) ?? asOfYear - 1;
    const [ev, previous] = await Promise.all([evaluation.evaluateYear(year), evaluation.evaluateYear(year - 1)]);
    const scope = { parkCode: q.park, regionCode: q.region };
    const [shapes, facts, unsupplied, parks] = await Promise.all([
      repo.listParcelShapes(scope), repo.listParcelFacts(scope), repo.listUnsuppliedLand(scope), repo.listParkRegions(scope),
    ]);
    const parcels = new Map(facts.map((p) => [p.code, p]));
    const findings = shapes.flatMap((s) => parcelFindings(s, parcels.get(s.code)!, q.asOf, ev, previous));
    for (const u of unsupplied) {
      findings.push({
        geometry: u.geometry, kind: 'unsupplied', rule: 'noParcel', parcelCode: null, parkCode: u.park_code, regionCode: u.region_code,
        areaSqm: u.area_sqm, possibleDataGap: false, since: null, daysIdle: null, feeYuan: null, more: {},
      });
    }
    const parkRegions = new Map(parks.map((k) => [k.code, k.region_code]));
    return { asOf: q.asOf, year, schemeId: ev.schemeId, findings, parkRegions };
  }

  return {
    /** Idle, under-used, unsupplied and low-yield land on `asOf`, as GeoJSON, with the scope's totals. */
    async findLandUseIssues(q: LandUseQuery) {
      const { asOf, year, schemeId, findings } = await findAll(q);
      return { type: 'FeatureCollection' as const, asOf, year, schemeId, summary: computeLandUseSummary(findings), features: findings.map(toFeature) };
    },
    /** The totals of the scope, of each county in it and of each park in it, each parcel counted once. */
    async summariseLandUse(q: LandUseQuery) {
      const { asOf, year, schemeId, findings, parkRegions } = await findAll(q);
      return { asOf, year, schemeId, ...computeScopedLandUseSummaries(findings, parkRegions) };
    },
  };
}
export type LandUseService = ReturnType<typeof createLandUseService>;
