// The import API's report says each problem as data too (kind + raw params, see ProblemParams in
// bundle/problems.ts) so the wizard can say it in Chinese; the English message stays as it was.
import fs from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, createServices } from '../app.js';
import { readConfig } from '../config.js';
import { loadBundle } from '../bundle/load-bundle.js';
import { readBundleFiles } from '../bundle/read-bundle-files.js';
import type { BundleProblem } from '../bundle/problems.js';
import { openTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { tinyBundleDir, tinyParcelsGeoJson } from '../test-support/bundles.js';
import { TEST_ADMIN_TOKEN, postImport } from '../test-support/test-app.js';
import { reportMissingTool } from '../test-support/missing-tool.js';
import { chineseParcelsGeoJson, deflatedZeros, hasGdal, NO_GDAL_MESSAGE, ogr2ogr, rawZip, removeTempDirs, shapefileZip } from './test-fixtures.js';

let t: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  t = await openTestDatabase();
  await loadBundle(t.db, await readBundleFiles(tinyBundleDir));
  const config = { ...readConfig({}), adminToken: TEST_ADMIN_TOKEN, webRoot: '/nonexistent' };
  app = await buildApp({ config, services: createServices(t.db, config), logger: false });
});
afterAll(async () => {
  await app?.close();
  await t?.dispose();
  removeTempDirs();
});

const dryRun = async (file: GeoJSON.FeatureCollection | Buffer, query: string) =>
  postImport(app, Buffer.isBuffer(file) ? file : JSON.stringify(file), `dryRun=true&${query}`) as Promise<{ status: number; body: { status: string; problems: BundleProblem[] } }>;

const tinyParcels = tinyParcelsGeoJson;
const ring = (f: GeoJSON.Feature) => (f.geometry as GeoJSON.Polygon).coordinates[0];

