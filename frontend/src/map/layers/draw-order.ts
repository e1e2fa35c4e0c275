// How the deck.gl layers share MapLibre's depth buffer (interleaved mode).
//
// Counties, rivers, parks, parcels, findings, markers and labels all lie at height 0. Tested against
// each other's depth they fight once the map is tilted (rounding differs per draw call), and the fill
// that wins changes from pixel row to row: stripes. Drawn without the depth test and without writing
// depth, each is painted over the layers listed before it (map-layers.ts gives the order), and only
// the extruded buildings use depth, to hide each other's walls.
import type { LayerProps } from '@deck.gl/core';

/** For every layer at ground level: painted in list order, whatever the pitch. */
export const FLAT_LAYER_PARAMETERS = {
  depthCompare: 'always',
  depthWriteEnabled: false,
} as const satisfies NonNullable<LayerProps['parameters']>;
