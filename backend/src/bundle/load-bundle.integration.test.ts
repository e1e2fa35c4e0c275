import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { editFeatures, tinyBundle, tinyBundleDir } from '../test-support/bundles.js';
import { loadBundle } from './load-bundle.js';
import { BundleInvalidError, formatProblem, type BundleProblem } from './problems.js';
import { readBundleFiles } from './read-bundle-files.js';
import { createBundleRepository } from '../repositories/bundle.repository.js';
import type { Database } from '../db/database.js';

let t: TestDatabase;
let db: Database;
beforeAll(async () => {
  t = await openTestDatabase();
  db = t.db;
});
afterAll(() => t?.dispose());

async function problemsOf(promise: Promise<unknown>): Promise<BundleProblem[]> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof BundleInvalidError) return err.problems.filter((p) => p.severity === 'error');
    throw err;
  }
  throw new Error('expected the bundle to be refused');
}

/** Every table's content, in a stable order, to compare databases. */
async function snapshot(): Promise<string> {
  const tables = ['regions', 'parks', 'parcels', 'buildings', 'units', 'enterprises', 'land_rights', 'indicators'];
  const parts: unknown[] = [];
  for (const table of tables) {
    parts.push(await db.query(`SELECT to_jsonb(t) - 'geom' AS row, ST_AsText(t.geom) AS geom FROM ${table} t ORDER BY 1::text`).catch(() =>
      db.query(`SELECT to_jsonb(t) AS row FROM ${table} t ORDER BY 1::text`)));
  }
  return JSON.stringify(parts);
}

describe('loading a bundle', () => {
  it('refuses a bundle with a self-intersecting parcel, naming file, feature and field, and writes nothing', async () => {
    const bundle = tinyBundle({
      'parcels.geojson': editFeatures((features) => {
        const ring = (features[0].geometry as GeoJSON.Polygon).coordinates[0];
        // swap two corners: a bow-tie
        [ring[1], ring[2]] = [ring[2], ring[1]];
      }),
    });
    const problems = await problemsOf(loadBundle(db, bundle));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'parcels.geojson', feature: 1, field: 'geometry' });
    expect(problems[0].message).toMatch(/Self-intersection/);
    expect(await createBundleRepository(db).countRows()).toMatchObject({ parks: 0, parcels: 0, enterprises: 0 });
  });

  it('reports every problem at once: bad date, unknown enum, dangling reference, swapped axes', async () => {
    const bundle = tinyBundle({
      'units.csv': (text) => text.replace(',leased,', ',rented,'),
      'enterprises.csv': (text) => text.replace('2014-06-18', '2014-13-01'),
      'land_rights.csv': (text) => text.replace('999901001001GB00002,owner', '999901001001GB99999,owner'),
      'parks.geojson': editFeatures((features) => {
        const ring = (features[0].geometry as GeoJSON.Polygon).coordinates[0];
        for (const p of ring) p.reverse();
      }),
    });
    const problems = await problemsOf(loadBundle(db, bundle));
    const lines = problems.map(formatProblem);
    expect(lines).toContainEqual(expect.stringMatching(/units\.csv row 2 .*field "status": "rented" is not one of vacant, leased, reserved/));
    expect(lines).toContainEqual(expect.stringMatching(/enterprises\.csv row 2 .*field "registered_on": "2014-13-01" is not a calendar date/));
    expect(lines).toContainEqual(expect.stringMatching(/land_rights\.csv row 3 field "parcel_code": "999901001001GB99999" points nowhere/));
    expect(lines).toContainEqual(expect.stringMatching(/parks\.geojson feature 1 \(T-PARK\) field "geometry": .*axes swapped/));
    expect(await createBundleRepository(db).countRows()).toMatchObject({ parks: 0, units: 0 });
  });

  it('suggests a projected CRS when Gauss-Krüger metres arrive without one', async () => {
    const bundle = tinyBundle({
      'regions.geojson': editFeatures((features) => {
        (features[0].geometry as GeoJSON.Polygon).coordinates = [[[584392, 3619835], [585392, 3619835], [585392, 3620835], [584392, 3619835]]];
      }),
    });
    const problems = await problemsOf(loadBundle(db, bundle));
    expect(problems[0]).toMatchObject({ file: 'regions.geojson', feature: 1, field: 'geometry' });
    expect(problems[0].message).toMatch(/projected metres.*"crs" in bundle\.json/);
  });

  it('refuses a bundle without parks.geojson and an unknown crs', async () => {
    const problems = await problemsOf(loadBundle(db, tinyBundle({ 'parks.geojson': null, 'bundle.json': '{"crs":"EPSG:3857"}' })));
    expect(problems.map(formatProblem)).toEqual(expect.arrayContaining([
      expect.stringMatching(/parks\.geojson: is missing/),
      expect.stringMatching(/bundle\.json field "crs": unknown or unsupported crs "EPSG:3857"/),
    ]));
  });

  it('writes nothing on a dry run but reports the counts', async () => {
    const report = await loadBundle(db, tinyBundle(), { dryRun: true });
    expect(report.counts).toMatchObject({ parks: 1, parcels: 4, buildings: 2, enterprises: 5 });
    expect(await createBundleRepository(db).countRows()).toMatchObject({ parks: 0 });
  });

  it('loads the tiny fixture with geodesic areas and warns about the bad USCC check character', async () => {
    const report = await loadBundle(db, await readBundleFiles(tinyBundleDir));
    expect(report.warnings.map(formatProblem)).toContainEqual(expect.stringMatching(/enterprises\.csv row \d+ \(91999901MA0000D42R\) field "uscc": check character is R, GB 32100-2015 gives Q/));
    const rows = await db.query<{ code: string; land_area_sqm: number }>('SELECT code, land_area_sqm FROM parcels ORDER BY code');
    // The fixture README gives the ellipsoidal areas: P1 ≈ 40 000 m², P2 ≈ 20 000, P3 ≈ 10 000, P4 ≈ 13 333
    expect(rows.map((r) => Math.round(r.land_area_sqm / 100) * 100)).toEqual([40000, 20000, 10000, 13300]);
  });

  it('gives the same database when the same bundle is loaded twice', async () => {
    const before = await snapshot();
    await loadBundle(db, await readBundleFiles(tinyBundleDir));
    expect(await snapshot()).toBe(before);
    expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM imports'))[0].n).toBe(2);
  });

  it('stores no invalid geometry even when written directly', async () => {
    await expect(db.query(`UPDATE parks SET geom = ST_Multi(ST_GeomFromText('POLYGON((108 32,109 33,109 32,108 33,108 32))', 4326))`)).rejects.toThrow(/check constraint/);
    await expect(db.query(`UPDATE parks SET geom = ST_Multi(ST_GeomFromText('POLYGON((108 32,109 33,109 32,108 32))', 3857))`)).rejects.toThrow(/SRID/i);
  });
});
