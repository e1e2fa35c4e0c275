import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { tinyBundleDir } from '../test-support/bundles.js';
import { loadBundle } from './load-bundle.js';
import { readBundleFiles } from './read-bundle-files.js';

// GDAL is the independent party here: it writes the projected bundle, we read it back.
const hasGdal = (() => {
  try {
    execFileSync('ogr2ogr', ['--version']);
    return true;
  } catch {
    return false;
  }
})();

const GEO_FILES = ['regions', 'parks', 'parcels', 'buildings'];
let t: TestDatabase;
const dirs: string[] = [];

/** The tiny fixture reprojected by ogr2ogr into `crs`, with bundle.json saying so. */
function reprojectedTinyBundle(crs: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'muyield-gk-'));
  dirs.push(dir);
  for (const name of fs.readdirSync(tinyBundleDir)) {
    const layer = name.replace(/\.geojson$/, '');
    if (GEO_FILES.includes(layer)) {
      execFileSync('ogr2ogr', ['-f', 'GeoJSON', '-t_srs', crs, path.join(dir, name), path.join(tinyBundleDir, name)]);
    } else {
      fs.copyFileSync(path.join(tinyBundleDir, name), path.join(dir, name));
    }
  }
  fs.writeFileSync(path.join(dir, 'bundle.json'), JSON.stringify({ format: 'park-bundle/1', name: `tiny in ${crs}`, crs }));
  return dir;
}

beforeAll(async () => {
  t = await openTestDatabase();
  await loadBundle(t.db, await readBundleFiles(tinyBundleDir));
  await t.db.exec(`CREATE TABLE reference_parcels AS SELECT code, geom, land_area_sqm FROM parcels`);
});
afterAll(async () => {
  await t?.dispose();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe.runIf(hasGdal)('bundles in CGCS2000 Gauss-Krüger, written by GDAL', () => {
  it.each(['EPSG:4545', 'EPSG:4524'])('land where the lon/lat original lies: %s within 0.5 m and 0.01 percent of area', async (crs) => {
    const report = await loadBundle(t.db, await readBundleFiles(reprojectedTinyBundle(crs)));
    expect(report.crs).toBe(crs);
    const [row] = await t.db.query<{ worst_m: number; worst_area_ratio: number; n: number }>(`
      SELECT max(ST_Distance(a.p::geography, b.p::geography)) AS worst_m,
             max(abs(p.land_area_sqm / r.land_area_sqm - 1)) AS worst_area_ratio,
             count(DISTINCT p.code)::int AS n
      FROM parcels p
      JOIN reference_parcels r ON r.code = p.code
      CROSS JOIN LATERAL (SELECT (ST_DumpPoints(p.geom)).path AS path, (ST_DumpPoints(p.geom)).geom AS p) a
      CROSS JOIN LATERAL (SELECT (ST_DumpPoints(r.geom)).path AS path, (ST_DumpPoints(r.geom)).geom AS p) b
      WHERE a.path = b.path`);
    expect(row.n).toBe(4);
    expect(row.worst_m).toBeLessThan(0.5);
    expect(row.worst_area_ratio).toBeLessThan(0.0001);
  });
});
