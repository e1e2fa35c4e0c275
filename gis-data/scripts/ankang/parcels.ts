// Illustrative parcels (宗地): street blocks laid out along the river in the park's own coordinates
// (s along the river, t across the valley), so streets follow the river's bends and the park's edge,
// each with a supply and building history.
import * as turf from '@turf/turf';
import type { Polygon, Position } from 'geojson';
import { addDays, addMonths, dateBetween } from '../lib/dates.js';
import { roundPolygonal, SQM_PER_MU } from '../lib/geo.js';
import type { Random } from '../lib/random.js';
import type { ParkPlan } from './park-plans.js';
import type { ParkShape } from './park-geometry.js';

export type ParcelState = 'unsupplied' | 'idleNeverStarted' | 'idleWorkStopped' | 'underConstruction' | 'completed';
export type ParcelUse = 'industrial' | 'warehouse' | 'public';
export type ParcelRole = 'standardFactory' | 'ordinary' | 'utility';

/**
 * A parcel's extent in park coordinates, m: s from s0 to s1 along the river, t from t0 to farT(s)
 * across the valley (farT is t1 except where the park's edge cuts the block).
 */
export interface ParcelExtent {
  s0: number;
  s1: number;
  t0: number;
  t1: number;
  farT(s: number): number;
}

export interface Parcel {
  code: string;
  parkCode: string;
  geometry: Polygon;
  areaSqm: number;
  extent: ParcelExtent;
  /** a whole street block, not cut by the park's edge */
  whole: boolean;
  state: ParcelState;
  role: ParcelRole;
  landUse: ParcelUse;
  suppliedOn?: string;
  agreedStartOn?: string;
  agreedCompletionOn?: string;
  startedOn?: string;
  completedOn?: string;
  workStoppedOn?: string;
  developedAreaSqm?: number;
  plannedInvestmentYuan?: number;
  investedYuan?: number;
  landPriceYuan?: number;
  idleCause?: 'enterprise' | 'government';
  targetTaxWanYuanPerMu?: number;
  targetInvestmentWanYuanPerMu?: number;
  targetPlotRatio?: number;
}

const MIN_PARCEL_MU = 6;
const ROAD_WIDTH_M = 16;
/** parcels keep this far inside the park boundary, m */
const EDGE_SETBACK_M = 10;
/** block pitch along and across the valley, metres, before the per-run scale */
const PITCH_S_M: readonly [number, number] = [170, 330];
const PITCH_T_M: readonly [number, number] = [140, 240];
/** a block shallower than this across the valley is left as green space, m */
const MIN_BLOCK_DEPTH_M = 60;
const MIN_BLOCK_LENGTH_M = 60;
const STANDARD_FACTORY_BLOCK_MU = 40;
/** blocks above this area are split along the river into parcels */
const SPLIT_ABOVE_MU = 45;
/** the parcel outline samples the far edge every this many metres along s */
const OUTLINE_STEP_M = 20;

interface Block {
  extent: ParcelExtent;
  whole: boolean;
  /** 0 at the park's middle, about 1 at its ends and far edge */
  remoteness: number;
  s: number;
}

function cutPositions(extentM: number, pitch: readonly [number, number], random: Random): number[] {
  const cuts = [0];
  while (cuts[cuts.length - 1] < extentM) cuts.push(cuts[cuts.length - 1] + random.between(pitch[0], pitch[1]));
  // the last block reaches the park's end rather than a sliver past it
  if (cuts.length > 2 && extentM - cuts[cuts.length - 2] < pitch[0] / 2) cuts.splice(cuts.length - 2, 1);
  cuts[cuts.length - 1] = extentM;
  return cuts;
}

function outlineOf(shape: ParkShape, extent: ParcelExtent): Polygon {
  const steps = Math.max(2, Math.ceil((extent.s1 - extent.s0) / OUTLINE_STEP_M));
  const near: Position[] = [];
  const far: Position[] = [];
  for (let i = 0; i <= steps; i++) {
    const s = extent.s0 + ((extent.s1 - extent.s0) * i) / steps;
    near.push(shape.toLonLat(s, extent.t0));
    far.push(shape.toLonLat(s, extent.farT(s)));
  }
  const ring = [...near, ...far.reverse(), near[0]];
  const polygon = roundPolygonal({ type: 'Polygon', coordinates: [ring] }, 7);
  return turf.booleanClockwise(polygon.coordinates[0]) ? { type: 'Polygon', coordinates: [[...polygon.coordinates[0]].reverse()] } : polygon;
}

