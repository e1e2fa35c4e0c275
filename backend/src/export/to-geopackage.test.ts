import { describe, expect, it } from 'vitest';
import { area } from '@turf/turf';
import { toGeoPackage } from './to-geopackage.js';
import { sampleBuildings } from './__fixtures__/sample-table.js';
import { hasGdal, ogrSummary, ogrToGeoJson, writeTempFile } from '../test-support/gdal.js';
import { execFileSync } from 'node:child_process';

const areaSqm = (geometry: GeoJSON.Geometry | null) => (geometry ? area({ type: 'Feature', geometry, properties: {} }) : 0);

describe('GeoPackage export', () => {
  it('is an SQLite file with the GeoPackage application id', async () => {
    const bytes = await toGeoPackage(sampleBuildings(), 'buildings');
    expect(bytes.subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    expect(bytes.readUInt32BE(68)).toBe(0x47504b47); // "GPKG"
  });

  describe.runIf(hasGdal)('read by GDAL', () => {
    it('holds one MultiPolygon feature table in EPSG:4326 with typed columns and the Chinese values', async () => {
      const file = writeTempFile('buildings.gpkg', await toGeoPackage(sampleBuildings(), 'buildings'));
      const summary = ogrSummary(file);
      expect(summary).toMatch(/using driver `GPKG'/);
      expect(summary.match(/^Layer name: /gm)).toHaveLength(1);
      expect(summary).toMatch(/Layer name: buildings\nGeometry: Multi Polygon\nFeature Count: 3/);
      expect(summary).toMatch(/ID\["EPSG",4326\]/);
      for (const field of ['floors: Integer64', 'floor_area_sqm: Real', 'completed_on: Date', 'illustrative: Integer(Boolean)']) expect(summary).toContain(field);
      const srs = execFileSync('ogrinfo', ['-ro', '-q', file, '-sql', 'SELECT srs_id FROM gpkg_geometry_columns'], { encoding: 'utf8' });
      expect(srs).toMatch(/srs_id \(Integer64\) = 4326/);
      const titles = execFileSync('ogrinfo', ['-ro', '-q', file, '-sql', "SELECT title FROM gpkg_data_columns WHERE column_name = 'floor_area_sqm'"], { encoding: 'utf8' });
      expect(titles).toContain('建筑面积(m²)');
      const read = ogrToGeoJson(file);
      expect(read.features.map((f) => f.properties)).toEqual(sampleBuildings().features.map((f) => f.properties));
    });

    it('keeps holes and parts: areas within 0.01 percent of the source, a row without geometry stays without', async () => {
      const source = sampleBuildings();
      const read = ogrToGeoJson(writeTempFile('buildings.gpkg', await toGeoPackage(source, 'buildings')));
      source.features.forEach((f, i) => {
        const expected = areaSqm(f.geometry);
        if (!expected) return expect(read.features[i].geometry).toBeNull();
        expect(Math.abs(areaSqm(read.features[i].geometry) / expected - 1)).toBeLessThan(1e-4);
      });
    });
  });
});
