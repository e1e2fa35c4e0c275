// Illustrative buildings on every completed parcel, and the lettable units of the standard factories.
// Footprints are laid out in the park's own coordinates (see parcels.ts): a grid of cells inside the
// parcel's setbacks, each cell one building, shrunk to the parcel's intended coverage (建筑系数).
import * as turf from '@turf/turf';
import type { Polygon } from 'geojson';
import { addDays, addMonths, dateBetween, maxDate, minDate } from '../lib/dates.js';
import { roundPolygonal } from '../lib/geo.js';
import type { Random } from '../lib/random.js';
import { INDUSTRIES, type IndustryKey } from './industries.js';
import type { ParkPlan } from './park-plans.js';
import type { ParkShape } from './park-geometry.js';
import type { Parcel } from './parcels.js';

export type BuildingKind = 'standard_factory' | 'factory' | 'warehouse' | 'office' | 'other';

export interface Building {
  code: string;
  parkCode: string;
  parcelCode: string;
  kind: BuildingKind;
  floors: number;
  floorAreaSqm: number;
  footprintSqm: number;
  heightM: number;
  completedOn: string;
  geometry: Polygon;
}

export type UnitStatus = 'vacant' | 'leased' | 'reserved';

export interface Unit {
  code: string;
  buildingCode: string;
  parcelCode: string;
  parkCode: string;
  floor: number;
  areaSqm: number;
  status: UnitStatus;
  tenantUscc?: string;
  leaseStartOn?: string;
  leaseEndOn?: string;
  rentYuanPerSqmMonth: number;
  ceilingHeightM: number;
  floorLoadKnPerSqm: number;
}

/**
 * How a completed parcel is built: as its use and its owner's trade imply, or one of the exceptions a
 * planner looks for (under-used: building coverage below 30 %, or one low storey so that the plot
 * ratio falls below its trade's minimum; a data gap: completed, but no building recorded).
 */
export type ParcelDesign =
  | 'standardFactory' | 'heavy' | 'light' | 'warehouse' | 'utility'
  | 'underUsedCoverage' | 'underUsedPlotRatio' | 'dataGap';

export interface ParcelBuildings {
  parcelCode: string;
  design: ParcelDesign;
  buildings: Building[];
}

interface Cell {
  s0: number;
  s1: number;
  t0: number;
  t1: number;
}

const LATEST_COMPLETION = '2025-10-31';
/** occupancy of county standard factories runs from ~30 % to ~97 % */
const MIN_OCCUPANCY = 0.3;
const MAX_OCCUPANCY = 0.97;
/** how far whole units may overshoot the drawn occupancy */
const OCCUPANCY_TOLERANCE = 0.05;
/** coverage of a normal parcel never goes below this (the 2008 control is 30 %) */
const MIN_NORMAL_COVERAGE = 0.4;
/** floors of multi-storey plants of light trades, and of standard factories */
const LIGHT_FLOORS: readonly [number, number] = [2, 6];
const STANDARD_FLOORS: readonly [number, number] = [3, 5];
/** a light-trade parcel's plot ratio stays at least this (the highest 2008 minimum is 1.0) */
const MIN_LIGHT_PLOT_RATIO = 1.2;
/** share of a park's completed industrial parcels built well under the controls */
const UNDER_USED_SHARE = 0.05;

const round1 = (value: number) => Math.round(value * 10) / 10;

function footprint(shape: ParkShape, cell: Cell): { geometry: Polygon; footprintSqm: number } {
  const ring = [[cell.s0, cell.t0], [cell.s1, cell.t0], [cell.s1, cell.t1], [cell.s0, cell.t1], [cell.s0, cell.t0]]
    .map(([s, t]) => shape.toLonLat(s, t));
  let geometry = roundPolygonal({ type: 'Polygon', coordinates: [ring] } as Polygon, 7);
  if (turf.booleanClockwise(geometry.coordinates[0])) geometry = { type: 'Polygon', coordinates: [[...geometry.coordinates[0]].reverse()] };
  return { geometry, footprintSqm: Math.round(turf.area(geometry)) };
}