/** The part of [s0, s1] where the block stays at least MIN_BLOCK_DEPTH_M deep: its longest run. */
function usableRun(s0: number, s1: number, depthAt: (s: number) => number): [number, number] | null {
  let best: [number, number] | null = null;
  let start: number | null = null;
  const steps = Math.max(2, Math.ceil((s1 - s0) / 10));
  for (let i = 0; i <= steps; i++) {
    const s = s0 + ((s1 - s0) * i) / steps;
    const ok = depthAt(s) >= MIN_BLOCK_DEPTH_M;
    if (ok && start === null) start = s;
    if ((!ok || i === steps) && start !== null) {
      const end = ok ? s : s0 + ((s1 - s0) * (i - 1)) / steps;
      if (!best || end - start > best[1] - best[0]) best = [start, end];
      start = null;
    }
  }
  return best && best[1] - best[0] >= MIN_BLOCK_LENGTH_M ? best : null;
}

function streetBlocks(shape: ParkShape, pitchScale: number, random: Random): Block[] {
  const scaled = (p: readonly [number, number]): [number, number] => [p[0] * pitchScale, p[1] * pitchScale];
  const maxWidthM = Math.max(...Array.from({ length: 101 }, (_, i) => shape.widthAtM((shape.lengthM * i) / 100)));
  const sCuts = cutPositions(shape.lengthM, scaled(PITCH_S_M), random);
  const tCuts = cutPositions(maxWidthM, scaled(PITCH_T_M), random);
  const half = ROAD_WIDTH_M / 2;
  const blocks: Block[] = [];
  for (let j = 0; j < tCuts.length - 1; j++) {
    for (let i = 0; i < sCuts.length - 1; i++) {
      const sA = i === 0 ? EDGE_SETBACK_M : sCuts[i] + half;
      const sB = i === sCuts.length - 2 ? shape.lengthM - EDGE_SETBACK_M : sCuts[i + 1] - half;
      const t0 = j === 0 ? EDGE_SETBACK_M : tCuts[j] + half;
      const t1 = tCuts[j + 1] - half;
      const farT = (s: number) => Math.min(t1, shape.widthAtM(s) - EDGE_SETBACK_M);
      const run = usableRun(sA, sB, (s) => farT(s) - t0);
      if (!run) continue;
      const extent: ParcelExtent = { s0: run[0], s1: run[1], t0, t1, farT };
      const whole = run[0] === sA && run[1] === sB && Array.from({ length: 11 }, (_, k) => sA + ((sB - sA) * k) / 10)
        .every((s) => farT(s) >= t1);
      const s = (run[0] + run[1]) / 2;
      const remoteness = Math.hypot((2 * s) / shape.lengthM - 1, ((t0 + t1) / 2) / Math.max(1, shape.widthAtM(s)));
      blocks.push({ extent, whole, remoteness, s });
    }
  }
  return blocks;
}

function areaOf(shape: ParkShape, extent: ParcelExtent): number {
  return turf.area(outlineOf(shape, extent));
}

/** Large blocks become two or three parcels side by side along the river (a property line, no street). */
function splitBlock(shape: ParkShape, block: Block, random: Random): Block[] {
  const areaMu = areaOf(shape, block.extent) / SQM_PER_MU;
  if (areaMu < SPLIT_ABOVE_MU || !random.chance(0.7)) return [block];
  const parts = areaMu > 2.5 * SPLIT_ABOVE_MU && random.chance(0.5) ? 3 : 2;
  const { s0, s1 } = block.extent;
  const cuts = [s0];
  for (let k = 1; k < parts; k++) cuts.push(s0 + ((s1 - s0) * k) / parts + random.between(-0.08, 0.08) * (s1 - s0));
  cuts.push(s1);
  return cuts.slice(0, -1).map((a, k) => ({
    ...block,
    extent: { ...block.extent, s0: a, s1: cuts[k + 1] },
    s: (a + cuts[k + 1]) / 2,
  }));
}

