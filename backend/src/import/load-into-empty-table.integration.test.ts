import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadBundle } from '../bundle/load-bundle.js';
import { readBundleFiles } from '../bundle/read-bundle-files.js';
import { tinyBundleDir } from '../test-support/bundles.js';
import { openTestApp, TEST_ADMIN_TOKEN, type TestApp } from '../test-support/test-app.js';
import { importFile, type ImportFileOptions } from './import-file.js';
import { removeTempDirs, tempDir } from './test-fixtures.js';

// New parcels committed into an empty parcels table go in without the table's GiST and park_code indexes and its
// foreign key to parks, which are made again, from their own definitions, before the commit (PostgreSQL's manual,
// "Populating a Database"). What must hold: the table ends with exactly the indexes and constraints it had, the
// foreign key is live again, and a file that names an unknown park is refused by its row, as before.

let t: TestApp;
beforeAll(async () => {
  // Regions and parks only: the parcels table starts empty
  t = await openTestApp(null);
  const files = await readBundleFiles(tinyBundleDir);
  for (const name of [...files.files.keys()]) if (!['bundle.json', 'regions.geojson', 'parks.geojson'].includes(name)) files.files.delete(name);
  await loadBundle(t.db, files);
});
afterAll(async () => {
  removeTempDirs();
  await t?.dispose();
});
beforeEach(async () => {
  await t.db.query('DELETE FROM parcels');
});

/** Every index and constraint of parcels, as the catalogue states them */
async function catalogue(): Promise<string[]> {
  const rows = await t.db.query<{ def: string }>(`
    SELECT pg_get_indexdef(indexrelid) AS def FROM pg_index WHERE indrelid = 'parcels'::regclass
    UNION ALL
    SELECT conname || ': ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'parcels'::regclass
    ORDER BY 1`);
  return rows.map((r) => r.def);
}

/** `count` parcels on a grid inside T-PARK, codes E-0001…, as a GeoJSON file on disk */
function grid(count: number, edit?: (properties: Record<string, unknown>, i: number) => void): { path: string } {
  const features = Array.from({ length: count }, (_, i) => {
    const lon = 108.9001 + (i % 40) * 0.00026;
    const lat = 32.7001 + Math.floor(i / 40) * 0.00026;
    const properties: Record<string, unknown> = { code: `E-${String(i + 1).padStart(4, '0')}`, park_code: 'T-PARK', land_use: 'industrial' };
    edit?.(properties, i);
    return { type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: [[[lon, lat], [lon + 0.0002, lat], [lon + 0.0002, lat + 0.0002], [lon, lat + 0.0002], [lon, lat]]] } };
  });
  const file = path.join(tempDir(), 'grid.geojson');
  fs.writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }));
  return { path: file };
}

const OPTIONS: ImportFileOptions = { layer: 'parcels', batchRows: 128 };
async function run(input: { path: string }, db = t.db) {
  const steps: string[] = [];
  const report = await importFile(db, input, 'grid.geojson', { ...OPTIONS, onProgress: (s) => steps.push(s) });
  return { report, deferred: steps.some((s) => s.includes('the parcels table is empty')) };
}
const count = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM parcels'))[0].n;

describe('new parcels into an empty table', () => {
  it('builds the indexes and the foreign key it had, once every row is in, and the foreign key holds again', async () => {
    const before = await catalogue();
    expect(before.join('\n')).toMatch(/USING gist \(geom\)/);
    expect(before.join('\n')).toMatch(/FOREIGN KEY \(park_code\) REFERENCES parks\(code\)/);

    const { report, deferred } = await run(grid(700));
    expect(report.status, JSON.stringify(report.problems.slice(0, 3))).toBe('committed');
    expect(deferred).toBe(true);
    expect(report.counts.insert).toBe(700);
    expect(await count()).toBe(700);
    expect(await catalogue()).toEqual(before);
    // The foreign key is live: a parcel of a park that does not exist is refused by the database itself
    await expect(t.db.query(`INSERT INTO parcels (code, park_code, geom) SELECT 'E-LOOSE', 'NO-SUCH-PARK', geom FROM parcels WHERE code = 'E-0001'`))
      .rejects.toMatchObject({ code: '23503' });
    // … and the GiST index answers a spatial query (its rows are all there)
    const near = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM parcels WHERE geom && ST_MakeEnvelope(108.9, 32.7, 108.9107, 32.709, 4326)`);
    expect(near[0].n).toBe(700);

    const undone = await t.app.inject({ method: 'POST', url: `/api/imports/${report.importId}/undo`, headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    expect(undone.statusCode, undone.body).toBe(200);
    expect(await count()).toBe(0);
    expect(await catalogue()).toEqual(before);
  });

  it('names an unknown park in a later batch by its row, writes nothing, and keeps the indexes and the foreign key', async () => {
    const before = await catalogue();
    const { report, deferred } = await run(grid(700, (p, i) => {
      if (i === 600) p.park_code = 'NO-SUCH-PARK';
    }));
    expect(deferred).toBe(true);
    expect(report.status).toBe('invalid');
    expect(report.problems).toContainEqual(expect.objectContaining({ severity: 'error', feature: 601, message: expect.stringMatching(/NO-SUCH-PARK/) }));
    expect(report.problems.map((p) => p.message).join('\n')).not.toMatch(/database refused/);
    expect(await count()).toBe(0);
    expect(await catalogue()).toEqual(before);
  });

  it('a dry run and an import into a table that holds parcels keep every index and foreign key in place', async () => {
    const dry = await importFile(t.db, grid(300), 'grid.geojson', { ...OPTIONS, dryRun: true, onProgress: (s) => expect(s).not.toMatch(/table is empty/) });
    expect(dry.status).toBe('dryRun');
    const first = await run(grid(300));
    expect(first.report.status).toBe('committed');
    expect(first.deferred).toBe(true);
    // Codes E-0001… again and 300 more: updates and new rows into a table that holds parcels
    const second = await run(grid(600));
    expect(second.report.status, JSON.stringify(second.report.problems.slice(0, 3))).toBe('committed');
    expect(second.deferred).toBe(false);
    expect(second.report.counts).toMatchObject({ insert: 300, update: 300 });
    expect(await count()).toBe(600);
  });

  // A second session holding parcels needs a second connection: the embedded PGlite has one (it skips this)
  it.runIf(process.env.TEST_DATABASE_URL)('does not wait past the lock timeout for a reader of parcels: the rows then go in the usual way', async () => {
    const before = await catalogue();
    // Another session reads parcels in a transaction that stays open while the import runs
    const result = await t.db.transaction(async (reader) => {
      await reader.query('SELECT count(*) FROM parcels');
      return run(grid(300));
    });
    expect(result.report.status, JSON.stringify(result.report.problems.slice(0, 3))).toBe('committed');
    expect(result.deferred).toBe(false);
    expect(await count()).toBe(300);
    expect(await catalogue()).toEqual(before);
  });
});
