import path from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from '../config.js';
import { createDatabase } from '../db/create-database.js';
import { migrate } from '../db/migrate.js';
import { loadBundle } from '../bundle/load-bundle.js';
import { BundleReadError, readBundleFiles } from '../bundle/read-bundle-files.js';
import { BundleInvalidError, formatProblem } from '../bundle/problems.js';

const USAGE = `usage: npm run import -- PATH [--dry-run]
  PATH     a park bundle: a folder or a .zip (see docs/bundle-format.md)
  --dry-run  check everything and report, write nothing
Loads into the embedded database in ./data (DATA_DIR), or into DATABASE_URL when set.`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { 'dry-run': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help || positionals.length !== 1) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  // npm runs workspace scripts from the workspace folder; the path is the user's, relative to where they typed it.
  const source = path.resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]);
  const config = readConfig();
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

main().then((code) => process.exit(code), (err) => {
  console.error(`error: ${(err as Error).message}`);
  process.exit(1);
});
