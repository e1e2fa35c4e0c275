import fs from 'node:fs';
import path from 'node:path';
import { readConfig, repoRoot } from './config.js';
import { createDatabase } from './db/create-database.js';
import { migrate, MigrationError } from './db/migrate.js';
import { buildApp, createServices } from './app.js';
import { createSystemRepository } from './repositories/system.repository.js';
import { loadBundle } from './bundle/load-bundle.js';
import { readBundleFiles } from './bundle/read-bundle-files.js';
import { BundleInvalidError, formatProblem } from './bundle/problems.js';

const say = (line: string) => process.stdout.write(`[muyield] ${line}\n`);

/** Print elapsed seconds while a slow step runs, so a first start never looks stuck. */
async function withTicker<T>(label: string, work: Promise<T>): Promise<T> {
  const started = Date.now();
  const timer = setInterval(() => say(`${label} … ${Math.round((Date.now() - started) / 1000)} s`), 5000);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}

async function main() {
  const config = readConfig();
  const firstStart = !config.databaseUrl && !fs.existsSync(path.join(config.dataDir, 'PG_VERSION'));
  say(config.databaseUrl
    ? 'using PostgreSQL + PostGIS from DATABASE_URL'
    : firstStart
      ? `creating the embedded PostGIS database in ${config.dataDir} (first start only, about 20 s)`
      : `opening the embedded PostGIS database in ${config.dataDir}`);
  const db = await withTicker('opening the database', createDatabase(config));

  try {
    const applied = await withTicker('applying migrations', migrate(db, { onApply: (f) => say(`migration ${f}`) }));
    if (applied.length) say(`applied ${applied.length} migration(s)`);
  } catch (err) {
    say(err instanceof MigrationError ? err.message : `migrations failed: ${(err as Error).message}`);
    await db.close();
    process.exit(1);
  }

  if (config.demoBundle && (await createSystemRepository(db).isEmpty())) {
    say(`loading the demo bundle ${path.relative(repoRoot, config.demoBundle) || config.demoBundle}`);
    try {
      const report = await withTicker('loading the demo', loadBundle(db, await readBundleFiles(config.demoBundle), { onProgress: (s) => say(s) }));
      say(`loaded ${Object.entries(report.counts).map(([k, v]) => `${v} ${k}`).join(', ')}`);
    } catch (err) {
      if (err instanceof BundleInvalidError) err.problems.slice(0, 20).forEach((p) => say(formatProblem(p)));
      say(`the demo bundle could not be loaded: ${(err as Error).message}`);
    }
  }

  const app = await buildApp({ config, services: createServices(db, config) });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    say(`${signal}: stopping`);
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  say(`ready: http://localhost:${port}  (API docs: http://localhost:${port}/api/docs)${config.adminToken ? '' : '  writes disabled: set ADMIN_TOKEN to allow them'}`);
}

main().catch((err) => {
  say(`could not start: ${(err as Error).message}`);
  process.exit(1);
});
