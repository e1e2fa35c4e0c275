import { GeoJsonLayer } from '@deck.gl/layers';
import type { RegionFeature, RegionProperties } from '../../api/types';
import { COUNTY_FILL, COUNTY_LINE } from '../palette';
import { FLAT_LAYER_PARAMETERS } from './draw-order';

export interface CountiesLayerProps {
  regions: RegionFeature[];
  visible?: boolean;
  /** A click in a county (outside every park, which are drawn above); not pickable without it. */
  onClick?: (regionCode: string) => void;
  /** The county whose panel is open: outlined thicker. */
  selectedCode?: string | null;
}

/** Outline width of the open county, px (the others: 1.2). */
const SELECTED_LINE_WIDTH_PX = 3;

/** The counties of the city: light fill, thin outlines; clickable when a click handler is given. */
export function createCountiesLayer({ regions, visible = true, onClick, selectedCode = null }: CountiesLayerProps) {
  return new GeoJsonLayer<RegionProperties>({
    id: 'counties',
    data: regions,
    visible,
    filled: true,
    stroked: true,
    getFillColor: COUNTY_FILL,
    getLineColor: COUNTY_LINE,
    lineWidthUnits: 'pixels',
    getLineWidth: (f) => (f.properties.code === selectedCode ? SELECTED_LINE_WIDTH_PX : 1.2),
    updateTriggers: { getLineWidth: selectedCode },
    pickable: Boolean(onClick),
    onClick: onClick ? (info) => (info.object ? (onClick(info.object.properties.code), true) : false) : undefined,
    parameters: FLAT_LAYER_PARAMETERS,
  });
}
