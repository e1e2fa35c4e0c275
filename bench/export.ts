/**
 * Export timings on the Ankang demo: load it into a fresh embedded test database (a copy of the prepared
 * test snapshot: run `npm test` once first) and time each download through the app, twice, so the first
 * column shows cold starts (the GeoPackage library, exceljs) and the second warm ones.
 *
 *   npx tsx bench/export.ts [url …]          (default: every layer and format of interest)
 *
 * Prints figures only; it asserts nothing. Files land in the system temp folder, muyield-export-bench/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openTestDatabase } from '../backend/src/test-support/test-database.js';
import { loadBundle } from '../backend/src/bundle/load-bundle.js';
import { readBundleFiles } from '../backend/src/bundle/read-bundle-files.js';
import { ankangBundleDir } from '../backend/src/test-support/bundles.js';
import { buildApp, createServices } from '../backend/src/app.js';
import { readConfig } from '../backend/src/config.js';

const FORMATS = ['geojson', 'shp', 'gpkg', 'csv', 'xlsx'];
const urls = process.argv.slice(2).length ? process.argv.slice(2) : [
  ...FORMATS.map((f) => `/api/export/parcels?format=${f}`),
  ...FORMATS.map((f) => `/api/export/parks?format=${f}`),
  '/api/export/buildings?format=shp', '/api/export/units?format=xlsx', '/api/export/enterprises?format=csv',
  '/api/export/land_rights?format=csv', '/api/export/indicators?format=xlsx', '/api/export/evaluations?format=xlsx',
  '/api/export/idle-land?format=gpkg&asOf=2026-06-30', '/api/export/bundle',
];

const t = await openTestDatabase();
let started = performance.now();
await loadBundle(t.db, await readBundleFiles(ankangBundleDir));
console.log(`loaded the Ankang demo in ${Math.round(performance.now() - started)} ms (${t.db.kind})`);
const config = { ...readConfig({}), webRoot: '/nonexistent' };
const app = await buildApp({ config, services: createServices(t.db, config), logger: false });
const outDir = path.join(os.tmpdir(), 'muyield-export-bench');
fs.mkdirSync(outDir, { recursive: true });

console.log('  cold ms   warm ms      KiB  status  url');
for (const url of urls) {
  const times: number[] = [];
  let res;
  for (let run = 0; run < 2; run++) {
    started = performance.now();
    res = await app.inject({ method: 'GET', url });
    times.push(performance.now() - started);
  }
  const name = /filename="([^"]+)"/.exec(String(res!.headers['content-disposition']))?.[1] ?? 'error.json';
  fs.writeFileSync(path.join(outDir, name), res!.rawPayload);
  console.log(`${times.map((ms) => String(Math.round(ms)).padStart(9)).join(' ')} ${(res!.rawPayload.length / 1024).toFixed(0).padStart(8)}  ${res!.statusCode}     ${url}`);
}
console.log(`files in ${outDir}`);
await app.close();
await t.dispose();
