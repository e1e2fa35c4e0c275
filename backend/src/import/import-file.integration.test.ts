import fs from 'node:fs';
import gcoord from 'gcoord';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportMissingTool } from '../test-support/missing-tool.js';
import { openTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { tinyBundleDir } from '../test-support/bundles.js';
import { loadBundle } from '../bundle/load-bundle.js';
import { readBundleFiles } from '../bundle/read-bundle-files.js';
import { importFile } from './import-file.js';
import { chineseParcelsGeoJson, hasGdal, NO_GDAL_MESSAGE, ogr2ogr, removeTempDirs, shapefileZip } from './test-fixtures.js';

let t: TestDatabase;

beforeAll(async () => {
  t = await openTestDatabase();
  await loadBundle(t.db, await readBundleFiles(tinyBundleDir));
  await t.db.exec(`CREATE TABLE reference_parcels AS SELECT code, geom, land_area_sqm FROM parcels`);
});
afterAll(async () => {
  await t?.dispose();
  removeTempDirs();
});

/**
 * Worst distance (m) from a stored vertex to the nearest original vertex, and back (GDAL may reverse rings,
 * so vertices are matched by nearness, not by position), and the worst relative area difference.
 */
async function drift() {
  const [row] = await t.db.query<{ worst_m: number; worst_area_ratio: number; n: number }>(`
    WITH pts AS (
      SELECT p.code, (ST_DumpPoints(p.geom)).geom AS a, r.geom AS ref, p.geom AS mine,
             abs(p.land_area_sqm / r.land_area_sqm - 1) AS area_ratio
      FROM parcels p JOIN reference_parcels r ON r.code = p.code
    ),
    back AS (SELECT code, (ST_DumpPoints(ref)).geom AS b, mine FROM (SELECT DISTINCT ON (code) code, ref, mine FROM pts) x)
    SELECT greatest(
             (SELECT max(d) FROM (SELECT (SELECT min(ST_Distance(a::geography, q.geom::geography)) FROM ST_DumpPoints(ref) q) AS d FROM pts) s),
             (SELECT max(d) FROM (SELECT (SELECT min(ST_Distance(b::geography, q.geom::geography)) FROM ST_DumpPoints(mine) q) AS d FROM back) s)
           ) AS worst_m,
           (SELECT max(area_ratio) FROM pts) AS worst_area_ratio,
           (SELECT count(DISTINCT code)::int FROM pts) AS n`);
  return row;
}

async function resetParcels() {
  await t.db.exec(`UPDATE parcels p SET geom = ST_Translate(r.geom, 0.01, 0) FROM reference_parcels r WHERE r.code = p.code`);
}

describe.runIf(hasGdal)('files written by GDAL land where the lon/lat original lies (within 0.5 m, area within 0.01 %)', () => {
  const cases: [string, () => Promise<Buffer>, string, string | undefined, string][] = [
    ['Shapefile, CGCS2000 3° zone 36 with prefix (EPSG:4524), .prj', () => shapefileZip(chineseParcelsGeoJson(), ['-t_srs', 'EPSG:4524', '-lco', 'ENCODING=GBK']), 'parcels.zip', undefined, 'EPSG:4524'],
    ['Shapefile, CGCS2000 3° CM 108°E without prefix (EPSG:4545), .prj', () => shapefileZip(chineseParcelsGeoJson(), ['-t_srs', 'EPSG:4545', '-lco', 'ENCODING=GBK']), 'parcels.zip', undefined, 'EPSG:4545'],
    ['Shapefile, zone 36 with prefix, no .prj: detected from the zone number', () => shapefileZip(chineseParcelsGeoJson(), ['-t_srs', 'EPSG:4524', '-lco', 'ENCODING=GBK'], ['.prj', '.cpg']), 'parcels.zip', undefined, 'EPSG:4524'],
    ['Shapefile, no prefix, no .prj: the zone from the park the rows name', () => shapefileZip(chineseParcelsGeoJson(), ['-t_srs', 'EPSG:4545', '-lco', 'ENCODING=GBK'], ['.prj', '.cpg']), 'parcels.zip', undefined, 'EPSG:4545'],
    ['GeoPackage, zone 36 with prefix', async () => fs.readFileSync(ogr2ogr(chineseParcelsGeoJson(), 'GPKG', 'parcels.gpkg', ['-t_srs', 'EPSG:4524'])), 'parcels.gpkg', undefined, 'EPSG:4524'],
    ['GeoPackage, no prefix', async () => fs.readFileSync(ogr2ogr(chineseParcelsGeoJson(), 'GPKG', 'parcels.gpkg', ['-t_srs', 'EPSG:4545'])), 'parcels.gpkg', undefined, 'EPSG:4545'],
    ['KML', async () => fs.readFileSync(ogr2ogr(chineseParcelsGeoJson(), 'KML', 'parcels.kml')), 'parcels.kml', undefined, 'EPSG:4326'],
    ['GeoJSON in zone 36 with its crs member', async () => fs.readFileSync(ogr2ogr(chineseParcelsGeoJson(), 'GeoJSON', 'parcels.geojson', ['-t_srs', 'EPSG:4524'])), 'parcels.geojson', undefined, 'EPSG:4524'],
    ['GeoJSON in GCJ-02 (converted with gcoord), crs given', async () => Buffer.from(JSON.stringify(toGcj02(chineseParcelsGeoJson()))), 'parcels.geojson', 'GCJ-02', 'GCJ-02'],
  ];
  it.each(cases)('%s', async (_name, make, fileName, crs, expectedCrs) => {
    await resetParcels();
    const report = await importFile(t.db, await make(), fileName, { layer: 'parcels', crs });
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(report.status).toBe('committed');
    expect(report.crs?.code).toBe(expectedCrs);
    expect(report.counts).toMatchObject({ rows: 4, valid: 4, update: 4, insert: 0 });
    const d = await drift();
    if (process.env.MUYIELD_PRINT_DRIFT) console.info(`${_name}: worst ${d.worst_m.toFixed(4)} m, area ${(d.worst_area_ratio * 100).toExponential(2)} %`);
    expect(d.n).toBe(4);
    expect(d.worst_m).toBeLessThan(0.5);
    expect(d.worst_area_ratio).toBeLessThan(0.0001);
    const [p] = await t.db.query<{ land_use: string; supplied_on: string }>(`SELECT land_use, supplied_on::text FROM parcels WHERE code = '999901001001GB00001'`);
    expect(p).toEqual({ land_use: 'industrial', supplied_on: '2015-05-10' });
  });
});

reportMissingTool(hasGdal, 'files written by GDAL', NO_GDAL_MESSAGE);

function toGcj02(fc: GeoJSON.FeatureCollection): GeoJSON.FeatureCollection {
  const convert = (c: unknown): unknown => (typeof (c as number[])[0] === 'number' ? gcoord.transform(c as [number, number], gcoord.WGS84, gcoord.GCJ02) : (c as unknown[]).map(convert));
  return { ...fc, features: fc.features.map((f) => ({ ...f, geometry: { ...(f.geometry as GeoJSON.Polygon), coordinates: convert((f.geometry as GeoJSON.Polygon).coordinates) as GeoJSON.Position[][] } })) };
}
