import type { StyleSpecification } from 'maplibre-gl';
import { BACKGROUND_CSS } from './palette';

/**
 * A style that fetches nothing: no tiles, no glyphs, no sprite. Everything else is drawn by deck.gl
 * from the API's GeoJSON. Without glyphs, symbol layers must never be added to it.
 */
export function createOfflineStyle(): StyleSpecification {
  return {
    version: 8,
    name: 'MuYield offline',
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': BACKGROUND_CSS } }],
  };
}

/** Ankang prefecture, [west, south, east, north] in degrees. */
export const ANKANG_BOUNDS: [number, number, number, number] = [108.0, 31.7, 110.2, 33.5];
