import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportMissingTool } from '../test-support/missing-tool.js';
import { openTestApp, type TestApp, postImport } from '../test-support/test-app.js';
import { fingerprintTables } from '../test-support/fingerprint.js';
import { chineseParcelsGeoJson, hasGdal, NO_GDAL_MESSAGE, removeTempDirs, tempDir, wellsGeoJson } from './test-fixtures.js';

// Files of several layers written by GDAL (the independent party): a GeoPackage of two feature tables and a
// zip of two shapefiles. Without a choice nothing is read or written and the report lists the layers.

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => {
  await t?.dispose();
  removeTempDirs();
});

const wells = wellsGeoJson();

/** ogr2ogr each collection into `dir` as layer `name` (GPKG: one file, appended; shapefiles: one set each). */
function writeLayers(driver: 'GPKG' | 'ESRI Shapefile', target: string, layers: [string, GeoJSON.FeatureCollection, string[]][]) {
  layers.forEach(([name, fc, args], i) => {
    const src = path.join(path.dirname(target), `${name}.source.geojson`);
    fs.writeFileSync(src, JSON.stringify(fc));
    const out = driver === 'GPKG' ? target : path.join(target, `${name}.shp`);
    execFileSync('ogr2ogr', ['-f', driver, ...(driver === 'GPKG' && i > 0 ? ['-update'] : []), ...args, '-nln', name, out, src], { stdio: 'pipe' });
  });
}

function twoTableGeoPackage(): Buffer {
  const file = path.join(tempDir(), 'two-tables.gpkg');
  writeLayers('GPKG', file, [['parcels', chineseParcelsGeoJson(), ['-t_srs', 'EPSG:4524']], ['wells', wells, []]]);
  return fs.readFileSync(file);
}