function landPriceYuanPerSqm(suppliedOn: string, random: Random): number {
  const year = Number(suppliedOn.slice(0, 4));
  return (110 + 9 * (year - 2012)) * random.between(0.85, 1.15);
}

const roundTo = (value: number, step: number) => Math.round(value / step) * step;

/** Fills in the contract and the history of a supplied parcel according to its state. */
function fillHistory(parcel: Parcel, random: Random): void {
  const mu = parcel.areaSqm / SQM_PER_MU;
  const supplyWindow: Record<Exclude<ParcelState, 'unsupplied'>, [string, string]> = {
    completed: parcel.role === 'standardFactory' ? ['2014-01-01', '2021-12-31'] : ['2012-01-01', '2022-06-30'],
    underConstruction: ['2023-01-01', '2024-12-31'],
    idleNeverStarted: ['2021-07-01', '2024-04-30'],
    idleWorkStopped: ['2016-01-01', '2021-06-30'],
  };
  const state = parcel.state as Exclude<ParcelState, 'unsupplied'>;
  const suppliedOn = dateBetween(...supplyWindow[state], random.float());
  const agreedStartOn = addDays(addMonths(suppliedOn, 6), random.int(-15, 15));
  const agreedCompletionOn = addMonths(agreedStartOn, random.pick([18, 24, 24, 30, 36]));
  const plannedInvestmentYuan = roundTo(mu * random.between(120, 350) * 10_000, 10_000);
  Object.assign(parcel, {
    suppliedOn,
    agreedStartOn,
    agreedCompletionOn,
    plannedInvestmentYuan,
    landPriceYuan: roundTo(parcel.areaSqm * landPriceYuanPerSqm(suppliedOn, random), 1000),
  });
  if (suppliedOn >= '2021-01-01') {
    // 标准地 contracts carry their own targets
    parcel.targetInvestmentWanYuanPerMu = random.pick([200, 250, 250, 300]);
    parcel.targetTaxWanYuanPerMu = random.pick([8, 10, 12, 15, 20]);
    parcel.targetPlotRatio = random.pick([1.0, 1.2, 1.2, 1.5]);
  }
  const areaSqm = Math.round(parcel.areaSqm);
  if (state === 'idleNeverStarted') {
    parcel.developedAreaSqm = 0;
    parcel.investedYuan = 0;
    parcel.idleCause = random.chance(0.7) ? 'enterprise' : 'government';
    return;
  }
  const startedOn = addDays(agreedStartOn, random.int(-20, 110));
  parcel.startedOn = startedOn;
  if (state === 'completed') {
    const late = random.chance(0.04);
    const completedOn = late
      ? addMonths(agreedCompletionOn, random.int(26, 40))
      : addMonths(startedOn, random.int(10, 30));
    parcel.completedOn = completedOn > '2025-10-31' ? '2025-10-31' : completedOn;
    parcel.developedAreaSqm = areaSqm;
    parcel.investedYuan = roundTo(plannedInvestmentYuan * random.between(0.85, 1.25), 10_000);
  } else if (state === 'underConstruction') {
    parcel.developedAreaSqm = Math.round(areaSqm * random.between(0.1, 0.7));
    parcel.investedYuan = roundTo(plannedInvestmentYuan * random.between(0.2, 0.8), 10_000);
  } else {
    // 闲置土地处置办法 第二条: < 1/3 developed or < 25% invested, stopped for ≥ 1 year
    const shortfall = random.pick(['both', 'area', 'investment'] as const);
    const developedShare = shortfall === 'investment' ? random.between(0.35, 0.5) : random.between(0.08, 0.3);
    const investedShare = shortfall === 'area' ? random.between(0.3, 0.45) : random.between(0.05, 0.22);
    parcel.developedAreaSqm = Math.round(areaSqm * developedShare);
    parcel.investedYuan = roundTo(plannedInvestmentYuan * investedShare, 10_000);
    const stopFrom = addMonths(startedOn, 4) > '2021-01-01' ? addMonths(startedOn, 4) : '2021-01-01';
    parcel.workStoppedOn = dateBetween(stopFrom, '2024-09-30', random.float());
    parcel.idleCause = random.chance(0.65) ? 'enterprise' : 'government';
  }
}

