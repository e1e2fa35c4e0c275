import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { area } from '@turf/turf';
import { toDbf, toShapefileZip, truncateUtf8 } from './to-shapefile.js';
import { sampleBuildings } from './__fixtures__/sample-table.js';
import { hasGdal, ogrSummary, ogrToGeoJson, writeTempFile } from '../test-support/gdal.js';
import type { ExportColumn } from './headers.js';

const areaSqm = (geometry: GeoJSON.Geometry | null) => (geometry ? area({ type: 'Feature', geometry, properties: {} }) : 0);

describe('Shapefile export', () => {
  it('zips .shp, .shx, .dbf, .prj, a .cpg declaring UTF-8 and the field-name sidecar', async () => {
    const zip = await JSZip.loadAsync(await toShapefileZip(sampleBuildings(), 'buildings'));
    expect(Object.keys(zip.files).sort()).toEqual(['buildings.cpg', 'buildings.dbf', 'buildings.fields.csv', 'buildings.prj', 'buildings.shp', 'buildings.shx']);
    expect(await zip.file('buildings.cpg')!.async('string')).toBe('UTF-8');
    expect(await zip.file('buildings.prj')!.async('string')).toMatch(/^GEOGCS\["GCS_WGS_1984"/);
    const sidecar = await zip.file('buildings.fields.csv')!.async('string');
    expect(sidecar).toContain('floor_sqm,floor_area_sqm,建筑面积(m²),Floor area (m²),number');
  });

  it('cuts text longer than 254 bytes without splitting a character', () => {
    expect(truncateUtf8('安康'.repeat(100), 254).toString('utf8')).toBe('安康'.repeat(42)); // 84 characters × 3 bytes = 252
    const column: ExportColumn = { key: 'name', shp: 'name', zh: '名称', en: 'Name', type: 'text' };
    const dbf = toDbf([column], [{ name: '安'.repeat(100) }]);
    expect(dbf.readUInt8(32 + 16)).toBe(252); // 84 characters × 3 bytes
  });

  it('refuses a field name a dBase file cannot hold', () => {
    const column: ExportColumn = { key: 'x', shp: 'much_too_long', zh: 'x', en: 'x', type: 'text' };
    expect(() => toDbf([column], [])).toThrow(/1–10 ASCII/);
  });

  describe.runIf(hasGdal)('read by GDAL (ogrinfo, ogr2ogr on /vsizip/)', () => {
    it('gives the features, ≤10-character field names, Chinese values, dates and the WGS 84 SRS', async () => {
      const file = writeTempFile('buildings.zip', await toShapefileZip(sampleBuildings(), 'buildings'));
      const summary = ogrSummary(`/vsizip/${file}`);
      expect(summary).toMatch(/using driver `ESRI Shapefile'/);
      expect(summary).toMatch(/Feature Count: 3/);
      expect(summary).toMatch(/ID\["EPSG",4326\]/);
      for (const field of ['code: String', 'park_code: String', 'floors: Integer', 'floor_sqm: Real (20.2)', 'completed: Date']) expect(summary).toContain(field);
      const read = ogrToGeoJson(`/vsizip/${file}`);
      // GDAL leaves an empty date out of its GeoJSON rather than writing null
      expect(read.features.map((f) => f.properties)).toEqual([
        { code: 'B1', park_code: '安康高新区', parcel: '=HYPERLINK("http://x")', kind: 'standard_factory', floors: 3, floor_sqm: 1234.57, foot_sqm: 400, height_m: null, completed: '2020-05-01', illustr: 'T' },
        { code: 'B2', park_code: 'P,"2"', parcel: null, kind: '标准厂房', floors: 1, floor_sqm: 10, foot_sqm: 10, height_m: 8, illustr: 'F' },
        { code: 'B3', park_code: '-1+1', parcel: '@SUM(A1)', kind: 'other', floors: 2, floor_sqm: 0, foot_sqm: 1e9, height_m: 12.35, completed: '1999-12-31', illustr: 'F' },
      ]);
    });

    it('keeps holes and parts: areas within 0.01 percent of the source, a row without geometry stays without', async () => {
      const source = sampleBuildings();
      const read = ogrToGeoJson(`/vsizip/${writeTempFile('buildings.zip', await toShapefileZip(source, 'buildings'))}`);
      source.features.forEach((f, i) => {
        const expected = areaSqm(f.geometry);
        if (!expected) return expect(read.features[i].geometry).toBeNull();
        expect(Math.abs(areaSqm(read.features[i].geometry) / expected - 1)).toBeLessThan(1e-4);
      });
      expect(read.features[0].geometry).toMatchObject({ type: 'Polygon', coordinates: [expect.any(Array), expect.any(Array)] });
      expect(read.features[1].geometry).toMatchObject({ type: 'MultiPolygon' });
    });
  });
});
