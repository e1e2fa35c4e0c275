import { problemDetail, type BundleProblem, type ProblemDetail, type ProblemLocation } from './problems.js';
import { explainOutsideChina, isInChina, keepLonLat, type CrsInfo } from './crs.js';

export type Position = [number, number];
export type MultiPolygonCoordinates = Position[][][];

/**
 * Check a GeoJSON geometry's structure, convert it to lon/lat MultiPolygon coordinates and check every
 * position lies in China; the first problem found is the geometry's one problem. Topology
 * (self-intersections…) is left to PostGIS, which says why.
 */
export function toLonLatMultiPolygon(
  geometry: unknown,
  crs: CrsInfo,
  where: ProblemLocation,
): { coordinates?: MultiPolygonCoordinates; problems: BundleProblem[] } {
  if (!geometry || typeof geometry !== 'object') return failure(where, 'is missing: a Polygon or MultiPolygon is required', problemDetail('geometryMissing', {}));
  const g = geometry as { type?: unknown; coordinates?: unknown };
  let polygons: unknown[];
  if (g.type === 'Polygon') polygons = [g.coordinates];
  else if (g.type === 'MultiPolygon' && Array.isArray(g.coordinates)) polygons = g.coordinates;
  else return failure(where, `is a ${String(g.type)}; a Polygon or MultiPolygon is required`, problemDetail('geometryNotPolygon', { geometryType: String(g.type) }));
  if (polygons.length === 0) return failure(where, 'is empty', problemDetail('geometryEmpty', {}));

  // Lon/lat pairs are kept (the same arrays), not copied, and arrays are made at their size rather than
  // grown: at 200 000 parcels the copies and grown arrays were ~800 bytes a parcel held until written, most
  // of the building's garbage-collection time.
  const keepPairs = crs.toLonLat === keepLonLat;
  const out: MultiPolygonCoordinates = new Array(polygons.length);
  for (let pi = 0; pi < polygons.length; pi++) {
    const polygon = polygons[pi];
    if (!Array.isArray(polygon) || polygon.length === 0) return failure(where, `polygon ${pi + 1} has no rings`, problemDetail('polygonWithoutRings', { polygon: pi + 1 }));
    const rings: Position[][] = new Array(polygon.length);
    for (let ri = 0; ri < polygon.length; ri++) {
      const ring: unknown = polygon[ri];
      if (!Array.isArray(ring)) {
        const { label, at } = ringPlace(pi, ri);
        return failure(where, `${label} is not an array of positions`, problemDetail('ringNotPositions', at));
      }
      if (ring.length < 4) {
        const { label, at } = ringPlace(pi, ri);
        return failure(where, `${label} has ${ring.length} positions; a ring needs at least 4 (the last repeating the first)`, problemDetail('ringTooShort', { ...at, positions: ring.length }));
      }
      const converted: Position[] = new Array(ring.length);
      for (let i = 0; i < ring.length; i++) {
        const position: unknown = ring[i];
        if (!Array.isArray(position) || position.length < 2 || !Number.isFinite(position[0]) || !Number.isFinite(position[1])) {
          const { label, at } = ringPlace(pi, ri);
          const shown = String(JSON.stringify(position)?.slice(0, 60));
          return failure(where, `${label} has a position that is not a pair of numbers: ${shown}`, problemDetail('positionNotNumbers', { ...at, position: shown }));
        }
        const source: Position = keepPairs && position.length === 2 ? (position as Position) : [position[0], position[1]];
        const lonLat = crs.toLonLat(source);
        if (!Number.isFinite(lonLat[0]) || !Number.isFinite(lonLat[1]) || !isInChina(lonLat)) {
          const outside = explainOutsideChina(source, lonLat, crs);
          return failure(where, outside.message, outside.detail);
        }
        converted[i] = lonLat;
      }
      const first = ring[0] as number[];
      const last = ring[ring.length - 1] as number[];
      if (first[0] !== last[0] || first[1] !== last[1]) {
        const { label, at } = ringPlace(pi, ri);
        return failure(where, `${label} is not closed: its last position must repeat the first`, problemDetail('ringNotClosed', at));
      }
      // Keep the ring closed exactly after conversion, whatever rounding did.
      converted[converted.length - 1] = converted[0];
      rings[ri] = converted;
    }
    out[pi] = rings;
  }
  return { coordinates: out, problems: [] };
}

function failure(where: ProblemLocation, message: string, detail: ProblemDetail): { problems: BundleProblem[] } {
  return { problems: [{ severity: 'error', ...where, field: 'geometry', message, ...detail }] };
}

/** Where a ring is, for a problem's message and params: 1-based. */
function ringPlace(polygonIndex: number, ringIndex: number): { label: string; at: { polygon: number; ring: number } } {
  const at = { polygon: polygonIndex + 1, ring: ringIndex + 1 };
  return { label: `polygon ${at.polygon} ring ${at.ring}`, at };
}
