import { problemDetail, type BundleProblem, type ProblemDetail, type ProblemLocation } from './problems.js';
import { explainOutsideChina, isInChina, type CrsInfo } from './crs.js';

export type Position = [number, number];
export type MultiPolygonCoordinates = Position[][][];

const MAX_PROBLEMS_PER_GEOMETRY = 1;

/**
 * Check a GeoJSON geometry's structure, convert it to lon/lat MultiPolygon coordinates and check every
 * position lies in China. Topology (self-intersections…) is left to PostGIS, which says why.
 */
export function toLonLatMultiPolygon(
  geometry: unknown,
  crs: CrsInfo,
  where: ProblemLocation,
): { coordinates?: MultiPolygonCoordinates; problems: BundleProblem[] } {
  const problems: BundleProblem[] = [];
  const fail = (message: string, detail: ProblemDetail) => {
    problems.push({ severity: 'error', ...where, field: 'geometry', message, ...detail });
    return { problems };
  };
  if (!geometry || typeof geometry !== 'object') return fail('is missing: a Polygon or MultiPolygon is required', problemDetail('geometryMissing', {}));
  const g = geometry as { type?: unknown; coordinates?: unknown };
  let polygons: unknown[];
  if (g.type === 'Polygon') polygons = [g.coordinates];
  else if (g.type === 'MultiPolygon' && Array.isArray(g.coordinates)) polygons = g.coordinates;
  else return fail(`is a ${String(g.type)}; a Polygon or MultiPolygon is required`, problemDetail('geometryNotPolygon', { geometryType: String(g.type) }));
  if (polygons.length === 0) return fail('is empty', problemDetail('geometryEmpty', {}));

  const out: MultiPolygonCoordinates = [];
  for (const [pi, polygon] of polygons.entries()) {
    if (!Array.isArray(polygon) || polygon.length === 0) return fail(`polygon ${pi + 1} has no rings`, problemDetail('polygonWithoutRings', { polygon: pi + 1 }));
    const rings: Position[][] = [];
    for (const [ri, ring] of polygon.entries()) {
      const label = `polygon ${pi + 1} ring ${ri + 1}`;
      const at = { polygon: pi + 1, ring: ri + 1 };
      if (!Array.isArray(ring)) return fail(`${label} is not an array of positions`, problemDetail('ringNotPositions', at));
      if (ring.length < 4) return fail(`${label} has ${ring.length} positions; a ring needs at least 4 (the last repeating the first)`, problemDetail('ringTooShort', { ...at, positions: ring.length }));
      const converted: Position[] = [];
      for (const position of ring) {
        if (!Array.isArray(position) || position.length < 2 || !Number.isFinite(position[0]) || !Number.isFinite(position[1])) {
          const shown = String(JSON.stringify(position)?.slice(0, 60));
          return fail(`${label} has a position that is not a pair of numbers: ${shown}`, problemDetail('positionNotNumbers', { ...at, position: shown }));
        }
        const source: Position = [position[0], position[1]];
        const lonLat = crs.toLonLat(source);
        if (!Number.isFinite(lonLat[0]) || !Number.isFinite(lonLat[1]) || !isInChina(lonLat)) {
          if (problems.length < MAX_PROBLEMS_PER_GEOMETRY) {
            const outside = explainOutsideChina(source, lonLat, crs);
            fail(outside.message, outside.detail);
          }
          return { problems };
        }
        converted.push(lonLat);
      }
      const first = ring[0] as number[];
      const last = ring[ring.length - 1] as number[];
      if (first[0] !== last[0] || first[1] !== last[1]) return fail(`${label} is not closed: its last position must repeat the first`, problemDetail('ringNotClosed', at));
      // Keep the ring closed exactly after conversion, whatever rounding did.
      converted[converted.length - 1] = converted[0];
      rings.push(converted);
    }
    out.push(rings);
  }
  return { coordinates: out, problems };
}
