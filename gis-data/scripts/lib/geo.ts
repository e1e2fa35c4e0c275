// Small geometry helpers for building illustrative shapes in metres around a point.
import type { MultiPolygon, Polygon, Position } from 'geojson';

export const SQM_PER_MU = 10_000 / 15;

export interface LocalFrame {
  /** u along the rotated major axis, v across it, both in metres from the centre */
  toLonLat(uM: number, vM: number): Position;
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
