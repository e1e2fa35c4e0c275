// Illustrative annual figures per enterprise, scaled so that each park's 2025 output meets its plan.
// Value added, tax, electricity, energy, emissions and staff follow from output and the firm's trade.
import { daysBetween } from '../lib/dates.js';
import { SQM_PER_MU } from '../lib/geo.js';
import type { Random } from '../lib/random.js';
import type { Unit } from './buildings.js';
import type { Enterprise } from './enterprises.js';
import { INDUSTRIES } from './industries.js';
import type { ParkPlan } from './park-plans.js';

export interface IndicatorRow {
  uscc: string;
  year: number;
  outputYuan?: number;
  revenueYuan?: number;
  valueAddedYuan?: number;
  taxYuan?: number;
  energyTce?: number;
  emissionsT?: number;
  electricityKwh?: number;
  employees?: number;
  rdYuan?: number;
}

export const INDICATOR_YEARS = [2023, 2024, 2025] as const;
const YUAN_PER_WAN = 10_000;
/** 规上 threshold: annual main revenue 2000万元 */
const ABOVE_SCALE_REVENUE_YUAN = 20_000_000;
const MIN_ABOVE_SCALE_OUTPUT_YUAN = 26_000_000;
/** electricity's energy equivalent: 0.1229 kgce per kWh (GB/T 2589 当量值) */
const TCE_PER_KWH = 0.1229e-3;
/** 城镇土地使用税 paid by firms that hold land but do not yet produce, 元/m²/year */
const LAND_USE_TAX_YUAN_PER_SQM: readonly [number, number] = [3, 6];

const money = (yuan: number) => Math.round(yuan / 100) * 100;
const round1 = (value: number) => Math.round(value * 10) / 10;
const round2 = (value: number) => Math.round(value * 100) / 100;

function completedAreaSqm(e: Enterprise): number {
  return e.ownedParcels.filter((p) => p.state === 'completed').reduce((s, p) => s + p.areaSqm, 0);
}

/** share of 2025 a firm registered during that year was in business */
function shareOf2025(e: Enterprise): number {
  if (e.registeredOn < '2025-01-01') return 1;
  return Math.max(0.05, daysBetween(e.registeredOn, '2025-12-31') / 365);
}

/** 2025 output of a below-scale or utility firm, 元 */
function smallFirmOutputYuan(e: Enterprise, random: Random): number {
  if (e.kind === 'utility') {
    return e.industryKey === 'power' ? random.between(0.4e8, 1.2e8) : random.between(4e6, 1.5e7);
  }
  const fromLand = e.kind === 'owner'
    ? (completedAreaSqm(e) / SQM_PER_MU) * random.between(40, 160) * YUAN_PER_WAN
    : e.leasedFloorAreaSqm * random.between(0.15, 0.8) * YUAN_PER_WAN;
  const halted = e.status === 'half_halted' ? 0.35 : 1;
  return Math.min(fromLand * halted, random.between(1.2e7, 1.85e7)) * shareOf2025(e);
}

/**
 * Splits what the park's below-scale firms leave of its target among the above-scale ones,
 * in proportion to the land they use, none below the 规上 floor.
 */
function allocateAboveScaleOutput(target: number, weights: Map<Enterprise, number>): Map<Enterprise, number> {
  const result = new Map<Enterprise, number>();
  let open = new Map(weights);
  let remaining = target;
  for (let round = 0; round < 10 && open.size > 0; round++) {
    const totalWeight = [...open.values()].reduce((s, w) => s + w, 0);
    const tooSmall = [...open].filter(([, w]) => (remaining * w) / totalWeight < MIN_ABOVE_SCALE_OUTPUT_YUAN);
    if (tooSmall.length === 0) {
      for (const [e, w] of open) result.set(e, (remaining * w) / totalWeight);
      return result;
    }
    for (const [e] of tooSmall) {
      result.set(e, MIN_ABOVE_SCALE_OUTPUT_YUAN);
      remaining -= MIN_ABOVE_SCALE_OUTPUT_YUAN;
      open.delete(e);
    }
    open = new Map(open);
  }
  for (const [e] of open) result.set(e, MIN_ABOVE_SCALE_OUTPUT_YUAN);
  return result;
}

