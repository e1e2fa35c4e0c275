import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { computeLabelPoint } from './geometry';

const square = (x: number, y: number, size: number) => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];

describe('computeLabelPoint', () => {
  it('finds the centroid of a polygon, whichever way its ring turns', () => {
    const polygon: Polygon = { type: 'Polygon', coordinates: [square(109, 32, 0.02)] };
    expect(computeLabelPoint(polygon)[0]).toBeCloseTo(109.01, 10);
    expect(computeLabelPoint(polygon)[1]).toBeCloseTo(32.01, 10);
    const reversed: Polygon = { type: 'Polygon', coordinates: [square(109, 32, 0.02).reverse()] };
    expect(computeLabelPoint(reversed)[0]).toBeCloseTo(109.01, 10);
  });

  it('uses the largest part of a multipolygon', () => {
    const multi: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[square(108, 33, 0.01)], [square(109, 32, 0.1)]],
    };
    const [lon, lat] = computeLabelPoint(multi);
    expect(lon).toBeCloseTo(109.05, 10);
    expect(lat).toBeCloseTo(32.05, 10);
  });

  it('falls back to the bounding-box centre for a degenerate ring', () => {
    const line: Polygon = { type: 'Polygon', coordinates: [[[109, 32], [109.2, 32], [109, 32]]] };
    expect(computeLabelPoint(line)).toEqual([109.1, 32]);
  });
});
