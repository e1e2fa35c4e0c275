import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { tinyBundleDir } from '../test-support/bundles.js';
import { buildApp, createServices } from '../app.js';
import { readConfig } from '../config.js';
import { loadBundle } from '../bundle/load-bundle.js';
import { readBundleFiles } from '../bundle/read-bundle-files.js';

let t: TestDatabase;
let app: FastifyInstance;
beforeAll(async () => {
  t = await openTestDatabase();
  await loadBundle(t.db, await readBundleFiles(tinyBundleDir));
  const config = { ...readConfig({}), webRoot: '/nonexistent' };
  app = await buildApp({ config, services: createServices(t.db, config), logger: false });
});
afterAll(async () => {
  await app?.close();
  await t?.dispose();
});

describe('GET /api/names', () => {
  it("gives the English of the data's county and park names, industries and grade labels, keyed by the Chinese", async () => {
    const res = await app.inject({ method: 'GET', url: '/api/names?lang=en' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      lang: 'en',
      regions: { 示例县: 'Shili County' },
      parks: { 示例工业集中区: 'Shili Industrial Cluster Zone' },
      industries: { 富硒食品: 'Selenium-rich food', 毛绒玩具: 'Plush toys' },
      gradeLabels: { 优先发展类: 'Priority development', 提升发展类: 'Development with upgrading', 帮扶转型类: 'Supported transformation', 整治提升类: 'Rectification' },
    });
  });

  it('refuses a language it does not give, naming the parameter', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/names?lang=fr' });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/^lang: "fr"/);
  });
});
