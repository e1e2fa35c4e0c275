import { ScatterplotLayer } from '@deck.gl/layers';
import { HIGHLIGHT_LINE, HOVER_HIGHLIGHT, PARK_LINE, SELECTED_LINE } from '../palette';
import type { ParkPoint } from '../park-points';
import type { Rgb } from '../tiers';
import { FLAT_LAYER_PARAMETERS } from './draw-order';

export interface ParkMarkersLayerProps {
  points: ParkPoint[];
  /** The park's class colour (map/colouring.ts). */
  colorFor: (parkCode: string) => Rgb;
  selectedCode: string | null;
  /** A park pointed at elsewhere (a ranking row): enlarged and outlined. */
  highlightedCode?: string | null;
  onClick: (parkCode: string) => void;
  /** Markers matter at city zoom, where a 1–7 km² park is only a few pixels across. */
  visible: boolean;
}

export const MARKER_RADIUS_PIXELS = 7;
export const SELECTED_MARKER_RADIUS_PIXELS = 10;

/** One opaque dot per park in its tier colour, so every park can be seen and clicked at city zoom. */
export function createParkMarkersLayer({
  points,
  colorFor,
  selectedCode,
  highlightedCode = null,
  onClick,
  visible,
}: ParkMarkersLayerProps) {
  const emphasised = (code: string) => code === selectedCode || code === highlightedCode;
  return new ScatterplotLayer<ParkPoint>({
    id: 'park-markers',
    data: points,
    visible,
    pickable: true,
    parameters: FLAT_LAYER_PARAMETERS,
    autoHighlight: true,
    highlightColor: HOVER_HIGHLIGHT,
    getPosition: (point) => point.position,
    radiusUnits: 'pixels',
    getRadius: (point) => (emphasised(point.code) ? SELECTED_MARKER_RADIUS_PIXELS : MARKER_RADIUS_PIXELS),
    radiusMinPixels: MARKER_RADIUS_PIXELS,
    filled: true,
    getFillColor: (point) => colorFor(point.code),
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineColor: (point) =>
      point.code === selectedCode ? SELECTED_LINE : point.code === highlightedCode ? HIGHLIGHT_LINE : PARK_LINE,
    getLineWidth: (point) => (emphasised(point.code) ? 2.5 : 1.5),
    updateTriggers: {
      getFillColor: [colorFor],
      getRadius: [selectedCode, highlightedCode],
      getLineColor: [selectedCode, highlightedCode],
      getLineWidth: [selectedCode, highlightedCode],
    },
    onClick: (info) => {
      const code = (info.object as ParkPoint | undefined)?.code;
      if (!code) return false;
      onClick(code);
      return true;
    },
  });
}
