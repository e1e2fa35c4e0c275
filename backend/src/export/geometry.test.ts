import { describe, expect, it } from 'vitest';
import { orientPolygon, ringSignedArea2, toPolygons, toRfc7946Geometry } from './geometry.js';

const ccwSquare = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];
const cwSquare = [...ccwSquare].reverse();

describe('export geometry', () => {
  it('measures a counter-clockwise ring as positive', () => {
    expect(ringSignedArea2(ccwSquare)).toBe(2);
    expect(ringSignedArea2(cwSquare)).toBe(-2);
  });

  it('orients exterior rings counter-clockwise and holes clockwise for GeoJSON, the other way for shapefiles', () => {
    const hole = [[0.2, 0.2], [0.4, 0.2], [0.4, 0.4], [0.2, 0.4], [0.2, 0.2]];
    const [outer, inner] = orientPolygon([cwSquare, hole], true);
    expect(ringSignedArea2(outer)).toBeGreaterThan(0);
    expect(ringSignedArea2(inner)).toBeLessThan(0);
    const [shpOuter, shpInner] = orientPolygon([ccwSquare, hole], false);
    expect(ringSignedArea2(shpOuter)).toBeLessThan(0);
    expect(ringSignedArea2(shpInner)).toBeGreaterThan(0);
  });

  it('keeps polygons of a collection, drops lines, points and empties', () => {
    const collection: GeoJSON.Geometry = {
      type: 'GeometryCollection',
      geometries: [{ type: 'Polygon', coordinates: [ccwSquare] }, { type: 'LineString', coordinates: [[0, 0], [1, 1]] }, { type: 'Polygon', coordinates: [] }],
    };
    expect(toPolygons(collection)).toHaveLength(1);
    expect(toRfc7946Geometry(collection)).toEqual({ type: 'MultiPolygon', coordinates: [[ccwSquare]] });
    expect(toRfc7946Geometry({ type: 'GeometryCollection', geometries: [] })).toBeNull();
    expect(toRfc7946Geometry({ type: 'Polygon', coordinates: [cwSquare] })).toEqual({ type: 'Polygon', coordinates: [ccwSquare] });
  });
});
