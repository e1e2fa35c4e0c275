// The city view's shareable state in the query string:
//   ?year=2025&metric=taxWanYuanPerMu&classes=quantile&park=G612150&county=610902&view=108.9,32.7,9
// Defaults are left out, so the plain URL is the default view. Pure: strings in, state out.
import type { ClassMethodChoice } from '../map/colouring';
import { type ColourBy, isColourBy } from './city-metrics';
import {
  ALL_LAYERS_ON,
  DEFAULT_PARCEL_COLOUR_BY,
  type DetailSelection,
  type LayerVisibility,
  type ParcelColourBy,
  parseLayers,
  parseParcelColourBy,
  parseSelection,
  writeLayers,
  writeSelection,
} from './park-view-state';

export interface MapView {
  lon: number;
  lat: number;
  zoom: number;
  /** Tilt in degrees (0: straight down) and rotation in degrees clockwise from north; absent: 0. */
  pitch?: number;
  bearing?: number;
}

export interface CityViewState {
  /** null: the latest reported year. */
  year: number | null;
  metric: ColourBy;
  classes: ClassMethodChoice;
  park: string | null;
  /** The county whose panel is open (a park opened from it keeps it, to come back to). */
  county: string | null;
  /** null: the whole city, fitted to the window. */
  view: MapView | null;
  /** A parcel, building (and unit) or enterprise of the park, shown in the details panel. */
  selection: DetailSelection | null;
  layers: LayerVisibility;
  parcelBy: ParcelColourBy;
}

export const DEFAULT_CITY_VIEW: CityViewState = {
  year: null,
  metric: 'outputWanYuanPerMu',
  classes: 'fixed',
  park: null,
  county: null,
  view: null,
  selection: null,
  layers: ALL_LAYERS_ON,
  parcelBy: DEFAULT_PARCEL_COLOUR_BY,
};

const CLASS_CHOICES: readonly ClassMethodChoice[] = ['fixed', 'quantile', 'equalInterval', 'naturalBreaks'];
/** Decimals kept in the URL: 4 for degrees (≈ 10 m), 2 for zoom. */
const DEGREE_DIGITS = 4;
const ZOOM_DIGITS = 2;

function parseView(text: string | null): MapView | null {
  if (!text) return null;
  const parts = text.split(',').map(Number);
  if ((parts.length !== 3 && parts.length !== 5) || parts.some((n) => !Number.isFinite(n))) return null;
  const [lon, lat, zoom, pitch, bearing] = parts;
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90 || zoom < 0 || zoom > 24) return null;
  if (parts.length === 3) return { lon, lat, zoom };
  if (pitch < 0 || pitch > 85 || Math.abs(bearing) > 180) return null;
  return { lon, lat, zoom, pitch, bearing };
}

/** Unknown or malformed values fall back to the default, one parameter at a time. */
export function parseCityViewState(search: string): CityViewState {
  const params = new URLSearchParams(search);
  const yearText = params.get('year');
  const year = yearText !== null && /^\d{4}$/.test(yearText) ? Number(yearText) : null;
  const metric = params.get('metric');
  const classes = params.get('classes') as ClassMethodChoice | null;
  const park = params.get('park');
  const county = params.get('county');
  return {
    year,
    metric: isColourBy(metric) ? metric : DEFAULT_CITY_VIEW.metric,
    classes: classes !== null && CLASS_CHOICES.includes(classes) ? classes : DEFAULT_CITY_VIEW.classes,
    park: park ? park : null,
    county: county && /^\d{6}$/.test(county) ? county : null,
    view: parseView(params.get('view')),
    selection: park ? parseSelection(params) : null,
    layers: parseLayers(params.get('layers')),
    parcelBy: parseParcelColourBy(params.get('parcelBy')),
  };
}

/** The query string ("?…", or "" for the default view), parameters in a fixed order. */
export function toCitySearch(state: CityViewState): string {
  const params = new URLSearchParams();
  if (state.year !== null) params.set('year', String(state.year));
  if (state.metric !== DEFAULT_CITY_VIEW.metric) params.set('metric', state.metric);
  if (state.classes !== DEFAULT_CITY_VIEW.classes) params.set('classes', state.classes);
  if (state.park) params.set('park', state.park);
  if (state.park) writeSelection(params, state.selection);
  if (state.county) params.set('county', state.county);
  writeLayers(params, state.layers);
  if (state.parcelBy !== DEFAULT_PARCEL_COLOUR_BY) params.set('parcelBy', state.parcelBy);
  if (state.view) {
    const { lon, lat, zoom, pitch = 0, bearing = 0 } = state.view;
    const parts = [lon.toFixed(DEGREE_DIGITS), lat.toFixed(DEGREE_DIGITS), zoom.toFixed(ZOOM_DIGITS)];
    // Tilt and rotation only when the map is tilted or rotated, in whole degrees.
    if (Math.round(pitch) !== 0 || Math.round(bearing) !== 0) parts.push(pitch.toFixed(0), bearing.toFixed(0));
    params.set('view', parts.map(Number).join(','));
  }
  const text = params.toString().replaceAll('%2C', ',');
  return text ? `?${text}` : '';
}