function buildingCode(parcel: Parcel, index: number): string {
  // 不动产单元号: 19-character 宗地代码 + F (building) + 4-digit 幢号
  return `${parcel.code}F${String(index).padStart(4, '0')}`;
}

/**
 * Cells of a grid inside the parcel's setbacks: columns along the river of about lengthM, rows across
 * of about depthM, gapM apart (fire lanes and yards). Each column stops marginM short of the far edge.
 */
function gridCells(parcel: Parcel, marginM: number, gapM: number, lengthM: number, depthM: number): Cell[] {
  const { s0, s1, t0, farT } = parcel.extent;
  const usableS = s1 - s0 - 2 * marginM;
  if (usableS < 15) return [];
  const columns = Math.max(1, Math.round((usableS + gapM) / (lengthM + gapM)));
  const columnLength = (usableS - (columns - 1) * gapM) / columns;
  const cells: Cell[] = [];
  for (let c = 0; c < columns; c++) {
    const a = s0 + marginM + c * (columnLength + gapM);
    const b = a + columnLength;
    let farthest = Infinity;
    for (let k = 0; k <= 40; k++) farthest = Math.min(farthest, farT(a - marginM + ((b - a + 2 * marginM) * k) / 40));
    const usableT = farthest - marginM - (t0 + marginM);
    if (usableT < 12) continue;
    const rows = Math.max(1, Math.round((usableT + gapM) / (depthM + gapM)));
    const rowDepth = (usableT - (rows - 1) * gapM) / rows;
    for (let r = 0; r < rows; r++) {
      const ta = t0 + marginM + r * (rowDepth + gapM);
      cells.push({ s0: a, s1: b, t0: ta, t1: ta + rowDepth });
    }
  }
  return cells;
}

/** a cell's area on the ground, m² (cells are laid out in park coordinates, which bends stretch or squeeze) */
function areaOnGround(shape: ParkShape, cell: Cell): number {
  return turf.area(footprint(shape, cell).geometry);
}

/** The cell shrunk about its centre to `share` of its area, keeping its proportions. */
function shrink(cell: Cell, share: number): Cell {
  const f = Math.sqrt(Math.min(1, share));
  const sm = (cell.s0 + cell.s1) / 2;
  const tm = (cell.t0 + cell.t1) / 2;
  const hs = ((cell.s1 - cell.s0) * f) / 2;
  const ht = ((cell.t1 - cell.t0) * f) / 2;
  return { s0: sm - hs, s1: sm + hs, t0: tm - ht, t1: tm + ht };
}

/** The cell shortened along the river to `share` of its area (a standard factory keeps its depth). */
function shorten(cell: Cell, share: number): Cell {
  const sm = (cell.s0 + cell.s1) / 2;
  const hs = ((cell.s1 - cell.s0) * Math.min(1, share)) / 2;
  return { ...cell, s0: sm - hs, s1: sm + hs };
}

interface Planned {
  kind: BuildingKind;
  cell: Cell;
  floors: number;
  heightM: number;
  storeys?: Storeys;
}

function completion(parcel: Parcel, random: Random, monthsAfter: [number, number]): string {
  return minDate(addMonths(parcel.completedOn!, random.int(...monthsAfter)), LATEST_COMPLETION);
}

/** storey heights of multi-storey plants, m, by building code: the height follows the tuned floors */
interface Storeys {
  groundM: number;
  upperM: number;
}

function lightStoreys(random: Random): Storeys {
  // ground storey 6–7 m, upper storeys 4.5–5 m: every storey under the 8 m that would count twice
  return { groundM: random.between(6, 7), upperM: random.between(4.5, 5) };
}

const heightOf = (floors: number, s: Storeys) => s.groundM + (floors - 1) * s.upperM + 1;

/**
 * An office (or service block) at the front corner of the first cell, 30–50 m by 18–30 m and 3–6
 * storeys; the rest of the cell, past a gap, stays for a plant.
 */
