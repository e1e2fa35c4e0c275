/**
 * Province-sized benchmark: generate a synthetic data set deterministically, write it with the bundle
 * repository's upsertLayer (bypassing file reading and validation), then time the evaluation, the
 * idle/under-use pass and the vacancy search through the same service functions the API routes call.
 *
 *   npx tsx bench/evaluate.ts [--enterprises 100000 --parcels 200000 --buildings 50000]
 *                             [--parks 300 --regions 100] [--database embedded|postgres|both] [--seed 1]
 *                             [--vacancy-runs 5] [--skip evaluation,idle]
 *
 * Prints figures only; it asserts nothing. See bench/README.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { createServices, type Services } from '../backend/src/app.js';
import type { Database } from '../backend/src/db/database.js';
import { migrate } from '../backend/src/db/migrate.js';
import { createBundleRepository, WRITE_ORDER } from '../backend/src/repositories/bundle.repository.js';
import type { ParsedRecord } from '../backend/src/bundle/validate-bundle.js';
import type { LayerName } from '../backend/src/bundle/fields.js';
import type { MultiPolygonCoordinates } from '../backend/src/bundle/parse-geojson.js';
import { createRandom } from '../gis-data/scripts/lib/random.js';

// ---------------------------------------------------------------------------------------------- options

interface Options {
  enterprises: number;
  parcels: number;
  buildings: number;
  parks: number;
  regions: number;
  seed: number;
  database: 'embedded' | 'postgres' | 'both';
  vacancyRuns: number;
  /** Steps left out: evaluation, idle. */
  skip: Set<string>;
  /** PostgreSQL only: keep the bench database afterwards (its name is printed). */
  keep: boolean;
  /** PostgreSQL only: use this database, kept by an earlier `--keep` run with the same sizes and seed. */
  reuse: string | null;
}

function parseOptions(argv: string[]): Options {
  const o: Options = { enterprises: 100_000, parcels: 200_000, buildings: 50_000, parks: 300, regions: 100, seed: 1, database: 'both', vacancyRuns: 5, skip: new Set(), keep: false, reuse: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new Error(`unexpected argument ${arg}`);
    if (m[1] === 'keep') { o.keep = true; continue; }
    const value = m[2] ?? argv[++i];
    if (value == null) throw new Error(`${arg} needs a value`);
    switch (m[1]) {
      case 'database':
        if (value !== 'embedded' && value !== 'postgres' && value !== 'both') throw new Error('--database is embedded, postgres or both');
        o.database = value;
        break;
      case 'enterprises': case 'parcels': case 'buildings': case 'parks': case 'regions': case 'seed': {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 1) throw new Error(`${arg} needs a positive integer`);
        o[m[1] as 'enterprises'] = n;
        break;
      }
      case 'vacancy-runs': {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 1) throw new Error(`${arg} needs a positive integer`);
        o.vacancyRuns = n;
        break;
      }
      case 'skip':
        o.skip = new Set(value.split(','));
        for (const step of o.skip) if (step !== 'evaluation' && step !== 'idle') throw new Error('--skip takes evaluation and/or idle');
        break;
      case 'reuse':
        if (!/^muyield_bench_[0-9a-f]{8}$/.test(value)) throw new Error('--reuse takes a muyield_bench_xxxxxxxx database name');
        o.reuse = value;
        break;
      default: throw new Error(`unknown option --${m[1]}`);
    }
  }
  if ((o.keep || o.reuse) && o.database !== 'postgres') throw new Error('--keep and --reuse need --database postgres');
  if (o.regions > 99 * 99) throw new Error('--regions at most 9801');
  if (o.parks < o.regions) throw new Error('--parks must be at least --regions (every county gets a park)');
  return o;
}

// -------------------------------------------------------------------------------------- synthetic data


