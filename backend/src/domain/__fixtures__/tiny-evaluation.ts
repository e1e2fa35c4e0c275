/** Test support only: the tiny fixture's land allocation and 2025 evaluation, as a service would wire them. */
import { DEFAULT_SCHEME } from '../default-scheme.js';
import type { EnterpriseEvaluation } from '../evaluation.js';
import { evaluateEnterprises } from '../evaluation.js';
import { allocateEnterpriseLand, mergeFigures } from '../land-allocation.js';
import type { RawFigures } from '../metrics.js';
import type { LandAllocationMode } from '../scheme.js';
import { floorAreaByParcel, loadTinyFixture, TINY_REGION_CODE } from './tiny-fixture.js';

export function allocateTinyLand(mode: LandAllocationMode) {
  const fx = loadTinyFixture();
  return { fx, allocation: allocateEnterpriseLand(fx.parcels, fx.holdings, floorAreaByParcel(fx.buildings), mode) };
}

export function evaluateTinyFixture(mode: LandAllocationMode, year = 2025): EnterpriseEvaluation[] {
  const { fx, allocation } = allocateTinyLand(mode);
  const figuresByYear = (uscc: string): Record<number, RawFigures> => {
    const out: Record<number, RawFigures> = {};
    for (const y of [year - 1, year]) {
      const all = Object.fromEntries(Object.entries(fx.figures).map(([u, f]) => [u, f[y]]).filter(([, f]) => f)) as Record<string, RawFigures>;
      const merged = mergeFigures(all, allocation);
      if (merged[uscc]) out[y] = merged[uscc];
    }
    return out;
  };
  const inputs = fx.enterprises.map((e) => {
    const land = allocation.enterprises[e.uscc];
    return {
      uscc: e.uscc,
      regionCode: TINY_REGION_CODE,
      industryCode: e.industryCode,
      aboveScale: e.aboveScale,
      registeredOn: e.registeredOn,
      inConstructionPeriod: false,
      mergedIntoUscc: land?.mergedInto[0]?.ownerUscc ?? null,
      landAreaSqm: land?.landAreaSqm ?? null,
      figuresByYear: land?.mergedInto.length ? { [year]: fx.figures[e.uscc][year] } : figuresByYear(e.uscc),
    };
  });
  return evaluateEnterprises(inputs, DEFAULT_SCHEME, { year });
}
