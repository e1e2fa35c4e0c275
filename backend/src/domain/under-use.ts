/**
 * Geometric under-use of a parcel against the land-use control indicators (工业项目建设用地控制指标 2008,
 * DOMAIN.md §5): 建筑系数 (building coverage) and 容积率 (plot ratio), and completed parcels with no
 * building on record.
 */
import { isOnOrBefore } from './dates.js';
import { divideOrNull } from './metrics.js';
import type { LandUseControls, PlotRatioControl } from './scheme.js';

/** A firm using a parcel, for the plot-ratio minimum: its industry and the floor area it uses there. */
export interface PlotRatioUser {
  /** GB/T 4754-2017 code, e.g. 'C14'. */
  industryCode: string | null;
  /** Floor area it uses on the parcel, m² (a tenant: what it leases; the owners: the rest, split evenly). */
  floorAreaSqm: number;
}

export interface UnderUseFacts {
  landAreaSqm: number | null;
  /** Footprints of buildings, structures and open storage yards, m². */
  footprintSqm: number | null;
  /**
   * Floor area for the plot ratio, m². A storey higher than 8 m counts twice: that is the caller's job
   * (see countedFloorAreaSqm), since only the caller knows storey heights.
   */
  floorAreaSqm: number | null;
  /** The firms that use the parcel (listPlotRatioUsers). */
  users: PlotRatioUser[];
}

/** An industry whose control minimum entered a parcel's, with the floor area that weighted it. */
export interface PlotRatioBasis {
  industryCode: string;
  floorAreaSqm: number;
  minPlotRatio: number;
}

export interface UnderUseClassification {
  buildingCoverage: number | null;
  plotRatio: number | null;
  /** The users' industry minima weighted by the floor area each uses; null when none has a minimum. */
  minPlotRatio: number | null;
  /** The industries behind minPlotRatio. */
  plotRatioBasis: PlotRatioBasis[];
  minCoverage: number;
  /** null when the ratio or its minimum is unknown. */
  belowPlotRatio: boolean | null;
  belowCoverage: boolean | null;
}

/** The plot-ratio control for an industry code: the longest matching prefix, or null. */
export function findPlotRatioControl(industryCode: string | null, controls: LandUseControls): PlotRatioControl | null {
  if (!industryCode) return null;
  const matches = controls.minPlotRatioByIndustry.filter((c) => industryCode.startsWith(c.industryPrefix));
  return matches.sort((a, b) => b.industryPrefix.length - a.industryPrefix.length)[0] ?? null;
}

/**
 * The users of a parcel for its plot-ratio minimum: each tenant with the floor area it leases, the owners
 * with the rest of the buildings' floor area split evenly (all of it weight 1 each when nothing is
 * leased or no floor area is known). A tenant's share of the floor is the same share the land allocation
 * gives it (DOMAIN.md §2), so a standard factory's minimum is its tenants', weighted by what they lease.
 */
export function listPlotRatioUsers(
  holders: { role: 'owner' | 'tenant'; industryCode: string | null; leasedFloorAreaSqm: number | null }[],
  buildingFloorAreaSqm: number | null,
): PlotRatioUser[] {
  const tenants = holders.filter((h) => h.role === 'tenant' && (h.leasedFloorAreaSqm ?? 0) > 0);
  const owners = holders.filter((h) => h.role === 'owner');
  const leasedSqm = tenants.reduce((s, h) => s + h.leasedFloorAreaSqm!, 0);
  const restSqm = Math.max(0, (buildingFloorAreaSqm ?? 0) - leasedSqm);
  const ownerSqm = leasedSqm > 0 || restSqm > 0 ? restSqm / Math.max(1, owners.length) : 1;
  return [
    ...owners.map((h) => ({ industryCode: h.industryCode, floorAreaSqm: ownerSqm })),
    ...tenants.map((h) => ({ industryCode: h.industryCode, floorAreaSqm: h.leasedFloorAreaSqm! })),
  ];
}

/**
 * A parcel's plot-ratio minimum: the minima of the industries that use it, weighted by the floor area
 * each uses. A user whose industry has no minimum in the table (a park platform company in 商务服务业 L72,
 * a utility) adds no weight: it is the landlord or a neighbour, not the use the control is written for.
 * With one user this is simply its industry's minimum; with none that has one, null.
 */
