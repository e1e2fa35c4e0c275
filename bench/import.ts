/**
 * Single-file import at province size, side by side with GDAL: generate a GeoJSON FeatureCollection of
 * parcels deterministically (and a few parks to hold them), then load it into one fresh PostgreSQL + PostGIS
 * database twice:
 *   (a) with MuYield's importer, `importFile` — what `npm run import -- FILE --layer parcels` and
 *       POST /api/imports run: read, CRS, mapping, every check (bundle field checks, references, PostGIS
 *       validity, overlaps, parcels outside their park), before-images for undo, one transaction, committed;
 *   (b) with `ogr2ogr -f PostgreSQL … -nln parcels_ogr -nlt MULTIPOLYGON -lco GEOMETRY_NAME=geom -t_srs EPSG:4326`
 *       into its own table of the same database (no checks beyond GDAL's own).
 *
 *   npx tsx bench/import.ts [--parcels 200000] [--parks 8] [--seed 1] [--keep]
 *
 * Prints figures only; it asserts nothing. See bench/README.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { migrate } from '../backend/src/db/migrate.js';
import type { Database } from '../backend/src/db/database.js';
import { importFile, type ImportReport } from '../backend/src/import/import-file.js';
import { createRandom } from '../gis-data/scripts/lib/random.js';

// ---------------------------------------------------------------------------------------------- options

interface Options { parcels: number; parks: number; seed: number; keep: boolean }

function parseOptions(argv: string[]): Options {
  const o: Options = { parcels: 200_000, parks: 8, seed: 1, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new Error(`unexpected argument ${argv[i]}`);
    if (m[1] === 'keep') { o.keep = true; continue; }
    const value = m[2] ?? argv[++i];
    if (m[1] !== 'parcels' && m[1] !== 'parks' && m[1] !== 'seed') throw new Error(`unknown option --${m[1]}`);
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${m[1]} needs a positive integer`);
    o[m[1]] = n;
  }
  if (o.parks > 40) throw new Error('--parks at most 40 (they sit in a row across Shaanxi)');
  return o;
}

// -------------------------------------------------------------------------------------- synthetic data


const pad = (n: number, w: number) => String(n).padStart(w, '0');
const r7 = (x: number) => Math.round(x * 1e7) / 1e7;
const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const addDays = (iso: string, d: number) => isoDay(Date.parse(`${iso}T00:00:00Z`) + d * DAY);

/** A counter-clockwise square polygon (lon/lat degrees), GeoJSON coordinates. */
function square(x0: number, y0: number, side: number): number[][][] {
  const [a, b, c, d] = [r7(x0), r7(y0), r7(x0 + side), r7(y0 + side)];
  return [[[a, b], [c, b], [c, d], [a, d], [a, b]]];
}

const PITCH = 0.0012; // degrees between parcel origins
const SIDE = 0.001; // degrees: ~93 m × 111 m ≈ 1.0 ha at 34° N
const M_PER_DEG_LAT = 110_900;
const M_PER_DEG_LON = 92_300;

interface Generated { dir: string; parksFile: string; parcelsFile: string; parcelsBytes: number }

/**
 * Parks in a row across central Shaanxi (from 107.0° E, 34.2° N), parcels on a grid in each park.
 * Written feature by feature, so the generator's own memory stays small and the peak RSS below is the import's.
 */
