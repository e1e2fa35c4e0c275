import { PolygonLayer } from '@deck.gl/layers';
import type { Position } from 'geojson';
import type { BuildingFeature } from '../../api/park-types';
import { buildingColor, buildingHeightM } from '../park-land';
import { SELECTED_LINE } from '../palette';
import { withAlpha } from '../tiers';

/** One outer ring with its holes: a MultiPolygon building is drawn as several of these. */
export interface BuildingPart {
  building: BuildingFeature;
  polygon: Position[][];
}

export interface BuildingsLayerProps {
  buildings: BuildingFeature[];
  selectedCode: string | null;
  onClick: (buildingCode: string) => void;
  visible?: boolean;
}

/** Colour of the selected building's walls: the selection ink, so it reads against any occupancy colour. */
const SELECTED_FILL = withAlpha([SELECTED_LINE[0], SELECTED_LINE[1], SELECTED_LINE[2]], 255);

export function toBuildingParts(buildings: readonly BuildingFeature[]): BuildingPart[] {
  return buildings.flatMap((building) => {
    const { geometry } = building;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    return polygons.map((polygon) => ({ building, polygon }));
  });
}

/**
 * Buildings extruded to their height (m; floors × storey height when unknown), standard factories
 * coloured by occupancy and the rest in slate; seen in 3D once the map is tilted.
 */
export function createBuildingsLayer({ buildings, selectedCode, onClick, visible = true }: BuildingsLayerProps) {
  return new PolygonLayer<BuildingPart>({
    id: 'buildings',
    data: toBuildingParts(buildings),
    visible,
    extruded: true,
    filled: true,
    stroked: false,
    wireframe: false,
    pickable: true,
    autoHighlight: true,
    highlightColor: [255, 255, 255, 90],
    getPolygon: (part) => part.polygon,
    getElevation: (part) => buildingHeightM(part.building.properties),
    getFillColor: (part) =>
      part.building.properties.code === selectedCode ? SELECTED_FILL : withAlpha(buildingColor(part.building.properties), 255),
    material: { ambient: 0.45, diffuse: 0.6, shininess: 16, specularColor: [60, 64, 70] },
    updateTriggers: { getFillColor: [selectedCode] },
    onClick: (info) => {
      const code = (info.object as BuildingPart | undefined)?.building.properties.code;
      if (!code) return false;
      onClick(code);
      return true;
    },
  });
}
