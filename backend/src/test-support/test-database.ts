import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import type { Database } from '../db/database.js';
import { openPgliteDatabase } from '../db/pglite-database.js';
import { openPostgresDatabase } from '../db/postgres-database.js';
import { migrate } from '../db/migrate.js';
import { snapshotPath } from './snapshot.js';

export interface TestDatabase {
  db: Database;
  /** Closes it, and drops the database on a real server. */
  dispose(): Promise<void>;
}

/**
 * A fresh, migrated, empty database for one test file: the embedded PGlite opened on a copy of the
 * shared prepared folder, or, when TEST_DATABASE_URL names a real PostgreSQL + PostGIS server, a new database there.
 */
/** A copy of the prepared embedded database folder, for a child process to open (the caller removes it). */
export function copyPreparedDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'muyield-test-'));
  fs.cpSync(snapshotPath(), dir, { recursive: true });
  return dir;
}

export async function openTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dir = copyPreparedDataDir();
    const db = await openPgliteDatabase(dir);
    return {
      db,
      async dispose() {
        await db.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `muyield_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = await openPostgresDatabase(serverUrl);
  await admin.exec(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openPostgresDatabase(url.toString());
  await migrate(db);
  return {
    db,
    async dispose() {
      await db.close();
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}