async function generate(o: Options): Promise<Generated> {
  const rnd = createRandom(o.seed);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'muyield-bench-import-'));
  const perPark = Array.from({ length: o.parks }, (_, p) => Math.floor(o.parcels / o.parks) + (p < o.parcels % o.parks ? 1 : 0));
  const gridSide = Math.max(1, Math.ceil(Math.sqrt(Math.max(...perPark))));
  const parkSide = gridSide * PITCH + PITCH;
  const parks = perPark.map((n, p) => ({ code: `G6101${pad(p + 1, 2)}`, x: 107 + p * (parkSide + 0.02), y: 34.2, n }));

  const parksFile = path.join(dir, 'parks.geojson');
  fs.writeFileSync(parksFile, JSON.stringify({
    type: 'FeatureCollection',
    features: parks.map((k, p) => ({
      type: 'Feature',
      properties: { code: k.code, name: `合成园区${p + 1}`, level: p === 0 ? 'provincial' : 'county', leading_industries: 'C26;C38', illustrative: true },
      geometry: { type: 'Polygon', coordinates: square(k.x, k.y, parkSide) },
    })),
  }));

  const parcelsFile = path.join(dir, 'parcels.geojson');
  const out = fs.createWriteStream(parcelsFile);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())));
  await write('{"type":"FeatureCollection","features":[\n');
  const parcelSqm = SIDE * SIDE * M_PER_DEG_LAT * M_PER_DEG_LON;
  let first = true;
  let buffer = '';
  for (const k of parks) {
    const side = Math.max(1, Math.ceil(Math.sqrt(k.n)));
    for (let j = 0; j < k.n; j++) {
      // a little jitter inside the pitch, so the squares are not all alike; never touching a neighbour
      const x = k.x + PITCH / 2 + (j % side) * PITCH + (rnd.float() - 0.5) * 0.00008;
      const y = k.y + PITCH / 2 + Math.floor(j / side) * PITCH + (rnd.float() - 0.5) * 0.00008;
      const u = rnd.float();
      const props: Record<string, unknown> = {
        code: `${k.code}GB${pad(j + 1, 6)}`, park_code: k.code,
        land_use: rnd.chance(0.85) ? 'industrial' : rnd.chance(0.7) ? 'warehouse' : 'other',
        declared_area_sqm: Math.round(parcelSqm),
      };
      if (u < 0.88) {
        const supplied = isoDay(Date.UTC(2008, 0, 1) + rnd.int(0, 15 * 365) * DAY);
        const agreedStart = addDays(supplied, 180);
        const planned = Math.round(parcelSqm * rnd.int(2_000, 8_000));
        Object.assign(props, {
          supplied_on: supplied, agreed_start_on: agreedStart, agreed_completion_on: addDays(agreedStart, 730),
          planned_investment_yuan: planned, land_price_yuan: Math.round(parcelSqm * rnd.int(150, 450)),
        });
        if (u < 0.75) {
          const started = addDays(agreedStart, rnd.int(-30, 90));
          Object.assign(props, {
            started_on: started, completed_on: addDays(started, rnd.int(365, 1100)),
            developed_area_sqm: Math.round(parcelSqm * rnd.float()), invested_yuan: Math.round(planned * (0.5 + rnd.float())),
          });
        } else if (u < 0.83) Object.assign(props, { invested_yuan: 0, idle_cause: rnd.chance(0.8) ? 'enterprise' : 'government' });
      }
      props.illustrative = true;
      buffer += `${first ? '' : ',\n'}${JSON.stringify({ type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates: square(x, y, SIDE) } })}`;
      first = false;
      if (buffer.length > 1 << 20) { await write(buffer); buffer = ''; }
    }
  }
  await write(`${buffer}\n]}\n`);
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return { dir, parksFile, parcelsFile, parcelsBytes: fs.statSync(parcelsFile).size };
}

// ------------------------------------------------------------------------------------------ database

interface Opened { db: Database; name: string; url: URL; version: string; cleanup: () => Promise<void> }

async function openFreshPostgres(o: Options): Promise<Opened> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres:muyield-ci@127.0.0.1:5432/postgres';
  const { openPostgresDatabase } = await import('../backend/src/db/postgres-database.js');
  const admin = await openPostgresDatabase(adminUrl);
  const name = `muyield_bench_import_${randomBytes(4).toString('hex')}`;
  await admin.exec(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let db: Database;
  try {
    db = await openPostgresDatabase(url.toString());
  } catch (err) {
    await admin.exec(`DROP DATABASE IF EXISTS ${name}`);
    await admin.close();
    throw err;
  }
  return {
    db, name, url, version: '',
    cleanup: async () => {
      await db.close().catch(() => undefined);
      if (!o.keep) await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}

/** `PG:` connection string for GDAL; the password goes in PGPASSWORD, not on the command line. */
function gdalConnection(url: URL): { pg: string; env: NodeJS.ProcessEnv } {
  const pg = `PG:host=${url.hostname} port=${url.port || 5432} user=${decodeURIComponent(url.username || 'postgres')} dbname=${url.pathname.slice(1)}`;
  return { pg, env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password) } };
}

