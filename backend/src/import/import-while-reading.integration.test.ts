import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '../bundle/load-bundle.js';
import { readBundleFiles } from '../bundle/read-bundle-files.js';
import { fingerprintTables } from '../test-support/fingerprint.js';
import { tinyBundleDir } from '../test-support/bundles.js';
import { openTestApp, TEST_ADMIN_TOKEN, type TestApp } from '../test-support/test-app.js';
import { importFile, type ImportFileOptions, type ImportReport } from './import-file.js';
import { removeTempDirs, tempDir } from './test-fixtures.js';

// A GeoJSON file of more than `streamAfterRows` features is checked and written while the rest is read
// (import-file.ts). Whatever happens, the outcome must be that of reading the whole file first
// (streamAfterRows: 0): the same report, the same database. The files here are read from disk in pieces of
// 64 KiB, so the rows built catch up with the reading and wait for it.

let t: TestApp;
beforeAll(async () => {
  // Regions and parks only: parcels are streamed into a table that holds none, as a first load is
  t = await openTestApp(null);
  const files = await readBundleFiles(tinyBundleDir);
  for (const name of [...files.files.keys()]) if (!['bundle.json', 'regions.geojson', 'parks.geojson'].includes(name)) files.files.delete(name);
  const loaded = await loadBundle(t.db, files);
  expect(loaded.counts.parks).toBe(1);
});
afterAll(async () => {
  removeTempDirs();
  await t?.dispose();
});

const DATA_TABLES = ['parks', 'parcels', 'buildings', 'land_rights'];
const content = (tables = [...DATA_TABLES, 'import_rows', 'import_created']) => fingerprintTables(t.db, tables);

type Feature = { type: 'Feature'; properties: Record<string, unknown>; geometry: { type: 'Polygon'; coordinates: number[][][] } };
/** Parcels on a grid inside T-PARK (108.9–108.9107° E, 32.7–32.709° N), 40 a row, codes S-0001… */
function grid(count: number, edit?: (f: Feature, i: number) => void): Feature[] {
  return Array.from({ length: count }, (_, i) => {
    const lon = 108.9001 + (i % 40) * 0.00026;
    const lat = 32.7001 + Math.floor(i / 40) * 0.00026;
    const side = 0.0002;
    const f: Feature = {
      type: 'Feature',
      properties: { code: `S-${String(i + 1).padStart(4, '0')}`, park_code: 'T-PARK', land_use: 'industrial', declared_area_sqm: 420 },
      geometry: { type: 'Polygon', coordinates: [[[lon, lat], [lon + side, lat], [lon + side, lat + side], [lon, lat + side], [lon, lat]]] },
    };
    edit?.(f, i);
    return f;
  });
}
/** The features as a file on disk (the import reads it in pieces), `tail` after the features array */
function write(features: Feature[], tail = ''): { path: string } {
  const file = path.join(tempDir(), 'grid.geojson');
  fs.writeFileSync(file, `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]${tail}}`);
  return { path: file };
}

