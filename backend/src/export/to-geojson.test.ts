import { describe, expect, it } from 'vitest';
import { area } from '@turf/turf';
import { toGeoJson } from './to-geojson.js';
import { ringSignedArea2 } from './geometry.js';
import { sampleBuildings } from './__fixtures__/sample-table.js';
import { hasGdal, ogrToGeoJson, writeTempFile } from '../test-support/gdal.js';

describe('GeoJSON export', () => {
  it('is an RFC 7946 FeatureCollection: no crs member, exterior rings counter-clockwise, holes clockwise', () => {
    const json = JSON.parse(toGeoJson(sampleBuildings()).toString('utf8'));
    expect(json.type).toBe('FeatureCollection');
    expect(json).not.toHaveProperty('crs');
    const [outer, hole] = json.features[0].geometry.coordinates;
    expect(ringSignedArea2(outer)).toBeGreaterThan(0);
    expect(ringSignedArea2(hole)).toBeLessThan(0);
    expect(json.features[2].geometry).toBeNull();
    expect(json.features[1].properties).toEqual(sampleBuildings().features[1].properties);
  });

  it.runIf(hasGdal)('is read by GDAL with the same properties and areas', () => {
    const source = sampleBuildings();
    const read = ogrToGeoJson(writeTempFile('buildings.geojson', toGeoJson(source)));
    expect(read.features.map((f) => f.properties)).toEqual(source.features.map((f) => f.properties));
    const a = (g: GeoJSON.Geometry) => area({ type: 'Feature', geometry: g, properties: {} });
    expect(Math.abs(a(read.features[0].geometry!) / a(source.features[0].geometry!) - 1)).toBeLessThan(1e-4);
  });
});
