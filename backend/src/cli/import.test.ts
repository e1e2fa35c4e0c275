import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { copyPreparedDataDir } from '../test-support/test-database.js';
import { openPgliteDatabase } from '../db/pglite-database.js';
import { tinyBundleDir } from '../test-support/bundles.js';
import { runImportCli } from '../test-support/import-cli.js';

// Each test starts the CLI in a new process that opens the embedded PostGIS (a few seconds alone, a
// minute on a busy 2-core machine).
vi.setConfig({ testTimeout: 180_000 });
let dataDir: string;
let badBundle: string;

const importCli = (...args: string[]) => runImportCli(dataDir, ...args);

beforeAll(() => {
  dataDir = copyPreparedDataDir();
  badBundle = fs.mkdtempSync(path.join(dataDir, '..', 'muyield-bad-bundle-'));
  fs.cpSync(tinyBundleDir, badBundle, { recursive: true });
  const parks = path.join(badBundle, 'parks.geojson');
  fs.writeFileSync(parks, fs.readFileSync(parks, 'utf8').replace('"level": "county"', '"level": "city"').replace('"level":"county"', '"level":"city"'));
});
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(badBundle, { recursive: true, force: true });
});

describe('npm run import', () => {
  it('explains a bad bundle with file, feature and field, exits 1 and writes nothing', async () => {
    const result = await importCli(badBundle);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/error: parks\.geojson feature 1 \(T-PARK\) field "level": "city" is not one of national, provincial, county/);
    expect(result.stderr).toMatch(/nothing was written/);
  });

  it('checks without writing on --dry-run, then loads the bundle', async () => {
    const dry = await importCli(tinyBundleDir, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/dry run, nothing written; would load .*parks 1, parcels 4/);
    const real = await importCli(tinyBundleDir);
    expect(real.code).toBe(0);
    expect(real.stdout).toMatch(/^loaded .*parks 1, parcels 4, buildings 2, enterprises 5, units 4/m);
    expect(real.stderr).toMatch(/warning: enterprises\.csv .*91999901MA0000D42R/);
  });

  it('left exactly the one good load in the database', async () => {
    const db = await openPgliteDatabase(dataDir);
    try {
      const rows = await db.query<{ parks: number; imports: number }>('SELECT (SELECT count(*) FROM parks)::int AS parks, (SELECT count(*) FROM imports)::int AS imports');
      expect(rows[0]).toEqual({ parks: 1, imports: 1 });
    } finally {
      await db.close();
    }
  });

  it('says what it needs when called without a path', async () => {
    const result = await importCli();
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/usage: npm run import -- PATH/);
  });
});
