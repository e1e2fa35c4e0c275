// The zoom at which an extent fills the map, and the part of the map left free by the panels around
// it, for flying into a park. Web Mercator with MapLibre's 512 px tiles: the world is 512 · 2^zoom px wide.
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

/** A screen rectangle in px (a DOMRect's fields). */
export interface ScreenRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Pixels at each edge of the map covered by panels and controls: MapLibre's `padding`. */
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const NO_INSETS: Insets = { top: 0, right: 0, bottom: 0, left: 0 };

/**
 * The map's edges hidden by whatever surrounds its free part: the free part's distance from each edge of
 * the map (never negative), plus `marginPx` of room around what is framed.
 */
export function freeInsets(map: ScreenRect, free: ScreenRect, marginPx = 0): Insets {
  const edge = (px: number) => Math.max(0, px) + marginPx;
  return {
    top: edge(free.top - map.top),
    right: edge(map.right - free.right),
    bottom: edge(map.bottom - free.bottom),
    left: edge(free.left - map.left),
  };
}

/** Whether a screen point (relative to the map's top left) lies in the map's free part. */
export function isInsideFree([x, y]: [number, number], widthPx: number, heightPx: number, insets: Insets): boolean {
  return x >= insets.left && x <= widthPx - insets.right && y >= insets.top && y <= heightPx - insets.bottom;
}

/** The smallest pan (px, as MapLibre's panBy takes it) that brings a screen point into the free part. */
export function panIntoFree([x, y]: [number, number], widthPx: number, heightPx: number, insets: Insets): [number, number] {
  const clamp = (v: number, low: number, high: number) => (high < low ? (low + high) / 2 : Math.min(Math.max(v, low), high));
  return [x - clamp(x, insets.left, widthPx - insets.right), y - clamp(y, insets.top, heightPx - insets.bottom)];
}
