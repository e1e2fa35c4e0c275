import { describe, expect, it } from 'vitest';
import { findCity } from './city.js';

describe('findCity', () => {
  it('names the city every county names', () => {
    expect(findCity([{ cityCode: '610900', cityName: '安康市', regionCount: 10 }])).toEqual({ code: '610900', name: '安康市', regionCount: 10 });
  });

  it('names none when a county names none, or the counties name several cities', () => {
    expect(findCity([{ cityCode: '610900', cityName: '安康市', regionCount: 9 }, { cityCode: null, cityName: null, regionCount: 1 }]))
      .toEqual({ code: null, name: null, regionCount: 10 });
    expect(findCity([{ cityCode: '610900', cityName: '安康市', regionCount: 10 }, { cityCode: '610700', cityName: '汉中市', regionCount: 11 }]))
      .toEqual({ code: null, name: null, regionCount: 21 });
    expect(findCity([{ cityCode: null, cityName: null, regionCount: 1 }])).toEqual({ code: null, name: null, regionCount: 1 });
    expect(findCity([])).toEqual({ code: null, name: null, regionCount: 0 });
  });
});
