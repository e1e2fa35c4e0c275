import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../config.js';
import { describeDatabaseError, type Database } from './database.js';

export const migrationsDir = path.join(repoRoot, 'migrations');
const MIGRATION_NAME = /^(\d{4})_[a-z0-9_]+\.sql$/;

export class MigrationError extends Error {
  constructor(readonly file: string, cause: unknown) {
    super(`migration ${file} failed: ${describeDatabaseError(cause)}`);
  }
}

export function listMigrationFiles(dir = migrationsDir): string[] {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  for (const f of files) {
    if (!MIGRATION_NAME.test(f)) throw new Error(`migration file name ${f} does not match NNNN_verb_object.sql`);
  }
  return files;
}

/** Apply every migration not yet recorded in schema_migrations, each in its own transaction. */
export async function migrate(
  db: Database,
  options: { dir?: string; onApply?: (file: string) => void } = {},
): Promise<string[]> {
  const dir = options.dir ?? migrationsDir;
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version text PRIMARY KEY,
    file text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const done = new Set(
    (await db.query<{ version: string }>('SELECT version FROM schema_migrations')).map((r) => r.version),
  );
  const applied: string[] = [];
  for (const file of listMigrationFiles(dir)) {
    const version = file.slice(0, 4);
    if (done.has(version)) continue;
    options.onApply?.(file);
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    try {
      await db.transaction(async (tx) => {
        await tx.exec(text);
        await tx.query('INSERT INTO schema_migrations (version, file) VALUES ($1, $2)', [version, file]);
      });
    } catch (err) {
      throw new MigrationError(file, err);
    }
    applied.push(file);
  }
  return applied;
}
