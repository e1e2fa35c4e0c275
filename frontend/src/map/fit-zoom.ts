// The zoom at which an extent fills the map, for flying into a park. Web Mercator with MapLibre's
// 512 px tiles: the world is 512 · 2^zoom px wide.
import type { MultiPolygon, Polygon } from 'geojson';

/** [west, south, east, north] in degrees. */
export type Bbox = [number, number, number, number];

const TILE_SIZE_PX = 512;

export function computeBbox(geometry: Polygon | MultiPolygon): Bbox {
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  const bbox: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings) {
    for (const [lon, lat] of ring) {
      bbox[0] = Math.min(bbox[0], lon);
      bbox[1] = Math.min(bbox[1], lat);
      bbox[2] = Math.max(bbox[2], lon);
      bbox[3] = Math.max(bbox[3], lat);
    }
  }
  return bbox;
}

/** Mercator y of a latitude as a fraction of the world's height (0 at the top). */
const mercatorY = (lat: number) => (1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2;

/** The largest zoom at which the box fits in widthPx × heightPx; null when the map has no size yet. */
export function zoomToFit([west, south, east, north]: Bbox, widthPx: number, heightPx: number): number | null {
  if (!(widthPx > 0 && heightPx > 0)) return null;
  const spanX = Math.max((east - west) / 360, 1e-9);
  const spanY = Math.max(mercatorY(south) - mercatorY(north), 1e-9);
  return Math.log2(Math.min(widthPx / (spanX * TILE_SIZE_PX), heightPx / (spanY * TILE_SIZE_PX)));
}
