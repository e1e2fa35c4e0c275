import type { MultiPolygon, Polygon, Position } from 'geojson';

export type LonLat = [number, number];

/**
 * Shoelace area and centroid of one ring in planar lon/lat; fine for label placement. Coordinates are
 * taken relative to the first vertex, so small parks far from (0, 0) keep their precision.
 */
function ringCentroid(ring: Position[]): { area: number; centroid: LonLat } | null {
  const [ox, oy] = ring[0];
  let twiceArea = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const x0 = ring[j][0] - ox;
    const y0 = ring[j][1] - oy;
    const x1 = ring[i][0] - ox;
    const y1 = ring[i][1] - oy;
    const cross = x0 * y1 - x1 * y0;
    twiceArea += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (twiceArea === 0) return null;
  return { area: Math.abs(twiceArea / 2), centroid: [ox + cx / (3 * twiceArea), oy + cy / (3 * twiceArea)] };
}

function bboxCentre(ring: Position[]): LonLat {
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
}

/**
 * Where to put a marker or label for a polygon: the centroid of the outer ring of its largest part
 * (holes ignored). Parks are small and compact, so the centroid lies inside them.
 */
export function computeLabelPoint(geometry: Polygon | MultiPolygon): LonLat {
  const outerRings = geometry.type === 'Polygon' ? [geometry.coordinates[0]] : geometry.coordinates.map((p) => p[0]);
  let best: { area: number; centroid: LonLat } | null = null;
  for (const ring of outerRings) {
    if (!ring || ring.length < 3) continue;
    const candidate = ringCentroid(ring);
    if (candidate && (!best || candidate.area > best.area)) best = candidate;
  }
  if (best) return best.centroid;
  const anyRing = outerRings.find((ring) => ring && ring.length > 0);
  if (!anyRing) throw new Error('computeLabelPoint: geometry has no coordinates');
  return bboxCentre(anyRing);
}
