import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportMissingTool } from '../test-support/missing-tool.js';
import { openTestApp, type TestApp, postImport } from '../test-support/test-app.js';
import { fingerprintTables } from '../test-support/fingerprint.js';
import { chineseParcelsGeoJson, hasGdal, NO_GDAL_MESSAGE, ogr2ogr, removeTempDirs, wellsGeoJson } from './test-fixtures.js';
import { readSource } from './read-source.js';
import { SourceLayerChoiceError } from './source-layers.js';

// A zip (or KMZ) of several GeoJSON, KML or CSV files: like a zip of several shapefiles, nothing is guessed.
// The files are listed as layers named by their path in the zip, and sourceLayer picks one.

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => {
  await t?.dispose();
  removeTempDirs();
});

const wells = wellsGeoJson();

async function zipOf(files: Record<string, string | Buffer>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const twoGeoJsonZip = () => zipOf({ 'parcels.geojson': JSON.stringify(chineseParcelsGeoJson()), '其他/wells.geojson': JSON.stringify(wells), 'readme.txt': 'not a layer' });

const post = (file: Buffer | string, query: string) => postImport(t.app, file, query);

/** Parcels, imports and their before-images: "nothing written" means their fingerprint does not change. */
const fingerprint = () => fingerprintTables(t.db, ['parcels', 'imports', 'import_rows', 'import_created']);

describe('a zip of several GeoJSON files', () => {
  it('none chosen: 422, the files listed by their path in the zip, nothing read or written', async () => {
    const before = await fingerprint();
    const { status, body } = await post(await twoGeoJsonZip(), 'layer=parcels&fileName=layers.zip');
    expect(status).toBe(422);
    expect(body.status).toBe('invalid');
    expect(body.sourceLayers).toEqual([{ name: 'parcels.geojson' }, { name: '其他/wells.geojson' }]);
    expect(body.problems).toEqual([{
      severity: 'error', file: 'layers.zip', field: 'sourceLayer',
      message: 'holds 2 files, parcels.geojson, 其他/wells.geojson; nothing was read: choose one with sourceLayer= (HTTP) or --source-layer (CLI)',
      kind: 'severalSourceLayers', params: { count: 2, what: 'file', layers: ['parcels.geojson', '其他/wells.geojson'] },
    }]);
    expect(body.counts.rows).toBe(0);
    expect(await fingerprint()).toEqual(before);
  });

  it('the chosen file is read and checked, by its path or its bare name, and the list stays in the report', async () => {
    const bytes = await twoGeoJsonZip();
    const parcels = await post(bytes, 'layer=parcels&fileName=layers.zip&dryRun=true&sourceLayer=parcels.geojson');
    expect(parcels.status).toBe(200);
    expect(parcels.body).toMatchObject({ status: 'dryRun', sourceLayer: 'parcels.geojson', format: 'geojson', counts: { rows: 4, valid: 4, errors: 0 } });
    expect(parcels.body.sourceLayers).toEqual([{ name: 'parcels.geojson' }, { name: '其他/wells.geojson' }]);
    for (const name of ['其他/wells.geojson', 'wells.geojson']) {
      const { body } = await post(bytes, `layer=parcels&fileName=layers.zip&dryRun=true&sourceLayer=${encodeURIComponent(name)}`);
      expect({ name, sourceLayer: body.sourceLayer, rows: body.counts.rows }).toEqual({ name, sourceLayer: '其他/wells.geojson', rows: 2 });
    }
  });

  it('a file the zip does not hold is refused naming it, with the list, nothing written', async () => {
    const before = await fingerprint();
    const { status, body } = await post(await twoGeoJsonZip(), 'layer=parcels&fileName=layers.zip&sourceLayer=roads.geojson');
    expect(status).toBe(422);
    expect(body.problems[0]).toMatchObject({ field: 'sourceLayer', message: expect.stringMatching(/^has no file "roads.geojson"; it has parcels.geojson, 其他\/wells.geojson: choose one/) });
    expect(body.sourceLayers).toHaveLength(2);
    expect(await fingerprint()).toEqual(before);
  });

  it('a zip of one GeoJSON (and other files) needs no choice', async () => {
    const bytes = await zipOf({ 'data/parcels.geojson': JSON.stringify(chineseParcelsGeoJson()), 'data/photo.png': Buffer.from([0x89, 0x50]) });
    const { status, body } = await post(bytes, 'layer=parcels&fileName=one.zip&dryRun=true');
    expect(status).toBe(200);
    expect(body).toMatchObject({ format: 'geojson', counts: { rows: 4, valid: 4 } });
    expect(body.sourceLayers).toBeUndefined();
  });
});

describe('a zip of several CSV files, or of CSV and GeoJSON', () => {
  const csvZip = () => zipOf({
    '2024/企业.csv': '\uFEFF统一社会信用代码,企业名称\r\n91999901MA0000A19A,示例一\r\n',
    '2025/企业.csv': '\uFEFF统一社会信用代码,企业名称\r\n="919999015999999055",示例二\r\n91999901MA0000B23E,示例三\r\n',
    'wells.geojson': JSON.stringify(wells),
  });

  it('lists every file; a bare name two folders share is not enough', async () => {
    const bytes = await csvZip();
    const error = await readSource(bytes, 'firms.zip').catch((err: unknown) => err);
    expect(error).toBeInstanceOf(SourceLayerChoiceError);
    expect((error as SourceLayerChoiceError).sourceLayers.map((l) => l.name)).toEqual(['2024/企业.csv', '2025/企业.csv', 'wells.geojson']);
    await expect(readSource(bytes, 'firms.zip', { sourceLayer: '企业.csv' })).rejects.toThrow(/^firms.zip: has no file "企业.csv"; it has 2024\/企业.csv, 2025\/企业.csv, wells.geojson/);
  });

  it('reads the CSV chosen, as the CSV reader reads a file alone', async () => {
    const data = await readSource(await csvZip(), 'firms.zip', { sourceLayer: '2025/企业.csv' });
    expect(data).toMatchObject({ format: 'csv', layerName: '2025/企业.csv', columns: ['统一社会信用代码', '企业名称'] });
    expect(data.records.map((r) => r.properties)).toEqual([
      { 统一社会信用代码: '919999015999999055', 企业名称: '示例二' },
      { 统一社会信用代码: '91999901MA0000B23E', 企业名称: '示例三' },
    ]);
    expect(data.sourceLayers).toHaveLength(3);
  });
});

describe.runIf(hasGdal)('a KMZ of several KML files written by GDAL', () => {
  async function twoKmlKmz(): Promise<Buffer> {
    return zipOf({
      'doc.kml': fs.readFileSync(ogr2ogr(chineseParcelsGeoJson(), 'KML', 'parcels.kml')),
      'files/wells.kml': fs.readFileSync(ogr2ogr(wells, 'KML', 'wells.kml')),
    });
  }

  it('none chosen: 422 listing doc.kml and files/wells.kml, nothing written', async () => {
    const before = await fingerprint();
    const { status, body } = await post(await twoKmlKmz(), 'layer=parcels&fileName=园区.kmz');
    expect(status).toBe(422);
    expect(body.sourceLayers).toEqual([{ name: 'doc.kml' }, { name: 'files/wells.kml' }]);
    expect(body.problems[0]).toMatchObject({ file: '园区.kmz', field: 'sourceLayer', message: expect.stringMatching(/^holds 2 files, doc.kml, files\/wells.kml; nothing was read/) });
    expect(await fingerprint()).toEqual(before);
  });

  it('the chosen KML is read as KMZ, lon/lat, and checked', async () => {
    const bytes = await twoKmlKmz();
    const { status, body } = await post(bytes, 'layer=parcels&fileName=园区.kmz&dryRun=true&sourceLayer=doc.kml');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'dryRun', sourceLayer: 'doc.kml', format: 'kmz', counts: { rows: 4, valid: 4, errors: 0 } });
    const kml = await readSource(bytes, '园区.kmz', { sourceLayer: 'wells.kml' });
    expect(kml).toMatchObject({ file: '园区.kmz/files/wells.kml', layerName: 'files/wells.kml' });
    expect(kml.records.map((r) => (r.geometry as GeoJSON.Point).coordinates)).toEqual([[108.95, 34.27], [108.96, 34.28]]);
  });

  it('a KMZ of one KML needs no choice', async () => {
    const bytes = await zipOf({ 'doc.kml': fs.readFileSync(ogr2ogr(chineseParcelsGeoJson(), 'KML', 'parcels.kml')) });
    const data = await readSource(bytes, 'one.kmz');
    expect(data).toMatchObject({ format: 'kmz', file: 'one.kmz/doc.kml' });
    expect(data.records).toHaveLength(4);
    expect(path.basename(data.file)).toBe('doc.kml');
  });
});

reportMissingTool(hasGdal, 'a KMZ of several KML files written by GDAL', NO_GDAL_MESSAGE);
