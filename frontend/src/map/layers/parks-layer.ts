import { GeoJsonLayer } from '@deck.gl/layers';
import type { ParkFeature, ParkProperties } from '../../api/types';
import { HIGHLIGHT_LINE, HOVER_HIGHLIGHT, PARK_LINE, SELECTED_LINE } from '../palette';
import { type Rgb, withAlpha } from '../tiers';
import { FLAT_LAYER_PARAMETERS } from './draw-order';

export interface ParksLayerProps {
  parks: ParkFeature[];
  /** The park's class colour (map/colouring.ts). */
  colorFor: (parkCode: string) => Rgb;
  selectedCode: string | null;
  /** A park pointed at elsewhere (a ranking row), outlined like a hover. */
  highlightedCode?: string | null;
  onClick: (parkCode: string) => void;
  /** The park whose parcels are drawn over it: filled faintly, so the parcels' colours read true. */
  fadedCode?: string | null;
}

/** Opaque enough to read the class, translucent enough to see the county outline beneath. */
export const PARK_FILL_ALPHA = 220;
/** Fill of a park under its own parcels: a hint of its class between them. */
export const FADED_PARK_FILL_ALPHA = 50;

const lineColorOf = (code: string, selectedCode: string | null, highlightedCode: string | null) =>
  code === selectedCode ? SELECTED_LINE : code === highlightedCode ? HIGHLIGHT_LINE : PARK_LINE;

/** Park boundaries filled by class; hover highlights, the selected park gets a dark outline. */
export function createParksLayer({ parks, colorFor, selectedCode, highlightedCode = null, onClick, fadedCode = null }: ParksLayerProps) {
  return new GeoJsonLayer<ParkProperties>({
    id: 'parks',
    data: parks,
    filled: true,
    stroked: true,
    pickable: true,
    parameters: FLAT_LAYER_PARAMETERS,
    autoHighlight: true,
    highlightColor: HOVER_HIGHLIGHT,
    getFillColor: (park) =>
      withAlpha(colorFor(park.properties.code), park.properties.code === fadedCode ? FADED_PARK_FILL_ALPHA : PARK_FILL_ALPHA),
    getLineColor: (park) => lineColorOf(park.properties.code, selectedCode, highlightedCode),
    lineWidthUnits: 'pixels',
    getLineWidth: (park) =>
      park.properties.code === selectedCode || park.properties.code === highlightedCode ? 3 : 1,
    updateTriggers: {
      getFillColor: [colorFor, fadedCode],
      getLineColor: [selectedCode, highlightedCode],
      getLineWidth: [selectedCode, highlightedCode],
    },
    onClick: (info) => {
      const code = (info.object as ParkFeature | undefined)?.properties.code;
      if (!code) return false;
      onClick(code);
      return true;
    },
  });
}
