import { describe, expect, it } from 'vitest';
import { EXPORT_LAYERS, headerOf, LAYER_COLUMNS } from './headers.js';

describe('export columns', () => {
  it.each(EXPORT_LAYERS)('%s: Shapefile field names are 1–10 ASCII characters and unique, keys are unique', (layer) => {
    const columns: readonly { key: string; shp: string }[] = LAYER_COLUMNS[layer];
    for (const c of columns) expect(c.shp).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,9}$/);
    expect(new Set(columns.map((c) => c.shp.toLowerCase())).size).toBe(columns.length);
    expect(new Set(columns.map((c) => c.key)).size).toBe(columns.length);
  });

  it('puts the unit in the header, in the language: 用地面积(亩), Land area (mu)', () => {
    const area = LAYER_COLUMNS.parcels.find((c) => c.key === 'land_area_mu')!;
    expect(headerOf(area, 'zh')).toBe('用地面积(亩)');
    expect(headerOf(area, 'en')).toBe('Land area (mu)');
    const tax = LAYER_COLUMNS.indicators.find((c) => c.key === 'tax_wan_yuan')!;
    expect(headerOf(tax, 'zh')).toBe('税收(万元)');
    expect(headerOf(tax, 'en')).toBe('Tax (10k yuan)');
  });

  it.each(EXPORT_LAYERS)('%s: no English header has a Chinese character', (layer) => {
    for (const column of LAYER_COLUMNS[layer]) expect(headerOf(column, 'en')).not.toMatch(/\p{Script=Han}/u);
  });
});
