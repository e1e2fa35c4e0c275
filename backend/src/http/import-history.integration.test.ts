import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, postImport, TEST_ADMIN_TOKEN, type TestApp } from '../test-support/test-app.js';
import { tinyBundle, tinyBundleDir } from '../test-support/bundles.js';
import { loadBundle } from '../bundle/load-bundle.js';
import { readBundleFiles } from '../bundle/read-bundle-files.js';

// The import history as GET /api/imports serves it: what each load created and updated, layer by layer,
// and the name of the file or bundle, never where it lay on the server.
let t: TestApp;
beforeAll(async () => {
  t = await openTestApp(null);
});
afterAll(() => t?.dispose());

/** Rows of the tiny fixture per layer (gis-data/fixtures/tiny/README.md). */
const TINY_ROWS = { regions: 1, parks: 1, parcels: 4, buildings: 2, enterprises: 5, units: 4, land_rights: 4, indicators: 10 };
const TINY_TOTAL = Object.values(TINY_ROWS).reduce((a, b) => a + b, 0);

type Layer = { layer: string; rows: number; created: number | null; updated: number | null };
const newest = async () => (await t.get('/api/imports')).body.imports[0];
const perLayer = (layers: Layer[]) => Object.fromEntries(layers.map((l) => [l.layer, [l.created, l.updated]]));

async function zipOf(files: Map<string, Buffer>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of files) zip.file(`tiny/${name}`, content);
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('the import history', () => {
  it('gives a bundle loaded from a server folder its rows created per layer, and the folder name only', async () => {
    await loadBundle(t.db, await readBundleFiles(tinyBundleDir));
    const record = await newest();
    expect(record).toMatchObject({ fileName: 'tiny', layer: null, created: TINY_TOTAL, updated: 0 });
    expect(record.fileName).not.toContain('/');
    expect(perLayer(record.layers)).toEqual(Object.fromEntries(Object.entries(TINY_ROWS).map(([layer, n]) => [layer, [n, 0]])));
    expect(record.layers.map((l: Layer) => l.rows)).toEqual(Object.values(TINY_ROWS));
  });

  it('counts a second load of the same bundle as rows updated, none created', async () => {
    await loadBundle(t.db, await readBundleFiles(`${tinyBundleDir}/`));
    const record = await newest();
    expect(record).toMatchObject({ fileName: 'tiny', created: 0, updated: TINY_TOTAL });
    expect(perLayer(record.layers)).toEqual(Object.fromEntries(Object.entries(TINY_ROWS).map(([layer, n]) => [layer, [0, n]])));
  });

  it('keeps only the name of an uploaded bundle or file, whatever path the client sent', async () => {
    const headers = { 'content-type': 'application/zip', authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
    const query = new URLSearchParams({ fileName: '/home/planner/数据/tiny.zip' });
    const loaded = await t.app.inject({ method: 'POST', url: `/api/bundles?${query}`, headers, payload: await zipOf(tinyBundle().files) });
    expect(loaded.statusCode).toBe(200);
    expect(loaded.json()).toMatchObject({ source: 'tiny.zip', written: { parcels: { created: 0, updated: 4 } } });
    expect(await newest()).toMatchObject({ fileName: 'tiny.zip', created: 0, updated: TINY_TOTAL });

    const csv = '统一社会信用代码,企业名称\n91999901MA0000A19A,示例富硒食品有限公司\n';
    const imported = await postImport(t.app, csv, `layer=enterprises&fileName=${encodeURIComponent('C:\\Users\\规划科\\企业.csv')}`);
    expect(imported.body).toMatchObject({ status: 'committed', file: '企业.csv' });
    expect(await newest()).toMatchObject({ fileName: '企业.csv', layer: 'enterprises', created: 0, updated: 1, layers: [{ layer: 'enterprises', rows: 1, created: 0, updated: 1 }] });
  });

  it('names a load recorded with a server path by its last part, in the list and in a refusal to undo it', async () => {
    const [{ id }] = await t.db.query<{ id: number }>(
      `INSERT INTO imports (source, bundle_name, counts) VALUES ('/srv/muyield/gis-data/ankang', '安康', '{"parks": 12, "parcels": 628}') RETURNING id`);
    const record = await newest();
    expect(record).toMatchObject({ id, fileName: 'ankang', created: null, updated: null });
    expect(record.layers).toEqual([{ layer: 'parks', rows: 12, created: null, updated: null }, { layer: 'parcels', rows: 628, created: null, updated: null }]);
    const refused = await t.app.inject({ method: 'POST', url: `/api/imports/${id}/undo`, headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('(ankang)');
    expect(refused.json().detail).not.toContain('/srv');
  });

  it('never serves a server path anywhere in the list', async () => {
    const { body } = await t.get('/api/imports');
    expect(JSON.stringify(body)).not.toMatch(/\/(srv|work|home|tmp)\/|\\Users\\/);
  });
});
