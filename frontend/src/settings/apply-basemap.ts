// Puts an online basemap's rasters into a running MapLibre map, under the deck.gl layers, and makes the
// county fill transparent so the basemap shows through.
import type { Layer } from '@deck.gl/core';
import type { GeoJsonLayer } from '@deck.gl/layers';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { BASEMAP_ID_PREFIX, type BasemapChoice, createBasemapLayers } from './basemap';

/** Replaces whatever basemap rasters the map has with the choice's (none for offline). */
export function applyBasemap(map: MapLibreMap, choice: BasemapChoice): void {
  const style = map.getStyle();
  for (const layer of style.layers) if (layer.id.startsWith(BASEMAP_ID_PREFIX)) map.removeLayer(layer.id);
  for (const id of Object.keys(style.sources)) if (id.startsWith(BASEMAP_ID_PREFIX)) map.removeSource(id);
  const { sources, layers } = createBasemapLayers(choice);
  // Below the first layer that is neither the background nor ours: deck.gl's interleaved layers.
  const above = map.getStyle().layers.find((l) => l.id !== 'background' && !l.id.startsWith(BASEMAP_ID_PREFIX))?.id;
  for (const [id, source] of Object.entries(sources)) map.addSource(id, source);
  for (const layer of layers) map.addLayer(layer, above);
}

/** The county layer's opaque fill would hide an online basemap: keep its outline only. */
export function adaptLayersToBasemap(layers: Layer[], online: boolean): Layer[] {
  if (!online) return layers;
  return layers.map((layer) =>
    layer.id === 'counties' ? (layer as GeoJsonLayer).clone({ filled: false }) : layer,
  );
}
