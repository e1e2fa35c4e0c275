// Illustrative buildings on whole-block parcels, and the lettable units of the standard factories.
import * as turf from '@turf/turf';
import type { Polygon } from 'geojson';
import { addDays, addMonths, dateBetween, maxDate, minDate } from '../lib/dates.js';
import { frameRectangle, roundPolygonal } from '../lib/geo.js';
import type { Random } from '../lib/random.js';
import type { ParkPlan } from './park-plans.js';
import type { ParkShape } from './park-geometry.js';
import type { FrameRect, Parcel } from './parcels.js';

export type BuildingKind = 'standard_factory' | 'factory' | 'warehouse' | 'office';

export interface Building {
  code: string;
  parkCode: string;
  parcelCode: string;
  kind: BuildingKind;
  floors: number;
  floorAreaSqm: number;
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

const MARGIN_M = 15;
const GAP_M = 18;
const MAX_STANDARD_FACTORIES_PER_PARCEL = 5;
const LATEST_COMPLETION = '2025-10-31';
/** share of finished ordinary whole-block parcels that get a drawn building */
const ORDINARY_BUILDING_SHARE = 0.15;
/** occupancy of county standard factories runs from ~30% to ~97% (DOMAIN §9) */
const MIN_OCCUPANCY = 0.3;
const MAX_OCCUPANCY = 0.97;
/** how far whole units may overshoot the drawn occupancy */
const OCCUPANCY_TOLERANCE = 0.05;

const round1 = (value: number) => Math.round(value * 10) / 10;

function footprint(shape: ParkShape, u0: number, v0: number, u1: number, v1: number) {
  const geometry = roundPolygonal(frameRectangle(shape.frame, u0, v0, u1, v1), 7);
  return { geometry, footprintSqm: Math.round(turf.area(geometry)) };
}

function buildingCode(parcel: Parcel, index: number): string {
  // 不动产单元号: 19-character 宗地代码 + F (building) + 4-digit 幢号 (DOMAIN §7)
  return `${parcel.code}F${String(index).padStart(4, '0')}`;
}

function standardFactories(shape: ParkShape, parcel: Parcel, rect: FrameRect, random: Random): Building[] {
  const widthU = rect.u1 - rect.u0;
  const widthV = rect.v1 - rect.v0;
  let lengthM = random.between(70, 100);
  const depthM = random.between(30, 48);
  const count = (len: number) => ({
    alongU: Math.floor((widthU - 2 * MARGIN_M + GAP_M) / (len + GAP_M)),
    alongV: Math.floor((widthV - 2 * MARGIN_M + GAP_M) / (depthM + GAP_M)),
  });
  while (count(lengthM).alongU < 1 && lengthM > 50) lengthM -= 5;
  const { alongU, alongV } = count(lengthM);
  const slots: Array<[number, number]> = [];
  for (let j = 0; j < alongV; j++) for (let i = 0; i < alongU; i++) slots.push([i, j]);
  const used = slots.slice(0, MAX_STANDARD_FACTORIES_PER_PARCEL);
  const startU = (rect.u0 + rect.u1) / 2 - (alongU * (lengthM + GAP_M) - GAP_M) / 2;
  const startV = (rect.v0 + rect.v1) / 2 - (alongV * (depthM + GAP_M) - GAP_M) / 2;
  return used.map(([i, j], index) => {
    const u0 = startU + i * (lengthM + GAP_M);
    const v0 = startV + j * (depthM + GAP_M);
    const { geometry, footprintSqm } = footprint(shape, u0, v0, u0 + lengthM, v0 + depthM);
    const floors = random.int(3, 6);
    return {
      code: buildingCode(parcel, index + 1),
      parkCode: parcel.parkCode,
      parcelCode: parcel.code,
      kind: 'standard_factory' as const,
      floors,
      floorAreaSqm: footprintSqm * floors,
      heightM: 0,
      completedOn: minDate(addMonths(parcel.completedOn!, random.int(0, 8)), LATEST_COMPLETION),
      geometry,
    };
  });
}

function ordinaryBuilding(shape: ParkShape, parcel: Parcel, rect: FrameRect, random: Random): Building | null {
  const kind: BuildingKind = parcel.landUse === 'warehouse' ? 'warehouse' : random.chance(0.2) ? 'office' : 'factory';
  const areaSqm = kind === 'office' ? random.between(1500, 2500) : random.between(1800, 6000);
  const aspect = random.between(1.4, 2.4);
  const roomU = rect.u1 - rect.u0 - 2 * MARGIN_M;
  const roomV = rect.v1 - rect.v0 - 2 * MARGIN_M;
  let lengthM = Math.sqrt(areaSqm * aspect);
  let depthM = areaSqm / lengthM;
  const fit = Math.min(1, roomU / lengthM, roomV / depthM);
  lengthM *= fit;
  depthM *= fit;
  if (lengthM * depthM < 1500) return null;
  const u0 = rect.u0 + MARGIN_M + random.float() * (roomU - lengthM);
  const v0 = rect.v0 + MARGIN_M + random.float() * (roomV - depthM);
  const { geometry, footprintSqm } = footprint(shape, u0, v0, u0 + lengthM, v0 + depthM);
  const floors = kind === 'office' ? random.int(3, 5) : kind === 'warehouse' ? 1 : random.pick([1, 1, 1, 2]);
  const heightM = kind === 'office' ? floors * 3.6 + 0.9 : floors === 1 ? random.between(9, 13) : random.between(13, 17);
  return {
    code: buildingCode(parcel, 1),
    parkCode: parcel.parkCode,
    parcelCode: parcel.code,
    kind,
    floors,
    floorAreaSqm: footprintSqm * floors,
    heightM: round1(heightM),
    completedOn: minDate(addMonths(parcel.completedOn!, random.int(-4, 0)), LATEST_COMPLETION),
    geometry,
  };
}

function leaseDates(completedOn: string, random: Random): { leaseStartOn: string; leaseEndOn: string } {
  const years = random.pick([3, 5, 5]);
  const earliest = maxDate(addMonths(completedOn, 1), years === 3 ? '2023-04-01' : '2021-04-01');
  const leaseStartOn = dateBetween(minDate(earliest, '2025-09-30'), '2025-12-31', random.float());
  return { leaseStartOn, leaseEndOn: addDays(addMonths(leaseStartOn, 12 * years), -1) };
}

/** Floors split into whole or half-floor units; a share of them leased to reach the building's occupancy. */
function unitsOf(building: Building, footprintSqm: number, plan: ParkPlan, random: Random): Unit[] {
  const groundCeilingM = random.pick([8, 8.5, 9, 9.5, 10]);
  const upperCeilingM = random.pick([4.5, 5, 5.5, 6]);
  const groundLoad = random.int(15, 20);
  const upperLoad = random.int(5, 8);
  const baseRent = random.between(...plan.rentYuanPerSqmMonthRange);
  building.heightM = round1(groundCeilingM + (building.floors - 1) * upperCeilingM + 1.5);
  const units: Unit[] = [];
  for (let floor = 1; floor <= building.floors; floor++) {
    const halves = random.chance(0.45) ? [Math.floor(footprintSqm / 2), footprintSqm - Math.floor(footprintSqm / 2)] : [footprintSqm];
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

export function createBuildings(
  plan: ParkPlan,
  shape: ParkShape,
  parcels: readonly Parcel[],
  random: Random,
): { buildings: Building[]; units: Unit[] } {
  const buildings: Building[] = [];
  const units: Unit[] = [];
  for (const parcel of parcels.filter((p) => p.role === 'standardFactory' && p.rect)) {
    for (const building of standardFactories(shape, parcel, parcel.rect!, random)) {
      buildings.push(building);
      units.push(...unitsOf(building, building.floorAreaSqm / building.floors, plan, random));
    }
  }
  const eligible = parcels.filter((p) => p.role === 'ordinary' && p.state === 'completed' && p.rect);
  const count = Math.max(1, Math.round(eligible.length * ORDINARY_BUILDING_SHARE));
  for (const parcel of random.shuffle(eligible).slice(0, count)) {
    const building = ordinaryBuilding(shape, parcel, parcel.rect!, random);
    if (building) buildings.push(building);
  }
  buildings.sort((a, b) => (a.code < b.code ? -1 : 1));
  units.sort((a, b) => (a.code < b.code ? -1 : 1));
  return { buildings, units };
}
