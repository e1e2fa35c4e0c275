// Illustrative park boundaries: a smooth irregular oval stretched along the valley, sized to the approved area.
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { createLocalFrame, roundPolygonal, SQM_PER_MU, type LocalFrame } from '../lib/geo.js';
import type { Random } from '../lib/random.js';

export interface ParkShape {
  centre: Position;
  frame: LocalFrame;
  boundary: Polygon;
  /** the boundary pulled in by about 10 m: parcels are clipped to it so they stay strictly inside */
  parcelZone: Polygon;
  semiMajorM: number;
  semiMinorM: number;
  areaSqm: number;
}

interface Harmonic {
  order: number;
  amplitude: number;
  phaseRad: number;
}

const VERTEX_COUNT = 72;
const PARCEL_SETBACK_M = 10;
const NUDGE_STEP_M = 400;
const NUDGE_RINGS = 15;
const NUDGE_DIRECTIONS = 12;

function ovalPolygon(frame: LocalFrame, semiMajorM: number, semiMinorM: number, harmonics: Harmonic[]): Polygon {
  const ring: Position[] = [];
  for (let i = 0; i < VERTEX_COUNT; i++) {
    const theta = (2 * Math.PI * i) / VERTEX_COUNT;
    const radius = 1 + harmonics.reduce((s, h) => s + h.amplitude * Math.cos(h.order * theta + h.phaseRad), 0);
    ring.push(frame.toLonLat(semiMajorM * radius * Math.cos(theta), semiMinorM * radius * Math.sin(theta)));
  }
  ring.push(ring[0]);
  return roundPolygonal({ type: 'Polygon', coordinates: [ring] }, 7);
}

function fitOval(
  centre: Position,
  bearingDeg: number,
  elongation: number,
  harmonics: Harmonic[],
  targetSqm: number,
): ParkShape {
  const frame = createLocalFrame(centre, bearingDeg);
  let semiMinorM = Math.sqrt(targetSqm / (Math.PI * elongation));
  let boundary = ovalPolygon(frame, semiMinorM * elongation, semiMinorM, harmonics);
  for (let i = 0; i < 6; i++) {
    semiMinorM *= Math.sqrt(targetSqm / turf.area(boundary));
    boundary = ovalPolygon(frame, semiMinorM * elongation, semiMinorM, harmonics);
  }
  const shrink = (m: number) => m - PARCEL_SETBACK_M;
  const parcelZone = ovalPolygon(frame, shrink(semiMinorM * elongation), shrink(semiMinorM), harmonics);
  return {
    centre, frame, boundary, parcelZone, semiMajorM: semiMinorM * elongation, semiMinorM, areaSqm: turf.area(boundary),
  };
}

function fitsRegion(shape: ParkShape, region: Feature<Polygon | MultiPolygon>, placed: readonly Polygon[]): boolean {
  if (!turf.booleanWithin(shape.boundary, region)) return false;
  const box = turf.bbox(shape.boundary);
  return placed.every((other) => {
    const b = turf.bbox(other);
    const disjointBoxes = b[0] > box[2] || b[2] < box[0] || b[1] > box[3] || b[3] < box[1];
    return disjointBoxes || !turf.booleanIntersects(shape.boundary, other);
  });
}

/**
 * Places the park at its town centre, or at the nearest spot (spiralling out in 400 m steps)
 * where it lies wholly inside its county and clear of parks already placed.
 */
export function createParkShape(
  options: { centre: Position; bearingDeg: number; elongation: number; approvedAreaMu: number },
  region: Feature<Polygon | MultiPolygon>,
  placed: readonly Polygon[],
  random: Random,
): ParkShape {
  const harmonics: Harmonic[] = [
    { order: 1, amplitude: 0.03, phaseRad: 0 },
    { order: 2, amplitude: 0.05, phaseRad: 0 },
    { order: 3, amplitude: 0.04, phaseRad: 0 },
    { order: 4, amplitude: 0.02, phaseRad: 0 },
    { order: 5, amplitude: 0.015, phaseRad: 0 },
  ].map((h) => ({ ...h, amplitude: h.amplitude * random.between(0.5, 1), phaseRad: random.between(0, 2 * Math.PI) }));
  const targetSqm = options.approvedAreaMu * SQM_PER_MU;
  const aroundTown = createLocalFrame(options.centre, 0);
  for (let ring = 0; ring <= NUDGE_RINGS; ring++) {
    const directions = ring === 0 ? 1 : NUDGE_DIRECTIONS;
    for (let d = 0; d < directions; d++) {
      const angle = (2 * Math.PI * d) / directions;
      const centre = aroundTown.toLonLat(ring * NUDGE_STEP_M * Math.cos(angle), ring * NUDGE_STEP_M * Math.sin(angle));
      const shape = fitOval(centre, options.bearingDeg, options.elongation, harmonics, targetSqm);
      if (fitsRegion(shape, region, placed)) return shape;
    }
  }
  throw new Error(`no room for a park of ${options.approvedAreaMu} mu near ${options.centre.join(',')}`);
}
