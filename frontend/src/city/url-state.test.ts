import { describe, expect, it } from 'vitest';
import { type CityViewState, DEFAULT_CITY_VIEW, parseCityViewState, toCitySearch } from './url-state';

describe('city view URL state', () => {
  it('reads the example link of issue 4', () => {
    expect(parseCityViewState('?year=2025&metric=taxWanYuanPerMu&classes=quantile&park=G612150&view=108.9,32.7,9')).toEqual({
      year: 2025,
      metric: 'taxWanYuanPerMu',
      classes: 'quantile',
      park: 'G612150',
      view: { lon: 108.9, lat: 32.7, zoom: 9 },
    });
  });

  it.each<[string, CityViewState]>([
    ['the default view', DEFAULT_CITY_VIEW],
    ['a year and grades', { ...DEFAULT_CITY_VIEW, year: 2024, metric: 'grade' }],
    [
      'everything',
      {
        year: 2023,
        metric: 'plotRatio',
        classes: 'naturalBreaks',
        park: 'AK-HENGKOU',
        view: { lon: 108.8812, lat: 32.7345, zoom: 11.5 },
      },
    ],
    ['equal intervals of output', { ...DEFAULT_CITY_VIEW, metric: 'outputWanYuan', classes: 'equalInterval' }],
  ])('round-trips %s', (_name, state) => {
    expect(parseCityViewState(toCitySearch(state))).toEqual(state);
  });

  it('leaves defaults out of the URL and writes the view as lon,lat,zoom', () => {
    expect(toCitySearch(DEFAULT_CITY_VIEW)).toBe('');
    expect(
      toCitySearch({ ...DEFAULT_CITY_VIEW, year: 2025, park: 'G612150', view: { lon: 108.912345, lat: 32.7, zoom: 9.123 } }),
    ).toBe('?year=2025&park=G612150&view=108.9123,32.7,9.12');
  });

  it('falls back to the default for each unknown or malformed value', () => {
    expect(parseCityViewState('?year=twenty&metric=beauty&classes=random&view=1,2&park=')).toEqual(DEFAULT_CITY_VIEW);
    expect(parseCityViewState('?view=200,32,9').view).toBeNull();
    expect(parseCityViewState('?metric=grade').metric).toBe('grade');
  });
});
