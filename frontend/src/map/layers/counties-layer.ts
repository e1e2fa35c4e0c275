import { GeoJsonLayer } from '@deck.gl/layers';
import type { RegionFeature, RegionProperties } from '../../api/types';
import { COUNTY_FILL, COUNTY_LINE } from '../palette';
import { FLAT_LAYER_PARAMETERS } from './draw-order';

export interface CountiesLayerProps {
  regions: RegionFeature[];
  visible?: boolean;
}

/** The ten counties of Ankang: light fill, thin outlines, not pickable. */
export function createCountiesLayer({ regions, visible = true }: CountiesLayerProps) {
  return new GeoJsonLayer<RegionProperties>({
    id: 'counties',
    data: regions,
    visible,
    filled: true,
    stroked: true,
    getFillColor: COUNTY_FILL,
    getLineColor: COUNTY_LINE,
    lineWidthUnits: 'pixels',
    getLineWidth: 1.2,
    pickable: false,
    parameters: FLAT_LAYER_PARAMETERS,
  });
}
