// How the park view draws buildings and land-use findings: heights, occupancy classes and the colours
// of idle, under-used, unsupplied and low-yield land. Shared by the layers and the legend.
import type { BuildingProperties, LandUseKind, LandUseProperties } from '../api/park-types';
import type { Rgb } from './tiers';

/**
 * Storey height assumed when a building has no height, in m: single-storey factories run 6–9 m,
 * multi-storey standard factories 4.5–6 m per floor (GB 50016 and common 标准化厂房 designs); 5 m is a
 * middle value for drawing only, never for figures.
 */
export const ASSUMED_STOREY_HEIGHT_M = 5;

/** The building's drawn height in m: its recorded height, else floors × the assumed storey height. */
export function buildingHeightM(building: Pick<BuildingProperties, 'heightM' | 'floors'>): number {
  if (typeof building.heightM === 'number' && building.heightM > 0) return building.heightM;
  return Math.max(1, building.floors) * ASSUMED_STOREY_HEIGHT_M;
}

export type OccupancyClassId = 'below50' | 'from50to80' | 'atLeast80' | 'noUnits';

export interface OccupancyClass {
  id: OccupancyClassId;
  /** Inclusive lower bound as a fraction; null for none. */
  min: number | null;
  /** Exclusive upper bound as a fraction; null for none. */
  max: number | null;
  color: Rgb;
}

/**
 * Standard factories by occupancy (leased ÷ lettable floor area; reserved space is not leased, so it does not
 * count as let): red under half let, green from 80 %.
 */
export const OCCUPANCY_CLASSES: readonly OccupancyClass[] = [
  { id: 'below50', min: null, max: 0.5, color: [214, 64, 52] },
  { id: 'from50to80', min: 0.5, max: 0.8, color: [245, 166, 35] },
  { id: 'atLeast80', min: 0.8, max: null, color: [46, 160, 90] },
  { id: 'noUnits', min: null, max: null, color: [160, 160, 160] },
];

/** Buildings that are not standard factories: a quiet slate, so factories' occupancy stands out. */
export const OTHER_BUILDING_COLOR: Rgb = [176, 186, 202];

export function classifyOccupancy(rate: number | null | undefined): OccupancyClassId {
  if (typeof rate !== 'number' || !Number.isFinite(rate)) return 'noUnits';
  if (rate < 0.5) return 'below50';
  return rate < 0.8 ? 'from50to80' : 'atLeast80';
}

export function buildingColor(building: Pick<BuildingProperties, 'kind' | 'occupancyRate' | 'unitCount'>): Rgb {
  if (building.kind !== 'standard_factory') return OTHER_BUILDING_COLOR;
  const id = building.unitCount > 0 ? classifyOccupancy(building.occupancyRate) : 'noUnits';
  return OCCUPANCY_CLASSES.find((c) => c.id === id)!.color;
}

/** Outline (and translucent fill) of each kind of land-use finding; kept off the grade and class colours. */
export const LAND_USE_COLORS: Readonly<Record<LandUseKind, Rgb>> = {
  idle: [140, 40, 170],
  underused: [200, 110, 20],
  unsupplied: [90, 90, 100],
  lowYield: [180, 20, 90],
};

export const LAND_USE_KINDS: readonly LandUseKind[] = ['idle', 'underused', 'unsupplied', 'lowYield'];

/**
 * A finding flagged for want of data (a completed parcel with no building on record): a muted teal apart
 * from the under-used orange, so land to check is not read as land proven under-used.
 */
export const POSSIBLE_DATA_GAP_COLOR: Rgb = [60, 150, 160];

/** The colour a finding is drawn in: its kind's, or the data-gap colour. */
export function landUseColorOf(finding: Pick<LandUseProperties, 'kind' | 'possibleDataGap'>): Rgb {
  return finding.possibleDataGap ? POSSIBLE_DATA_GAP_COLOR : LAND_USE_COLORS[finding.kind];
}

/** Floor area in m²: lettable (every unit) = leased + reserved (promised, not offered) + vacant (status vacant). */
export interface Occupancy {
  lettableSqm: number;
  leasedSqm: number;
  reservedSqm: number;
  vacantSqm: number;
  /** Leased ÷ lettable; null without lettable floor area. */
  occupancyRate: number | null;
}

/** A park's lettable, leased, reserved and vacant floor area summed over its buildings. */
export function sumOccupancy(buildings: readonly Pick<BuildingProperties, 'lettableSqm' | 'leasedSqm' | 'reservedSqm' | 'vacantSqm'>[]): Occupancy {
  const sum = (key: 'lettableSqm' | 'leasedSqm' | 'reservedSqm' | 'vacantSqm') => buildings.reduce((s, b) => s + b[key], 0);
  const lettableSqm = sum('lettableSqm');
  const leasedSqm = sum('leasedSqm');
  return { lettableSqm, leasedSqm, reservedSqm: sum('reservedSqm'), vacantSqm: sum('vacantSqm'), occupancyRate: lettableSqm > 0 ? leasedSqm / lettableSqm : null };
}
