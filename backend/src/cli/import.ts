import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from '../config.js';
import { createDatabase } from '../db/create-database.js';
import { migrate } from '../db/migrate.js';
import { loadBundle } from '../bundle/load-bundle.js';
import { BundleReadError, readBundleFiles } from '../bundle/read-bundle-files.js';
import { BundleInvalidError, formatProblem } from '../bundle/problems.js';
import { importFile } from '../import/import-file.js';
import { formatImportReport } from '../import/format-report.js';
import { IMPORT_LAYERS, type FieldMapping, type ImportLayer, type SourceUnit } from '../import/field-mapping.js';

const USAGE = `usage: npm run import -- PATH [--dry-run]
       npm run import -- FILE --layer LAYER [--crs CODE] [--dry-run] [--repair] [--map FIELD=COLUMN[:UNIT]]…
  PATH     a park bundle: a folder or a .zip (see docs/bundle-format.md)
  FILE     with --layer: one file (GeoJSON, zipped Shapefile, KML/KMZ, GeoPackage, CSV, XLSX) into one layer
  --layer  ${IMPORT_LAYERS.join('|')}
  --crs    coordinate system, e.g. EPSG:4545, EPSG:4524, GCJ-02, BD-09 (+swap for y-first data);
           default: the file's (.prj…), else detected; when uncertain the candidates are listed and nothing is written
  --map    a bundle field from a column, e.g. --map code=宗地号 --map output_yuan=产值:wan_yuan (default: remembered, else suggested)
  --source-layer  shapefile, GeoPackage table, or file of a zip/KMZ (its path in it) when the file holds several
  --hint   where the data is (a park code or lon,lat), to tell Gauss-Krüger zones apart
  --repair   repair invalid geometry with ST_MakeValid instead of refusing it
  --dry-run  check everything and report, write nothing
Loads into the embedded database in ./data (DATA_DIR), or into DATABASE_URL when set.`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: {
      'dry-run': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' },
      layer: { type: 'string' }, crs: { type: 'string' }, repair: { type: 'boolean', default: false },
      map: { type: 'string', multiple: true }, 'source-layer': { type: 'string' }, hint: { type: 'string' },
    },
    allowPositionals: true,
  });
  if (values.help || positionals.length !== 1) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  // npm runs workspace scripts from the workspace folder; the path is the user's, relative to where they typed it.
  const source = path.resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]);
  const config = readConfig();
  if (values.layer !== undefined) return importSingleFile(source, values, config);
  let files;
  try {
    files = await readBundleFiles(source);
  } catch (err) {
    if (err instanceof BundleReadError) {
      console.error(`error: ${err.message}`);
      return 1;
    }
    throw err;
  }
  console.error(`opening the ${config.databaseUrl ? 'PostgreSQL' : `embedded database in ${config.dataDir}`} …`);
  const db = await createDatabase(config);
  try {
    await migrate(db);
    const report = await loadBundle(db, files, { dryRun: values['dry-run'], onProgress: (s) => console.error(`… ${s}`) });
    for (const w of report.warnings) console.error(formatProblem(w));
    const counts = Object.entries(report.counts).map(([k, v]) => `${k} ${v}`).join(', ');
    console.log(`${report.dryRun ? 'dry run, nothing written; would load' : 'loaded'} ${report.bundleName ?? source} (crs ${report.crs}): ${counts}; ${report.warnings.length} warning(s)`);
    return 0;
  } catch (err) {
    if (err instanceof BundleInvalidError) {
      for (const p of err.problems) console.error(formatProblem(p));
      console.error(err.message);
      return 1;
    }
    throw err;
  } finally {
    await db.close();
  }
}

type CliValues = { layer?: string; crs?: string; 'dry-run'?: boolean; repair?: boolean; map?: string[]; 'source-layer'?: string; hint?: string };

/** One file into one layer: the same report as POST /api/imports; exit 1 on errors, 3 when the CRS must be chosen. */
async function importSingleFile(file: string, values: CliValues, config: ReturnType<typeof readConfig>): Promise<number> {
  const layer = values.layer as ImportLayer;
  if (!IMPORT_LAYERS.includes(layer)) {
    console.error(`error: --layer must be one of ${IMPORT_LAYERS.join(', ')}, not "${values.layer}"`);
    return 2;
  }
  let mapping: FieldMapping | undefined;
  for (const item of values.map ?? []) {
    const m = /^([a-z_]+)=(.+?)(?::(sqm|mu|hectare|sqkm|yuan|wan_yuan|yi_yuan))?$/.exec(item);
    if (!m) {
      console.error(`error: --map ${item}: expected FIELD=COLUMN or FIELD=COLUMN:UNIT`);
      return 2;
    }
    mapping = { ...mapping, [m[1]]: m[3] ? { column: m[2], unit: m[3] as SourceUnit } : { column: m[2] } };
  }
  // The path, not the bytes, goes to the importer: GeoJSON is streamed from it, never whole in memory
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    console.error(`error: ${file}: no such file`);
    return 1;
  }
  if (!stat.isFile()) {
    console.error(`error: ${file}: is not a file (a folder is a bundle: leave out --layer)`);
    return 1;
  }
  console.error(`opening the ${config.databaseUrl ? 'PostgreSQL' : `embedded database in ${config.dataDir}`} …`);
  const db = await createDatabase(config);
  const started = Date.now();
  try {
    await migrate(db);
    const report = await importFile(db, { path: file }, path.basename(file), {
      layer, crs: values.crs, dryRun: values['dry-run'], repair: values.repair, mapping,
      sourceLayer: values['source-layer'], hint: values.hint,
      onProgress: (step) => console.error(`… [${((Date.now() - started) / 1000).toFixed(1)} s] ${step}`),
    });
    const { out, err } = formatImportReport(report);
    for (const line of err) console.error(line);
    for (const line of out) console.log(line);
    return report.status === 'needsCrs' ? 3 : report.status === 'invalid' ? 1 : 0;
  } finally {
    await db.close();
  }
}

main().then((code) => process.exit(code), (err) => {
  console.error(`error: ${(err as Error).message}`);
  process.exit(1);
});