function officeAndRest(cell: Cell, gapM: number, random: Random): { office: Planned; rest: Cell | null } {
  const lengthM = Math.min(random.between(30, 50), 0.45 * (cell.s1 - cell.s0));
  const depthM = Math.min(random.between(18, 30), cell.t1 - cell.t0);
  const floors = random.int(3, 6);
  const office: Planned = {
    kind: 'office', cell: { s0: cell.s0, s1: cell.s0 + lengthM, t0: cell.t0, t1: cell.t0 + depthM }, floors, heightM: floors * 3.6 + 0.9,
  };
  const rest = { ...cell, s0: cell.s0 + lengthM + gapM };
  return { office, rest: rest.s1 - rest.s0 >= 25 ? rest : null };
}

interface GridParameters {
  marginM: number;
  gapM: number;
  lengthM: number;
  depthM: number;
  office: boolean;
}

/** A parcel's grid as drawn, then two denser ones for small or oddly cut parcels that need them. */
function gridAttempts(design: ParcelDesign, random: Random): GridParameters[] {
  const [lengthM, depthM] = design === 'warehouse' ? [random.between(60, 110), random.between(36, 60)]
    : design === 'utility' ? [random.between(30, 70), random.between(25, 50)]
    : [random.between(60, 130), random.between(36, 72)];
  return [
    { marginM: random.between(6, 10), gapM: random.between(10, 16), lengthM, depthM, office: true },
    { marginM: 6, gapM: 10, lengthM: 45, depthM: 40, office: true },
    { marginM: 5, gapM: 8, lengthM: 35, depthM: 30, office: false },
  ];
}

function plantsFor(design: ParcelDesign, cells: readonly Cell[], share: number, coverage: number, random: Random): Planned[] {
  const lightFloors = Math.max(LIGHT_FLOORS[0], Math.ceil(MIN_LIGHT_PLOT_RATIO / Math.max(0.2, coverage)));
  return cells.map((cell) => {
    const shrunk = shrink(cell, share);
    if (design === 'heavy') return { kind: 'factory', cell: shrunk, floors: 1, heightM: random.between(10, 16) };
    if (design === 'light') {
      const floors = Math.min(LIGHT_FLOORS[1], lightFloors + random.int(0, 1));
      const storeys = lightStoreys(random);
      return { kind: 'factory', cell: shrunk, floors, heightM: heightOf(floors, storeys), storeys };
    }
    if (design === 'warehouse') return { kind: 'warehouse', cell: shrunk, floors: 1, heightM: random.between(9, 12) };
    // utilities: tanks, transformer halls, pump houses
    return { kind: 'other', cell: shrunk, floors: 1, heightM: random.between(6, 12) };
  });
}

/**
 * Buildings of a normal parcel: an office at the front, plants (or halls, or structures) on the rest,
 * shrunk to the intended coverage. A parcel too small or too oddly cut to reach 40 % with its grid
 * takes the next, denser grid.
 */
function normalLayout(shape: ParkShape, parcel: Parcel, design: ParcelDesign, coverage: number, random: Random): Planned[] {
  let best: Planned[] = [];
  let bestCoverage = -1;
  for (const grid of gridAttempts(design, random)) {
    const cells = gridCells(parcel, grid.marginM, grid.gapM, grid.lengthM, grid.depthM);
    if (cells.length === 0) continue;
    const planned: Planned[] = [];
    const rest = [...cells];
    if (grid.office && (cells.length > 1 || cells[0].s1 - cells[0].s0 > 90)) {
      const { office, rest: remainder } = officeAndRest(rest.shift()!, grid.gapM, random);
      if (design === 'utility') office.floors = Math.min(office.floors, 3);
      planned.push(office);
      if (remainder) rest.unshift(remainder);
    }
    if (rest.length > 0) {
      const targetSqm = coverage * parcel.areaSqm - planned.reduce((s, p) => s + areaOnGround(shape, p.cell), 0);
      const share = targetSqm / rest.reduce((s, c) => s + areaOnGround(shape, c), 0);
      planned.push(...plantsFor(design, rest, share, coverage, random));
    }
    const achieved = planned.reduce((s, p) => s + areaOnGround(shape, p.cell), 0) / parcel.areaSqm;
    if (achieved > bestCoverage) {
      best = planned;
      bestCoverage = achieved;
    }
    if (achieved >= MIN_NORMAL_COVERAGE - 0.005) break;
  }
  return best;
}

