// The vacancy finder's shareable state, beside the city view's in the query string:
//   ?finder=1&minAreaSqm=1000&maxRentYuanPerSqmMonth=10&finderPark=AK-BAIHE
// Bounds keep the API's names (units in the name); park and county get a finder prefix so they never
// clash with the selected park (`park`). Pure: strings in, state out.
import type { VacancyQuery } from '../api/finder-api';

export interface VacancyFinderState {
  open: boolean;
  filter: VacancyQuery;
}

export const CLOSED_FINDER: VacancyFinderState = { open: false, filter: {} };

const NUMBER_PARAMS = [
  'minAreaSqm',
  'maxAreaSqm',
  'floor',
  'minCeilingHeightM',
  'minFloorLoadKnPerSqm',
  'maxRentYuanPerSqmMonth',
] as const satisfies readonly (keyof VacancyQuery)[];

const TEXT_PARAMS = { park: 'finderPark', region: 'finderRegion' } as const;

/** Every query parameter this module owns. */
export const FINDER_PARAMS: readonly string[] = ['finder', ...NUMBER_PARAMS, ...Object.values(TEXT_PARAMS)];

/** Numbers must be finite; floors whole; everything else non-negative. Anything else is dropped. */
function parseBound(key: (typeof NUMBER_PARAMS)[number], text: string | null): number | undefined {
  if (text === null || text.trim() === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) return undefined;
  if (key === 'floor') return Number.isInteger(value) ? value : undefined;
  return value >= 0 ? value : undefined;
}

export function parseVacancyFinderState(search: string): VacancyFinderState {
  const params = new URLSearchParams(search);
  const filter: VacancyQuery = {};
  for (const key of NUMBER_PARAMS) {
    const value = parseBound(key, params.get(key));
    if (value !== undefined) filter[key] = value;
  }
  for (const [key, param] of Object.entries(TEXT_PARAMS) as [keyof typeof TEXT_PARAMS, string][]) {
    const value = params.get(param);
    if (value) filter[key] = value;
  }
  return { open: params.get('finder') === '1', filter };
}

/**
 * `citySearch` ("?…" or "") with the finder's parameters appended (none when it is closed), in a fixed
 * order, so one state always gives one URL.
 */
export function withVacancyFinderSearch(citySearch: string, state: VacancyFinderState): string {
  const params = new URLSearchParams(citySearch);
  for (const name of FINDER_PARAMS) params.delete(name);
  if (state.open) {
    params.set('finder', '1');
    for (const key of NUMBER_PARAMS) {
      const value = state.filter[key];
      if (value !== undefined) params.set(key, String(value));
    }
    for (const [key, param] of Object.entries(TEXT_PARAMS) as [keyof typeof TEXT_PARAMS, string][]) {
      const value = state.filter[key];
      if (value) params.set(param, value);
    }
  }
  const text = params.toString().replaceAll('%2C', ',');
  return text ? `?${text}` : '';
}
