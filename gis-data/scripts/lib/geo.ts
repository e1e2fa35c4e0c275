// Small geometry helpers for building illustrative shapes in metres around a point.
import type { MultiPolygon, Polygon, Position } from 'geojson';

export const SQM_PER_MU = 10_000 / 15;

export interface LocalFrame {
  /** u along the rotated major axis, v across it, both in metres from the centre */
  toLonLat(uM: number, vM: number): Position;
  /** the inverse: [u, v] in metres of a lon/lat position */
  fromLonLat(position: Position): [number, number];
}

/**
 * An equirectangular frame with ellipsoidal metres per degree at the centre's latitude
 * (good to ~0.1% over a few km; exact areas are then fixed with turf.area).
 */
export function createLocalFrame(centre: Position, rotationDeg: number): LocalFrame {
  const latRad = (centre[1] * Math.PI) / 180;
  const metresPerDegLat = 111_132.92 - 559.82 * Math.cos(2 * latRad) + 1.175 * Math.cos(4 * latRad);
  const metresPerDegLon = 111_412.84 * Math.cos(latRad) - 93.5 * Math.cos(3 * latRad);
  const rotationRad = (rotationDeg * Math.PI) / 180;
  const cos = Math.cos(rotationRad);
  const sin = Math.sin(rotationRad);
  return {
    toLonLat(uM, vM) {
      const eastM = uM * cos - vM * sin;
      const northM = uM * sin + vM * cos;
      return [centre[0] + eastM / metresPerDegLon, centre[1] + northM / metresPerDegLat];
    },
    fromLonLat(position) {
      const eastM = (position[0] - centre[0]) * metresPerDegLon;
      const northM = (position[1] - centre[1]) * metresPerDegLat;
      return [eastM * cos + northM * sin, -eastM * sin + northM * cos];
    },
  };
}

/** Axis-aligned rectangle in frame coordinates, exterior ring counter-clockwise (RFC 7946). */
export function frameRectangle(frame: LocalFrame, u0: number, v0: number, u1: number, v1: number): Polygon {
  const ring = [[u0, v0], [u1, v0], [u1, v1], [u0, v1], [u0, v0]].map(([u, v]) => frame.toLonLat(u, v));
  return { type: 'Polygon', coordinates: [ring] };
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function roundRing(ring: Position[], decimals: number): Position[] {
  const rounded: Position[] = [];
  for (const position of ring) {
    const next = [roundTo(position[0], decimals), roundTo(position[1], decimals)];
    const last = rounded[rounded.length - 1];
    if (!last || last[0] !== next[0] || last[1] !== next[1]) rounded.push(next);
  }
  const first = rounded[0];
  const last = rounded[rounded.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) rounded.push([...first]);
  return rounded;
}

/** Rounds every coordinate and drops the repeated vertices that rounding can create. */
export function roundPolygonal<G extends Polygon | MultiPolygon>(geometry: G, decimals: number): G {
  if (geometry.type === 'Polygon') {
    return { type: 'Polygon', coordinates: geometry.coordinates.map((r) => roundRing(r, decimals)) } as G;
  }
  return {
    type: 'MultiPolygon',
    coordinates: (geometry as MultiPolygon).coordinates.map((p) => p.map((r) => roundRing(r, decimals))),
  } as G;
}

export function roundLine(coordinates: Position[], decimals: number): Position[] {
  return coordinates.map((p) => [roundTo(p[0], decimals), roundTo(p[1], decimals)]);
}

function pointInRing(point: Position, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > point[1] !== yj > point[1] && point[0] < ((xj - xi) * (point[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function segmentsCross(a: Position, b: Position, c: Position, d: Position): boolean {
  const orient = (p: Position, q: Position, r: Position) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return orient(a, b, c) * orient(a, b, d) <= 0 && orient(c, d, a) * orient(c, d, b) <= 0;
}

/**
 * Whether every vertex of `inner` lies inside `outer` (outside its holes) and no edge of `inner`
 * touches or crosses an edge of `outer`: a strict "within", linear in the edges that share a bounding
 * box, for the generator's own checks (turf.booleanWithin splits lines and is slow on long outlines).
 */
export function isStrictlyWithin(inner: Polygon, outer: Polygon | MultiPolygon): boolean {
  const polygons = outer.type === 'Polygon' ? [outer.coordinates] : outer.coordinates;
  const vertices = inner.coordinates[0];
  const insideAt = (p: Position) => polygons.some((rings) => pointInRing(p, rings[0]) && !rings.slice(1).some((h) => pointInRing(p, h)));
  if (!vertices.every(insideAt)) return false;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of vertices) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  for (const ring of polygons.flat()) {
    for (let i = 1; i < ring.length; i++) {
      const [c, d] = [ring[i - 1], ring[i]];
      if (Math.max(c[0], d[0]) < minX || Math.min(c[0], d[0]) > maxX || Math.max(c[1], d[1]) < minY || Math.min(c[1], d[1]) > maxY) continue;
      for (let k = 1; k < vertices.length; k++) if (segmentsCross(vertices[k - 1], vertices[k], c, d)) return false;
    }
  }
  return true;
}