export function computeMinPlotRatio(users: PlotRatioUser[], controls: LandUseControls): { minPlotRatio: number | null; plotRatioBasis: PlotRatioBasis[] } {
  const byIndustry = new Map<string, PlotRatioBasis>();
  for (const u of users) {
    const control = findPlotRatioControl(u.industryCode, controls);
    if (!control || !(u.floorAreaSqm > 0)) continue;
    const seen = byIndustry.get(u.industryCode!);
    if (seen) seen.floorAreaSqm += u.floorAreaSqm;
    else byIndustry.set(u.industryCode!, { industryCode: u.industryCode!, floorAreaSqm: u.floorAreaSqm, minPlotRatio: control.minPlotRatio });
  }
  const plotRatioBasis = [...byIndustry.values()].sort((a, b) => b.floorAreaSqm - a.floorAreaSqm || (a.industryCode < b.industryCode ? -1 : 1));
  const weightSqm = plotRatioBasis.reduce((s, b) => s + b.floorAreaSqm, 0);
  const minPlotRatio = weightSqm > 0 ? plotRatioBasis.reduce((s, b) => s + b.minPlotRatio * b.floorAreaSqm, 0) / weightSqm : null;
  return { minPlotRatio, plotRatioBasis };
}

export function classifyUnderUse(facts: UnderUseFacts, controls: LandUseControls): UnderUseClassification {
  const buildingCoverage = divideOrNull(facts.footprintSqm, facts.landAreaSqm);
  const plotRatio = divideOrNull(facts.floorAreaSqm, facts.landAreaSqm);
  const { minPlotRatio, plotRatioBasis } = computeMinPlotRatio(facts.users, controls);
  const minCoverage = controls.minBuildingCoverage;
  return {
    buildingCoverage,
    plotRatio,
    minPlotRatio,
    plotRatioBasis,
    minCoverage,
    // a weighted minimum carries rounding: a plot ratio equal to it is not below it
    belowPlotRatio: plotRatio == null || minPlotRatio == null ? null : plotRatio < minPlotRatio - 1e-12,
    belowCoverage: buildingCoverage == null ? null : buildingCoverage < minCoverage,
  };
}

/** Floor area for the plot ratio: each storey's area, twice for a storey higher than the control (8 m). */
export function countedFloorAreaSqm(storeys: { areaSqm: number; heightM: number | null }[], controls: Pick<LandUseControls, 'doubleCountStoreyAboveM'>): number {
  const limitM = controls.doubleCountStoreyAboveM;
  return storeys.reduce((s, st) => s + st.areaSqm * (st.heightM != null && st.heightM > limitM ? 2 : 1), 0);
}

/**
 * Land uses the control indicators are written for: 工业项目 (the 2008 indicators' scope), i.e.
 * industrial land. A parcel of unrecorded use in an industrial park is taken as industrial.
 */
export const CONTROLLED_LAND_USES: readonly (string | null)[] = ['industrial', null];

export interface UnderUseParcel {
  landUse: string | null;
  completedOn: string | null;
  buildingCount: number;
}

export type UnderUseRule = 'belowLandUseControl' | 'completedWithoutBuildings';

export type UnderUseFinding =
  | ({ rule: 'belowLandUseControl'; possibleDataGap: false } & UnderUseClassification)
  | { rule: 'completedWithoutBuildings'; possibleDataGap: true; completedOn: string };

/**
 * Whether coverage and plot ratio are judged on a parcel on `asOf`: industrial land (CONTROLLED_LAND_USES)
 * with buildings, completed by then, or with no completion date recorded (its buildings stand). Parcels
 * still being built are left to the idle and overdue rules.
 */
export function isJudgedAgainstControls(parcel: UnderUseParcel, asOf: string): boolean {
  if (parcel.buildingCount === 0 || !CONTROLLED_LAND_USES.includes(parcel.landUse)) return false;
  return parcel.completedOn == null || isOnOrBefore(parcel.completedOn, asOf);
}

/**
 * The under-use of a parcel on `asOf`. A completed parcel with no building recorded is flagged whatever
 * its use: either it is under-used or its buildings were never entered, and the data cannot tell which
 * (possibleDataGap). A parcel judged against the controls (isJudgedAgainstControls) is flagged when its
 * coverage or plot ratio is below the minimum.
 */
export function findUnderUse(parcel: UnderUseParcel, facts: UnderUseFacts | null, asOf: string, controls: LandUseControls): UnderUseFinding | null {
  if (parcel.buildingCount === 0) {
    const completed = parcel.completedOn != null && isOnOrBefore(parcel.completedOn, asOf);
    return completed ? { rule: 'completedWithoutBuildings', possibleDataGap: true, completedOn: parcel.completedOn! } : null;
  }
  if (!facts || !isJudgedAgainstControls(parcel, asOf)) return null;
  const c = classifyUnderUse(facts, controls);
  return c.belowCoverage || c.belowPlotRatio ? { rule: 'belowLandUseControl', possibleDataGap: false, ...c } : null;
}
