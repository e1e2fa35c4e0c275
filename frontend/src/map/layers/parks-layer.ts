import { GeoJsonLayer } from '@deck.gl/layers';
import type { ParkFeature, ParkProperties } from '../../api/types';
import { HOVER_HIGHLIGHT, PARK_LINE, SELECTED_LINE } from '../palette';
import { type Rgb, withAlpha } from '../tiers';

export interface ParksLayerProps {
  parks: ParkFeature[];
  colorFor: (outputWanYuanPerMu: number | null) => Rgb;
  selectedCode: string | null;
  onClick: (parkCode: string) => void;
}

/** Opaque enough to read the class, translucent enough to see the county outline beneath. */
export const PARK_FILL_ALPHA = 220;

/** Park boundaries filled by 亩均产值 class; hover highlights, the selected park gets a dark outline. */
export function createParksLayer({ parks, colorFor, selectedCode, onClick }: ParksLayerProps) {
  return new GeoJsonLayer<ParkProperties>({
    id: 'parks',
    data: parks,
    filled: true,
    stroked: true,
    pickable: true,
    autoHighlight: true,
    highlightColor: HOVER_HIGHLIGHT,
    getFillColor: (park) => withAlpha(colorFor(park.properties.outputWanYuanPerMu), PARK_FILL_ALPHA),
    getLineColor: (park) => (park.properties.code === selectedCode ? SELECTED_LINE : PARK_LINE),
    lineWidthUnits: 'pixels',
    getLineWidth: (park) => (park.properties.code === selectedCode ? 3 : 1),
    updateTriggers: {
      getFillColor: [colorFor],
      getLineColor: [selectedCode],
      getLineWidth: [selectedCode],
    },
    onClick: (info) => {
      const code = (info.object as ParkFeature | undefined)?.properties.code;
      if (!code) return false;
      onClick(code);
      return true;
    },
  });
}
