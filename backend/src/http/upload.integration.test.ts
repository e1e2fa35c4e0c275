import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fingerprintTables } from '../test-support/fingerprint.js';
import { buildApp, createServices } from '../app.js';
import { readConfig } from '../config.js';
import { loadBundle } from '../bundle/load-bundle.js';
import { readBundleFiles } from '../bundle/read-bundle-files.js';
import { openTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { tinyBundle, tinyBundleDir } from '../test-support/bundles.js';
import { TEST_ADMIN_TOKEN } from '../test-support/test-app.js';
import { UPLOAD_FILE_PREFIX } from './upload.js';

const UPLOAD_LIMIT_MB = 1;
let t: TestDatabase;
let app: FastifyInstance;
let baseUrl: string;
/** The uploads' temp folder: os.tmpdir() points here (TMPDIR), so what is left in it is ours alone. */
let tempDir: string;

beforeAll(async () => {
  t = await openTestDatabase();
  await loadBundle(t.db, await readBundleFiles(tinyBundleDir));
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'muyield-upload-test-'));
  vi.stubEnv('TMPDIR', tempDir);
  const config = { ...readConfig({ UPLOAD_LIMIT_MB: String(UPLOAD_LIMIT_MB) }), adminToken: TEST_ADMIN_TOKEN, webRoot: '/nonexistent' };
  app = await buildApp({ config, services: createServices(t.db, config), logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await app?.close();
  await t?.dispose();
  vi.unstubAllEnvs();
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
});

const uploadFiles = () => fs.readdirSync(tempDir).filter((name) => name.startsWith(UPLOAD_FILE_PREFIX));

const TABLES = ['parks', 'parcels', 'imports', 'import_rows', 'import_created', 'import_mappings'];
const fingerprint = () => fingerprintTables(t.db, TABLES);

const tinyParcels = () => fs.readFileSync(path.join(tinyBundleDir, 'parcels.geojson'));

interface Answer { status: number; headers: http.IncomingHttpHeaders; body: any }

/**
 * POST over a real socket with `Transfer-Encoding: chunked` (no Content-Length): `write` is called until it
 * returns null or the server answers, whichever comes first. Writes after the answer may fail (the server
 * closes the connection); that is expected and ignored.
 */
function postChunked(query: string, write: (req: http.ClientRequest, index: number) => Promise<Buffer | null>, route = '/api/imports'): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    let answered = false;
    const req = http.request(`${baseUrl}${route}?${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/geo+json', 'transfer-encoding': 'chunked' },
    }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      }).on('error', reject);
    });
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    (async () => {
      for (let i = 0; !answered; i++) {
        const chunk = await write(req, i);
        if (chunk === null) break;
        if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
      }
      if (!answered) req.end();
    })().catch((err) => {
      if (!answered) reject(err);
    });
  });
}

describe('uploads are streamed to a temporary file, counted against UPLOAD_LIMIT_MB', () => {
  it('cuts off a chunked upload (no Content-Length) past the limit with a 413 problem, leaving no file and writing nothing', async () => {
    const before = await fingerprint();
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sawTempFile = false;
    const res = await postChunked('layer=parcels&fileName=big.geojson', async (_req, i) => {
      if (i === 0) return Buffer.from('{"type":"FeatureCollection","features":[');
      // Half way to the limit the upload is on disk, not in memory: wait until its temp file is there
      if (i === 8) {
        while (uploadFiles().length === 0) await new Promise((r) => setTimeout(r, 20));
        sawTempFile = true;
      }
      // Four times the limit at most; the server answers long before
      return i < 4 * 16 * UPLOAD_LIMIT_MB ? chunk : null;
    });
    expect(sawTempFile).toBe(true);
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ title: 'Request too large', status: 413 });
    expect(res.body.detail).toMatch(/went past 1 MB and was cut off; this server accepts at most 1 MB \(UPLOAD_LIMIT_MB\)/);
    expect(uploadFiles()).toEqual([]);
    expect(await fingerprint()).toEqual(before);
  });

  it('cuts off an upload whose Content-Length is smaller than its body', async () => {
    const before = await fingerprint();
    const body = Readable.from((function* () {
      for (let i = 0; i < 3 * 16 * UPLOAD_LIMIT_MB; i++) yield Buffer.alloc(64 * 1024, 0x20);
    })());
    const res = await app.inject({
      method: 'POST', url: '/api/imports?layer=parcels&fileName=liar.geojson', payload: body,
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/octet-stream', 'content-length': '100' },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().detail).toMatch(/at most 1 MB \(UPLOAD_LIMIT_MB\)/);
    expect(res.headers.connection).toBe('close');
    expect(uploadFiles()).toEqual([]);
    expect(await fingerprint()).toEqual(before);
  });

  it('still answers 413 from Content-Length before reading the body', async () => {
    const res = await app.inject({
      method: 'POST', url: '/api/imports?layer=parcels&fileName=big.geojson', payload: Buffer.alloc(2 * 1024 ** 2, 0x20),
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/octet-stream' },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().detail).toMatch(/the upload is 2\.0 MB; this server accepts at most 1 MB/);
    expect(uploadFiles()).toEqual([]);
  });

  it('imports a chunked upload under the limit and removes its temp file', async () => {
    const [{ n: importsBefore }] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM imports');
    const file = tinyParcels();
    const features = (JSON.parse(file.toString('utf8')) as { features: unknown[] }).features.length;
    // Small chunks, so features and multi-byte characters are split across them
    const res = await postChunked('layer=parcels&fileName=parcels.geojson', async (_req, i) => (i * 100 < file.length ? file.subarray(i * 100, (i + 1) * 100) : null));
    expect(res.status, JSON.stringify(res.body.problems?.slice(0, 3))).toBe(200);
    expect(res.body).toMatchObject({ status: 'committed', format: 'geojson', file: 'parcels.geojson' });
    expect(res.body.counts.rows).toBe(features);
    const [{ n: importsAfter }] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM imports');
    expect(importsAfter).toBe(importsBefore + 1);
    expect(uploadFiles()).toEqual([]);
  });

  it('removes the temp file of a refused file (422) and writes nothing', async () => {
    const before = await fingerprint();
    const cut = tinyParcels().subarray(0, 700);
    const res = await postChunked('layer=parcels&fileName=parcels.geojson', async (_req, i) => (i === 0 ? cut : null));
    expect(res.status).toBe(422);
    expect(res.body.problems[0]).toMatchObject({ severity: 'error', file: 'parcels.geojson' });
    expect(res.body.problems[0].message).toMatch(/^is not valid JSON.*unexpected end of JSON input/);
    expect(uploadFiles()).toEqual([]);
    expect(await fingerprint()).toEqual(before);
  });

  it('removes the temp file when the client goes away mid-upload, and writes nothing', async () => {
    const before = await fingerprint();
    const req = http.request(`${baseUrl}/api/imports?layer=parcels&fileName=gone.geojson`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/geo+json', 'transfer-encoding': 'chunked' },
    });
    req.on('error', () => undefined);
    req.write(Buffer.alloc(128 * 1024, 0x20));
    while (uploadFiles().length === 0) await new Promise((r) => setTimeout(r, 20));
    req.destroy();
    while (uploadFiles().length > 0) await new Promise((r) => setTimeout(r, 20));
    expect(uploadFiles()).toEqual([]);
    expect(await fingerprint()).toEqual(before);
  });

  it('takes a GeoJSON sent as application/json as the file, not as a parsed body', async () => {
    const res = await app.inject({
      method: 'POST', url: '/api/imports?layer=parcels&fileName=parcels.geojson&dryRun=true', payload: tinyParcels(),
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'dryRun', format: 'geojson' });
    expect(uploadFiles()).toEqual([]);
  });
});

describe('a bundle upload (POST /api/bundles) is streamed to a temporary file too', () => {
  const bundleZip = async () => {
    const zip = new JSZip();
    for (const [name, content] of tinyBundle().files) zip.file(`tiny/${name}`, content);
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  };

  it('cuts off a chunked bundle past the limit with a 413 problem, leaving no file and writing nothing', async () => {
    const before = await fingerprint();
    const zip = await bundleZip();
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sawTempFile = false;
    const res = await postChunked('fileName=big.zip', async (_req, i) => {
      if (i === 0) return zip;
      // Half way to the limit the bundle is on disk, not in memory: wait until its temp file is there
      if (i === 8) {
        while (uploadFiles().length === 0) await new Promise((r) => setTimeout(r, 20));
        sawTempFile = true;
      }
      return i < 4 * 16 * UPLOAD_LIMIT_MB ? chunk : null;
    }, '/api/bundles');
    expect(sawTempFile).toBe(true);
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.detail).toMatch(/went past 1 MB and was cut off; this server accepts at most 1 MB \(UPLOAD_LIMIT_MB\)/);
    expect(uploadFiles()).toEqual([]);
    expect(await fingerprint()).toEqual(before);
  });

  it('answers 413 from a bundle\'s Content-Length before reading it', async () => {
    const res = await app.inject({
      method: 'POST', url: '/api/bundles?fileName=big.zip', payload: Buffer.alloc(2 * 1024 ** 2, 0x20),
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/zip' },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().detail).toMatch(/the upload is 2\.0 MB; this server accepts at most 1 MB/);
    expect(uploadFiles()).toEqual([]);
  });

  it('loads a bundle sent in chunks under the limit and removes its temp file', async () => {
    const [{ n: importsBefore }] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM imports');
    const zip = await bundleZip();
    // Small chunks: the zip is put together on disk before it is opened
    const res = await postChunked('fileName=tiny.zip', async (_req, i) => (i * 1000 < zip.length ? zip.subarray(i * 1000, (i + 1) * 1000) : null), '/api/bundles');
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
    expect(res.body).toMatchObject({ source: 'tiny.zip', dryRun: false, counts: { parks: 1, parcels: 4 } });
    const [{ n: importsAfter }] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM imports');
    expect(importsAfter).toBe(importsBefore + 1);
    expect(uploadFiles()).toEqual([]);
  });

  it('refuses a bundle that is not a zip with 400 naming it, and removes its temp file', async () => {
    const res = await postChunked('fileName=notes.zip', async (_req, i) => (i === 0 ? Buffer.from('not a zip') : null), '/api/bundles');
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/^notes\.zip: not a readable zip file/);
    expect(uploadFiles()).toEqual([]);
  });
});
