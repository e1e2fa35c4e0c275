// The city view's shareable state in the query string:
//   ?year=2025&metric=taxWanYuanPerMu&classes=quantile&park=G612150&view=108.9,32.7,9
// Defaults are left out, so the plain URL is the default view. Pure: strings in, state out.
import type { ClassMethodChoice } from '../map/colouring';
import { type ColourBy, isColourBy } from './city-metrics';

export interface MapView {
  lon: number;
  lat: number;
  zoom: number;
}

export interface CityViewState {
  /** null: the latest reported year. */
  year: number | null;
  metric: ColourBy;
  classes: ClassMethodChoice;
  park: string | null;
  /** null: the whole city, fitted to the window. */
  view: MapView | null;
}

export const DEFAULT_CITY_VIEW: CityViewState = {
  year: null,
  metric: 'outputWanYuanPerMu',
  classes: 'fixed',
  park: null,
  view: null,
};

const CLASS_CHOICES: readonly ClassMethodChoice[] = ['fixed', 'quantile', 'equalInterval', 'naturalBreaks'];
/** Decimals kept in the URL: 4 for degrees (≈ 10 m), 2 for zoom. */
const DEGREE_DIGITS = 4;
const ZOOM_DIGITS = 2;

function parseView(text: string | null): MapView | null {
  if (!text) return null;
  const parts = text.split(',').map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
  const [lon, lat, zoom] = parts;
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90 || zoom < 0 || zoom > 24) return null;
  return { lon, lat, zoom };
}

/** Unknown or malformed values fall back to the default, one parameter at a time. */
export function parseCityViewState(search: string): CityViewState {
  const params = new URLSearchParams(search);
  const yearText = params.get('year');
  const year = yearText !== null && /^\d{4}$/.test(yearText) ? Number(yearText) : null;
  const metric = params.get('metric');
  const classes = params.get('classes') as ClassMethodChoice | null;
  const park = params.get('park');
  return {
    year,
    metric: isColourBy(metric) ? metric : DEFAULT_CITY_VIEW.metric,
    classes: classes !== null && CLASS_CHOICES.includes(classes) ? classes : DEFAULT_CITY_VIEW.classes,
    park: park ? park : null,
    view: parseView(params.get('view')),
  };
}

/** The query string ("?…", or "" for the default view), parameters in a fixed order. */
export function toCitySearch(state: CityViewState): string {
  const params = new URLSearchParams();
  if (state.year !== null) params.set('year', String(state.year));
  if (state.metric !== DEFAULT_CITY_VIEW.metric) params.set('metric', state.metric);
  if (state.classes !== DEFAULT_CITY_VIEW.classes) params.set('classes', state.classes);
  if (state.park) params.set('park', state.park);
  if (state.view) {
    const { lon, lat, zoom } = state.view;
    params.set('view', [lon.toFixed(DEGREE_DIGITS), lat.toFixed(DEGREE_DIGITS), zoom.toFixed(ZOOM_DIGITS)].map(Number).join(','));
  }
  const text = params.toString().replaceAll('%2C', ',');
  return text ? `?${text}` : '';
}
