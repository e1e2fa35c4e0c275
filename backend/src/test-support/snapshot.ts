import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listMigrationFiles, migrationsDir } from '../db/migrate.js';

/**
 * The folder of the prepared embedded database (PostGIS created, migrations applied) is kept between test
 * files and runs. The name carries a hash of the migrations, so a changed migration makes a new one.
 */
export function snapshotPath(): string {
  const hash = crypto.createHash('sha256');
  for (const f of listMigrationFiles()) {
    hash.update(f);
    hash.update(fs.readFileSync(path.join(migrationsDir, f)));
  }
  return path.join(os.tmpdir(), `muyield-test-db-${hash.digest('hex').slice(0, 16)}`);
}
