// Illustrative park boundaries: a strip of valley floor on one bank of the river at the town, its
// river-side edge following the river, its far edge the foot of the hills, sized to the approved area.
import * as turf from '@turf/turf';
import type { Feature, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { createLocalFrame, isStrictlyWithin, roundPolygonal, SQM_PER_MU } from '../lib/geo.js';
import type { Random } from '../lib/random.js';
import { createRiverCurve, type RiverCurve } from './valley.js';

/**
 * A park in its own coordinates: s metres along the river (0 … lengthM), t metres across the valley
 * from the park's river-side edge (0 … widthAtM(s)). Parcels, streets and buildings are laid out in
 * (s, t), so they follow the river's bends.
 */
export interface ParkShape {
  boundary: Polygon;
  areaSqm: number;
  lengthM: number;
  widthAtM(s: number): number;
  toLonLat(s: number, t: number): Position;
}

export interface ParkShapeOptions {
  town: Position;
  /** the river line near the town (lon/lat), upstream to downstream or the other way */
  river: readonly Position[];
  /** from the river line to the park's river-side edge, m: the channel's half width and the embankment road */
  riverSetbackM: number;
  /** park length along the river ÷ its mean width */
  elongation: number;
  approvedAreaMu: number;
}

/** outline vertices along the river, m apart */
const OUTLINE_STEP_M = 25;
/** the curve is smoothed over this length so that offsets of a kilometre or two stay free of loops */
const SMOOTHING_M = 900;
/** the park slides along the river in these steps, up to SLIDE_STEPS either way, to find room */
const SLIDE_STEP_M = 300;
const SLIDE_STEPS = 24;
/** narrowest part of the park (its ends) as a share of the widest */
const END_WIDTH_SHARE = 0.4;

interface Harmonic {
  order: number;
  amplitude: number;
  phaseRad: number;
}

function widthProfile(lengthM: number, maxWidthM: number, harmonics: readonly Harmonic[]): (s: number) => number {
  return (s) => {
    const x = Math.min(1, Math.max(-1, (2 * s) / lengthM - 1));
    const base = END_WIDTH_SHARE + (1 - END_WIDTH_SHARE) * (1 - x ** 4);
    const wobble = harmonics.reduce((sum, h) => sum + h.amplitude * Math.cos(h.order * Math.PI * x + h.phaseRad), 0);
    return maxWidthM * base * (1 + wobble);
  };
}

function outline(lengthM: number, widthAtM: (s: number) => number, toLonLat: (s: number, t: number) => Position): Polygon {
  const steps = Math.max(8, Math.ceil(lengthM / OUTLINE_STEP_M));
  const near: Position[] = [];
  const far: Position[] = [];
  for (let i = 0; i <= steps; i++) {
    const s = (lengthM * i) / steps;
    near.push(toLonLat(s, 0));
    far.push(toLonLat(s, widthAtM(s)));
  }
  const ring = [...near, ...far.reverse(), near[0]];
  const polygon = roundPolygonal({ type: 'Polygon', coordinates: [ring] }, 7);
  return turf.booleanClockwise(polygon.coordinates[0]) ? { type: 'Polygon', coordinates: [[...polygon.coordinates[0]].reverse()] } : polygon;
}

function isSimple(polygon: Polygon): boolean {
  return turf.booleanValid(polygon) && turf.kinks(polygon).features.length === 0;
}

/** the far edge at most this much shorter or longer than the river-side edge (a bend squeezes or fans the strip) */
const MAX_EDGE_RATIO = 1.5;

/** Whether the strip keeps its shape: on a tight bend one edge gets much shorter than the other. */
function isEven(shape: ParkShape): boolean {
  const edge = (t: (s: number) => number) => {
    let length = 0;
    for (let s = 0; s < shape.lengthM; s += OUTLINE_STEP_M) {
      length += turf.distance(shape.toLonLat(s, t(s)), shape.toLonLat(s + OUTLINE_STEP_M, t(s + OUTLINE_STEP_M)), { units: 'meters' });
    }
    return length;
  };
  const ratio = edge((s) => shape.widthAtM(s)) / edge(() => 0);
  return ratio <= MAX_EDGE_RATIO && ratio >= 1 / MAX_EDGE_RATIO;
}

/** The shape at one place along the river on one bank, its width fitted to the approved area. */
function fitShape(
  curve: RiverCurve,
  startS: number,
  side: 1 | -1,
  options: ParkShapeOptions,
  harmonics: readonly Harmonic[],
): ParkShape {
  const targetSqm = options.approvedAreaMu * SQM_PER_MU;
  const lengthM = Math.sqrt(targetSqm * options.elongation);
  const toLonLat = (s: number, t: number) => curve.at(startS + s, side * (options.riverSetbackM + t));
  let maxWidthM = (targetSqm / lengthM) * 1.15;
  let widthAtM = widthProfile(lengthM, maxWidthM, harmonics);
  let boundary = outline(lengthM, widthAtM, toLonLat);
  for (let i = 0; i < 8; i++) {
    maxWidthM *= targetSqm / turf.area(boundary);
    widthAtM = widthProfile(lengthM, maxWidthM, harmonics);
    boundary = outline(lengthM, widthAtM, toLonLat);
  }
  return { boundary, areaSqm: turf.area(boundary), lengthM, widthAtM, toLonLat };
}

/** no park nearer than this to another park or to a drawn river line, m */
const CLEARANCE_M = 120;
const CLEARANCE_DEG = 0.01;

function clearOf(boundary: Polygon, others: ReadonlyArray<Polygon | LineString | MultiLineString>): boolean {
  const box = turf.bbox(boundary);
  const vertices = boundary.coordinates[0];
  return others.every((other) => {
    const b = turf.bbox(other);
    const far = b[0] > box[2] + CLEARANCE_DEG || b[2] < box[0] - CLEARANCE_DEG
      || b[1] > box[3] + CLEARANCE_DEG || b[3] < box[1] - CLEARANCE_DEG;
    if (far) return true;
    if (turf.booleanIntersects(boundary, other)) return false;
    const lines = other.type === 'Polygon' ? [other.coordinates[0]] : other.type === 'LineString' ? [other.coordinates] : other.coordinates;
    return lines.every((line) => {
      const feature = turf.lineString(line);
      return vertices.every((v) => turf.pointToLineDistance(v, feature, { units: 'meters' }) >= CLEARANCE_M);
    });
  });
}

/**
 * Places the park beside the river at the point nearest its town, on the town's bank first, sliding
 * along the river (300 m steps, up to 7.2 km either way) and then trying the other bank until the
 * strip is a simple polygon, not squeezed or fanned by a tight bend, wholly inside its county, at least 120 m from the parks already placed and
 * from every drawn river line.
 */
export function createParkShape(
  options: ParkShapeOptions,
  region: Feature<Polygon | MultiPolygon>,
  placed: readonly Polygon[],
  drawnRivers: ReadonlyArray<LineString | MultiLineString>,
  random: Random,
): ParkShape {
  const harmonics: Harmonic[] = [
    { order: 2, amplitude: 0.06 },
    { order: 3, amplitude: 0.05 },
    { order: 5, amplitude: 0.025 },
  ].map((h) => ({ ...h, amplitude: h.amplitude * random.between(0.5, 1), phaseRad: random.between(0, 2 * Math.PI) }));
  const frame = createLocalFrame(options.town, 0);
  const curve = createRiverCurve(options.river, frame, SMOOTHING_M);
  const town = curve.project(options.town);
  const townSide: 1 | -1 = town.offsetM >= 0 ? 1 : -1;
  const lengthM = Math.sqrt(options.approvedAreaMu * SQM_PER_MU * options.elongation);
  for (const side of [townSide, -townSide as 1 | -1]) {
    for (let step = 0; step <= 2 * SLIDE_STEPS; step++) {
      const slide = (step % 2 === 0 ? 1 : -1) * Math.ceil(step / 2) * SLIDE_STEP_M;
      const startS = town.s - lengthM / 2 + slide;
      if (startS < 0 || startS + lengthM > curve.lengthM) continue;
      const shape = fitShape(curve, startS, side, options, harmonics);
      if (!isSimple(shape.boundary) || !isEven(shape) || !isStrictlyWithin(shape.boundary, region.geometry)) continue;
      if (clearOf(shape.boundary, [...placed, ...drawnRivers])) return shape;
    }
  }
  throw new Error(`no room for a park of ${options.approvedAreaMu} mu beside the river near ${options.town.join(',')}`);
}
