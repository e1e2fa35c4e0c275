import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintTables } from '../test-support/fingerprint.js';
import { openTestApp, type TestApp } from '../test-support/test-app.js';
import { tinyParcelsGeoJson } from '../test-support/bundles.js';
import { importFile } from './import-file.js';

// The importer stages, checks and writes parcels batch by batch (staged-checks.ts; 16 384 rows a batch). With
// two rows a batch, the tiny fixture's files cross batches: what one batch finds or writes must hold for the whole.
const BATCH = { layer: 'parcels' as const, batchRows: 2 };

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t?.dispose());

const DATA_TABLES = ['parks', 'parcels', 'buildings', 'land_rights'];
const TABLES = [...DATA_TABLES, 'imports', 'import_rows', 'import_created'];
const content = () => fingerprintTables(t.db, TABLES);

type Feature = GeoJSON.Feature<GeoJSON.Polygon>;
const stored = () => tinyParcelsGeoJson().features;
/** A square parcel of `side`° in T-PARK (108.9–108.9107° E, 32.7–32.709° N) with its south-west corner at lon, lat. */
function square(code: string, lon: number, lat: number, side = 0.0008, park = 'T-PARK'): Feature {
  return {
    type: 'Feature',
    properties: { code, park_code: park, land_use: 'industrial' },
    geometry: { type: 'Polygon', coordinates: [[[lon, lat], [lon + side, lat], [lon + side, lat + side], [lon, lat + side], [lon, lat]]] },
  };
}
const file = (features: Feature[]) => Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }));
const messages = (problems: { message: string }[]) => problems.map((p) => p.message).join('\n');

