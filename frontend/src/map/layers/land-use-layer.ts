import { GeoJsonLayer } from '@deck.gl/layers';
import type { LandUseFeature, LandUseKind, LandUseProperties } from '../../api/park-types';
import { LAND_USE_COLORS } from '../park-land';
import { withAlpha } from '../tiers';
import { FLAT_LAYER_PARAMETERS } from './draw-order';

export interface LandUseLayerProps {
  findings: LandUseFeature[];
  /** A finding on a parcel opens that parcel; unsupplied land outside parcels is not clickable. */
  onParcelClick: (parcelCode: string) => void;
  visible?: boolean;
}

/** Translucent: the parcel's class colour still shows through the finding's tint. */
export const LAND_USE_FILL_ALPHA = 90;
/** Idle land is the finding with legal consequences (fee, take-back): the heaviest outline, in px. */
const LINE_WIDTH_PX: Readonly<Record<LandUseKind, number>> = { idle: 4, lowYield: 3, underused: 2, unsupplied: 2 };

/** Idle, under-used, unsupplied and low-yield land, outlined and tinted by kind. */
export function createLandUseLayer({ findings, onParcelClick, visible = true }: LandUseLayerProps) {
  return new GeoJsonLayer<LandUseProperties>({
    id: 'land-use',
    data: findings,
    visible,
    filled: true,
    stroked: true,
    pickable: true,
    parameters: FLAT_LAYER_PARAMETERS,
    getFillColor: (f) => withAlpha(LAND_USE_COLORS[f.properties.kind], LAND_USE_FILL_ALPHA),
    getLineColor: (f) => withAlpha(LAND_USE_COLORS[f.properties.kind], 255),
    lineWidthUnits: 'pixels',
    getLineWidth: (f) => LINE_WIDTH_PX[f.properties.kind],
    onClick: (info) => {
      const code = (info.object as LandUseFeature | undefined)?.properties.parcelCode;
      if (!code) return false;
      onParcelClick(code);
      return true;
    },
  });
}
