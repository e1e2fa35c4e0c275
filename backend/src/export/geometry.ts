/** Polygon geometry as the export formats need it: polygons only, rings oriented, extent known. */
export type Ring = number[][];
export type PolygonRings = Ring[];

/** The polygons of a Polygon, MultiPolygon or GeometryCollection (others and empty parts are dropped). */
export function toPolygons(geometry: GeoJSON.Geometry | null | undefined): PolygonRings[] {
  if (!geometry) return [];
  switch (geometry.type) {
    case 'Polygon':
      return geometry.coordinates.length && geometry.coordinates[0].length ? [geometry.coordinates] : [];
    case 'MultiPolygon':
      return geometry.coordinates.filter((p) => p.length && p[0].length);
    case 'GeometryCollection':
      return geometry.geometries.flatMap(toPolygons);
    default:
      return [];
  }
}

/** Twice the signed planar area of a ring (shoelace): positive when counter-clockwise, in squared coordinate units. */
export function ringSignedArea2(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return sum;
}

/** Outer rings counter-clockwise and holes clockwise when `outerCounterClockwise`, the other way round if not. */
export function orientPolygon(rings: PolygonRings, outerCounterClockwise: boolean): PolygonRings {
  return rings.map((ring, i) => {
    const wantCounterClockwise = i === 0 ? outerCounterClockwise : !outerCounterClockwise;
    return ringSignedArea2(ring) > 0 === wantCounterClockwise ? ring : [...ring].reverse();
  });
}

/**
 * RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise. Polygons and MultiPolygons keep their
 * type; a collection of polygons becomes a MultiPolygon; no polygon at all becomes null.
 */
export function toRfc7946Geometry(geometry: GeoJSON.Geometry | null | undefined): GeoJSON.Polygon | GeoJSON.MultiPolygon | null {
  const polygons = toPolygons(geometry).map((p) => orientPolygon(p, true));
  if (!polygons.length) return null;
  if (geometry?.type === 'Polygon') return { type: 'Polygon', coordinates: polygons[0] };
  return { type: 'MultiPolygon', coordinates: polygons };
}

export interface Extent {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function extentOf(polygons: PolygonRings[], into?: Extent): Extent {
  const e = into ?? { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const rings of polygons) {
    for (const [x, y] of rings[0] ?? []) {
      if (x < e.minX) e.minX = x;
      if (y < e.minY) e.minY = y;
      if (x > e.maxX) e.maxX = x;
      if (y > e.maxY) e.maxY = y;
    }
  }
  return e;
}
