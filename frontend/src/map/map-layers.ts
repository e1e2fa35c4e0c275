import type { Layer } from '@deck.gl/core';
import type { ParkFeature, RegionFeature, RiverFeature } from '../api/types';
import type { BuildingFeature, LandUseFeature, ParcelFeature } from '../api/park-types';
import { ALL_LAYERS_ON, type LayerVisibility } from '../city/park-view-state';
import { createBuildingsLayer } from './layers/buildings-layer';
import { createCountiesLayer } from './layers/counties-layer';
import { createLandUseLayer } from './layers/land-use-layer';
import { createParcelsLayer } from './layers/parcels-layer';
import { createCountyLabelsLayer, createParkLabelsLayer } from './layers/labels-layer';
import { createParkMarkersLayer } from './layers/park-markers-layer';
import { createParksLayer } from './layers/parks-layer';
import { createRiversLayer } from './layers/rivers-layer';
import type { MapLabel, ParkPoint } from './park-points';
import type { Rgb } from './tiers';

/** From this zoom on, park polygons are large enough (≳ 50 px) to replace the markers. */
export const POLYGON_ONLY_MIN_ZOOM = 11;
/** From this zoom on, park names no longer crowd each other. */
export const PARK_LABELS_MIN_ZOOM = 10;

export interface MapLayersState {
  regions: RegionFeature[];
  rivers: RiverFeature[];
  parks: ParkFeature[];
  parkPoints: ParkPoint[];
  countyLabels: MapLabel[];
  parkLabels: MapLabel[];
  selectedCode: string | null;
  /** A park pointed at from the ranking list. */
  highlightedCode?: string | null;
  /** Each park's class colour (map/colouring.ts). */
  colorFor: (parkCode: string) => Rgb;
  zoom: number;
  onParkClick: (parkCode: string) => void;
  /** Clicks on a county outside every park; counties are not clickable without it. */
  onCountyClick?: (regionCode: string) => void;
  /** The county whose panel is open, outlined. */
  selectedCountyCode?: string | null;
  /** The selected park's land, once loaded; its park polygon is then drawn faint beneath it. */
  parkLand?: ParkLandState | null;
  /** Which layers are on (default: all). */
  layerVisibility?: LayerVisibility;
}

/** One park's parcels, buildings and land-use findings, and what is selected among them. */
export interface ParkLandState {
  parkCode: string;
  parcels: ParcelFeature[];
  buildings: BuildingFeature[];
  findings: LandUseFeature[];
  /** The parcel's class colour (map/parcel-colouring.ts). */
  parcelColorFor: (parcelCode: string) => Rgb;
  selectedParcelCode: string | null;
  selectedBuildingCode: string | null;
  onParcelClick: (parcelCode: string) => void;
  onBuildingClick: (buildingCode: string) => void;
}

/**
 * Every deck.gl layer of the map, bottom to top. Text layers join once they have labels: a TextLayer
 * with no text builds an empty font atlas, which WebGL rejects with a warning.
 */
export function createMapLayers(state: MapLayersState): Layer[] {
  const { selectedCode, onParkClick, zoom, colorFor } = state;
  const highlightedCode = state.highlightedCode ?? null;
  const visibility = state.layerVisibility ?? ALL_LAYERS_ON;
  const land = state.parkLand ?? false;
  const layers: (Layer | false)[] = [
    createCountiesLayer({
      regions: state.regions,
      visible: visibility.counties,
      onClick: state.onCountyClick,
      selectedCode: state.selectedCountyCode ?? null,
    }),
    createRiversLayer({ rivers: state.rivers }),
    // County names under the parks, so no park colour is ever hidden by text.
    state.countyLabels.length > 0 && createCountyLabelsLayer({ labels: state.countyLabels }),
    createParksLayer({
      parks: state.parks,
      colorFor,
      selectedCode,
      highlightedCode,
      onClick: onParkClick,
      fadedCode: land && visibility.parcels ? land.parkCode : null,
    }),
    land &&
      createParcelsLayer({
        parcels: land.parcels,
        colorFor: land.parcelColorFor,
        selectedCode: land.selectedParcelCode,
        onClick: land.onParcelClick,
        visible: visibility.parcels,
      }),
    land && createLandUseLayer({ findings: land.findings, onParcelClick: land.onParcelClick, visible: visibility.landUse }),
    land &&
      createBuildingsLayer({
        buildings: land.buildings,
        selectedCode: land.selectedBuildingCode,
        onClick: land.onBuildingClick,
        visible: visibility.buildings,
      }),
    createParkMarkersLayer({
      points: state.parkPoints,
      colorFor,
      selectedCode,
      highlightedCode,
      onClick: onParkClick,
      visible: zoom < POLYGON_ONLY_MIN_ZOOM,
    }),
    state.parkLabels.length > 0 &&
      createParkLabelsLayer({ labels: state.parkLabels, visible: zoom >= PARK_LABELS_MIN_ZOOM }),
  ];
  return layers.filter((layer): layer is Layer => layer !== false);
}