// ---------------------------------------------------------------------------------------------- timing

const fmtMs = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const maxRssBytes = () => process.resourceUsage().maxRSS * 1024;
function log(msg: string) {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

/** What the CLI does after opening the database: import the file by its path (GeoJSON is streamed); progress steps timed. */
async function importWithMuYield(db: Database, file: string, layer: 'parks' | 'parcels') {
  const steps: { step: string; at: number }[] = [];
  const t0 = performance.now();
  const report = await importFile(db, { path: file }, path.basename(file), {
    layer, onProgress: (step) => { steps.push({ step, at: performance.now() - t0 }); log(`  … ${step}`); },
  });
  const ms = performance.now() - t0;
  steps.push({ step: 'done', at: ms });
  return { ms, report, steps };
}

function describeReport(r: ImportReport): string {
  const c = r.counts;
  return `status ${r.status}, import ${r.importId ?? '—'}, crs ${r.crs?.code ?? '—'} (${r.crs?.from ?? '—'}), rows ${c.rows}, insert ${c.insert}, update ${c.update}, errors ${c.errors}, warnings ${c.warnings}`;
}

function runOgr2ogr(url: URL, file: string): Promise<{ ms: number; stderr: string }> {
  const { pg, env } = gdalConnection(url);
  const args = ['-f', 'PostgreSQL', pg, file, '-nln', 'parcels_ogr', '-nlt', 'MULTIPOLYGON', '-lco', 'GEOMETRY_NAME=geom', '-t_srs', 'EPSG:4326'];
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    execFile('ogr2ogr', args, { env, maxBuffer: 64 * 2 ** 20 }, (err, _stdout, stderr) => {
      if (err) reject(new Error(`ogr2ogr failed: ${err.message}\n${stderr}`));
      else resolve({ ms: performance.now() - t0, stderr });
    });
  });
}

// ------------------------------------------------------------------------------------------------ main

