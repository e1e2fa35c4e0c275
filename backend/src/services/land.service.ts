import type { BuildingRow, LandRepository, ParcelRow, UnitRow } from '../repositories/land.repository.js';
import type { ParcelFactRow } from '../repositories/land-use.repository.js';
import { sqmToMu } from '../domain/units.js';
import { computeEntityMetrics, divideOrNull } from '../domain/metrics.js';
import { apportionFiguresToParcel } from '../domain/parcel-facts.js';
import { toLandShareView } from '../domain/land-allocation.js';
import { classifyUnderUse } from '../domain/under-use.js';
import { computeOccupancy } from '../domain/vacancy.js';
import type { EvaluationService, YearEvaluation } from './evaluation.service.js';
import { toUnderUseFacts } from './land-use.service.js';
import { NotFoundError } from './errors.js';

function toParcelFeature(p: ParcelRow) {
  return {
    type: 'Feature' as const,
    id: p.code,
    geometry: p.geometry,
    properties: {
      code: p.code,
      parkCode: p.park_code,
      landUse: p.land_use,
      landAreaSqm: p.land_area_sqm,
      areaMu: sqmToMu(p.land_area_sqm),
      illustrative: p.illustrative,
      suppliedOn: p.supplied_on,
      agreedStartOn: p.agreed_start_on,
      agreedCompletionOn: p.agreed_completion_on,
      startedOn: p.started_on,
      completedOn: p.completed_on,
      workStoppedOn: p.work_stopped_on,
      developedAreaSqm: p.developed_area_sqm,
      plannedInvestmentYuan: p.planned_investment_yuan,
      investedYuan: p.invested_yuan,
      landPriceYuan: p.land_price_yuan,
      idleCause: p.idle_cause,
      targetTaxWanYuanPerMu: p.target_tax_wan_yuan_per_mu,
      targetInvestmentWanYuanPerMu: p.target_investment_wan_yuan_per_mu,
      targetPlotRatio: p.target_plot_ratio,
      holders: p.holders,
      buildingCodes: p.building_codes,
    },
  };
}


function toBuildingFeature(b: BuildingRow) {
  return {
    type: 'Feature' as const,
    id: b.code,
    geometry: b.geometry,
    properties: {
      code: b.code,
      parkCode: b.park_code,
      parcelCode: b.parcel_code,
      kind: b.kind,
      floors: b.floors,
      floorAreaSqm: b.floor_area_sqm,
      heightM: b.height_m,
      completedOn: b.completed_on,
      footprintSqm: b.footprint_sqm,
      illustrative: b.illustrative,
      unitCount: b.unit_count,
      lettableSqm: b.lettable_sqm,
      leasedSqm: b.leased_sqm,
      reservedSqm: b.reserved_sqm,
      vacantSqm: b.vacant_sqm,
      occupancyRate: divideOrNull(b.leased_sqm, b.lettable_sqm),
    },
  };
}

function toUnit(u: UnitRow) {
  return {
    code: u.code,
    buildingCode: u.building_code,
    floor: u.floor,
    areaSqm: u.area_sqm,
    status: u.status,
    tenantUscc: u.tenant_uscc,
    tenantName: u.tenant_name,
    leaseStartOn: u.lease_start_on,
    leaseEndOn: u.lease_end_on,
    rentYuanPerSqmMonth: u.rent_yuan_per_sqm_month,
    ceilingHeightM: u.ceiling_height_m,
    floorLoadKnPerSqm: u.floor_load_kn_per_sqm,
  };
}

/**
 * A parcel's figures for a year: its holders' figures apportioned by their land on it, per mu of the
 * parcel; its building coverage and plot ratio (storeys over 8 m twice); each holder's land share with the
 * inputs of its formula (landShare) and the allocation mode that made it.
 */
function describeParcel(p: ParcelRow, facts: ParcelFactRow | undefined, ev: YearEvaluation | null) {
  const figures = ev ? apportionFiguresToParcel(p.code, ev.allocation, ev.figuresByUscc) : null;
  const metrics = figures ? computeEntityMetrics(figures, p.land_area_sqm) : null;
  const use = facts && ev ? classifyUnderUse(toUnderUseFacts(facts, p.holders, ev, ev.scheme.controls), ev.scheme.controls) : null;
  // One share per holder and role on a parcel (allocateEnterpriseLand keeps the first of repeated rows)
  const shareOf = (uscc: string, role: string) => ev?.allocation.enterprises[uscc]?.shares.find((s) => s.parcelCode === p.code && s.role === role);
  return {
    year: ev?.year ?? null,
    taxWanYuanPerMu: metrics?.taxWanYuanPerMu ?? null,
    outputWanYuanPerMu: metrics?.outputWanYuanPerMu ?? null,
    valueAddedWanYuanPerMu: metrics?.valueAddedWanYuanPerMu ?? null,
    revenueWanYuanPerMu: metrics?.revenueWanYuanPerMu ?? null,
    floorAreaSqm: facts?.floor_area_sqm ?? null,
    footprintSqm: facts?.covered_sqm ?? null,
    buildingCoverage: use?.buildingCoverage ?? null,
    plotRatio: use?.plotRatio ?? null,
    minPlotRatio: use?.minPlotRatio ?? null,
    plotRatioBasis: use?.plotRatioBasis ?? [],
    minBuildingCoverage: use?.minCoverage ?? null,
    landAllocationMode: ev?.allocation.mode ?? null,
    holders: p.holders.map((h) => {
      const share = shareOf(h.uscc, h.role);
      return {
        ...h,
        landShareSqm: share?.sqm ?? null,
        landShareMu: share ? sqmToMu(share.sqm) : null,
        landShare: share ? toLandShareView(share) : null,
      };
    }),
  };
}

