import { GeoJsonLayer } from '@deck.gl/layers';
import type { ParcelFeature, ParcelProperties } from '../../api/park-types';
import { HOVER_HIGHLIGHT, PARK_LINE, SELECTED_LINE } from '../palette';
import { type Rgb, withAlpha } from '../tiers';
import { FLAT_LAYER_PARAMETERS } from './draw-order';

export interface ParcelsLayerProps {
  parcels: ParcelFeature[];
  /** The parcel's class colour (map/parcel-colouring.ts). */
  colorFor: (parcelCode: string) => Rgb;
  selectedCode: string | null;
  onClick: (parcelCode: string) => void;
  visible?: boolean;
}

/** Opaque enough to read the class from above; buildings stand on top of it. */
export const PARCEL_FILL_ALPHA = 215;

/** A park's parcels filled by class, white outlines, the selected one outlined dark. */
export function createParcelsLayer({ parcels, colorFor, selectedCode, onClick, visible = true }: ParcelsLayerProps) {
  return new GeoJsonLayer<ParcelProperties>({
    id: 'parcels',
    data: parcels,
    visible,
    filled: true,
    stroked: true,
    pickable: true,
    parameters: FLAT_LAYER_PARAMETERS,
    autoHighlight: true,
    highlightColor: HOVER_HIGHLIGHT,
    getFillColor: (parcel) => withAlpha(colorFor(parcel.properties.code), PARCEL_FILL_ALPHA),
    getLineColor: (parcel) => (parcel.properties.code === selectedCode ? SELECTED_LINE : PARK_LINE),
    lineWidthUnits: 'pixels',
    getLineWidth: (parcel) => (parcel.properties.code === selectedCode ? 3 : 1),
    updateTriggers: {
      getFillColor: [colorFor],
      getLineColor: [selectedCode],
      getLineWidth: [selectedCode],
    },
    onClick: (info) => {
      const code = (info.object as ParcelFeature | undefined)?.properties.code;
      if (!code) return false;
      onClick(code);
      return true;
    },
  });
}
