import { GeoJsonLayer } from '@deck.gl/layers';
import type { LandUseFeature, LandUseKind, LandUseProperties } from '../../api/park-types';
import { landUseColorOf } from '../park-land';
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
/** A possible data gap is land to check, not a finding proven: the lightest outline, in px. */
const DATA_GAP_LINE_WIDTH_PX = 1;

/** Idle, under-used, unsupplied and low-yield land, outlined and tinted by kind; possible data gaps apart. */
export function createLandUseLayer({ findings, onParcelClick, visible = true }: LandUseLayerProps) {
  return new GeoJsonLayer<LandUseProperties>({
    id: 'land-use',
    data: findings,
    visible,
    filled: true,
    stroked: true,
    pickable: true,
    parameters: FLAT_LAYER_PARAMETERS,
    getFillColor: (f) => withAlpha(landUseColorOf(f.properties), LAND_USE_FILL_ALPHA),
    getLineColor: (f) => withAlpha(landUseColorOf(f.properties), 255),
    lineWidthUnits: 'pixels',
    getLineWidth: (f) => (f.properties.possibleDataGap ? DATA_GAP_LINE_WIDTH_PX : LINE_WIDTH_PX[f.properties.kind]),
    onClick: (info) => {
      const code = (info.object as LandUseFeature | undefined)?.properties.parcelCode;
      if (!code) return false;
      onParcelClick(code);
      return true;
    },
  });
}
