import { GeoJsonLayer } from '@deck.gl/layers';
import type { RiverFeature, RiverProperties } from '../../api/types';
import { RIVER_LINE } from '../palette';
import { FLAT_LAYER_PARAMETERS } from './draw-order';

export interface RiversLayerProps {
  rivers: RiverFeature[];
}

/** Line width in pixels by GSHHG river level: 1 is the Han River class, 4 a minor stream. */
export function riverWidthPixels(wdbLevel: number): number {
  if (wdbLevel <= 1) return 2.5;
  if (wdbLevel === 2) return 1.8;
  if (wdbLevel === 3) return 1.2;
  return 0.8;
}

export function createRiversLayer({ rivers }: RiversLayerProps) {
  return new GeoJsonLayer<RiverProperties>({
    id: 'rivers',
    data: rivers,
    stroked: true,
    filled: false,
    getLineColor: RIVER_LINE,
    lineWidthUnits: 'pixels',
    getLineWidth: (river) => riverWidthPixels(river.properties.wdb_level),
    lineCapRounded: true,
    lineJointRounded: true,
    pickable: false,
    parameters: FLAT_LAYER_PARAMETERS,
  });
}
