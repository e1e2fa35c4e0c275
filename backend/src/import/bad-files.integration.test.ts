import fs from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import iconv from 'iconv-lite';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintTables } from '../test-support/fingerprint.js';
import { buildApp, createServices } from '../app.js';
import { readConfig } from '../config.js';
import { loadBundle } from '../bundle/load-bundle.js';
import { readBundleFiles } from '../bundle/read-bundle-files.js';
import { openTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { tinyBundleDir, tinyParcelsGeoJson } from '../test-support/bundles.js';
import { TEST_ADMIN_TOKEN, postImport } from '../test-support/test-app.js';
import type { ProblemKind } from '../bundle/problems.js';
import { chineseParcelsGeoJson, deflatedZeros, hasGdal, ogr2ogr, rawZip, removeTempDirs, shapefileZip } from './test-fixtures.js';

const UPLOAD_LIMIT_MB = 3;
let t: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  t = await openTestDatabase();
  await loadBundle(t.db, await readBundleFiles(tinyBundleDir));
  const config = { ...readConfig({ UPLOAD_LIMIT_MB: String(UPLOAD_LIMIT_MB) }), adminToken: TEST_ADMIN_TOKEN, webRoot: '/nonexistent' };
  app = await buildApp({ config, services: createServices(t.db, config), logger: false });
});
afterAll(async () => {
  await app?.close();
  await t?.dispose();
  removeTempDirs();
});

const TABLES = ['parks', 'parcels', 'buildings', 'units', 'enterprises', 'land_rights', 'indicators', 'imports', 'import_rows', 'import_created', 'import_mappings'];
const fingerprint = () => fingerprintTables(t.db, TABLES);

const post = (file: Buffer | string, query: string) => postImport(app, file, query);

const tinyParcels = tinyParcelsGeoJson;
const geojson = (edit: (f: GeoJSON.Feature[]) => void) => {
  const fc = tinyParcels();
  edit(fc.features);
  return Buffer.from(JSON.stringify(fc));
};
const polygon = (f: GeoJSON.Feature) => (f.geometry as GeoJSON.Polygon).coordinates;
const csv = (text: string) => Buffer.from(text, 'utf8');
const ENTERPRISES_HEADER = '统一社会信用代码,企业名称,状态\n';
async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('企业');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
async function zipOf(files: Record<string, Buffer | string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
async function shapefileParts(drop: string[] = [], replace: Record<string, Buffer | string> = {}): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await shapefileZip(chineseParcelsGeoJson(), ['-t_srs', 'EPSG:4524', '-lco', 'ENCODING=GBK']));
  const files: Record<string, Buffer | string> = {};
  for (const [name, entry] of Object.entries(zip.files)) {
    if (!drop.some((d) => name.endsWith(d))) files[name] = await entry.async('nodebuffer');
  }
  return zipOf({ ...files, ...replace });
}

/** kind: the read error's kind, for the wizard to say it in Chinese (bundle/problems.ts ProblemParams) */
type BadCase = [name: string, make: () => Promise<Buffer> | Buffer, query: string, expected: RegExp, kind?: ProblemKind];

