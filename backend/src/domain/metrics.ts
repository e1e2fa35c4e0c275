/**
 * Per-mu and other indicators (DOMAIN.md §2–§3) from raw figures in 元, m², tce, t, kWh and persons.
 * A missing input gives null, never 0; a zero or negative divisor gives null.
 */
import { sqmToMu, yuanToWanYuan } from './units.js';

/** One entity's raw annual figures (an enterprise-year, or a sum over a park or region). */
export interface RawFigures {
  outputYuan: number | null;
  revenueYuan: number | null;
  valueAddedYuan: number | null;
  taxYuan: number | null;
  energyTce: number | null;
  emissionsT: number | null;
  electricityKwh: number | null;
  employees: number | null;
  rdYuan: number | null;
}

export const RAW_FIGURE_KEYS: (keyof RawFigures)[] = [
  'outputYuan',
  'revenueYuan',
  'valueAddedYuan',
  'taxYuan',
  'energyTce',
  'emissionsT',
  'electricityKwh',
  'employees',
  'rdYuan',
];

export interface EntityMetrics {
  taxWanYuanPerMu: number | null;
  valueAddedWanYuanPerMu: number | null;
  outputWanYuanPerMu: number | null;
  revenueWanYuanPerMu: number | null;
  valueAddedWanYuanPerTce: number | null;
  valueAddedWanYuanPerTonneEmission: number | null;
  laborProductivityWanYuanPerPerson: number | null;
  /** R&D spending ÷ operating revenue, a ratio (0.02 = 2%). */
  rdRatio: number | null;
  taxYuanPerKwh: number | null;
}

/** a ÷ b, or null when either is missing or b is not positive. */
export function divideOrNull(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null || b == null || !Number.isFinite(a) || !Number.isFinite(b) || !(b > 0)) return null;
  return a / b;
}

const wan = (yuan: number | null): number | null => (yuan == null ? null : yuanToWanYuan(yuan));
const mu = (sqm: number | null): number | null => (sqm == null ? null : sqmToMu(sqm));

/** The indicators of one enterprise, parcel, park or region; land in m² (for an enterprise, after allocation). */
export function computeEntityMetrics(figures: RawFigures, landAreaSqm: number | null): EntityMetrics {
  const landMu = mu(landAreaSqm);
  const valueAddedWanYuan = wan(figures.valueAddedYuan);
  return {
    taxWanYuanPerMu: divideOrNull(wan(figures.taxYuan), landMu),
    valueAddedWanYuanPerMu: divideOrNull(valueAddedWanYuan, landMu),
    outputWanYuanPerMu: divideOrNull(wan(figures.outputYuan), landMu),
    revenueWanYuanPerMu: divideOrNull(wan(figures.revenueYuan), landMu),
    valueAddedWanYuanPerTce: divideOrNull(valueAddedWanYuan, figures.energyTce),
    valueAddedWanYuanPerTonneEmission: divideOrNull(valueAddedWanYuan, figures.emissionsT),
    laborProductivityWanYuanPerPerson: divideOrNull(valueAddedWanYuan, figures.employees),
    rdRatio: divideOrNull(figures.rdYuan, figures.revenueYuan),
    taxYuanPerKwh: divideOrNull(figures.taxYuan, figures.electricityKwh),
  };
}

/**
 * Sum figures field by field (for a park or region). A field is the sum of the known values and null only
 * when no entity reports it; the caller decides whether a partly known total is good enough.
 */
export function sumFigures(list: RawFigures[]): RawFigures {
  const total = {} as RawFigures;
  for (const key of RAW_FIGURE_KEYS) {
    const known = list.map((f) => f[key]).filter((v): v is number => v != null);
    total[key] = known.length ? known.reduce((a, b) => a + b, 0) : null;
  }
  return total;
}

/** Land and building totals of a park or region, m² and 元 (开发区土地集约利用评价). */
export interface AreaLandFigures {
  /** Land ready for supply (已达到供地条件的土地). */
  landReadyForSupplySqm: number | null;
  suppliedLandSqm: number | null;
  builtLandSqm: number | null;
  builtIndustrialLandSqm: number | null;
  /** Total floor area on built land (storeys over 8 m counted twice by the caller). */
  floorAreaSqm: number | null;
  /** Building footprints on built land. */
  footprintSqm: number | null;
  industrialTaxYuan: number | null;
}

export interface AreaLandMetrics {
  /** 土地供应率 = supplied ÷ land ready for supply. */
  landSupplyRate: number | null;
  /** 土地建成率 = built ÷ supplied. */
  landBuiltRate: number | null;
  /** 工业用地率 = built industrial ÷ built land. */
  industrialLandRate: number | null;
  /** 综合容积率 = floor area ÷ built land. */
  plotRatio: number | null;
  /** 建筑密度 = footprints ÷ built land. */
  buildingDensity: number | null;
  /** 工业用地地均税收 = industrial tax ÷ built industrial land, 万元/亩 (national zones 2019: 678.99 万元/公顷 ≈ 45.3). */
  industrialTaxWanYuanPerMu: number | null;
}

export function computeAreaLandMetrics(f: AreaLandFigures): AreaLandMetrics {
  return {
    landSupplyRate: divideOrNull(f.suppliedLandSqm, f.landReadyForSupplySqm),
    landBuiltRate: divideOrNull(f.builtLandSqm, f.suppliedLandSqm),
    industrialLandRate: divideOrNull(f.builtIndustrialLandSqm, f.builtLandSqm),
    plotRatio: divideOrNull(f.floorAreaSqm, f.builtLandSqm),
    buildingDensity: divideOrNull(f.footprintSqm, f.builtLandSqm),
    industrialTaxWanYuanPerMu: divideOrNull(wan(f.industrialTaxYuan), mu(f.builtIndustrialLandSqm)),
  };
}