interface Profile {
  revenueRatio: number;
  valueAddedShare: number;
  taxShare: number;
  electricityKwhPerWanYuan: number;
  electricShare: number;
  emissionsTPerTce: number;
  outputWanYuanPerEmployee: number;
  rdShare: number;
  missingEmissions: boolean;
  missingEnergyYear?: number;
  refundYear?: { year: number; kind: 'zero' | 'negative' };
}

function profileOf(e: Enterprise, plan: ParkPlan, random: Random): Profile {
  const industry = INDUSTRIES[e.industryKey];
  const refund = e.kind !== 'platform' && random.chance(0.025);
  return {
    revenueRatio: random.between(0.88, 1.05),
    valueAddedShare: random.between(...industry.valueAddedShare),
    taxShare: plan.taxShareOfOutput * random.between(0.55, 1.5),
    electricityKwhPerWanYuan: random.between(...industry.electricityKwhPerWanYuan),
    electricShare: random.between(...industry.electricShareOfEnergy),
    emissionsTPerTce: random.between(0.004, 0.015),
    outputWanYuanPerEmployee: random.between(...industry.outputWanYuanPerEmployee),
    rdShare: e.aboveScale ? random.between(0.003, 0.035) : random.chance(0.4) ? 0 : random.between(0, 0.02),
    missingEmissions: random.chance(0.025),
    missingEnergyYear: random.chance(0.03) ? random.pick(INDICATOR_YEARS) : undefined,
    refundYear: refund ? { year: random.pick([2024, 2025]), kind: random.chance(0.4) ? 'zero' : 'negative' } : undefined,
  };
}

function producingRow(e: Enterprise, year: number, outputYuan: number, profile: Profile, random: Random): IndicatorRow {
  let revenueYuan = outputYuan * profile.revenueRatio * random.between(0.98, 1.02);
  if (!e.aboveScale && year === 2025) revenueYuan = Math.min(revenueYuan, ABOVE_SCALE_REVENUE_YUAN * 0.995);
  let taxYuan = outputYuan * profile.taxShare * random.between(0.9, 1.1);
  if (profile.refundYear?.year === year) {
    // VAT refunds can leave a year's net tax at zero or below
    taxYuan = profile.refundYear.kind === 'zero' ? 0 : -outputYuan * random.between(0.001, 0.006);
  }
  const electricityKwh = (outputYuan / YUAN_PER_WAN) * profile.electricityKwhPerWanYuan * random.between(0.95, 1.05);
  const energyTce = (electricityKwh * TCE_PER_KWH) / profile.electricShare;
  // the energy statement is sometimes missing for a year; metered electricity never is
  const missingEnergy = profile.missingEnergyYear === year;
  return {
    uscc: e.uscc,
    year,
    outputYuan: money(outputYuan),
    revenueYuan: money(revenueYuan),
    valueAddedYuan: money(outputYuan * profile.valueAddedShare * random.between(0.95, 1.05)),
    taxYuan: money(taxYuan),
    energyTce: missingEnergy ? undefined : Math.max(0.1, round1(energyTce)),
    emissionsT: profile.missingEmissions ? undefined : Math.max(0.01, round2(energyTce * profile.emissionsTPerTce)),
    electricityKwh: Math.round(electricityKwh / 100) * 100,
    employees: Math.max(3, Math.round(outputYuan / YUAN_PER_WAN / profile.outputWanYuanPerEmployee)),
    rdYuan: money(revenueYuan * profile.rdShare),
  };
}

/**
 * A year without production: a firm holding land it has not built on yet (or idle), or a halted firm.
 * No output; the land-use tax on land it owns; a little electricity (site offices, guards, standby).
 */
function noOutputRow(e: Enterprise, year: number, random: Random): IndicatorRow {
  const areaSqm = e.ownedParcels.reduce((s, p) => s + p.areaSqm, 0);
  return {
    uscc: e.uscc,
    year,
    outputYuan: 0,
    revenueYuan: 0,
    valueAddedYuan: 0,
    taxYuan: money(areaSqm * random.between(...LAND_USE_TAX_YUAN_PER_SQM)),
    electricityKwh: random.int(20, 300) * 100,
    employees: random.int(2, 8),
    rdYuan: 0,
  };
}