/**
 * A parcel's figures for a year on the park map: its per-mu tax and output (its holders' figures
 * apportioned by their land on it) and the grade of its main holder (the graded holder with the most
 * land on it), each holder with its own grade.
 */
function summariseParcel(p: ParcelRow, ev: YearEvaluation | null, resultByUscc: Map<string, YearEvaluation['results'][number]>) {
  const figures = ev ? apportionFiguresToParcel(p.code, ev.allocation, ev.figuresByUscc) : null;
  const metrics = figures ? computeEntityMetrics(figures, p.land_area_sqm) : null;
  const landOnParcelSqm = (uscc: string) =>
    ev?.allocation.enterprises[uscc]?.shares.filter((s) => s.parcelCode === p.code).reduce((a, s) => a + s.sqm, 0) ?? 0;
  // Each holder's grade after 分类调档, the scheme's, and whether an adjustment gives it.
  const gradeOf = (uscc: string) => {
    const r = resultByUscc.get(uscc);
    return { grade: r?.grade ?? null, computedGrade: r?.computedGrade ?? null, gradeAdjusted: (r?.adjustments.length ?? 0) > 0 };
  };
  const graded = p.holders
    .map((h) => ({ uscc: h.uscc, ...gradeOf(h.uscc), sqm: landOnParcelSqm(h.uscc) }))
    .filter((h) => h.grade != null)
    .sort((a, b) => b.sqm - a.sqm || a.uscc.localeCompare(b.uscc));
  return {
    year: ev?.year ?? null,
    taxWanYuanPerMu: metrics?.taxWanYuanPerMu ?? null,
    outputWanYuanPerMu: metrics?.outputWanYuanPerMu ?? null,
    holderGrade: graded[0]?.grade ?? null,
    holderGradeUscc: graded[0]?.uscc ?? null,
    holderComputedGrade: graded[0]?.computedGrade ?? null,
    holderGradeAdjusted: graded[0]?.gradeAdjusted ?? false,
    holders: p.holders.map((h) => ({ ...h, ...gradeOf(h.uscc) })),
  };
}

export function createLandService(
  repo: LandRepository,
  parkExists: (parkCode: string) => Promise<boolean>,
  evaluation: Pick<EvaluationService, 'resolveYear' | 'evaluateYear'>,
) {
  const requirePark = async (parkCode: string) => {
    if (!(await parkExists(parkCode))) throw new NotFoundError('park', parkCode);
  };
  return {
    /** The park's parcels, each with its per-mu tax and output and its main holder's grade for `year` (default: the latest). */
    async listParcelsOfPark(parkCode: string, year?: number) {
      await requirePark(parkCode);
      const chosen = await evaluation.resolveYear(year);
      const ev = chosen == null ? null : await evaluation.evaluateYear(chosen);
      const resultByUscc = new Map((ev?.results ?? []).map((r) => [r.uscc, r]));
      const features = (await repo.listParcelsOfPark(parkCode)).map((row) => {
        const parcel = toParcelFeature(row);
        return { ...parcel, properties: { ...parcel.properties, ...summariseParcel(row, ev, resultByUscc) } };
      });
      return { type: 'FeatureCollection' as const, features };
    },
    async getParcel(parcelCode: string, year?: number) {
      const row = await repo.findParcel(parcelCode);
      if (!row) throw new NotFoundError('parcel', parcelCode);
      const chosen = await evaluation.resolveYear(year);
      const parcel = toParcelFeature(row);
      const [facts, ev] = await Promise.all([repo.findParcelFacts(parcelCode), chosen == null ? null : evaluation.evaluateYear(chosen)]);
      const described = describeParcel(row, facts, ev);
      return { ...parcel, properties: { ...parcel.properties, ...described } };
    },
    async listBuildingsOfPark(parkCode: string) {
      await requirePark(parkCode);
      return { type: 'FeatureCollection' as const, features: (await repo.listBuildingsOfPark(parkCode)).map(toBuildingFeature) };
    },
    async listUnitsOfBuilding(buildingCode: string) {
      if (!(await repo.buildingExists(buildingCode))) throw new NotFoundError('building', buildingCode);
      const units = (await repo.listUnitsOfBuilding(buildingCode)).map(toUnit);
      return { buildingCode, ...computeOccupancy(units), units };
    },
  };
}
export type LandService = ReturnType<typeof createLandService>;
