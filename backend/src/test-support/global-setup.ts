import fs from 'node:fs';
import { openPgliteDatabase } from '../db/pglite-database.js';
import { migrate } from '../db/migrate.js';
import { snapshotPath } from './snapshot.js';

/**
 * Pay PGlite's ~20 s PostGIS cold start once per machine, not once per test file: a migrated
 * database folder that each test file copies. (A folder, not PGlite's dumpDataDir: a dump taken from
 * a folder-backed database here came back without its tables.)
 */
export default async function setup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  const dir = snapshotPath();
  if (fs.existsSync(dir)) return;
  const started = Date.now();
  const tmp = `${dir}.${process.pid}.tmp`;
  fs.rmSync(tmp, { recursive: true, force: true });
  const db = await openPgliteDatabase(tmp);
  await migrate(db);
  await db.close();
  try {
    fs.renameSync(tmp, dir);
  } catch (err) {
    // Another test run prepared it at the same moment: keep theirs.
    if (!fs.existsSync(dir)) throw err;
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`prepared the embedded test database in ${((Date.now() - started) / 1000).toFixed(1)} s: ${dir}`);
}