async function main() {
  const o = parseOptions(process.argv.slice(2));
  console.log(`MuYield import benchmark — ${new Date().toISOString()}, node ${process.version}, ${os.cpus().length} CPUs, ${Math.round(os.totalmem() / 2 ** 30)} GiB`);
  console.log(`command: npx tsx bench/import.ts ${process.argv.slice(2).join(' ')}`);
  console.log(`load average at start (1/5/15 min): ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}`);

  log(`generating ${o.parcels} parcels in ${o.parks} parks, seed ${o.seed}`);
  let t0 = performance.now();
  const gen = await generate(o);
  log(`generated in ${fmtMs(performance.now() - t0)}: ${gen.parcelsFile} (${mib(gen.parcelsBytes)})`);
  const rssBefore = maxRssBytes();

  const opened = await openFreshPostgres(o);
  log(`database ${opened.name}`);
  let failed = false;
  try {
    t0 = performance.now();
    await migrate(opened.db);
    opened.version = (await opened.db.query<{ v: string }>("SELECT current_setting('server_version') || ' + PostGIS ' || postgis_lib_version() AS v"))[0].v;
    log(`migrated in ${fmtMs(performance.now() - t0)}: PostgreSQL ${opened.version}`);
    const parks = await importWithMuYield(opened.db, gen.parksFile, 'parks');
    log(`parks: ${describeReport(parks.report)} in ${fmtMs(parks.ms)}`);
    if (parks.report.status !== 'committed') throw new Error(`the parks were not imported: ${JSON.stringify(parks.report.problems.slice(0, 5))}`);

    log(`(a) MuYield importFile, ${o.parcels} parcels`);
    const cpu0 = process.cpuUsage();
    const ours = await importWithMuYield(opened.db, gen.parcelsFile, 'parcels');
    const cpu = process.cpuUsage(cpu0);
    const rssAfter = maxRssBytes();
    log(`(a) ${describeReport(ours.report)} in ${fmtMs(ours.ms)}`);
    if (ours.report.status !== 'committed') {
      failed = true;
      console.log(`\nour import did not commit: ${describeReport(ours.report)}`);
      for (const p of ours.report.problems.slice(0, 10)) console.log(`  ${p.severity} ${p.file} ${p.feature ?? p.row ?? ''} ${p.field ?? ''}: ${p.message}`);
    }

    log('(b) ogr2ogr');
    const ogr = await runOgr2ogr(opened.url, gen.parcelsFile);
    log(`(b) ogr2ogr in ${fmtMs(ogr.ms)}${ogr.stderr.trim() ? `; stderr: ${ogr.stderr.trim().slice(0, 500)}` : ''}`);

    const [counts] = await opened.db.query<{ ours: number; ogr: number; ours_sqm: number; ogr_sqm: number; invalid_ogr: number }>(
      `SELECT (SELECT count(*) FROM parcels)::int AS ours, (SELECT count(*) FROM parcels_ogr)::int AS ogr,
              (SELECT sum(land_area_sqm) FROM parcels)::float8 AS ours_sqm,
              (SELECT sum(ST_Area(geom::geography)) FROM parcels_ogr)::float8 AS ogr_sqm,
              (SELECT count(*) FROM parcels_ogr WHERE NOT ST_IsValid(geom))::int AS invalid_ogr`);

    const rows = [
      ['MuYield importFile (checks, undo images, one transaction)', fmtMs(ours.ms), `${Math.round(counts.ours / (ours.ms / 1000))}`, `${counts.ours}`,
        `peak RSS ${mib(rssAfter)} (${mib(rssBefore)} before: generator and startup); node CPU ${fmtMs((cpu.user + cpu.system) / 1000)}`],
      ['ogr2ogr -f PostgreSQL (no checks)', fmtMs(ogr.ms), `${Math.round(counts.ogr / (ogr.ms / 1000))}`, `${counts.ogr}`,
        `separate process; ${counts.invalid_ogr} invalid geometries stored`],
    ];
    const head = ['loader', 'time', 'rows/s', 'rows stored', 'note'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const fmt = (cells: string[]) => `| ${cells.map((c, i) => (i >= 1 && i <= 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
    console.log(`\n${o.parcels} parcels (${mib(gen.parcelsBytes)} GeoJSON) in ${o.parks} parks, seed ${o.seed}; PostgreSQL ${opened.version}, database ${opened.name}${o.keep ? ' (kept)' : ' (dropped afterwards)'}`);
    console.log(fmt(head));
    console.log(`|${widths.map((w, i) => (i >= 1 && i <= 3 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`);
    for (const r of rows) console.log(fmt(r));
    console.log(`ratio MuYield / ogr2ogr: ${(ours.ms / ogr.ms).toFixed(2)}; total area ${(counts.ours_sqm / 1e6).toFixed(3)} km² (MuYield) vs ${(counts.ogr_sqm / 1e6).toFixed(3)} km² (ogr2ogr)`);
    console.log('\nMuYield steps (from the start of reading the file; the batches of rows staged, checked and written together):');
    const batch = /^checking geometry with PostGIS: rows \d+–\d+/;
    const steps = ours.steps.filter((s, i) => !(batch.test(s.step) && batch.test(ours.steps[i - 1]?.step ?? '')));
    const batches = ours.steps.filter((s) => batch.test(s.step)).length;
    for (let i = 0; i < steps.length - 1; i++) {
      const step = batch.test(steps[i].step) ? `checking geometry with PostGIS: ${batches} batches of rows staged, checked${ours.report.status === 'committed' ? ' and written' : ''}` : steps[i].step;
      console.log(`  ${fmtMs(steps[i + 1].at - steps[i].at).padStart(8)}  ${step}`);
    }
    console.log(`load average at end (1/5/15 min): ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}`);
  } catch (err) {
    failed = true;
    console.log(`\nFAILED — ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
  } finally {
    await opened.cleanup().catch((err) => console.log(`cleanup failed — ${String(err)}`));
    fs.rmSync(gen.dir, { recursive: true, force: true });
    if (o.keep) console.log(`kept database ${opened.name}: drop it with DROP DATABASE ${opened.name} WITH (FORCE)`);
  }
  if (failed) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
