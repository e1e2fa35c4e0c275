import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * What the browser test reads: the map, to project park positions to pixels, and `ready`, set once
 * parks are loaded and a frame with them has been drawn.
 */
export interface MuYieldTestHook {
  map: MapLibreMap;
  ready: boolean;
  /** The deck.gl overlay, to pick what a layer drew at a pixel. */
  overlay?: MapboxOverlay;
}

declare global {
  interface Window {
    __muyield?: MuYieldTestHook;
  }
}