describe('the problems of an import report carry a kind and raw params beside the English message', () => {
  it('a bad date, a bow-tie and a parcel drawn over a stored one with a wrong declared area', async () => {
    const stored = tinyParcels().features;
    const [badDate, bowTie] = [stored[0], stored[1]];
    badDate.properties!.supplied_on = '2015-02-30';
    const bow = ring(bowTie);
    [bow[1], bow[2]] = [bow[2], bow[1]];
    const overOther: GeoJSON.Feature = {
      type: 'Feature',
      properties: { code: 'T-OVER-4', park_code: 'T-PARK', declared_area_sqm: 1000 },
      geometry: stored[3].geometry,
    };
    const [{ land_area_sqm: storedAreaSqm }] = await t.db.query<{ land_area_sqm: number }>(
      `SELECT land_area_sqm::float8 AS land_area_sqm FROM parcels WHERE code = '999901001001GB00004'`,
    );

    const { status, body } = await dryRun({ type: 'FeatureCollection', features: [badDate, bowTie, overOther] }, 'layer=parcels&crs=EPSG:4326&fileName=parcels.geojson');

    expect(status).toBe(422);
    expect(body.status).toBe('invalid');
    const of = (kind: string) => body.problems.filter((p) => p.kind === kind);
    expect(body.problems.filter((p) => p.kind === undefined)).toEqual([]);
    expect(of('notCalendarDate')).toEqual([{
      severity: 'error', file: 'parcels.geojson', feature: 1, code: '999901001001GB00001', field: 'supplied_on',
      message: '"2015-02-30" is not a calendar date', kind: 'notCalendarDate', params: { value: '2015-02-30' },
    }]);
    expect(of('geometryInvalidRepairable')).toEqual([expect.objectContaining({
      severity: 'error', feature: 2, code: '999901001001GB00002', field: 'geometry',
      message: expect.stringMatching(/^is not valid: Self-intersection.*repair=true/),
      params: { reason: expect.stringMatching(/^Self-intersection\[108\.90\d* 32\.70\d*\]$/), repairedAreaSqm: expect.any(Number) },
    })]);
    const [invalid] = of('geometryInvalidRepairable');
    expect(invalid.message).toContain(`(area then ${(invalid.params as { repairedAreaSqm: number }).repairedAreaSqm.toFixed(1)} m²)`);

    const [overlap] = of('overlapsStoredParcel');
    expect(overlap).toMatchObject({ severity: 'warning', feature: 3, code: 'T-OVER-4', field: 'geometry', params: { otherCode: '999901001001GB00004' } });
    const overlapSqm = (overlap.params as { overlapSqm: number }).overlapSqm;
    // The same shape: it overlaps the stored parcel by all of its area (m², measured on the geography by PostGIS both times)
    expect(overlapSqm).toBeCloseTo(storedAreaSqm, 0);
    expect(overlap.message).toBe(`overlaps the stored parcel 999901001001GB00004 by ${overlapSqm.toFixed(1)} m²`);

    expect(of('declaredAreaMismatch')).toEqual([expect.objectContaining({
      severity: 'warning', feature: 3, code: 'T-OVER-4', field: 'declared_area_sqm',
      params: { declaredSqm: 1000, measuredSqm: expect.closeTo(storedAreaSqm, 0), differenceShare: expect.closeTo(storedAreaSqm / 1000 - 1, 3) },
    })]);
  });

  it('the coordinates outside China and the column that is not mapped say what they found', async () => {
    const swapped = tinyParcels();
    for (const p of ring(swapped.features[0])) p.reverse();
    const axes = await dryRun(swapped, 'layer=parcels&crs=EPSG:4326&fileName=parcels.geojson');
    expect(axes.body.problems).toContainEqual(expect.objectContaining({
      feature: 1, field: 'geometry', kind: 'coordinatesSwapped', params: { x: 32.701, y: 108.901 },
      message: expect.stringMatching(/axes swapped/),
    }));

    const noPark = tinyParcels();
    for (const f of noPark.features) delete f.properties!.park_code;
    const unmapped = await dryRun(noPark, 'layer=parcels&crs=EPSG:4326&fileName=parcels.geojson');
    expect(unmapped.body.problems).toContainEqual(expect.objectContaining({
      severity: 'error', field: 'park_code', kind: 'requiredNotMapped',
      params: { columns: expect.arrayContaining(['code', 'land_use']) },
      message: expect.stringMatching(/^is required but no column maps to it/),
    }));
  });

  it('a file that cannot be read says why as data too: a broken zip, a GeoJSON cut short', async () => {
    const broken = await dryRun(Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]), 'layer=parcels&fileName=parcels.zip');
    expect(broken.body.problems).toEqual([expect.objectContaining({
      file: 'parcels.zip', kind: 'zipUnreadable', params: { reason: expect.any(String) }, message: expect.stringMatching(/^is not a readable zip file/),
    })]);
    const text = JSON.stringify(tinyParcels());
    const cut = await dryRun(Buffer.from(text.slice(0, text.indexOf('"Feature"', text.indexOf('"Feature"', text.indexOf('"features"')) + 1) + 30)), 'layer=parcels&fileName=cut.geojson');
    expect(cut.body.problems).toEqual([expect.objectContaining({
      file: 'cut.geojson', kind: 'jsonInvalid', params: { reason: expect.any(String), afterFeature: 1 }, message: expect.stringMatching(/^is not valid JSON after feature 1: /),
    })]);
  });

  it('a file MuYield cannot take as it is says so as data: empty, a lone .shp, an .xls, a zip without data, and the like', async () => {
    const JSZip = (await import('jszip')).default;
    const zipOf = async (files: Record<string, string>) => {
      const zip = new JSZip();
      for (const [name, text] of Object.entries(files)) zip.file(name, text);
      return zip.generateAsync({ type: 'nodebuffer' });
    };
    // The first bytes of every Office 97–2003 file (OLE2 compound document)
    const ole2 = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    const withoutData = await zipOf({ '说明.docx': 'x', '宗地图.pdf': 'x', 'photos/1.jpg': 'x', 'photos/2.jpg': 'x', 'photos/3.jpg': 'x', 'photos/4.jpg': 'x' });
    const cases: [Buffer, string, Partial<BundleProblem>][] = [
      [Buffer.alloc(0), 'layer=parcels&fileName=parcels.geojson',
        { file: 'parcels.geojson', kind: 'fileEmpty', params: {}, message: 'is empty (0 bytes)' }],
      [Buffer.from([0, 0, 0x27, 0x0a, 0, 0, 0, 0]), 'layer=parcels&fileName=宗地.shp',
        { file: '宗地.shp', kind: 'shapefilePartAlone', params: { part: '.shp' }, message: 'is one part of a shapefile: zip the .shp, .shx, .dbf, .prj (and .cpg) together and import the .zip' }],
      [ole2, 'layer=enterprises&fileName=企业.xls',
        { file: '企业.xls', kind: 'oldExcelWorkbook', params: {}, message: 'is an old Excel .xls workbook: save it as .xlsx or .csv' }],
      [withoutData, 'layer=parcels&fileName=资料.zip', {
        file: '资料.zip', kind: 'zipWithoutData', params: { entries: 6, names: ['说明.docx', '宗地图.pdf', 'photos/1.jpg', 'photos/2.jpg', 'photos/3.jpg'] },
        message: 'is a zip of 6 file(s) (说明.docx, 宗地图.pdf, photos/1.jpg, photos/2.jpg, photos/3.jpg) but no shapefile, KML, GeoJSON, GeoPackage or CSV',
      }],
      [ole2, 'layer=enterprises&fileName=企业.xlsx',
        { file: '企业.xlsx', kind: 'notZip', params: { ext: '.xlsx' }, message: 'is not a readable zip file' }],
      [Buffer.from('not SQLite at all'), 'layer=parcels&fileName=parcels.gpkg',
        { file: 'parcels.gpkg', kind: 'notGeoPackage', params: {}, message: 'is not a GeoPackage (no SQLite header)' }],
      [Buffer.from([0, 1, 2, 3, 0, 255, 254, 0]), 'layer=parcels&fileName=data.bin',
        { file: 'data.bin', kind: 'formatUnknown', params: {}, message: expect.stringMatching(/^is a binary file of no format MuYield reads/) }],
      [await zipOf({ '[Content_Types].xml': '<Types/>' }), 'layer=enterprises&fileName=企业.xlsx',
        { file: '企业.xlsx', kind: 'noWorksheet', params: {}, message: 'has no worksheet' }],
      [await zipOf({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<<<>>>' }), 'layer=enterprises&fileName=企业.xlsx',
        { file: '企业.xlsx', kind: 'xlsxUnreadable', params: { reason: expect.any(String) }, message: expect.stringMatching(/^is not a readable \.xlsx workbook \(.+\)$/) }],
    ];
    for (const [bytes, query, expected] of cases) {
      const { status, body } = await dryRun(bytes, query);
      expect(status, query).toBe(422);
      expect(body.problems, query).toEqual([{ severity: 'error', ...expected }]);
    }
  });

  it('a zip entry, a KML or a GeoPackage that cannot be read says why as data, its English as it was', async () => {
    // Large enough that JSZip hands over data past the 1000 declared bytes before it notices the size itself
    const zeros = await deflatedZeros(64 * 1024 ** 2);
    const cases: [Buffer, string, Partial<BundleProblem>][] = [
      [rawZip([{ name: 'bomb.geojson', ...zeros, method: 8, declaredSize: 1000 }]), 'layer=parcels&fileName=liar.zip', {
        file: 'liar.zip', kind: 'zipEntryTooLarge', params: { entry: 'bomb.geojson', declaredBytes: 1000 },
        message: 'entry "bomb.geojson" unpacks to more than the 1000 bytes its header declares (a zip bomb?); refused',
      }],
      [rawZip([{ name: 'parcels.geojson', data: deflateRawSync('{"type":"FeatureCollection","features":[]}'), method: 8, crc32: 0, declaredSize: 1000 }]), 'layer=parcels&fileName=short.zip', {
        file: 'short.zip', kind: 'zipEntryUnreadable', params: { entry: 'parcels.geojson', reason: expect.any(String) },
        message: expect.stringMatching(/^entry "parcels\.geojson" cannot be unpacked: .+/),
      }],
      [Buffer.from('<?xml version="1.0"?><gpx version="1.1"/>'), 'layer=parcels&fileName=tracks.kml',
        { file: 'tracks.kml', kind: 'notKml', params: { rootElement: 'gpx' }, message: 'is XML but not KML (root element <gpx>)' }],
      [Buffer.from('<?xml version="1.0"?><kml><Document><Placemark></Document></kml>'), 'layer=parcels&fileName=parcels.kml', {
        file: 'parcels.kml', kind: 'kmlNotWellFormed', params: { reason: expect.stringContaining('Placemark') },
        message: expect.stringMatching(/^is not well-formed KML: .*Placemark/),
      }],
      [Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(300, 1)]), 'layer=parcels&fileName=parcels.gpkg', {
        file: 'parcels.gpkg', kind: 'geoPackageUnreadable', params: { reason: expect.any(String) },
        message: expect.stringMatching(/^is not a readable GeoPackage \(.+\)$/),
      }],
    ];
    for (const [bytes, query, expected] of cases) {
      const { status, body } = await dryRun(bytes, query);
      expect(status, query).toBe(422);
      expect(body.problems, query).toEqual([{ severity: 'error', ...expected }]);
    }
  });

  it.runIf(hasGdal)('a shapefile part that is not one, or a .dbf too short for its header, names the part as data', async () => {
    const JSZip = (await import('jszip')).default;
    const withPart = async (name: string, bytes: Buffer) => {
      const zip = await JSZip.loadAsync(await shapefileZip(chineseParcelsGeoJson()));
      zip.file(name, bytes);
      return zip.generateAsync({ type: 'nodebuffer' });
    };
    const shp = await dryRun(await withPart('parcels.shp', Buffer.alloc(100)), 'layer=parcels&fileName=parcels.zip');
    expect(shp.body.problems).toEqual([{
      severity: 'error', file: 'parcels.zip/parcels.shp', kind: 'notShapefile', params: { part: '.shp' }, message: 'is not a shapefile (its header does not start with 9994)',
    }]);
    const shx = await dryRun(await withPart('parcels.shx', Buffer.alloc(100)), 'layer=parcels&fileName=parcels.zip');
    expect(shx.body.problems).toEqual([{
      severity: 'error', file: 'parcels.zip/parcels.shx', kind: 'notShapefile', params: { part: '.shx' }, message: 'is not a shapefile index (its header does not start with 9994)',
    }]);
    const dbf = await dryRun(await withPart('parcels.dbf', Buffer.alloc(20)), 'layer=parcels&fileName=parcels.zip');
    expect(dbf.body.problems).toEqual([{
      severity: 'error', file: 'parcels.zip/parcels.dbf', kind: 'dbfTooShort', params: { actualBytes: 20 }, message: 'is 20 bytes long; a .dbf header alone is 32',
    }]);
  });

  it('a CSV’s quote and field-count errors carry their kind on their row', async () => {
    const csv = '统一社会信用代码,企业名称,状态\n91999901MA0000A19A,"安康"富硒",在营\n91999901MA0000B27B,汉滨,停产,多余\n91999901MA0000C35C,"未闭合,在营\n';
    const { body } = await dryRun(Buffer.from(csv), 'layer=enterprises&fileName=企业.csv');
    const ofCsv = body.problems.filter((p) => p.kind?.startsWith('csv'));
    expect(ofCsv).toEqual([
      { severity: 'error', file: '企业.csv', row: 2, kind: 'csvQuoteMalformed', params: {}, message: 'Trailing quote on quoted field is malformed' },
      { severity: 'error', file: '企业.csv', row: 3, kind: 'csvTooManyFields', params: { expected: 3, parsed: 4 }, message: 'Too many fields: expected 3 fields but parsed 4' },
      { severity: 'error', file: '企业.csv', row: 4, kind: 'csvQuoteUnterminated', params: {}, message: 'Quoted field unterminated' },
    ]);
  });

  it.runIf(hasGdal)('a shapefile without its .dbf names the part and the layer', async () => {
    const JSZip = (await import('jszip')).default;
    const whole = await JSZip.loadAsync(await shapefileZip(chineseParcelsGeoJson()));
    whole.remove('parcels.dbf');
    const { body } = await dryRun(await whole.generateAsync({ type: 'nodebuffer' }), 'layer=parcels&fileName=parcels.zip');
    expect(body.problems).toEqual([expect.objectContaining({
      file: 'parcels.zip/parcels.dbf', kind: 'shapefilePartMissing', params: { part: '.dbf', base: 'parcels' }, message: expect.stringMatching(/^is missing: a shapefile needs/),
    })]);
  });

  it.runIf(hasGdal)('a 西安80 file warns, as data, that it was converted without the local datum transformation', async () => {
    const xian80 = fs.readFileSync(ogr2ogr(chineseParcelsGeoJson(), 'GeoJSON', 'xian80.geojson', ['-t_srs', 'EPSG:2381']));
    const { body } = await dryRun(xian80, 'layer=parcels&crs=EPSG:2381&fileName=xian80.geojson');
    expect(body.problems).toContainEqual(expect.objectContaining({
      severity: 'warning', kind: 'crsWithoutDatumTransformation', params: { crs: 'EPSG:2381', label: expect.stringContaining('Xian 1980') },
      message: expect.stringMatching(/^EPSG:2381: converted without the local seven-parameter datum transformation/),
    }));
  });
});

reportMissingTool(hasGdal, 'files written by GDAL (a shapefile without its .dbf or with a damaged part, a 西安80 GeoJSON)', NO_GDAL_MESSAGE);