const STREAMED: ImportFileOptions = { layer: 'parcels', streamAfterRows: 100, batchRows: 256 };
const WHOLE_FIRST: ImportFileOptions = { ...STREAMED, streamAfterRows: 0 };
async function run(input: { path: string }, options: ImportFileOptions) {
  const steps: string[] = [];
  const report = await importFile(t.db, input, 'grid.geojson', { ...options, onProgress: (s) => steps.push(s) });
  return { report, steps, streamed: steps.some((s) => s.includes('(the file still being read)')), readAgain: steps.some((s) => s.startsWith('reading grid.geojson again')) };
}
/** A second commit of the same columns takes the mapping the first one remembered: the same mapping, said otherwise */
const withoutId = (r: ImportReport) => ({ ...r, importId: undefined, mappingFrom: undefined });
async function undo(id: number) {
  const res = await t.app.inject({ method: 'POST', url: `/api/imports/${id}/undo`, headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
  expect(res.statusCode, res.body).toBe(200);
}

describe('a file checked and written while it is read', () => {
  it('commits what reading it whole first commits, with the same report', async () => {
    // 1 500 parcels (~400 KB, several pieces), one declaring an area far from its shape's
    const input = write(grid(1500, (f, i) => {
      if (i === 1200) f.properties.declared_area_sqm = 4200;
    }));
    const before = await content(DATA_TABLES);
    const streamed = await run(input, STREAMED);
    expect(streamed.streamed).toBe(true);
    expect(streamed.report.status, JSON.stringify(streamed.report.problems.slice(0, 3))).toBe('committed');
    expect(streamed.report.counts).toMatchObject({ rows: 1500, valid: 1500, insert: 1500, update: 0, errors: 0 });
    expect(streamed.report.problems).toContainEqual(expect.objectContaining({ kind: 'declaredAreaMismatch', feature: 1201 }));
    expect(streamed.steps).toContainEqual(expect.stringMatching(/^checking geometry with PostGIS: 1500 new parcels copied straight into parcels, 0 rows staged/));
    const [{ n }] = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM parcels WHERE code LIKE 'S-%'");
    expect(n).toBe(1500);
    const written = await content(DATA_TABLES);

    await undo(streamed.report.importId!);
    expect(await content(DATA_TABLES)).toEqual(before);
    const whole = await run(input, WHOLE_FIRST);
    expect(whole.streamed).toBe(false);
    expect(withoutId(streamed.report)).toEqual(withoutId(whole.report));
    expect(await content(DATA_TABLES)).toEqual(written);
    await undo(whole.report.importId!);
  });

  it('reports in a dry run what reading it whole first reports: shapes, overlaps, duplicates and fields wrong late in the file', async () => {
    const input = write(grid(1200, (f, i) => {
      const ring = f.geometry.coordinates[0];
      if (i === 900) [ring[1], ring[2]] = [ring[2], ring[1]]; // a bow-tie
      if (i === 1001) ring.forEach((p) => (p[0] -= 0.0001)); // overlaps its neighbour to the west
      if (i === 1100) f.properties.land_use = 'spaceport';
      if (i === 1150) f.properties.code = 'S-0003';
    }));
    const before = await content();
    const streamed = await run(input, { ...STREAMED, dryRun: true });
    const whole = await run(input, { ...WHOLE_FIRST, dryRun: true });
    expect(streamed.streamed).toBe(true);
    expect(whole.streamed).toBe(false);
    expect(streamed.report.status).toBe('invalid');
    expect(streamed.report.problems.map((p) => p.kind)).toEqual(expect.arrayContaining(['geometryInvalidRepairable', 'overlapsParcel', 'notOneOf', 'duplicate']));
    expect(streamed.report).toEqual(whole.report);
    expect(await content()).toEqual(before);
  });

  it('reads the file again, whole first, when a column first appears after the first rows', async () => {
    const input = write(grid(600, (f, i) => {
      if (i === 500) f.properties.developed_area_sqm = 100;
    }));
    const streamed = await run(input, { ...STREAMED, dryRun: true });
    expect(streamed.streamed).toBe(true);
    expect(streamed.readAgain).toBe(true);
    const whole = await run(input, { ...WHOLE_FIRST, dryRun: true });
    expect(streamed.report).toEqual(whole.report);
    expect(streamed.report.columns).toContain('developed_area_sqm');
  });

  it('reads the file again when its "crs" member comes after the features', async () => {
    const input = write(grid(600), ',"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}}');
    const streamed = await run(input, { ...STREAMED, dryRun: true });
    expect(streamed.readAgain).toBe(true);
    const whole = await run(input, { ...WHOLE_FIRST, dryRun: true });
    expect(streamed.report).toEqual(whole.report);
    expect(streamed.report.crs).toMatchObject({ code: 'EPSG:4326', from: 'file' });
  });

  it('reads the file again when the sample of every row settles another coordinate system than the first rows', async () => {
    // The first 300 rows in lon/lat, the rest with their axes swapped (lat, lon)
    const input = write(grid(1500, (f, i) => {
      if (i >= 300) for (const p of f.geometry.coordinates[0]) p.reverse();
    }));
    const streamed = await run(input, { ...STREAMED, dryRun: true });
    expect(streamed.streamed).toBe(true);
    expect(streamed.readAgain).toBe(true);
    const whole = await run(input, { ...WHOLE_FIRST, dryRun: true });
    expect(streamed.report).toEqual(whole.report);
    expect(streamed.report.crs?.code ?? streamed.report.status).not.toBe('EPSG:4326');
  });

  it('answers a file that breaks off after the first rows as reading it whole first does, and writes nothing', async () => {
    const good = fs.readFileSync(write(grid(1500)).path, 'utf8');
    const input = { path: path.join(tempDir(), 'grid.geojson') };
    fs.writeFileSync(input.path, good.slice(0, Math.floor(good.length * 0.8)));
    const before = await content();
    const [{ imports }] = await t.db.query<{ imports: number }>('SELECT count(*)::int AS imports FROM imports');
    const streamed = await run(input, STREAMED);
    expect(streamed.streamed).toBe(true);
    const whole = await run(input, WHOLE_FIRST);
    expect(streamed.report.status).toBe('invalid');
    expect(streamed.report.problems).toEqual([expect.objectContaining({ kind: 'jsonInvalid', severity: 'error' })]);
    expect(streamed.report).toEqual(whole.report);
    expect(await content()).toEqual(before);
    expect((await t.db.query<{ imports: number }>('SELECT count(*)::int AS imports FROM imports'))[0].imports).toBe(imports);
  });

  it('reads the file whole first to commit parcels into a table that holds some (which are new is asked for the whole file\'s codes)', async () => {
    const first = await run(write(grid(300)), STREAMED);
    expect(first.report.status).toBe('committed');
    expect(first.streamed).toBe(true);
    const second = await run(write(grid(600)), STREAMED);
    expect(second.streamed).toBe(false);
    expect(second.report.status).toBe('committed');
    expect(second.report.counts).toMatchObject({ rows: 600, insert: 300, update: 300 });
    await undo(second.report.importId!);
    await undo(first.report.importId!);
  });
});
