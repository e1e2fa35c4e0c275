import { describe, expect, it } from 'vitest';
import { resolveCrs, type CrsInfo } from './crs.js';
import { toLonLatMultiPolygon } from './parse-geojson.js';

const where = { file: 'parcels.geojson', feature: 1, code: 'P1' };
const lonLat = resolveCrs('EPSG:4326');
const square = (x: number, y: number, sizeDeg: number) => [[x, y], [x + sizeDeg, y], [x + sizeDeg, y + sizeDeg], [x, y + sizeDeg], [x, y]];
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('toLonLatMultiPolygon', () => {
  it('gives a lon/lat MultiPolygon with a hole as it is, and leaves the source as it was', () => {
    const geometry = { type: 'MultiPolygon', coordinates: [[square(108.9, 32.7, 0.01), square(108.902, 32.702, 0.001)], [square(109, 32.8, 0.001)]] };
    const before = clone(geometry);
    const { coordinates, problems } = toLonLatMultiPolygon(geometry, lonLat, where);
    expect(problems).toEqual([]);
    expect(coordinates).toEqual(before.coordinates);
    expect(geometry).toEqual(before);
    for (const ring of coordinates!.flat()) expect(ring[ring.length - 1]).toBe(ring[0]);
  });

  it('makes a Polygon a MultiPolygon of one, and drops a third coordinate (height)', () => {
    const { coordinates } = toLonLatMultiPolygon({ type: 'Polygon', coordinates: [square(108.9, 32.7, 0.01).map(([x, y]) => [x, y, 512])] }, lonLat, where);
    expect(coordinates).toEqual([[square(108.9, 32.7, 0.01)]]);
  });

  it('converts projected metres (EPSG:4545) without changing the source positions', () => {
    const ring = [[584392.835986379, 3619835.60525042], [584492.835986379, 3619835.60525042], [584492.835986379, 3619935.60525042], [584392.835986379, 3619835.60525042]];
    const geometry = { type: 'Polygon', coordinates: [ring] };
    const before = clone(geometry);
    const { coordinates, problems } = toLonLatMultiPolygon(geometry, resolveCrs('EPSG:4545'), where);
    expect(problems).toEqual([]);
    expect(coordinates![0][0][0][0]).toBeCloseTo(108.9, 6);
    expect(coordinates![0][0][0][1]).toBeCloseTo(32.7, 6);
    expect(coordinates![0][0][3]).toBe(coordinates![0][0][0]);
    expect(geometry).toEqual(before);
  });

  it('hands a converter that is not lon/lat a pair of its own, even for a pair given', () => {
    const given: unknown[] = [];
    const swapped: CrsInfo = { ...lonLat, code: 'EPSG:4326+swap', toLonLat: (p) => { given.push(p); return [p[1], p[0]]; } };
    const ring = square(32.7, 108.9, 0.01);
    const { coordinates, problems } = toLonLatMultiPolygon({ type: 'Polygon', coordinates: [ring] }, swapped, where);
    expect(problems).toEqual([]);
    expect(coordinates).toEqual([[ring.map(([x, y]) => [y, x])]]);
    expect(given).toEqual(ring);
    for (const [i, p] of given.entries()) expect(p).not.toBe(ring[i]);
  });

  it('says when the axes look swapped, once per geometry', () => {
    const { coordinates, problems } = toLonLatMultiPolygon({ type: 'Polygon', coordinates: [square(32.7, 108.9, 0.01)] }, lonLat, where);
    expect(coordinates).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', ...where, field: 'geometry', kind: 'coordinatesSwapped', params: { x: 32.7, y: 108.9 } })]);
  });

  it('says when positions outside China are metres, or just elsewhere', () => {
    const metres = toLonLatMultiPolygon({ type: 'Polygon', coordinates: [square(584392, 3619835, 100)] }, lonLat, where);
    expect(metres.problems.map((p) => p.kind)).toEqual(['coordinatesNotDegrees']);
    const paris = toLonLatMultiPolygon({ type: 'Polygon', coordinates: [square(2.35, 48.85, 0.01)] }, lonLat, where);
    expect(paris.problems).toEqual([expect.objectContaining({ kind: 'coordinatesOutsideChina', message: expect.stringContaining('coordinates (2.35, 48.85) (→ lon/lat 2.35000, 48.85000 from EPSG:4326) fall outside China') })]);
  });

  it('names the polygon and ring of a broken ring', () => {
    const holeNotClosed = [square(108.9, 32.7, 0.01), square(108.902, 32.702, 0.001).slice(0, 4).concat([[108.9, 32.7]])];
    const cases: [unknown, string, string][] = [
      [{ type: 'MultiPolygon', coordinates: [[square(108.9, 32.7, 0.01)], []] }, 'polygonWithoutRings', 'polygon 2 has no rings'],
      [{ type: 'Polygon', coordinates: [square(108.9, 32.7, 0.01), 'ring'] }, 'ringNotPositions', 'polygon 1 ring 2 is not an array of positions'],
      [{ type: 'Polygon', coordinates: [square(108.9, 32.7, 0.01).slice(0, 3)] }, 'ringTooShort', 'polygon 1 ring 1 has 3 positions; a ring needs at least 4 (the last repeating the first)'],
      [{ type: 'Polygon', coordinates: [[[108.9, 32.7], ['108.91', 32.7], [108.91, 32.71], [108.9, 32.7]]] }, 'positionNotNumbers', 'polygon 1 ring 1 has a position that is not a pair of numbers: ["108.91",32.7]'],
      [{ type: 'Polygon', coordinates: holeNotClosed }, 'ringNotClosed', 'polygon 1 ring 2 is not closed: its last position must repeat the first'],
    ];
    for (const [geometry, kind, message] of cases) {
      expect(toLonLatMultiPolygon(geometry, lonLat, where).problems).toEqual([expect.objectContaining({ kind, message })]);
    }
  });
});