describe('an import of several batches', () => {
  it('commits every batch: updated and new rows written with their area, each listed once for undo, and undo restores the database', async () => {
    const before = await content();
    const moved = stored().map((f) => {
      for (const p of f.geometry.coordinates[0]) p[1] += 0.0001;
      return f as Feature;
    });
    const fresh = [square('B-NEW-1', 108.908, 32.7065), square('B-NEW-2', 108.909, 32.7065), square('B-NEW-3', 108.908, 32.7075)];
    const steps: string[] = [];
    const report = await importFile(t.db, file([...moved.slice(0, 2), fresh[0], ...moved.slice(2), fresh[1], fresh[2]]), 'batches.geojson', { ...BATCH, onProgress: (step) => steps.push(step) });
    expect(report.status).toBe('committed');
    // The new rows went straight into parcels, the updated ones through the staging table
    expect(steps).toContain('checking geometry with PostGIS: 3 new parcels copied straight into parcels, 4 rows staged');
    expect(report.counts).toMatchObject({ rows: 7, valid: 7, insert: 3, update: 4, errors: 0 });

    const rows = await t.db.query<{ code: string; area: number; measured: number; lat: number }>(
      `SELECT code, land_area_sqm AS area, ST_Area(geom::geography) AS measured, ST_YMin(geom) AS lat FROM parcels ORDER BY code`);
    expect(rows.map((r) => r.code)).toEqual(['999901001001GB00001', '999901001001GB00002', '999901001001GB00003', '999901001001GB00004', 'B-NEW-1', 'B-NEW-2', 'B-NEW-3']);
    for (const r of rows) expect(r.area).toBeCloseTo(r.measured, 3);
    expect(rows[0].lat).toBeCloseTo(32.7011, 7);

    const [listed] = await t.db.query<{ updated: number; created: string[] }>(
      `SELECT (SELECT count(*)::int FROM import_rows WHERE import_id = $1) AS updated,
              (SELECT array_agg(k->>'code' ORDER BY k->>'code') FROM import_created c, jsonb_array_elements(c.keys) k WHERE c.import_id = $1) AS created`,
      [report.importId]);
    expect(listed).toEqual({ updated: 4, created: ['B-NEW-1', 'B-NEW-2', 'B-NEW-3'] });
    const [history] = (await t.get('/api/imports')).body.imports;
    expect(history).toMatchObject({ id: report.importId, rowsTouched: 7, counts: { rows: 7, insert: 3, update: 4 } });

    const undone = await t.send('POST', `/api/imports/${report.importId}/undo`, {});
    expect(undone.body).toMatchObject({ restored: 4, deleted: 3 });
    // The data as it was; the import stays listed (as undone) with what it wrote
    expect(await fingerprintTables(t.db, DATA_TABLES)).toEqual(Object.fromEntries(DATA_TABLES.map((table) => [table, before[table]])));
  });

  it('finds overlaps across batches, and with a stored parcel only where the import does not move it away', async () => {
    const before = await content();
    const [, , third] = stored();
    const onThird = square('B-ON-3', 108.905, 32.704, 0.0009); // where GB00003 is stored …
    const movedThird = stored()[2] as Feature; // … which the same file moves away, in a later batch
    for (const p of movedThird.geometry.coordinates[0]) p[0] += 0.003;
    const first = square('B-FIRST', 108.908, 32.7065);
    const overFirst = square('B-OVER-FIRST', 108.9084, 32.7065); // half on B-FIRST, two batches later
    const onFourth = square('B-ON-4', 108.905, 32.7015, 0.0004); // on GB00004, which the file leaves alone
    const report = await importFile(t.db, file([onThird, first, movedThird, onFourth, overFirst]), 'overlaps.geojson', { ...BATCH, dryRun: true });
    expect(third.properties!.code).toBe('999901001001GB00003');
    expect(report.status).toBe('dryRun');
    const text = messages(report.problems);
    expect(text).toMatch(/overlaps parcel B-OVER-FIRST by \d+\.\d m²/);
    expect(text).toMatch(/overlaps the stored parcel 999901001001GB00004 by \d+\.\d m²/);
    expect(text).not.toMatch(/GB00003/);
    expect(report.problems.filter((p) => /overlaps/.test(p.message)).map((p) => p.code).sort()).toEqual(['B-FIRST', 'B-ON-4']);
    expect(await content()).toEqual(before);
  });

  it('finds the same problems when it commits (new parcels COPYed straight into parcels) as in a dry run (all staged)', async () => {
    const before = await content();
    const onThird = square('B-ON-3', 108.905, 32.704, 0.0009); // where GB00003 is stored, which the file moves away
    const movedThird = stored()[2] as Feature;
    for (const p of movedThird.geometry.coordinates[0]) p[0] += 0.003;
    const overMoved = square('B-OVER-MOVED', 108.9085, 32.7045, 0.0004); // on the moved GB00003: a new row over an updated one
    const first = square('B-FIRST', 108.908, 32.7065);
    const overFirst = square('B-OVER-FIRST', 108.9084, 32.7065); // half on B-FIRST, two batches later
    const onFourth = square('B-ON-4', 108.905, 32.7015, 0.0004); // on GB00004, which the file leaves alone
    const leaving = square('B-LEAVING', 108.9103, 32.7081); // reaches out of T-PARK to the north-east
    const declared = { ...square('B-DECLARED', 108.9065, 32.7075), properties: { code: 'B-DECLARED', park_code: 'T-PARK', declared_area_sqm: 2000 } };
    const features = [onThird, first, movedThird, onFourth, overMoved, overFirst, leaving, declared];
    const said = (r: { problems: { severity: string; code?: string; kind?: string; params?: Record<string, unknown> }[] }) => r.problems
      .filter((p) => p.kind !== undefined)
      .map((p) => `${p.severity} ${p.code} ${p.kind} ${JSON.stringify(p.params, (_k, v: unknown) => (typeof v === 'number' ? Number(v.toPrecision(6)) : v))}`)
      .sort();

    const dry = await importFile(t.db, file(features), 'same-problems.geojson', { ...BATCH, dryRun: true });
    expect(dry.status).toBe('dryRun');
    const committed = await importFile(t.db, file(features), 'same-problems.geojson', BATCH);
    expect(committed.status).toBe('committed');
    expect(said(committed)).toEqual(said(dry));
    expect(said(committed).map((line) => line.split(' ').slice(1, 3).join(' ')).filter((line) => !line.endsWith('crsDetected'))).toEqual([
      '999901001001GB00003 overlapsParcel', 'B-DECLARED declaredAreaMismatch', 'B-FIRST overlapsParcel', 'B-LEAVING outsidePark', 'B-ON-4 overlapsStoredParcel',
    ]);
    expect(committed.counts).toMatchObject({ rows: 8, insert: 7, update: 1 });
    const undone = await t.send('POST', `/api/imports/${committed.importId}/undo`, {});
    expect(undone.body).toMatchObject({ restored: 1, deleted: 7 });
    expect(await fingerprintTables(t.db, DATA_TABLES)).toEqual(Object.fromEntries(DATA_TABLES.map((table) => [table, before[table]])));
  });

  it('with repair=true, commits a bow-tie in a later batch as its ST_MakeValid repair', async () => {
    const bowTie = square('B-REPAIRED', 108.909, 32.7075);
    const ring = bowTie.geometry.coordinates[0];
    [ring[1], ring[2]] = [ring[2], ring[1]];
    const steps: string[] = [];
    const report = await importFile(t.db, file([square('B-OK-1', 108.908, 32.7065), square('B-OK-2', 108.909, 32.7065), bowTie]), 'repaired.geojson', { ...BATCH, repair: true, onProgress: (step) => steps.push(step) });
    expect(report.status).toBe('committed');
    // The batch the database refused (the bow-tie breaks the CHECK) was staged, repaired and written from there
    expect(steps).toContain('checking geometry with PostGIS: 2 new parcels copied straight into parcels, 1 row staged');
    expect(report.problems).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'B-REPAIRED', kind: 'geometryRepaired' }));
    const rows = await t.db.query<{ code: string; valid: boolean }>(`SELECT code, ST_IsValid(geom) AS valid FROM parcels WHERE code IN ('B-OK-1', 'B-OK-2', 'B-REPAIRED') ORDER BY code`);
    expect(rows).toEqual([{ code: 'B-OK-1', valid: true }, { code: 'B-OK-2', valid: true }, { code: 'B-REPAIRED', valid: true }]);
    const [{ created }] = await t.db.query<{ created: string[] }>(
      `SELECT array_agg(k->>'code' ORDER BY k->>'code') AS created FROM import_created c, jsonb_array_elements(c.keys) k WHERE c.import_id = $1`, [report.importId]);
    expect(created).toEqual(['B-OK-1', 'B-OK-2', 'B-REPAIRED']);
    await t.send('POST', `/api/imports/${report.importId}/undo`, {});
  });

  it('writes nothing when a later batch holds an error, though the batches before it were written', async () => {
    const before = await content();
    const bowTie = square('B-BOWTIE', 108.909, 32.7075);
    const ring = bowTie.geometry.coordinates[0];
    [ring[1], ring[2]] = [ring[2], ring[1]];
    const report = await importFile(t.db, file([square('B-OK-1', 108.908, 32.7065), square('B-OK-2', 108.909, 32.7065), square('B-OK-3', 108.908, 32.7075), bowTie]), 'late-error.geojson', BATCH);
    expect(report.status).toBe('invalid');
    expect(report.problems).toContainEqual(expect.objectContaining({ severity: 'error', feature: 4, code: 'B-BOWTIE', message: expect.stringMatching(/^is not valid: Self-intersection/) }));
    expect(report.importId).toBeUndefined();
    expect(await content()).toEqual(before);
  });

  it('names the unknown park of a row in a later batch (the database refused that batch) and writes nothing', async () => {
    const before = await content();
    const report = await importFile(t.db, file([square('B-OK-1', 108.908, 32.7065), square('B-OK-2', 108.909, 32.7065), square('B-ELSEWHERE', 108.908, 32.7075, 0.0008, 'NO-SUCH-PARK')]), 'unknown-park.geojson', BATCH);
    expect(report.status).toBe('invalid');
    expect(report.problems).toContainEqual(expect.objectContaining({ severity: 'error', feature: 3, message: expect.stringMatching(/NO-SUCH-PARK/) }));
    expect(messages(report.problems)).not.toMatch(/database refused/);
    expect(await content()).toEqual(before);
  });

  it('refuses a code repeated in a later batch, and writes nothing', async () => {
    const before = await content();
    const report = await importFile(t.db, file([square('B-TWICE', 108.908, 32.7065), square('B-OK-2', 108.909, 32.7065), square('B-TWICE', 108.908, 32.7075)]), 'twice.geojson', BATCH);
    expect(report.status).toBe('invalid');
    expect(report.problems).toContainEqual(expect.objectContaining({ severity: 'error', code: 'B-TWICE', message: expect.stringMatching(/duplicate|twice|more than once/i) }));
    expect(await content()).toEqual(before);
  });

  it('refuses a NUL character in a later batch by its row and field, and writes nothing', async () => {
    const before = await content();
    const nul = square('B-NUL', 108.908, 32.7075);
    nul.properties!.land_use = 'industrial';
    nul.properties!.idle_cause = null;
    nul.properties!.code = 'B-NUL\u0000X';
    const report = await importFile(t.db, file([square('B-OK-1', 108.908, 32.7065), square('B-OK-2', 108.909, 32.7065), nul]), 'nul.geojson', BATCH);
    expect(report.status).toBe('invalid');
    expect(report.problems).toContainEqual(expect.objectContaining({ severity: 'error', feature: 3, field: 'code', kind: 'nulCharacter', message: expect.stringMatching(/NUL character/) }));
    expect(messages(report.problems)).not.toMatch(/database refused/);
    expect(await content()).toEqual(before);
  });
});
