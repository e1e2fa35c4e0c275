import { perMuWanYuan, sqmToMu, yuanToWanYuan } from './units.js';

export interface ParkFigureInputs {
  outputYuan: number | null;
  taxYuan: number | null;
  /** Area of the park's parcels that someone holds, m². */
  usedLandSqm: number | null;
}

export interface ParkFigures {
  outputWanYuan: number | null;
  taxWanYuan: number | null;
  outputWanYuanPerMu: number | null;
  taxWanYuanPerMu: number | null;
  usedLandMu: number | null;
}

/**
 * A park's headline figures: totals in 万元 and per mu of land in use (DOMAIN.md §2–3). Missing stays
 * missing (null), never zero.
 */
export function computeParkFigures(inputs: ParkFigureInputs): ParkFigures {
  return {
    outputWanYuan: inputs.outputYuan == null ? null : yuanToWanYuan(inputs.outputYuan),
    taxWanYuan: inputs.taxYuan == null ? null : yuanToWanYuan(inputs.taxYuan),
    outputWanYuanPerMu: perMuWanYuan(inputs.outputYuan, inputs.usedLandSqm),
    taxWanYuanPerMu: perMuWanYuan(inputs.taxYuan, inputs.usedLandSqm),
    usedLandMu: inputs.usedLandSqm == null ? null : sqmToMu(inputs.usedLandSqm),
  };
}

/** The park's area: the approved area (核准面积) when known, else its boundary's. */
export function parkAreaMu(approvedAreaMu: number | null, boundaryAreaSqm: number): number {
  return approvedAreaMu ?? sqmToMu(boundaryAreaSqm);
}