/**
 * The park's platform company lets standard factories: rent and services, no industrial output (its
 * land produces through its tenants), so it reports revenue, tax, electricity and staff only.
 */
function platformRows(e: Enterprise, units: readonly Unit[], random: Random): IndicatorRow[] {
  const rentYuan = units
    .filter((u) => u.status === 'leased')
    .reduce((s, u) => s + u.areaSqm * u.rentYuanPerSqmMonth * 12, 0);
  const staff = random.int(15, 50);
  return INDICATOR_YEARS.map((year, i) => {
    const revenueYuan = rentYuan * [0.78, 0.9, 1][i] * random.between(0.97, 1.03) + random.between(2e6, 6e6);
    return {
      uscc: e.uscc,
      year,
      revenueYuan: money(revenueYuan),
      taxYuan: money(revenueYuan * random.between(0.08, 0.12)),
      electricityKwh: Math.round(revenueYuan / YUAN_PER_WAN * random.between(...INDUSTRIES.parkPlatform.electricityKwhPerWanYuan) / 100) * 100,
      employees: staff + random.int(-2, 2),
    };
  });
}

/** Years an enterprise reports for: from its registration year; a closed firm stops after 2023. */
function reportingYears(e: Enterprise): number[] {
  const registered = Number(e.registeredOn.slice(0, 4));
  const last = e.status === 'closed' ? 2023 : 2025;
  return INDICATOR_YEARS.filter((y) => y >= registered && y <= last);
}

export function createParkIndicators(
  plan: ParkPlan,
  enterprises: readonly Enterprise[],
  units: readonly Unit[],
  random: Random,
): IndicatorRow[] {
  const output2025 = new Map<Enterprise, number>();
  const weights = new Map<Enterprise, number>();
  for (const e of enterprises) {
    if (!e.producing || e.kind === 'platform') continue;
    if (e.aboveScale && e.kind !== 'utility') {
      const landMu = (completedAreaSqm(e) + e.leasedFloorAreaSqm / 2) / SQM_PER_MU;
      weights.set(e, landMu * Math.exp(0.7 * random.normal()) * (e.status === 'half_halted' ? 0.35 : 1) * shareOf2025(e));
    } else {
      output2025.set(e, smallFirmOutputYuan(e, random));
    }
  }
  // a halted firm stopped in 2024 (statusSinceOf) and produces nothing in 2025
  const reporting2025 = (e: Enterprise) => reportingYears(e).includes(2025) && e.status !== 'halted';
  const smallTotal = [...output2025].filter(([e]) => reporting2025(e)).reduce((s, [, v]) => s + v, 0);
  const aboveScale = allocateAboveScaleOutput(plan.output2025Yi * 1e8 - smallTotal, weights);
  for (const [e, v] of aboveScale) output2025.set(e, v);

  const rows: IndicatorRow[] = [];
  for (const e of enterprises) {
    if (e.kind === 'platform') {
      rows.push(...platformRows(e, units, random));
      continue;
    }
    const years = reportingYears(e);
    const base = output2025.get(e);
    if (base === undefined) {
      if (e.status !== 'closed') rows.push(...years.map((y) => noOutputRow(e, y, random)));
      continue;
    }
    const profile = profileOf(e, plan, random);
    const declining = e.status !== 'operating';
    const growth2025 = declining ? random.between(0.55, 0.85) : random.between(0.92, 1.2);
    const growth2024 = declining ? random.between(0.8, 1.0) : random.between(0.9, 1.2);
    const outputByYear: Record<number, number> = {
      2025: base,
      2024: (base / growth2025) * (e.status === 'halted' ? random.between(0.1, 0.25) : 1),
      2023: base / growth2025 / growth2024,
    };
    const firstYear = years[0];
    for (const year of years) {
      if (e.status === 'halted' && year === 2025) {
        rows.push(noOutputRow(e, year, random));
        continue;
      }
      // a firm registered during the year reports part of a year
      const partYear = year === firstYear && year === Number(e.registeredOn.slice(0, 4)) && year !== 2025 ? 0.4 : 1;
      rows.push(producingRow(e, year, outputByYear[year] * partYear, profile, random));
    }
  }
  return rows;
}
