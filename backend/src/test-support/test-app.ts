import type { FastifyInstance } from 'fastify';
import { buildApp, createServices } from '../app.js';
import { readConfig } from '../config.js';
import { loadBundle } from '../bundle/load-bundle.js';
import { readBundleFiles } from '../bundle/read-bundle-files.js';
import type { Database } from '../db/database.js';
import { openTestDatabase } from './test-database.js';
import { tinyBundleDir } from './bundles.js';

export const TEST_ADMIN_TOKEN = 'test-admin-token';

export interface TestApp {
  db: Database;
  app: FastifyInstance;
  get(url: string): Promise<{ status: number; type: string | undefined; body: any }>;
  /** A JSON write, with the admin token unless `token` is null. */
  send(method: 'POST' | 'PUT', url: string, payload: unknown, token?: string | null): Promise<{ status: number; type: string | undefined; body: any }>;
  dispose(): Promise<void>;
}

/** The whole app on a fresh test database holding one bundle (the tiny fixture by default). */
export async function openTestApp(bundleDir: string | null = tinyBundleDir): Promise<TestApp> {
  const t = await openTestDatabase();
  if (bundleDir) await loadBundle(t.db, await readBundleFiles(bundleDir));
  const config = { ...readConfig({}), adminToken: TEST_ADMIN_TOKEN, webRoot: '/nonexistent' };
  const app = await buildApp({ config, services: createServices(t.db, config), logger: false });
  return {
    db: t.db,
    app,
    async get(url) {
      const res = await app.inject({ method: 'GET', url });
      return { status: res.statusCode, type: res.headers['content-type'] as string | undefined, body: res.json() };
    },
    async send(method, url, payload, token = TEST_ADMIN_TOKEN) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      const res = await app.inject({ method, url, headers, payload: JSON.stringify(payload) });
      return { status: res.statusCode, type: res.headers['content-type'] as string | undefined, body: res.json() };
    },
    async dispose() {
      await app.close();
      await t.dispose();
    },
  };
}

/** A file POSTed to `/api/imports?query` as the wizard and curl send it: its bytes, with the admin token. */
export async function postImport(app: FastifyInstance, file: Buffer | string, query: string): Promise<{ status: number; body: any }> {
  const res = await app.inject({
    method: 'POST', url: `/api/imports?${query}`, payload: Buffer.from(file),
    headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/octet-stream' },
  });
  return { status: res.statusCode, body: res.json() };
}
