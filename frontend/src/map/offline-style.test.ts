import { describe, expect, it } from 'vitest';
import { ANKANG_BOUNDS, createOfflineStyle } from './offline-style';

describe('createOfflineStyle', () => {
  const style = createOfflineStyle();

  it('asks for nothing outside the page: no glyphs, no sprite, no sources', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(style.sources).toEqual({});
    expect(JSON.stringify(style)).not.toMatch(/https?:/);
  });

  it('has no symbol layers, which would need glyphs', () => {
    expect(style.layers.map((layer) => layer.type)).toEqual(['background']);
  });

  it('frames Ankang', () => {
    const [west, south, east, north] = ANKANG_BOUNDS;
    expect(west).toBeLessThan(108.3);
    expect(east).toBeGreaterThan(110.0);
    expect(south).toBeLessThan(31.8);
    expect(north).toBeGreaterThan(33.4);
  });
});