function pickSome<T>(items: T[], count: number, random: Random): T[] {
  return random.shuffle(items).slice(0, Math.max(0, count));
}

/** Street blocks, split and coded, with a state per parcel chosen to the park plan. */
export function createParcels(
  plan: ParkPlan,
  regionCode: string,
  shape: ParkShape,
  pitchScale: number,
  random: Random,
): Parcel[] {
  const blocks = streetBlocks(shape, pitchScale, random)
    .map((b) => ({ ...b, areaSqm: areaOf(shape, b.extent) }));
  // standard factories go on whole blocks of about 40 mu near the park's middle
  const fit = (b: { areaSqm: number; remoteness: number }) => Math.abs(b.areaSqm / SQM_PER_MU - STANDARD_FACTORY_BLOCK_MU) / STANDARD_FACTORY_BLOCK_MU + b.remoteness;
  const wholeBlocks = blocks.filter((b) => b.whole).sort((a, b) => fit(a) - fit(b));
  const standard = new Set<Block>(wholeBlocks.slice(0, plan.standardFactoryParcels));
  const pieces = blocks.flatMap((b) => (standard.has(b) ? [b] : splitBlock(shape, b, random)));

  const subDistrictLengthM = shape.lengthM / 3;
  const sequenceBySubDistrict = new Map<string, number>();
  const parcels: Array<Parcel & { remoteness: number }> = [];
  for (const block of pieces) {
    const geometry = outlineOf(shape, block.extent);
    const areaSqm = turf.area(geometry);
    if (areaSqm < MIN_PARCEL_MU * SQM_PER_MU) continue;
    if (!turf.booleanValid(geometry) || turf.kinks(geometry).features.length > 0) continue;
    const subDistrict = String(1 + Math.min(2, Math.floor(block.s / subDistrictLengthM))).padStart(3, '0');
    const sequence = (sequenceBySubDistrict.get(subDistrict) ?? 0) + random.int(1, 3);
    sequenceBySubDistrict.set(subDistrict, sequence);
    parcels.push({
      code: `${regionCode}${plan.cadastralDistrict}${subDistrict}GB${String(sequence).padStart(5, '0')}`,
      parkCode: plan.code,
      geometry,
      areaSqm,
      extent: block.extent,
      whole: block.whole,
      state: 'completed',
      role: standard.has(block) ? 'standardFactory' : 'ordinary',
      landUse: 'industrial',
      remoteness: block.remoteness,
    });
  }

  const ordinary = parcels.filter((p) => p.role === 'ordinary');
  const remoteness = new Map(ordinary.map((p) => [p, p.remoteness + 0.3 * random.float()]));
  const byRemoteness = [...ordinary].sort((a, b) => remoteness.get(b)! - remoteness.get(a)!);
  const unsupplied = byRemoteness.slice(0, Math.round(plan.unsuppliedShare * parcels.length));
  for (const p of unsupplied) p.state = 'unsupplied';
  const supplied = ordinary.filter((p) => p.state !== 'unsupplied');
  const special = pickSome(supplied, plan.idleNeverStarted + plan.idleWorkStopped, random);
  special.forEach((p, i) => (p.state = i < plan.idleNeverStarted ? 'idleNeverStarted' : 'idleWorkStopped'));
  const rest = supplied.filter((p) => p.state === 'completed');
  const utilityCount = Math.max(1, Math.round(parcels.length * 0.025));
  const underConstructionCount = Math.round(parcels.length * 0.05);
  const warehouseCount = Math.round(parcels.length * 0.07);
  const assigned = pickSome(rest, utilityCount + underConstructionCount + warehouseCount, random);
  assigned.forEach((p, i) => {
    if (i < utilityCount) {
      p.role = 'utility';
      p.landUse = 'public';
    } else if (i < utilityCount + underConstructionCount) {
      p.state = 'underConstruction';
    } else {
      p.landUse = 'warehouse';
    }
  });
  for (const p of parcels) if (p.state !== 'unsupplied') fillHistory(p, random);
  return parcels
    .map(({ remoteness: _remoteness, ...parcel }) => parcel)
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