function underUsedLayout(shape: ParkShape, parcel: Parcel, design: ParcelDesign, random: Random): Planned[] {
  const cells = gridCells(parcel, random.between(10, 16), random.between(14, 20), random.between(70, 120), random.between(40, 70));
  if (cells.length === 0) return [];
  if (design === 'underUsedCoverage') {
    // one shed on a quarter of the land or less
    const coverage = random.between(0.12, 0.24);
    return [{
      kind: 'factory', cell: shrink(cells[0], (coverage * parcel.areaSqm) / areaOnGround(shape, cells[0])), floors: 1, heightM: random.between(6, 7.5),
    }];
  }
  // low single-storey sheds on a normal share of the land: the plot ratio stays under 0.5
  const coverage = random.between(0.36, 0.45);
  const share = (coverage * parcel.areaSqm) / cells.reduce((s, c) => s + areaOnGround(shape, c), 0);
  return cells.map((cell) => ({ kind: 'factory' as const, cell: shrink(cell, share), floors: 1, heightM: random.between(6, 7.5) }));
}

function standardLayout(shape: ParkShape, parcel: Parcel, coverage: number, random: Random): Planned[] {
  // multi-storey standard factories: 80–120 m long, 30–40 m deep, 20 m apart for fire lanes and loading
  const cells = gridCells(parcel, 12, 20, random.between(80, 120), random.between(30, 40));
  const share = (coverage * parcel.areaSqm) / cells.reduce((s, c) => s + areaOnGround(shape, c), 0);
  return cells.map((cell) => ({ kind: 'standard_factory' as const, cell: shorten(cell, share), floors: random.int(...STANDARD_FLOORS), heightM: 0 }));
}

/** The parcel's buildings, from its design; completion dates follow the parcel's. */
function buildParcel(
  shape: ParkShape,
  parcel: Parcel,
  design: ParcelDesign,
  coverage: number,
  storeysByCode: Map<string, Storeys>,
  random: Random,
): Building[] {
  const planned = design === 'dataGap' ? []
    : design === 'standardFactory' ? standardLayout(shape, parcel, coverage, random)
    : design === 'underUsedCoverage' || design === 'underUsedPlotRatio' ? underUsedLayout(shape, parcel, design, random)
    : normalLayout(shape, parcel, design, coverage, random);
  return planned.map((p, i) => {
    const { geometry, footprintSqm } = footprint(shape, p.cell);
    const code = buildingCode(parcel, i + 1);
    if (p.storeys) storeysByCode.set(code, p.storeys);
    return {
      code,
      parkCode: parcel.parkCode,
      parcelCode: parcel.code,
      kind: p.kind,
      floors: p.floors,
      floorAreaSqm: footprintSqm * p.floors,
      footprintSqm,
      heightM: round1(p.heightM),
      completedOn: completion(parcel, random, p.kind === 'standard_factory' ? [0, 8] : [-4, 0]),
      geometry,
    };
  });
}

function designOf(parcel: Parcel, industry: IndustryKey | undefined): ParcelDesign {
  if (parcel.role === 'standardFactory') return 'standardFactory';
  if (parcel.role === 'utility') return 'utility';
  if (parcel.landUse === 'warehouse') return 'warehouse';
  return industry && INDUSTRIES[industry].heavy ? 'heavy' : 'light';
}

const sumOf = (buildings: readonly Building[], pick: (b: Building) => number) => buildings.reduce((s, b) => s + pick(b), 0);

/**
 * Brings the park's 综合容积率 (floor area ÷ built land) to its plan by adding or taking storeys from
 * multi-storey light-trade plants and standard factories, one storey at a time, never taking a
 * light-trade parcel under its minimum plot ratio.
 */
