import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Rgba } from '../map/tiers';
import { FLAT_LAYER_PARAMETERS } from '../map/layers/draw-order';

/** Buildings with a matching unit: a colour no park tier, county or river uses (map/palette.ts). */
export const VACANCY_FILL: Rgba = [255, 140, 0, 235];
export const VACANCY_LINE: Rgba = [120, 40, 0, 255];
/** The building last chosen from the result list. */
export const VACANCY_SELECTED_LINE: Rgba = [20, 30, 60, 255];

export const VACANCY_LAYER_ID = 'vacancy-buildings';

export interface VacancyLayerBuilding {
  buildingCode: string;
  footprint: Polygon | MultiPolygon;
}

export interface VacancyLayerProps {
  buildings: readonly VacancyLayerBuilding[];
  selectedCode?: string | null;
  onClick?: (buildingCode: string) => void;
}

type BuildingFeature = Feature<Polygon | MultiPolygon, { code: string }>;

/**
 * The buildings the vacancy finder found, filled bright over the parks, with a minimum outline width
 * in pixels so a 50 m building still shows at city zoom.
 */
export function createVacancyLayer({ buildings, selectedCode = null, onClick }: VacancyLayerProps) {
  const features: BuildingFeature[] = buildings.map((b) => ({
    type: 'Feature',
    properties: { code: b.buildingCode },
    geometry: b.footprint,
  }));
  return new GeoJsonLayer<{ code: string }>({
    id: VACANCY_LAYER_ID,
    data: features,
    filled: true,
    stroked: true,
    pickable: true,
    parameters: FLAT_LAYER_PARAMETERS,
    getFillColor: VACANCY_FILL,
    getLineColor: (f) => (f.properties.code === selectedCode ? VACANCY_SELECTED_LINE : VACANCY_LINE),
    lineWidthUnits: 'pixels',
    getLineWidth: (f) => (f.properties.code === selectedCode ? 4 : 2),
    lineWidthMinPixels: 2,
    updateTriggers: { getLineColor: [selectedCode], getLineWidth: [selectedCode] },
    onClick: (info) => {
      const code = (info.object as BuildingFeature | undefined)?.properties.code;
      if (!code || !onClick) return false;
      onClick(code);
      return true;
    },
  });
}