const pad = (n: number, w: number) => String(n).padStart(w, '0');
const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const addDays = (iso: string, d: number) => isoDay(dayOf(iso) + d * DAY);
const round = (x: number, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;

/** An axis-aligned square (lon/lat degrees) as MultiPolygon coordinates, counter-clockwise. */
function box(x0: number, y0: number, w: number, h = w): MultiPolygonCoordinates {
  const [x1, y1] = [round(x0 + w, 7), round(y0 + h, 7)];
  const [a, b] = [round(x0, 7), round(y0, 7)];
  return [[[[a, b], [x1, b], [x1, y1], [a, y1], [a, b]]]];
}

// ~33° N: metres per degree, for the attribute figures only (the database computes land areas itself)
const M_PER_DEG_LAT = 110_900;
const M_PER_DEG_LON = 93_300;

const INDUSTRIES = ['C13', 'C14', 'C15', 'C17', 'C26', 'C27', 'C29', 'C30', 'C33', 'C34', 'C35', 'C38', 'C39', 'G59', 'L72'] as const;
const PARCEL_PITCH = 0.0012; // degrees between parcel origins
const PARCEL_SIDE = 0.001; // degrees: ~93 m × 111 m ≈ 1.0 ha ≈ 15.5 亩
const LATEST_YEAR = 2024;

type Layers = Record<LayerName, ParsedRecord[]>;

interface Generated {
  layers: Layers;
  /** A county and one of its parks, for the scoped queries. */
  sampleRegion: string;
  samplePark: string;
}

function generate(o: Options): Generated {
  const rnd = createRandom(o.seed);
  const layers = Object.fromEntries(WRITE_ORDER.map((l) => [l, [] as ParsedRecord[]])) as Layers;
  const rec = (layer: LayerName, values: ParsedRecord['values'], geometry?: MultiPolygonCoordinates): void => {
    const list = layers[layer];
    list.push({ values, geometry, at: geometry ? { file: `${layer}.geojson`, feature: list.length + 1 } : { file: `${layer}.csv`, row: list.length + 2 } });
  };

  // Parks: round-robin over counties; parcels spread evenly over parks, on a square grid in each park.
  const parcelsPerPark = Array.from({ length: o.parks }, (_, p) => Math.floor(o.parcels / o.parks) + (p < o.parcels % o.parks ? 1 : 0));
  const gridSide = Math.max(1, Math.ceil(Math.sqrt(Math.max(...parcelsPerPark))));
  const parkSize = gridSide * PARCEL_PITCH + PARCEL_PITCH; // margin of half a pitch on each side
  const parksPerRegion = Math.ceil(o.parks / o.regions);
  const slotsSide = Math.ceil(Math.sqrt(parksPerRegion));
  const regionSize = Math.max(0.4, slotsSide * (parkSize + 0.01));
  const regionsSide = Math.ceil(Math.sqrt(o.regions));

  const regionCodes: string[] = [];
  for (let r = 0; r < o.regions; r++) {
    const code = `61${pad(1 + Math.floor(r / 99), 2)}${pad(1 + (r % 99), 2)}`;
    regionCodes.push(code);
    const [cx, cy] = [r % regionsSide, Math.floor(r / regionsSide)];
    rec('regions', { code, name: `合成县${code}` }, box(105 + cx * regionSize, 31 + cy * regionSize, regionSize));
  }

  // Parcels: first decide what each one is, then who owns it.
  type ParcelKind = 'completed' | 'idle' | 'building' | 'unsupplied';
  interface ParcelPlan { code: string; park: string; x: number; y: number; kind: ParcelKind }
  const plans: ParcelPlan[] = [];
  const parkCodes: string[] = [];
  const slotUsed = new Map<string, number>();
  for (let p = 0; p < o.parks; p++) {
    const r = p % o.regions;
    const region = regionCodes[r];
    const slot = slotUsed.get(region) ?? 0;
    slotUsed.set(region, slot + 1);
    const code = `G${region}${pad(slot + 1, 2)}`;
    parkCodes.push(code);
    const [rx, ry] = [105 + (r % regionsSide) * regionSize, 31 + Math.floor(r / regionsSide) * regionSize];
    const px = rx + 0.005 + (slot % slotsSide) * (parkSize + 0.01);
    const py = ry + 0.005 + Math.floor(slot / slotsSide) * (parkSize + 0.01);
    const n = parcelsPerPark[p];
    const side = Math.max(1, Math.ceil(Math.sqrt(n)));
    const areaMu = (side * PARCEL_PITCH + PARCEL_PITCH) ** 2 * M_PER_DEG_LAT * M_PER_DEG_LON / 666.667;
    rec('parks', {
      code, name: `合成园区${code}`, region_code: region,
      level: slot === 0 && r % 10 === 0 ? 'national' : slot === 0 ? 'provincial' : 'county',
      leading_industries: [rnd.pick(INDUSTRIES), rnd.pick(INDUSTRIES)],
      approved_area_mu: Math.round(areaMu), illustrative: true,
    }, box(px, py, side * PARCEL_PITCH + PARCEL_PITCH));
    for (let j = 0; j < n; j++) {
      const u = rnd.float();
      const kind: ParcelKind = u < 0.75 ? 'completed' : u < 0.83 ? 'idle' : u < 0.88 ? 'building' : 'unsupplied';
      plans.push({
        code: `${code}GB${pad(j + 1, 5)}`, park: code, kind,
        x: px + PARCEL_PITCH / 2 + (j % side) * PARCEL_PITCH,
        y: py + PARCEL_PITCH / 2 + Math.floor(j / side) * PARCEL_PITCH,
      });
    }
  }

  const usccOf = (i: number) => `9161${pad(i, 14)}`;
  // 70 % of firms own land (contiguous parcels, so a firm's parcels are neighbours), 15 % rent land by a
  // land right, the rest rent units in standard factories (or hold nothing).
  const owners = Math.max(1, Math.round(o.enterprises * 0.7));
  const landTenants = Math.round(o.enterprises * 0.15);
  const owned = plans.filter((p) => p.kind !== 'unsupplied');
  const ownerOfParcel = new Map<string, string>();
  owned.forEach((p, k) => ownerOfParcel.set(p.code, usccOf(Math.floor((k * owners) / owned.length))));

  const parcelSqm = PARCEL_SIDE ** 2 * M_PER_DEG_LAT * M_PER_DEG_LON;
  for (const p of plans) {
    const v: ParsedRecord['values'] = {
      code: p.code, park_code: p.park, land_use: rnd.chance(0.85) ? 'industrial' : rnd.chance(0.7) ? 'warehouse' : 'other',
      illustrative: true, target_tax_wan_yuan_per_mu: null, target_investment_wan_yuan_per_mu: null, target_plot_ratio: null,
    };
    const price = Math.round(parcelSqm * rnd.int(150, 450));
    const planned = Math.round(parcelSqm * rnd.int(2_000, 8_000));
    if (p.kind === 'completed') {
      const supplied = isoDay(Date.UTC(2008, 0, 1) + rnd.int(0, 12 * 365) * DAY);
      const agreedStart = addDays(supplied, 180);
      const started = addDays(agreedStart, rnd.int(-30, 90));
      Object.assign(v, {
        supplied_on: supplied, agreed_start_on: agreedStart, agreed_completion_on: addDays(agreedStart, 730),
        started_on: started, completed_on: addDays(started, rnd.int(365, 1100)),
        developed_area_sqm: Math.round(parcelSqm * rnd.float()), planned_investment_yuan: planned,
        invested_yuan: Math.round(planned * (0.5 + rnd.float())), land_price_yuan: price,
      });
    } else if (p.kind === 'idle') {
      const supplied = isoDay(Date.UTC(2019, 0, 1) + rnd.int(0, 4 * 365) * DAY);
      const agreedStart = addDays(supplied, 180);
      Object.assign(v, {
        supplied_on: supplied, agreed_start_on: agreedStart, agreed_completion_on: addDays(agreedStart, 730),
        planned_investment_yuan: planned, invested_yuan: 0, land_price_yuan: price,
        idle_cause: rnd.chance(0.8) ? 'enterprise' : 'government',
      });
    } else if (p.kind === 'building') {
      const supplied = isoDay(Date.UTC(2018, 0, 1) + rnd.int(0, 5 * 365) * DAY);
      const agreedStart = addDays(supplied, 180);
      const started = addDays(agreedStart, rnd.int(0, 200));
      Object.assign(v, {
        supplied_on: supplied, agreed_start_on: agreedStart, agreed_completion_on: addDays(agreedStart, 730),
        started_on: started, work_stopped_on: rnd.chance(0.4) ? addDays(started, rnd.int(60, 500)) : null,
        developed_area_sqm: Math.round(parcelSqm * rnd.float() * 0.3), planned_investment_yuan: planned,
        invested_yuan: Math.round(planned * rnd.float() * 0.4), land_price_yuan: price,
      });
    }
    rec('parcels', v, box(p.x, p.y, PARCEL_SIDE));
  }

  // Buildings: on completed parcels, up to four per parcel (one per quarter).
  const completed = plans.filter((p) => p.kind === 'completed');
  const standardFactories: { code: string; floors: number; floorArea: number; parcel: string }[] = [];
  if (completed.length) {
    const maxBuildings = completed.length * 4;
    if (o.buildings > maxBuildings) console.warn(`only ${maxBuildings} buildings fit on ${completed.length} completed parcels`);
    for (let b = 0; b < Math.min(o.buildings, maxBuildings); b++) {
      const p = completed[b % completed.length];
      const q = Math.floor(b / completed.length);
      const size = PARCEL_SIDE * (0.3 + rnd.float() * 0.17);
      const x = p.x + (q % 2) * PARCEL_SIDE / 2 + PARCEL_SIDE * 0.02;
      const y = p.y + Math.floor(q / 2) * PARCEL_SIDE / 2 + PARCEL_SIDE * 0.02;
      const u = rnd.float();
      const kind = u < 0.2 ? 'standard_factory' : u < 0.7 ? 'factory' : u < 0.85 ? 'warehouse' : u < 0.95 ? 'office' : 'other';
      const floors = kind === 'standard_factory' ? rnd.int(3, 6) : kind === 'office' ? rnd.int(3, 12) : rnd.int(1, 3);
      const footprint = size * size * M_PER_DEG_LAT * M_PER_DEG_LON;
      const floorArea = Math.round(footprint * floors);
      const code = `${p.code}F${q + 1}`;
      rec('buildings', {
        code, park_code: p.park, parcel_code: p.code, kind, floors, floor_area_sqm: floorArea,
        height_m: floors === 1 ? rnd.int(8, 14) : round(floors * (kind === 'office' ? 3.6 : 4.5), 1),
        completed_on: addDays('2010-01-01', rnd.int(0, 14 * 365)), illustrative: true,
      }, box(x, y, size));
      if (kind === 'standard_factory') standardFactories.push({ code, floors, floorArea, parcel: p.code });
    }
  }

  // Enterprises, with two years of indicators for 95 % of them.
  for (let i = 0; i < o.enterprises; i++) {
    const u = rnd.float();
    rec('enterprises', {
      uscc: usccOf(i), name: `合成企业${pad(i, 6)}有限公司`, industry_code: rnd.pick(INDUSTRIES),
      above_scale: rnd.chance(0.4), status: u < 0.92 ? 'operating' : u < 0.95 ? 'half_halted' : u < 0.98 ? 'halted' : 'closed',
      registered_on: addDays('2000-01-01', rnd.int(0, 22 * 365)),
    });
  }

  // Units: one or two per floor of each standard factory; leased ones go to the unit-renting firms.
  const unitTenantFrom = owners + landTenants;
  const unitTenants = Math.max(0, o.enterprises - unitTenantFrom);
  let nextUnitTenant = 0;
  for (const f of standardFactories) {
    const perFloor = Math.round(f.floorArea / f.floors);
    for (let floor = 1; floor <= f.floors; floor++) {
      const units = rnd.chance(0.5) ? 1 : 2;
      for (let n = 1; n <= units; n++) {
        const u = rnd.float();
        const status = u < 0.6 && unitTenants > 0 ? 'leased' : u < 0.9 ? 'vacant' : 'reserved';
        const start = status === 'leased' ? addDays('2020-01-01', rnd.int(0, 5 * 365)) : null;
        rec('units', {
          code: `${f.code}-${floor}-${n}`, building_code: f.code, floor, area_sqm: Math.round(perFloor / units), status,
          tenant_uscc: status === 'leased' ? usccOf(unitTenantFrom + (nextUnitTenant++ % unitTenants)) : null,
          lease_start_on: start, lease_end_on: start ? addDays(start, rnd.int(1, 6) * 365) : null,
          rent_yuan_per_sqm_month: round(8 + rnd.float() * 17, 1),
          ceiling_height_m: floor === 1 ? round(7 + rnd.float() * 3, 1) : round(4.2 + rnd.float() * 1.5, 1),
          floor_load_kn_per_sqm: floor === 1 ? rnd.int(15, 30) : rnd.int(5, 12),
        });
      }
    }
  }

  // Land rights: owners of their parcels; land tenants on a completed parcel of someone else.
  for (const [parcel, uscc] of ownerOfParcel) rec('land_rights', { uscc, parcel_code: parcel, role: 'owner', leased_floor_area_sqm: null });
  if (completed.length) {
    for (let t = 0; t < landTenants; t++) {
      const p = completed[Math.floor((t * completed.length) / Math.max(1, landTenants))];
      rec('land_rights', { uscc: usccOf(owners + t), parcel_code: p.code, role: 'tenant', leased_floor_area_sqm: rnd.int(300, 3000) });
    }
  }

  for (let i = 0; i < o.enterprises; i++) {
    if (!rnd.chance(0.95)) continue;
    const revenue = Math.round(Math.exp(14 + rnd.float() * 5)); // ~1.2 M to 180 M 元
    for (const year of [LATEST_YEAR - 1, LATEST_YEAR]) {
      const r = Math.round(revenue * (0.85 + rnd.float() * 0.3));
      rec('indicators', {
        uscc: usccOf(i), year, output_yuan: Math.round(r * 1.05), revenue_yuan: r,
        value_added_yuan: Math.round(r * (0.15 + rnd.float() * 0.2)), tax_yuan: Math.round(r * (0.02 + rnd.float() * 0.08)),
        energy_tce: round(r / 1e6 * (5 + rnd.float() * 60), 1), emissions_t: round(r / 1e6 * rnd.float() * 2, 2),
        electricity_kwh: Math.round(r / 10 * (0.5 + rnd.float())), employees: Math.max(1, Math.round(r / 800_000)),
        rd_yuan: Math.round(r * rnd.float() * 0.05),
      });
    }
  }

  const sampleRegion = regionCodes[0];
  return { layers, sampleRegion, samplePark: parkCodes[0] };
}

// ------------------------------------------------------------------------------------------ databases

interface Opened { db: Database; label: string; cleanup: () => Promise<void> }

async function openEmbedded(): Promise<Opened> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'muyield-bench-'));
  const { openPgliteDatabase } = await import('../backend/src/db/pglite-database.js');
  const db = await openPgliteDatabase(dir);
  return {
    db, label: `embedded PGlite (${dir})`,
    cleanup: async () => {
      await db.close().catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openPostgres(o: Options): Promise<Opened> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres:muyield-ci@127.0.0.1:5432/postgres';
  const { openPostgresDatabase } = await import('../backend/src/db/postgres-database.js');
  const admin = await openPostgresDatabase(adminUrl);
  const name = o.reuse ?? `muyield_bench_${randomBytes(4).toString('hex')}`;
  if (!o.reuse) await admin.exec(`CREATE DATABASE ${name}`);
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
  const version = (await db.query<{ v: string }>("SELECT current_setting('server_version') AS v"))[0]?.v;
  const kept = o.keep || o.reuse != null;
  return {
    db, label: `PostgreSQL ${version} (database ${name}, ${o.reuse ? 'reused' : kept ? 'kept' : 'dropped afterwards'})`,
    cleanup: async () => {
      await db.close().catch(() => undefined);
      if (!kept) await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}

// ---------------------------------------------------------------------------------------------- timing

interface Row { step: string; ms: number | null; note: string; goalMs?: number }

const fmtMs = (ms: number | null) => (ms == null ? '—' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

function log(msg: string) {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

type AddRow = (step: string, ms: number | null, note?: string, goalMs?: number) => void;

/** Migrate a fresh database, write every layer in one transaction, then ANALYZE. */
async function loadData(db: Database, data: Generated, add: AddRow) {
  const mig = await timed(() => migrate(db));
  add('migrate (fresh database)', mig.ms, `${mig.value.length} migrations`);

  const repo = createBundleRepository(db);
  const load = await timed(() => db.transaction(async (tx) => {
    for (const layer of WRITE_ORDER) {
      const records = data.layers[layer];
      if (!records.length) continue;
      const t = await timed(() => repo.upsertLayer(tx, layer, records));
      add(`load ${layer}`, t.ms, `${records.length} rows`);
    }
  }));
  add('load total (one transaction, incl. commit)', load.ms, `${Object.values(data.layers).reduce((n, l) => n + l.length, 0)} rows`);

  // A bulk import is followed by autovacuum's ANALYZE on PostgreSQL; do it now so plans are not guessed.
  const an = await timed(() => db.exec('ANALYZE'));
  add('ANALYZE', an.ms);
}

/**
 * Generate the province and load it (unless reusing a loaded database). The generated rows are dropped
 * when this returns, so the timings below are not paid for by collecting the generator's garbage: a
 * server does not hold its data in memory either.
 */
async function prepare(db: Database, o: Options, add: AddRow) {
  if (o.reuse) {
    add(`reused database ${o.reuse}: generation, migrate and load skipped`, null);
    const [sample] = await db.query<{ sampleRegion: string; samplePark: string }>(
      `SELECT r.code AS "sampleRegion", (SELECT min(k.code) FROM parks k WHERE k.region_code = r.code) AS "samplePark"
       FROM regions r ORDER BY r.code LIMIT 1`);
    return sample;
  }
  log(`generating: ${o.enterprises} enterprises, ${o.parcels} parcels, ${o.buildings} buildings, ${o.parks} parks, ${o.regions} counties, seed ${o.seed}`);
  const gen = await timed(async () => generate(o));
  const data = gen.value;
  log(`generated in ${fmtMs(gen.ms)}: ${WRITE_ORDER.map((l) => `${l} ${data.layers[l].length}`).join(', ')}`);
  await loadData(db, data, add);
  return { sampleRegion: data.sampleRegion, samplePark: data.samplePark };
}

async function benchmark(opened: Opened, o: Options): Promise<Row[]> {
  const { db } = opened;
  const rows: Row[] = [];
  const add = (step: string, ms: number | null, note = '', goalMs?: number) => {
    rows.push({ step, ms, note, goalMs });
    log(`  ${step}: ${fmtMs(ms)} ${note}`);
  };

  const data = await prepare(db, o, add);

  const services: Services = createServices(db, { riversFile: '' });
  const latest = await services.evaluation.resolveYear();

  const runs: number[] = [];
  let found = 0;
  for (let i = 0; i < o.vacancyRuns; i++) {
    const t = await timed(() => services.vacancy.searchVacancies({ region: data.sampleRegion, minAreaSqm: 1000, asOf: `${LATEST_YEAR + 1}-01-01`, leasesEndingWithinMonths: 6 }));
    runs.push(t.ms);
    found = t.value.units.length;
  }
  add(`vacancy search, county ${data.sampleRegion}, minAreaSqm=1000 (searchVacancies, GET /api/vacancies)`, median(runs),
    `median of ${runs.length}: ${runs.map((r) => r.toFixed(0)).join('/')} ms; ${found} units`, 50);
  if (!o.skip.has('evaluation')) {
    const cpu = process.cpuUsage();
    const ev = await timed(() => services.evaluation.listEvaluations({}));
    const { user, system } = process.cpuUsage(cpu);
    add(`full evaluation, year ${latest}, all counties (listEvaluations, GET /api/evaluations)`, ev.ms,
      `${ev.value.results.length} firms, ${ev.value.results.filter((r) => r.grade != null).length} graded; node CPU ${fmtMs((user + system) / 1000)}`, 10_000);
  } else add('full evaluation (skipped with --skip evaluation)', null, '', 10_000);

  if (o.skip.has('idle')) {
    add('idle + under-use (skipped with --skip idle)', null);
    return rows;
  }
  const asOf = `${LATEST_YEAR + 1}-06-30`;
  const idlePark = await timed(() => services.landUse.findLandUseIssues({ asOf, park: data.samplePark }));
  add(`idle + under-use, park ${data.samplePark} (findLandUseIssues, GET /api/idle-land)`, idlePark.ms, `${idlePark.value.features.length} features`);
  const idleRegion = await timed(() => services.landUse.findLandUseIssues({ asOf, region: data.sampleRegion }));
  add(`idle + under-use, county ${data.sampleRegion} (findLandUseIssues)`, idleRegion.ms, `${idleRegion.value.features.length} features`);

  return rows;
}

function printTable(title: string, rows: Row[]) {
  const lines = rows.map((r) => [r.step, fmtMs(r.ms), r.goalMs == null ? '' : `< ${fmtMs(r.goalMs)}${r.ms == null ? '' : r.ms < r.goalMs ? ' (met)' : ' (MISSED)'}`, r.note]);
  const head = ['step', 'time', 'goal (real PostGIS)', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => (i === 1 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
  console.log(`\n${title}`);
  console.log(fmt(head));
  console.log(`|${widths.map((w, i) => (i === 1 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`);
  for (const l of lines) console.log(fmt(l));
}

// ------------------------------------------------------------------------------------------------ main

async function main() {
  const o = parseOptions(process.argv.slice(2));
  console.log(`MuYield benchmark — ${new Date().toISOString()}, node ${process.version}, ${os.cpus().length} CPUs, ${Math.round(os.totalmem() / 2 ** 30)} GiB`);
  console.log(`command: npx tsx bench/evaluate.ts ${process.argv.slice(2).join(' ')}`);
  console.log(`data (synthetic, seed ${o.seed}): ${o.enterprises} enterprises, ${o.parcels} parcels, ${o.buildings} buildings, ${o.parks} parks, ${o.regions} counties`);
  console.log('NOTE: rows are written straight through the bundle repository\'s upsertLayer in one transaction;');
  console.log('      bundle file reading, validation and the PostGIS geometry check of loadBundle are bypassed.');

  const targets: ('embedded' | 'postgres')[] = o.database === 'both' ? ['embedded', 'postgres'] : [o.database];
  let failed = false;
  for (const target of targets) {
    log(`${target}: opening a fresh database`);
    let opened: Opened | null = null;
    try {
      opened = target === 'embedded' ? await openEmbedded() : await openPostgres(o);
      log(`${target}: ${opened.label}`);
      const rows = await benchmark(opened, o);
      printTable(`${opened.label}`, rows);
    } catch (err) {
      failed = true;
      console.log(`\n${target}: FAILED — ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    } finally {
      await opened?.cleanup().catch((err) => console.log(`${target}: cleanup failed — ${String(err)}`));
    }
  }
  if (failed) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
