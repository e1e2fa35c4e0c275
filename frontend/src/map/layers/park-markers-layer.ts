import { ScatterplotLayer } from '@deck.gl/layers';
import { HOVER_HIGHLIGHT, PARK_LINE, SELECTED_LINE } from '../palette';
import type { ParkPoint } from '../park-points';
import type { Rgb } from '../tiers';

export interface ParkMarkersLayerProps {
  points: ParkPoint[];
  colorFor: (outputWanYuanPerMu: number | null) => Rgb;
  selectedCode: string | null;
  onClick: (parkCode: string) => void;
  /** Markers matter at city zoom, where a 1–7 km² park is only a few pixels across. */
  visible: boolean;
}

export const MARKER_RADIUS_PIXELS = 7;
export const SELECTED_MARKER_RADIUS_PIXELS = 10;

/** One opaque dot per park in its tier colour, so every park can be seen and clicked at city zoom. */
export function createParkMarkersLayer({ points, colorFor, selectedCode, onClick, visible }: ParkMarkersLayerProps) {
  return new ScatterplotLayer<ParkPoint>({
    id: 'park-markers',
    data: points,
    visible,
    pickable: true,
    autoHighlight: true,
    highlightColor: HOVER_HIGHLIGHT,
    getPosition: (point) => point.position,
    radiusUnits: 'pixels',
    getRadius: (point) => (point.code === selectedCode ? SELECTED_MARKER_RADIUS_PIXELS : MARKER_RADIUS_PIXELS),
    radiusMinPixels: MARKER_RADIUS_PIXELS,
    filled: true,
    getFillColor: (point) => colorFor(point.outputWanYuanPerMu),
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineColor: (point) => (point.code === selectedCode ? SELECTED_LINE : PARK_LINE),
    getLineWidth: (point) => (point.code === selectedCode ? 2.5 : 1.5),
    updateTriggers: {
      getFillColor: [colorFor],
      getRadius: [selectedCode],
      getLineColor: [selectedCode],
      getLineWidth: [selectedCode],
    },
    onClick: (info) => {
      const code = (info.object as ParkPoint | undefined)?.code;
      if (!code) return false;
      onClick(code);
      return true;
    },
  });
}