async function twoShapefileZip(folder = ''): Promise<Buffer> {
  const dir = path.join(tempDir(), 'shapes');
  fs.mkdirSync(dir);
  writeLayers('ESRI Shapefile', dir, [['parcels', chineseParcelsGeoJson(), ['-t_srs', 'EPSG:4524', '-lco', 'ENCODING=GBK']], ['wells', wells, []]]);
  const zip = new JSZip();
  for (const name of fs.readdirSync(dir)) zip.file(`${folder}${name}`, fs.readFileSync(path.join(dir, name)));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const post = (file: Buffer | string, query: string) => postImport(t.app, file, query);

/** Parcels, imports and their before-images: "nothing written" means their fingerprint does not change. */
const fingerprint = () => fingerprintTables(t.db, ['parcels', 'imports', 'import_rows', 'import_created']);

describe.runIf(hasGdal)('a file of several layers', () => {
  it('GeoPackage of two tables, none chosen: 422, the tables listed with geometry type and count, nothing written', async () => {
    const before = await fingerprint();
    const { status, body } = await post(twoTableGeoPackage(), 'layer=parcels&fileName=two-tables.gpkg');
    expect(status).toBe(422);
    expect(body.status).toBe('invalid');
    expect(body.sourceLayers).toEqual([
      { name: 'parcels', geometryType: 'Polygon', count: 4 },
      { name: 'wells', geometryType: 'Point', count: 2 },
    ]);
    expect(body.problems).toEqual([{
      severity: 'error', file: 'two-tables.gpkg', field: 'sourceLayer',
      message: 'holds 2 feature tables, parcels (Polygon, 4 features), wells (Point, 2 features); nothing was read: choose one with sourceLayer= (HTTP) or --source-layer (CLI)',
      kind: 'severalSourceLayers', params: { count: 2, what: 'feature table', layers: ['parcels', 'wells'] },
    }]);
    expect(body.counts.rows).toBe(0);
    expect(await fingerprint()).toEqual(before);
  });

  it('GeoPackage: the chosen table is read, checked and written, and the list stays in the report', async () => {
    const bytes = twoTableGeoPackage();
    const dry = await post(bytes, 'layer=parcels&fileName=two-tables.gpkg&sourceLayer=parcels&dryRun=true');
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ status: 'dryRun', sourceLayer: 'parcels', format: 'geopackage', crs: { code: 'EPSG:4524' } });
    expect(dry.body.counts).toMatchObject({ rows: 4, valid: 4, update: 4, errors: 0 });
    expect(dry.body.sourceLayers.map((l: { name: string }) => l.name)).toEqual(['parcels', 'wells']);
    const committed = await post(bytes, 'layer=parcels&fileName=two-tables.gpkg&sourceLayer=parcels');
    expect(committed.body.problems).toEqual([]);
    expect(committed.body).toMatchObject({ status: 'committed', sourceLayer: 'parcels', counts: { update: 4 } });
    const wellsAsParcels = await post(bytes, 'layer=parcels&fileName=two-tables.gpkg&sourceLayer=wells&dryRun=true');
    expect(wellsAsParcels.body).toMatchObject({ sourceLayer: 'wells', counts: { rows: 2 } });
  });

  it('GeoPackage: a table it does not hold is refused naming it, with the list', async () => {
    const before = await fingerprint();
    const { status, body } = await post(twoTableGeoPackage(), 'layer=parcels&fileName=two-tables.gpkg&sourceLayer=roads');
    expect(status).toBe(422);
    expect(body.problems[0]).toMatchObject({ field: 'sourceLayer', message: expect.stringMatching(/^has no feature table "roads"; it has parcels \(Polygon, 4 features\), wells \(Point, 2 features\)/) });
    expect(body.sourceLayers).toHaveLength(2);
    expect(await fingerprint()).toEqual(before);
  });

  it('zip of two shapefiles, none chosen: 422, type and count from each index, nothing written', async () => {
    const before = await fingerprint();
    const { status, body } = await post(await twoShapefileZip(), 'layer=parcels&fileName=shapes.zip');
    expect(status).toBe(422);
    expect(body.sourceLayers).toEqual([
      { name: 'parcels', geometryType: 'Polygon', count: 4 },
      { name: 'wells', geometryType: 'Point', count: 2 },
    ]);
    expect(body.problems).toEqual([expect.objectContaining({ file: 'shapes.zip', field: 'sourceLayer', message: expect.stringMatching(/^holds 2 shapefiles, parcels \(Polygon, 4 features\), wells \(Point, 2 features\); nothing was read/) })]);
    expect(await fingerprint()).toEqual(before);
  });

  it('zip of two shapefiles in a folder: the chosen one is read, by its path or its bare name', async () => {
    const bytes = await twoShapefileZip('园区数据/');
    const none = await post(bytes, 'layer=parcels&fileName=shapes.zip&dryRun=true');
    expect(none.body.sourceLayers.map((l: { name: string }) => l.name)).toEqual(['园区数据/parcels', '园区数据/wells']);
    for (const name of ['园区数据/parcels', 'parcels']) {
      const { status, body } = await post(bytes, `layer=parcels&fileName=shapes.zip&dryRun=true&sourceLayer=${encodeURIComponent(name)}`);
      expect({ name, status }).toEqual({ name, status: 200 });
      expect(body).toMatchObject({ status: 'dryRun', sourceLayer: '园区数据/parcels', format: 'shapefile', crs: { code: 'EPSG:4524', from: 'file' } });
      expect(body.counts).toMatchObject({ rows: 4, valid: 4, errors: 0 });
    }
  });

  it('a file of one layer needs no choice and reports that layer', async () => {
    const file = path.join(tempDir(), 'one.gpkg');
    writeLayers('GPKG', file, [['parcels', chineseParcelsGeoJson(), []]]);
    const { body } = await post(fs.readFileSync(file), 'layer=parcels&fileName=one.gpkg&dryRun=true');
    expect(body).toMatchObject({ status: 'dryRun', sourceLayer: 'parcels', sourceLayers: [{ name: 'parcels', geometryType: 'Polygon', count: 4 }] });
  });
});

reportMissingTool(hasGdal, 'a file of several layers', NO_GDAL_MESSAGE);
