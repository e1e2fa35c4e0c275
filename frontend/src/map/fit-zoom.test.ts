import { describe, expect, it } from 'vitest';
import { computeBbox, zoomToFit } from './fit-zoom';

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