const cases: BadCase[] = [
  ['an empty file', () => Buffer.alloc(0), 'layer=parcels&fileName=parcels.geojson', /parcels\.geojson: is empty/],
  ['a broken zip', () => Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]), 'layer=parcels&fileName=parcels.zip', /parcels\.zip: is not a readable zip file/],
  ['a zip cut in half', async () => { const z = await zipOf({ 'a.geojson': JSON.stringify(tinyParcels()) }); return z.subarray(0, z.length >> 1); }, 'layer=parcels&fileName=cut.zip', /cut\.zip: is not a readable zip file/],
  ['a zip bomb (declares 600 MiB)', async () => { const z = await deflatedZeros(600 * 1024 ** 2); return rawZip([{ name: 'bomb.geojson', ...z, method: 8, declaredSize: 600 * 1024 ** 2 }]); }, 'layer=parcels&fileName=bomb.zip', /would unpack to 600\.0 MiB.*zip bomb/],
  ['a zip bomb that lies about its size', async () => { const z = await deflatedZeros(64 * 1024 ** 2); return rawZip([{ name: 'bomb.geojson', ...z, method: 8, declaredSize: 1000 }]); }, 'layer=parcels&fileName=liar.zip', /entry "bomb\.geojson" unpacks to more than the 1000 bytes its header declares/, 'zipEntryTooLarge'],
  ['a zip entry that cannot be unpacked (its data shorter than its header says)', () => rawZip([{ name: 'parcels.geojson', data: deflateRawSync('{"type":"FeatureCollection","features":[]}'), method: 8, crc32: 0, declaredSize: 1000 }]),
    'layer=parcels&fileName=short.zip', /short\.zip: entry "parcels\.geojson" cannot be unpacked: /, 'zipEntryUnreadable'],
  ['a zip entry named ../', () => rawZip([{ name: '../../etc/parcels.geojson', data: Buffer.from('{}'), method: 0, crc32: 0, declaredSize: 2 }]), 'layer=parcels&fileName=evil.zip', /entry "\.\.\/\.\.\/etc\/parcels\.geojson" points outside the archive \(path traversal\)/],
  ['a zip entry with an absolute path', () => rawZip([{ name: '/parcels.geojson', data: Buffer.from('{}'), method: 0, crc32: 0, declaredSize: 2 }]), 'layer=parcels&fileName=abs.zip', /points outside the archive/],
  ['a zip of 150 entries', () => zipOf(Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`f${i}.txt`, 'x']))), 'layer=parcels&fileName=many.zip', /holds 150 entries; at most 100/],
  ['a lone .shp', () => Buffer.from('not really'), 'layer=parcels&fileName=parcels.shp', /parcels\.shp: is one part of a shapefile/],
  ['a binary file of no known format', () => Buffer.from([0, 1, 2, 3, 0, 255, 254, 0]), 'layer=parcels&fileName=data.bin', /binary file of no format MuYield reads/],
  ['an old .xls workbook', () => Buffer.from('D0CF11E0 fake'), 'layer=enterprises&fileName=企业.xls', /old Excel \.xls/],
  ['GeoJSON that is not JSON', () => Buffer.from('{"type":"FeatureCollection","features":[{"type":'), 'layer=parcels&fileName=parcels.geojson', /parcels\.geojson: is not valid JSON/],
  ['GeoJSON that is a bare geometry', () => Buffer.from('{"type":"Point","coordinates":[108.9,32.7]}'), 'layer=parcels&fileName=parcels.geojson', /not a GeoJSON FeatureCollection or Feature/],
  ['KML that is not well-formed', () => Buffer.from('<?xml version="1.0"?><kml><Document><Placemark></Document></kml>'), 'layer=parcels&fileName=parcels.kml', /parcels\.kml: is not well-formed KML/, 'kmlNotWellFormed'],
  ['XML that is not KML (a GPX)', () => Buffer.from('<?xml version="1.0"?><gpx version="1.1"><wpt lat="32.7" lon="108.9"/></gpx>'), 'layer=parcels&fileName=parcels.kml', /parcels\.kml: is XML but not KML \(root element <gpx>\)/, 'notKml'],
  ['a corrupt GeoPackage', () => Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(300, 1)]), 'layer=parcels&fileName=parcels.gpkg', /parcels\.gpkg: is not a readable GeoPackage/, 'geoPackageUnreadable'],
  ['a self-intersecting ring (bow-tie)', () => geojson((f) => { const ring = polygon(f[0])[0]; [ring[1], ring[2]] = [ring[2], ring[1]]; }), 'layer=parcels&fileName=parcels.geojson', /parcels\.geojson feature 1 \(999901001001GB00001\) field "geometry": is not valid: Self-intersection.*repair=true/],
  ['an unclosed ring', () => geojson((f) => { polygon(f[1])[0].pop(); }), 'layer=parcels&fileName=parcels.geojson', /feature 2 .*field "geometry": polygon 1 ring 1 is not closed/],
  ['swapped axes with crs=EPSG:4326', () => geojson((f) => { for (const p of polygon(f[0])[0]) p.reverse(); }), 'layer=parcels&crs=EPSG:4326&fileName=parcels.geojson', /feature 1 .*field "geometry": coordinates \(32\.701, 108\.901\) fall outside China but inside it with the axes swapped/],
  ['lon/lat out of range', () => geojson((f) => { polygon(f[2])[0].forEach((p) => { p[1] += 95; }); }), 'layer=parcels&crs=EPSG:4326&fileName=parcels.geojson', /feature 3 .*field "geometry": coordinates \(108\.905, 127\.704\d*\) are not degrees.*give the coordinate system \(crs\)/],
  ['a point where parcels need polygons', () => geojson((f) => { f[3].geometry = { type: 'Point', coordinates: [108.9, 32.7] }; }), 'layer=parcels&fileName=parcels.geojson', /feature 4 \(999901001001GB00004\) field "geometry": is a Point; a Polygon or MultiPolygon is required/],
  ['a line where parcels need polygons', () => geojson((f) => { f[0].geometry = { type: 'LineString', coordinates: polygon(f[0])[0] }; }), 'layer=parcels&fileName=parcels.geojson', /feature 1 .*is a LineString; a Polygon or MultiPolygon is required/],
  ['duplicate parcel codes', () => geojson((f) => { f[2].properties!.code = f[1].properties!.code; }), 'layer=parcels&fileName=parcels.geojson', /feature 3 \(999901001001GB00002\) field "code": duplicate of feature 2/],
  ['a parcel in a park that does not exist', () => geojson((f) => { f[0].properties!.park_code = 'NO-SUCH-PARK'; }), 'layer=parcels&fileName=parcels.geojson', /feature 1 field "park_code": "NO-SUCH-PARK" points nowhere/],
  ['a date that is not a date', () => geojson((f) => { f[0].properties!.supplied_on = '2015-02-30'; }), 'layer=parcels&fileName=parcels.geojson', /feature 1 .*field "supplied_on": "2015-02-30" is not a calendar date/],
  ['a land use that is not one', () => geojson((f) => { f[1].properties!.land_use = '住宅'; }), 'layer=parcels&fileName=parcels.geojson', /feature 2 .*field "land_use": "住宅" is not one of industrial/],
  ['parcels from a table without geometry', () => csv('宗地号,园区编号\nP-1,T-PARK\n'), 'layer=parcels&fileName=parcels.csv', /parcels\.csv field "geometry": has no geometry; parcels need Polygon or MultiPolygon/],
  ['the wrong layer (enterprises as parcels)', () => csv(`${ENTERPRISES_HEADER}91999901MA0000A19A,示例,在营\n`), 'layer=parcels&fileName=企业.csv', /the columns look like enterprises rather than parcels/],
  ['duplicate enterprise codes', () => csv(`${ENTERPRISES_HEADER}91999901MA0000A19A,甲,在营\n91999901MA0000B23E,乙,在营\n91999901MA0000A19A,丙,停产\n`), 'layer=enterprises&fileName=企业.csv', /企业\.csv row 4 \(91999901MA0000A19A\) field "统一社会信用代码 → uscc": duplicate of row 2/],
  ['a 统一社会信用代码 of the wrong shape', () => csv(`${ENTERPRISES_HEADER}91999901MA0000A19,短一位,在营\n`), 'layer=enterprises&fileName=企业.csv', /row 2 .*field "统一社会信用代码 → uscc": "91999901MA0000A19" is not a 统一社会信用代码/],
  ['GBK text read as UTF-8 and saved (锟斤拷, �)', () => csv(`${ENTERPRISES_HEADER}91999901MA0000A19A,${Buffer.from('示例公司', 'utf8').toString('latin1').replace(/[\u0080-\u00ff]/g, '\uFFFD')},在营\n`), 'layer=enterprises&fileName=企业.csv', /row 2 .*field "企业名称 → name": .*damaged characters.*GBK text was read as UTF-8/],
  ['a formula in an XLSX cell', async () => xlsx([['统一社会信用代码', '企业名称'], ['91999901MA0000A19A', { formula: 'HYPERLINK("http://evil.example","点我")' }]]), 'layer=enterprises&fileName=企业.xlsx', /企业\.xlsx row 2 .*field "企业名称 → name": "=HYPERLINK.*formula injection/],
  ['a formula in a CSV cell', () => csv(`${ENTERPRISES_HEADER}91999901MA0000A19A,=cmd|' /C calc'!A0,在营\n`), 'layer=enterprises&fileName=企业.csv', /row 2 .*field "企业名称 → name": "=cmd.*formula injection/],
  ['an enormous row', () => csv(`${ENTERPRISES_HEADER}91999901MA0000A19A,${'很'.repeat(150_000)},在营\n`), 'layer=enterprises&fileName=企业.csv', /企业\.csv row 2: is \d+ characters long; a row may hold at most 100000/],
  ['a number that is not one', () => csv('统一社会信用代码,年度,产值(万元)\n91999901MA0000A19A,2024,一百\n'), 'layer=indicators&fileName=指标.csv', /row 2 .*field "产值\(万元\) → output_yuan": "一百" is not a number/],
  ['indicators of an unknown enterprise', () => csv('统一社会信用代码,年度,产值(万元)\n91999901MA0000Z99X,2024,100\n'), 'layer=indicators&fileName=指标.csv', /row 2 field "统一社会信用代码 → uscc": "91999901MA0000Z99X" points nowhere/],
  ['a mapping to a column the file lacks', () => csv(`${ENTERPRISES_HEADER}91999901MA0000A19A,甲,在营\n`), `layer=enterprises&fileName=企业.csv&mapping=${encodeURIComponent('{"uscc":"信用代码","name":"企业名称"}')}`, /field "信用代码 → uscc": is mapped to the column "信用代码", which the file does not have/],
  ['an unknown crs', () => geojson(() => undefined), 'layer=parcels&crs=EPSG:9999&fileName=parcels.geojson', /field "crs": unknown or unsupported crs "EPSG:9999"/],
];

if (hasGdal) {
  cases.push(
    ['a .shp that is not a shapefile (its header does not start with 9994)', () => shapefileParts([], { 'parcels.shp': Buffer.alloc(100) }), 'layer=parcels&fileName=parcels.zip',
      /parcels\.zip\/parcels\.shp: is not a shapefile \(its header does not start with 9994\)/, 'notShapefile'],
    ['a .shx that is not a shapefile index', () => shapefileParts([], { 'parcels.shx': Buffer.alloc(100) }), 'layer=parcels&fileName=parcels.zip',
      /parcels\.zip\/parcels\.shx: is not a shapefile index \(its header does not start with 9994\)/, 'notShapefile'],
    ['a .dbf too short for its header', () => shapefileParts([], { 'parcels.dbf': Buffer.alloc(20) }), 'layer=parcels&fileName=parcels.zip',
      /parcels\.zip\/parcels\.dbf: is 20 bytes long; a \.dbf header alone is 32/, 'dbfTooShort'],
    ['a GeoPackage of a table without geometry', () => fs.readFileSync(ogr2ogr({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { 宗地号: 'P-1' }, geometry: null as unknown as GeoJSON.Geometry }] }, 'GPKG', 'table.gpkg', ['-nlt', 'NONE'])),
      'layer=parcels&fileName=table.gpkg', /table\.gpkg: has no feature table/, 'noFeatureTable'],
    ['a shapefile without its .shx', () => shapefileParts(['.shx']), 'layer=parcels&fileName=parcels.zip', /parcels\.zip\/parcels\.shx: is missing: a shapefile needs parcels\.shp, parcels\.shx and parcels\.dbf/],
    ['a shapefile without its .dbf', () => shapefileParts(['.dbf']), 'layer=parcels&fileName=parcels.zip', /parcels\.zip\/parcels\.dbf: is missing/],
    ['a shapefile without its .shp', () => shapefileParts(['.shp']), 'layer=parcels&fileName=parcels.zip', /parcels\.zip: holds .* but no \.shp: the geometry file is missing/],
    ['a .prj that is not a coordinate system', () => shapefileParts([], { 'parcels.prj': 'hello, world' }), 'layer=parcels&fileName=parcels.zip', /parcels\.zip\/parcels\.prj field "crs": parcels\.prj cannot be used: .*the numbers look like CGCS2000 \/ 3-degree Gauss-Krüger 3° zone 36: import again with crs=EPSG:4524/],
    ['a .prj that says lon/lat for metres', () => shapefileParts([], { 'parcels.prj': 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]' }), 'layer=parcels&fileName=parcels.zip', /parcels\.zip feature 1 .*are not degrees: they look like projected metres/],
    ['a .dbf from another shapefile', async () => {
      const other = await JSZip.loadAsync(await shapefileZip(chineseParcelsGeoJson((f) => f.splice(2)), ['-lco', 'ENCODING=GBK']));
      return shapefileParts([], { 'parcels.dbf': await other.file('parcels.dbf')!.async('nodebuffer') });
    }, 'layer=parcels&fileName=parcels.zip', /parcels\.zip\/parcels\.dbf: has 2 records but the \.shp holds 4 shapes; the files do not belong together/],
    ['a truncated .shp', async () => {
      const zip = await JSZip.loadAsync(await shapefileParts());
      const shp = await zip.file('parcels.shp')!.async('nodebuffer');
      return shapefileParts([], { 'parcels.shp': shp.subarray(0, shp.length - 40) });
    }, 'layer=parcels&fileName=parcels.zip', /parcels\.zip\/parcels\.shp: its header says \d+ bytes but it has \d+; it is cut short/],
  );
}

describe('a corpus of bad files: each is refused with file, row or feature and field, and nothing is written', () => {
  it('has at least 30 of them', () => expect(cases.length).toBeGreaterThanOrEqual(30));

  it.each(cases)('%s', async (_name, make, query, expected, kind) => {
    const before = await fingerprint();
    const { status, body } = await post(await make(), query);
    const errors = (body.problems as { severity: string; file: string; row?: number; feature?: number; code?: string; field?: string; message: string; kind?: string }[])
      .filter((p) => p.severity === 'error');
    const text = errors
      .map((p) => [p.file, p.row !== undefined ? `row ${p.row}` : '', p.feature !== undefined ? `feature ${p.feature}` : '', p.code ? `(${p.code})` : '', p.field ? `field "${p.field}"` : ''].filter(Boolean).join(' ') + `: ${p.message}`)
      .join('\n');
    if (process.env.DEBUG_IMPORT) console.log(text);
    expect(status, text).toBe(422);
    expect(body.status).toBe('invalid');
    expect(text).toMatch(expected);
    if (kind) expect(errors.map((p) => p.kind), text).toContain(kind);
    expect(await fingerprint()).toEqual(before);
  });

  it('answers 413 with the limit before reading an upload over UPLOAD_LIMIT_MB', async () => {
    const before = await fingerprint();
    const res = await app.inject({
      method: 'POST', url: '/api/imports?layer=parcels&fileName=big.geojson', payload: Buffer.alloc((UPLOAD_LIMIT_MB + 1) * 1024 ** 2, 32),
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/octet-stream' },
    });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().detail).toMatch(/at most 3 MB \(UPLOAD_LIMIT_MB\)/);
    expect(await fingerprint()).toEqual(before);
  });

  it('refuses an import without the admin token', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/imports?layer=parcels', payload: Buffer.from('{}'), headers: { 'content-type': 'application/octet-stream' } });
    expect(res.statusCode).toBe(401);
  });

  it('asks for the CRS, writing nothing, when swapped axes come without one', async () => {
    const before = await fingerprint();
    const swapped = geojson((f) => { for (const feature of f) for (const p of polygon(feature)[0]) p.reverse(); });
    const { status, body } = await post(swapped, 'layer=parcels&fileName=parcels.geojson');
    expect(status).toBe(200);
    expect(body.status).toBe('needsCrs');
    expect(body.crsCandidates[0]).toMatchObject({ crs: 'EPSG:4326+swap', confidence: 'medium' });
    expect(body.crsCandidates[0].centroidLonLat[0]).toBeCloseTo(108.9, 1);
    expect(await fingerprint()).toEqual(before);
  });

  it('stays up: health answers after the whole corpus', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
  });
});

// iconv-lite is how GBK is written in tests elsewhere; keep the import used for the GBK CSV below.
describe('GBK files', () => {
  it('reads a GBK CSV (what Excel writes on Chinese Windows) without a warning about its encoding', async () => {
    const bytes = iconv.encode(`${ENTERPRISES_HEADER}91999901MA0000A19A,示例富硒食品有限公司,在营\n`, 'gbk');
    const { status, body } = await post(bytes, 'layer=enterprises&fileName=企业.csv&dryRun=true');
    expect(status).toBe(200);
    expect(body.status).toBe('dryRun');
    expect(body.encoding).toBe('gbk');
    expect(body.counts).toMatchObject({ rows: 1, valid: 1, update: 1, insert: 0 });
  });
});
