// Illustrative parcels (宗地): an irregular street grid clipped to the park, with a supply and building history.
import * as turf from '@turf/turf';
import type { Polygon } from 'geojson';
import { addDays, addMonths, dateBetween } from '../lib/dates.js';
import { frameRectangle, roundPolygonal, SQM_PER_MU } from '../lib/geo.js';
import type { Random } from '../lib/random.js';
import type { ParkPlan } from './park-plans.js';
import type { ParkShape } from './park-geometry.js';

export type ParcelState = 'unsupplied' | 'idleNeverStarted' | 'idleWorkStopped' | 'underConstruction' | 'completed';
export type ParcelUse = 'industrial' | 'warehouse' | 'public';
export type ParcelRole = 'standardFactory' | 'ordinary' | 'utility';

export interface FrameRect {
  u0: number;
  v0: number;
  u1: number;
  v1: number;
}

export interface Parcel {
  code: string;
  parkCode: string;
  geometry: Polygon;
  areaSqm: number;
  /** set when the parcel is a whole street block, not clipped by the park edge: buildings go only on these */
  rect?: FrameRect;
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

const MIN_PARCEL_MU = 3;
const ROAD_WIDTH_M = 14;
/** block pitch along and across the valley, metres, before the per-run scale */
const PITCH_U_M: readonly [number, number] = [150, 330];
const PITCH_V_M: readonly [number, number] = [130, 250];
/** blocks above this area are split in two with a chance of one half */
const SPLIT_ABOVE_MU = 45;

interface Block {
  geometry: Polygon;
  areaSqm: number;
  rect?: FrameRect;
  /** normalised distance from the park centre, 0 at the centre, ~1 at the boundary */
  radial: number;
  u: number;
  v: number;
}

function cutPositions(extentM: number, pitch: readonly [number, number], random: Random): number[] {
  const cuts = [-extentM - random.between(0, pitch[1])];
  while (cuts[cuts.length - 1] < extentM) cuts.push(cuts[cuts.length - 1] + random.between(pitch[0], pitch[1]));
  return cuts;
}

function largestPart(geometry: Polygon | { type: 'MultiPolygon'; coordinates: Polygon['coordinates'][] }): Polygon {
  if (geometry.type === 'Polygon') return geometry;
  const parts = geometry.coordinates.map((coordinates): Polygon => ({ type: 'Polygon', coordinates }));
  return parts.reduce((best, p) => (turf.area(p) > turf.area(best) ? p : best));
}

function makeBlock(shape: ParkShape, rect: FrameRect, clipped: Polygon | null): Block | null {
  const u = (rect.u0 + rect.u1) / 2;
  const v = (rect.v0 + rect.v1) / 2;
  const radial = Math.hypot(u / shape.semiMajorM, v / shape.semiMinorM);
  const geometry = roundPolygonal(clipped ?? frameRectangle(shape.frame, rect.u0, rect.v0, rect.u1, rect.v1), 7);
  const areaSqm = turf.area(geometry);
  const rectAreaSqm = (rect.u1 - rect.u0) * (rect.v1 - rect.v0);
  if (areaSqm < MIN_PARCEL_MU * SQM_PER_MU || areaSqm < 0.2 * rectAreaSqm) return null;
  if (!turf.booleanValid(geometry) || turf.kinks(geometry).features.length > 0) return null;
  return { geometry, areaSqm, rect: clipped ? undefined : rect, radial, u, v };
}

function streetBlocks(shape: ParkShape, pitchScale: number, random: Random): Block[] {
  const scaled = (p: readonly [number, number]): [number, number] => [p[0] * pitchScale, p[1] * pitchScale];
  const uCuts = cutPositions(shape.semiMajorM * 1.25, scaled(PITCH_U_M), random);
  const vCuts = cutPositions(shape.semiMinorM * 1.25, scaled(PITCH_V_M), random);
  const blocks: Block[] = [];
  const half = ROAD_WIDTH_M / 2;
  for (let j = vCuts.length - 2; j >= 0; j--) {
    for (let i = 0; i < uCuts.length - 1; i++) {
      const rect = { u0: uCuts[i] + half, v0: vCuts[j] + half, u1: uCuts[i + 1] - half, v1: vCuts[j + 1] - half };
      const square = frameRectangle(shape.frame, rect.u0, rect.v0, rect.u1, rect.v1);
      let block: Block | null;
      if (turf.booleanWithin(square, shape.parcelZone)) {
        block = makeBlock(shape, rect, null);
      } else {
        const clipped = turf.intersect(turf.featureCollection([turf.feature(square), turf.feature(shape.parcelZone)]));
        block = clipped ? makeBlock(shape, rect, largestPart(clipped.geometry)) : null;
      }
      if (block) blocks.push(block);
    }
  }
  return blocks;
}

function splitBlock(shape: ParkShape, block: Block, random: Random): Block[] {
  const rect = block.rect;
  if (!rect || block.areaSqm < SPLIT_ABOVE_MU * SQM_PER_MU || !random.chance(0.5)) return [block];
  const alongU = rect.u1 - rect.u0 >= rect.v1 - rect.v0;
  const t = random.between(0.4, 0.6);
  const halves: FrameRect[] = alongU
    ? [{ ...rect, u1: rect.u0 + t * (rect.u1 - rect.u0) }, { ...rect, u0: rect.u0 + t * (rect.u1 - rect.u0) }]
    : [{ ...rect, v1: rect.v0 + t * (rect.v1 - rect.v0) }, { ...rect, v0: rect.v0 + t * (rect.v1 - rect.v0) }];
  const parts = halves.map((h) => makeBlock(shape, h, null));
  return parts.every((p) => p) ? (parts as Block[]) : [block];
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
    // 标准地 contracts carry their own targets (DOMAIN §5)
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
    // 闲置土地处置办法 §2 branch 2: < 1/3 developed or < 25% invested, stopped for ≥ 1 year
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
  const blocks = streetBlocks(shape, pitchScale, random);
  const wholeBlocks = blocks.filter((b) => b.rect).sort((a, b) => b.areaSqm - a.areaSqm || a.radial - b.radial);
  const standard = new Set(wholeBlocks.slice(0, plan.standardFactoryParcels));
  const pieces = blocks.flatMap((b) => (standard.has(b) ? [b] : splitBlock(shape, b, random)));

  const subDistrictWidthM = (2 * shape.semiMajorM) / 3;
  const sequenceBySubDistrict = new Map<string, number>();
  const parcels: Array<Parcel & { radial: number }> = pieces.map((block) => {
    const subDistrict = String(1 + Math.min(2, Math.floor((block.u + shape.semiMajorM) / subDistrictWidthM)))
      .padStart(3, '0');
    const sequence = (sequenceBySubDistrict.get(subDistrict) ?? 0) + random.int(1, 3);
    sequenceBySubDistrict.set(subDistrict, sequence);
    return {
      code: `${regionCode}${plan.cadastralDistrict}${subDistrict}GB${String(sequence).padStart(5, '0')}`,
      parkCode: plan.code,
      geometry: block.geometry,
      areaSqm: block.areaSqm,
      rect: block.rect,
      state: 'completed',
      role: standard.has(block) ? 'standardFactory' : 'ordinary',
      landUse: 'industrial',
      radial: block.radial,
    };
  });

  const ordinary = parcels.filter((p) => p.role === 'ordinary');
  const remoteness = new Map(ordinary.map((p) => [p, p.radial + 0.3 * random.float()]));
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
    .map(({ radial: _radial, ...parcel }) => parcel)
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
