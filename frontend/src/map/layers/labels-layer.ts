import { TextLayer } from '@deck.gl/layers';
import { COUNTY_LABEL, LABEL_FONT_FAMILY, LABEL_HALO, PARK_LABEL } from '../palette';
import type { MapLabel } from '../park-points';
import { FLAT_LAYER_PARAMETERS } from './draw-order';

// Text is drawn by deck.gl because the offline style has no glyph server, so MapLibre symbol
// layers cannot be used. 'auto' builds the font atlas from the labels' own characters (Chinese).
const SHARED_TEXT_PROPS = {
  characterSet: 'auto',
  fontFamily: LABEL_FONT_FAMILY,
  fontSettings: { sdf: true, fontSize: 64, buffer: 6, radius: 12 },
  outlineWidth: 3,
  outlineColor: LABEL_HALO,
  sizeUnits: 'pixels',
  getPosition: (label: MapLabel) => label.position,
  getText: (label: MapLabel) => label.text,
  pickable: false,
  parameters: FLAT_LAYER_PARAMETERS,
} as const;

export interface CountyLabelsLayerProps {
  labels: MapLabel[];
}

export function createCountyLabelsLayer({ labels }: CountyLabelsLayerProps) {
  return new TextLayer<MapLabel>({
    ...SHARED_TEXT_PROPS,
    id: 'county-labels',
    data: labels,
    getSize: 15,
    fontWeight: 'bold',
    getColor: COUNTY_LABEL,
  });
}

export interface ParkLabelsLayerProps {
  labels: MapLabel[];
  /** Park names crowd each other at city zoom; show them closer in. */
  visible: boolean;
}

/** Park names, placed just below the park's marker or centre. */
export function createParkLabelsLayer({ labels, visible }: ParkLabelsLayerProps) {
  return new TextLayer<MapLabel>({
    ...SHARED_TEXT_PROPS,
    id: 'park-labels',
    data: labels,
    visible,
    getSize: 12,
    getColor: PARK_LABEL,
    getTextAnchor: 'middle',
    getAlignmentBaseline: 'top',
    getPixelOffset: [0, 11],
  });
}
