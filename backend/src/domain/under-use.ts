/**
 * Geometric under-use of a parcel against the land-use control indicators (工业项目建设用地控制指标 2008,
 * DOMAIN.md §5): 建筑系数 (building coverage) and 容积率 (plot ratio).
 */
import { divideOrNull } from './metrics.js';
import type { LandUseControls, PlotRatioControl } from './scheme.js';

export interface UnderUseFacts {
  landAreaSqm: number | null;
  /** Footprints of buildings, structures and open storage yards, m². */
  footprintSqm: number | null;
  /**
   * Floor area for the plot ratio, m². A storey higher than 8 m counts twice: that is the caller's job
   * (see countedFloorAreaSqm), since only the caller knows storey heights.
   */
  floorAreaSqm: number | null;
  /** GB/T 4754-2017 code of the user, e.g. 'C14'. */
  industryCode: string | null;
}

export interface UnderUseClassification {
  buildingCoverage: number | null;
  plotRatio: number | null;
  minPlotRatio: number | null;
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

export function classifyUnderUse(facts: UnderUseFacts, controls: LandUseControls): UnderUseClassification {
  const buildingCoverage = divideOrNull(facts.footprintSqm, facts.landAreaSqm);
  const plotRatio = divideOrNull(facts.floorAreaSqm, facts.landAreaSqm);
  const minPlotRatio = findPlotRatioControl(facts.industryCode, controls)?.minPlotRatio ?? null;
  const minCoverage = controls.minBuildingCoverage;
  return {
    buildingCoverage,
    plotRatio,
    minPlotRatio,
    minCoverage,
    belowPlotRatio: plotRatio == null || minPlotRatio == null ? null : plotRatio < minPlotRatio,
    belowCoverage: buildingCoverage == null ? null : buildingCoverage < minCoverage,
  };
}

/** Floor area for the plot ratio: each storey's area, twice for a storey higher than the control (8 m). */
export function countedFloorAreaSqm(storeys: { areaSqm: number; heightM: number | null }[], controls: Pick<LandUseControls, 'doubleCountStoreyAboveM'>): number {
  const limitM = controls.doubleCountStoreyAboveM;
  return storeys.reduce((s, st) => s + st.areaSqm * (st.heightM != null && st.heightM > limitM ? 2 : 1), 0);
}
