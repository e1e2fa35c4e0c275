import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: backend/src/config.ts → ../../ */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Config {
  port: number;
  host: string;
  /** Real PostgreSQL + PostGIS when set; the embedded PGlite database otherwise. */
  databaseUrl: string | undefined;
  /** Folder of the embedded database. */
  dataDir: string;
  /** Bearer token that unlocks writes; writes are refused while it is unset. */
  adminToken: string | undefined;
  /** Bundle loaded into an empty database at start-up; '' disables it. */
  demoBundle: string;
  /** Built web app served at `/`. */
  webRoot: string;
  /** Rivers of the offline basemap. */
  riversFile: string;
  /** Largest request body accepted, in bytes. */
  bodyLimitBytes: number;
  logLevel: string;
}

const DEFAULT_PORT = 3000;
const DEFAULT_BODY_LIMIT_MB = 200;

/** The only reader of process.env. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT ? Number(env.PORT) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535, got "${env.PORT}"`);
  }
  const bodyLimitMb = env.UPLOAD_LIMIT_MB ? Number(env.UPLOAD_LIMIT_MB) : DEFAULT_BODY_LIMIT_MB;
  if (!(bodyLimitMb > 0)) throw new Error(`UPLOAD_LIMIT_MB must be a positive number, got "${env.UPLOAD_LIMIT_MB}"`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR ?? path.join(repoRoot, 'data')),
    adminToken: env.ADMIN_TOKEN || undefined,
    demoBundle: env.DEMO_BUNDLE ?? path.join(repoRoot, 'gis-data', 'ankang'),
    webRoot: env.WEB_ROOT ?? path.join(repoRoot, 'frontend', 'dist'),
    riversFile: path.join(repoRoot, 'gis-data', 'basemap', 'rivers.geojson'),
    bodyLimitBytes: Math.round(bodyLimitMb * 1024 * 1024),
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
