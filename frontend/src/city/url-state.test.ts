import { describe, expect, it } from 'vitest';
import { ALL_LAYERS_ON } from './park-view-state';
import { type CityViewState, DEFAULT_CITY_VIEW, parseCityViewState, toCitySearch } from './url-state';

describe('city view URL state', () => {
  it('reads the example link of issue 4', () => {
    expect(parseCityViewState('?year=2025&metric=taxWanYuanPerMu&classes=quantile&park=G612150&view=108.9,32.7,9')).toEqual({
      year: 2025,
      metric: 'taxWanYuanPerMu',
      classes: 'quantile',
      park: 'G612150',
      county: null,
      view: { lon: 108.9, lat: 32.7, zoom: 9 },
      selection: null,
      layers: ALL_LAYERS_ON,
      parcelBy: 'grade',
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
        county: '610902',
        view: { lon: 108.8812, lat: 32.7345, zoom: 11.5 },
        selection: null,
        layers: ALL_LAYERS_ON,
        parcelBy: 'grade',
      },
    ],
    [
      'a tilted, rotated park view with a parcel, some layers off and parcels by tax',
      {
        ...DEFAULT_CITY_VIEW,
        park: 'AK-BAIHE',
        view: { lon: 109.9, lat: 32.8, zoom: 15.25, pitch: 55, bearing: -30 },
        selection: { kind: 'parcel', code: '610929003001GB00002' },
        layers: { parcels: true, buildings: false, landUse: true, counties: false },
        parcelBy: 'taxWanYuanPerMu',
      },
    ],
    [
      'a unit of a building',
      { ...DEFAULT_CITY_VIEW, park: 'AK-BAIHE', selection: { kind: 'building', code: 'B1', unit: 'B1-0101' } },
    ],
    ['an enterprise', { ...DEFAULT_CITY_VIEW, park: 'P', selection: { kind: 'enterprise', code: '91610929700044696Q' } }],
    ['every layer off', { ...DEFAULT_CITY_VIEW, layers: { parcels: false, buildings: false, landUse: false, counties: false } }],
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
    expect(parseCityViewState('?view=109,32,9,95,0').view).toBeNull();
    expect(parseCityViewState('?park=P&parcel=%3Cscript%3E').selection).toBeNull();
    expect(parseCityViewState('?parcel=X').selection).toBeNull();
    expect(parseCityViewState('?parcelBy=beauty').parcelBy).toBe('grade');
  });

  it('writes tilt and rotation only when the map is tilted or rotated, and a selection only inside a park', () => {
    expect(toCitySearch({ ...DEFAULT_CITY_VIEW, view: { lon: 109, lat: 32.7, zoom: 9, pitch: 0.2, bearing: 0 } })).toBe('?view=109,32.7,9');
    expect(toCitySearch({ ...DEFAULT_CITY_VIEW, view: { lon: 109, lat: 32.7, zoom: 15, pitch: 54.6, bearing: 12.2 } })).toBe(
      '?view=109,32.7,15,55,12',
    );
    expect(toCitySearch({ ...DEFAULT_CITY_VIEW, selection: { kind: 'parcel', code: 'X' } })).toBe('');
    expect(
      toCitySearch({ ...DEFAULT_CITY_VIEW, park: 'P', selection: { kind: 'parcel', code: 'X' }, layers: { ...ALL_LAYERS_ON, buildings: false } }),
    ).toBe('?park=P&parcel=X&layers=parcels,landUse,counties');
  });

  it('keeps the open county as county=CODE, a six-digit county code only', () => {
    expect(toCitySearch({ ...DEFAULT_CITY_VIEW, county: '610902' })).toBe('?county=610902');
    expect(parseCityViewState('?county=610902').county).toBe('610902');
    expect(parseCityViewState('?park=AK-GX&county=610902')).toMatchObject({ park: 'AK-GX', county: '610902' });
    expect(parseCityViewState('?county=61090').county).toBeNull();
    expect(parseCityViewState('?county=%3Cb%3E').county).toBeNull();
  });
});