function tunePlotRatio(built: ParcelBuildings[], builtLandSqm: number, targetPlotRatio: number, parcels: Map<string, Parcel>): void {
  const adjustable = built.flatMap((pb) => pb.buildings
    .filter((b) => (pb.design === 'light' && b.kind === 'factory') || b.kind === 'standard_factory')
    .map((b) => ({ b, pb })));
  const floorAreaOf = () => sumOf(built.flatMap((pb) => pb.buildings), (b) => b.floorAreaSqm);
  const parcelPlotRatio = (pb: ParcelBuildings) => sumOf(pb.buildings, (b) => b.floorAreaSqm) / parcels.get(pb.parcelCode)!.areaSqm;
  const setFloors = (b: Building, floors: number) => {
    b.floors = floors;
    b.floorAreaSqm = b.footprintSqm * floors;
  };
  const tolerance = 0.02;
  for (let guard = 0; guard < 20_000; guard++) {
    const ratio = floorAreaOf() / builtLandSqm;
    if (Math.abs(ratio - targetPlotRatio) <= tolerance) return;
    const up = ratio < targetPlotRatio;
    const candidates = adjustable.filter(({ b, pb }) => {
      const [low, high] = b.kind === 'standard_factory' ? STANDARD_FLOORS : LIGHT_FLOORS;
      if (up) return b.floors < high;
      if (b.floors <= low) return false;
      return b.kind === 'standard_factory'
        || parcelPlotRatio(pb) - b.footprintSqm / parcels.get(pb.parcelCode)!.areaSqm >= MIN_LIGHT_PLOT_RATIO;
    });
    if (candidates.length === 0) return;
    // the tallest loses a storey first, the lowest gains one; code order breaks ties
    candidates.sort((x, y) => (up ? x.b.floors - y.b.floors : y.b.floors - x.b.floors) || (x.b.code < y.b.code ? -1 : 1));
    const { b } = candidates[0];
    setFloors(b, b.floors + (up ? 1 : -1));
  }
}

function leaseDates(completedOn: string, random: Random): { leaseStartOn: string; leaseEndOn: string } {
  const years = random.pick([3, 5, 5]);
  const earliest = maxDate(addMonths(completedOn, 1), years === 3 ? '2023-04-01' : '2021-04-01');
  const leaseStartOn = dateBetween(minDate(earliest, '2025-09-30'), '2025-12-31', random.float());
  return { leaseStartOn, leaseEndOn: addDays(addMonths(leaseStartOn, 12 * years), -1) };
}

/** Floors split into whole or half-floor units; a share of them leased to reach the building's occupancy. */
function unitsOf(building: Building, plan: ParkPlan, random: Random): Unit[] {
  const footprintSqm = building.footprintSqm;
  const groundCeilingM = random.pick([8, 8.5, 9, 9.5, 10]);
  const upperCeilingM = random.pick([4.5, 5, 5.5, 6]);
  const groundLoad = random.int(15, 20);
  const upperLoad = random.int(5, 8);
  const baseRent = random.between(...plan.rentYuanPerSqmMonthRange);
  building.heightM = round1(groundCeilingM + (building.floors - 1) * upperCeilingM + 1.5);
  const units: Unit[] = [];
  for (let floor = 1; floor <= building.floors; floor++) {
    const halves = random.chance(0.35) ? [Math.floor(footprintSqm / 2), footprintSqm - Math.floor(footprintSqm / 2)] : [footprintSqm];
    const rent = Math.min(12, Math.max(6, baseRent + (floor === 1 ? 0.8 : -0.3 * (floor - 2))));
    halves.forEach((areaSqm, i) => units.push({
      // 不动产单元号: building code + 2-digit floor + 2-digit room = 28 characters
      code: `${building.code}${String(floor).padStart(2, '0')}${String(i + 1).padStart(2, '0')}`,
      buildingCode: building.code,
      parcelCode: building.parcelCode,
      parkCode: building.parkCode,
      floor,
      areaSqm,
      status: 'vacant',
      rentYuanPerSqmMonth: round1(rent),
      ceilingHeightM: floor === 1 ? groundCeilingM : upperCeilingM,
      floorLoadKnPerSqm: floor === 1 ? groundLoad : upperLoad,
    }));
  }
  const occupancy = random.between(...plan.occupancyRange);
  const totalSqm = units.reduce((s, u) => s + u.areaSqm, 0);
  let leasedSqm = 0;
  const lease = (unit: Unit) => {
    unit.status = 'leased';
    leasedSqm += unit.areaSqm;
    Object.assign(unit, leaseDates(building.completedOn, random));
  };
  const order = random.shuffle(units);
  const ceiling = Math.min(MAX_OCCUPANCY, occupancy + OCCUPANCY_TOLERANCE);
  for (const unit of order) if ((leasedSqm + unit.areaSqm) / totalSqm <= ceiling) lease(unit);
  // whole floors can overshoot a low target: top up with the smallest units to the occupancy floor
  const bySize = order.filter((u) => u.status === 'vacant').sort((a, b) => a.areaSqm - b.areaSqm);
  for (const unit of bySize) {
    if (leasedSqm / totalSqm >= MIN_OCCUPANCY || (leasedSqm + unit.areaSqm) / totalSqm > MAX_OCCUPANCY) break;
    lease(unit);
  }
  for (const unit of order) if (unit.status === 'vacant' && random.chance(0.2)) unit.status = 'reserved';
  return units;
}

