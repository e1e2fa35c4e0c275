import { describe, expect, it } from 'vitest';
import { computeBbox, freeInsets, isInsideFree, panIntoFree, zoomToFit } from './fit-zoom';

describe('zoomToFit', () => {
  it('takes the bounding box of every ring of a multipolygon', () => {
    expect(
      computeBbox({
        type: 'MultiPolygon',
        coordinates: [[[[109, 32.7], [109.02, 32.7], [109.02, 32.72], [109, 32.7]]], [[[108.9, 32.6], [108.95, 32.6], [108.9, 32.65], [108.9, 32.6]]]],
      }),
    ).toEqual([108.9, 32.6, 109.02, 32.72]);
  });

  it('fits the whole world at zoom 0 in 512 px and doubles the scale per zoom step', () => {
    expect(zoomToFit([-180, -85.0511, 180, 85.0511], 512, 512)).toBeCloseTo(0, 3);
    expect(zoomToFit([0, 0, 0.01, 0.001], 1024, 10_000)).toBeCloseTo(zoomToFit([0, 0, 0.01, 0.001], 512, 10_000)! + 1, 6);
  });

  it('gives a 2 km wide park about zoom 14 in a 600 px map', () => {
    const zoom = zoomToFit([109, 32.7, 109.0214, 32.715], 600, 600)!;
    expect(zoom).toBeGreaterThan(13.5);
    expect(zoom).toBeLessThan(14.5);
    expect(zoomToFit([109, 32.7, 109.02, 32.72], 0, 0)).toBeNull();
  });
});

describe('the free part of the map', () => {
  const map = { left: 0, top: 52, right: 1280, bottom: 720 };
  // At 1280 px with a park open: the left column (park legend, 250 px) and the park panel (340 px).
  const free = { left: 274, top: 64, right: 916, bottom: 690 };

  it('gives the edges the panels hide, with the margin kept around what is framed', () => {
    expect(freeInsets(map, free)).toEqual({ top: 12, right: 364, bottom: 30, left: 274 });
    expect(freeInsets(map, free, 40)).toEqual({ top: 52, right: 404, bottom: 70, left: 314 });
    expect(freeInsets(map, { ...free, left: -5 }).left).toBe(0);
  });

  it('pans a point under a panel just into the free part, and leaves one inside where it is', () => {
    const insets = freeInsets(map, free);
    expect(isInsideFree([1000, 300], 1280, 668, insets)).toBe(false);
    expect(panIntoFree([1000, 300], 1280, 668, insets)).toEqual([1000 - 916, 0]);
    expect(panIntoFree([100, 10], 1280, 668, insets)).toEqual([100 - 274, 10 - 12]);
    expect(isInsideFree([500, 300], 1280, 668, insets)).toBe(true);
    expect(panIntoFree([500, 300], 1280, 668, insets)).toEqual([0, 0]);
  });
});
