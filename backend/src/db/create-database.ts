import type { Config } from '../config.js';
import type { Database } from './database.js';

/** The embedded PGlite + PostGIS by default; a real PostgreSQL + PostGIS when DATABASE_URL is set. */
export async function createDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  if (config.databaseUrl) {
    const { openPostgresDatabase } = await import('./postgres-database.js');
    return openPostgresDatabase(config.databaseUrl);
  }
  const { openPgliteDatabase } = await import('./pglite-database.js');
  return openPgliteDatabase(config.dataDir);
}