export interface ParkBuildings {
  buildings: Building[];
  units: Unit[];
  /** each completed parcel's design, including the exceptions */
  designs: ParcelBuildings[];
}

/**
 * Buildings on every completed parcel as its use and its owner's trade imply, with a few under-used
 * parcels and `plan.dataGapParcels` completed parcels left without a building record; then the units
 * of the standard factories.
 */
export function createBuildings(
  plan: ParkPlan,
  shape: ParkShape,
  parcels: readonly Parcel[],
  industryOf: (parcel: Parcel) => IndustryKey | undefined,
  random: Random,
): ParkBuildings {
  const completed = parcels.filter((p) => p.state === 'completed');
  const ordinary = completed.filter((p) => p.role === 'ordinary' && p.landUse === 'industrial');
  const underUsed = Math.max(1, Math.round(UNDER_USED_SHARE * ordinary.length));
  const exceptions = random.shuffle(ordinary).slice(0, underUsed + plan.dataGapParcels);
  const designOverride = new Map<string, ParcelDesign>();
  const storeysByCode = new Map<string, Storeys>();
  exceptions.forEach((p, i) => {
    if (i >= underUsed) designOverride.set(p.code, 'dataGap');
    else designOverride.set(p.code, INDUSTRIES[industryOf(p)!].heavy || i % 2 === 0 ? 'underUsedCoverage' : 'underUsedPlotRatio');
  });
  const designs: ParcelBuildings[] = completed.map((parcel) => {
    const design = designOverride.get(parcel.code) ?? designOf(parcel, industryOf(parcel));
    const spread = design === 'standardFactory' ? [-0.08, 0] : design === 'utility' ? [-0.12, -0.06] : [-0.06, 0.08];
    const coverage = Math.max(MIN_NORMAL_COVERAGE, plan.coverage + random.between(spread[0], spread[1]));
    return { parcelCode: parcel.code, design, buildings: buildParcel(shape, parcel, design, coverage, storeysByCode, random) };
  });
  const builtLandSqm = completed.reduce((s, p) => s + p.areaSqm, 0);
  tunePlotRatio(designs, builtLandSqm, plan.plotRatio, new Map(parcels.map((p) => [p.code, p])));
  const buildings = designs.flatMap((d) => d.buildings).sort((a, b) => (a.code < b.code ? -1 : 1));
  for (const b of buildings) {
    const storeys = storeysByCode.get(b.code);
    if (storeys) b.heightM = round1(heightOf(b.floors, storeys));
  }
  const units = buildings.filter((b) => b.kind === 'standard_factory').flatMap((b) => unitsOf(b, plan, random));
  units.sort((a, b) => (a.code < b.code ? -1 : 1));
  return { buildings, units, designs };
}
