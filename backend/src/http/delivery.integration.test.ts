// How answers and the web app's files travel: compressed when the client accepts it, downloads that are
// archives already sent as they are, hashed assets cached for a year, index.html revalidated. Asked over
// a real socket with node:http (raw bytes, nothing decoded for us), then decoded with zlib.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, cacheControlOf, createServices } from '../app.js';
import { loadBundle } from '../bundle/load-bundle.js';
import { readBundleFiles } from '../bundle/read-bundle-files.js';
import { readConfig } from '../config.js';
import { tinyBundleDir } from '../test-support/bundles.js';
import { openTestDatabase, type TestDatabase } from '../test-support/test-database.js';

const SCRIPT = 'assets/index-AbCd12_-.js';
const SCRIPT_TEXT = `export const parks = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `park ${i}`))};\n`;
const INDEX_HTML = `<!doctype html><html><head><script type="module" src="/${SCRIPT}"></script></head><body></body></html>\n`;

let t: TestDatabase;
let app: FastifyInstance;
let webRoot: string;
let base: string;

beforeAll(async () => {
  t = await openTestDatabase();
  await loadBundle(t.db, await readBundleFiles(tinyBundleDir));
  // A web root laid out as `vite build` leaves it: hashed assets with .br and .gz beside them.
  webRoot = await mkdtemp(join(tmpdir(), 'muyield-web-'));
  await mkdir(join(webRoot, 'assets'));
  await writeFile(join(webRoot, 'index.html'), INDEX_HTML);
  await writeFile(join(webRoot, SCRIPT), SCRIPT_TEXT);
  await writeFile(join(webRoot, `${SCRIPT}.br`), brotliCompressSync(SCRIPT_TEXT));
  await writeFile(join(webRoot, `${SCRIPT}.gz`), gzipSync(SCRIPT_TEXT));
  const config = { ...readConfig({}), adminToken: 'test-admin-token', webRoot };
  app = await buildApp({ config, services: createServices(t.db, config), logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await app?.close();
  await t?.dispose();
  if (webRoot) await rm(webRoot, { recursive: true, force: true });
});

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as they came off the socket. */
  bytes: Buffer;
  /** The bytes after undoing Content-Encoding. */
  body: Buffer;
}

function get(path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'];
        try {
          const body = bytes.length === 0 ? bytes : encoding === 'br' ? brotliDecompressSync(bytes) : encoding === 'gzip' ? gunzipSync(bytes) : bytes;
          resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes, body });
        } catch (error) {
          reject(new Error(`${path}: ${bytes.length} bytes of ${String(encoding)} that do not decode (${String(error)})`));
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const BROWSER = { 'accept-encoding': 'gzip, deflate, br' };

describe('API answers', () => {
  it('are compressed with brotli for a browser, with gzip for a gzip-only client, and not without Accept-Encoding', async () => {
    const plain = await get('/api/parks');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const parks = JSON.parse(plain.body.toString('utf8'));
    expect(parks.type).toBe('FeatureCollection');

    const br = await get('/api/parks', BROWSER);
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.bytes.length).toBeLessThan(plain.bytes.length);
    expect(JSON.parse(br.body.toString('utf8'))).toEqual(parks);

    const gz = await get('/api/regions', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gz.body.toString('utf8')).type).toBe('FeatureCollection');
  });

  it('keep their caching as it was: no Cache-Control', async () => {
    expect((await get('/api/parks', BROWSER)).headers['cache-control']).toBeUndefined();
  });

  it('compress a GeoJSON and a CSV download, and the file is whole', async () => {
    const geojson = await get('/api/export/parcels?format=geojson&park=T-PARK', BROWSER);
    expect(geojson.headers['content-encoding']).toBe('br');
    expect(geojson.headers['content-disposition']).toMatch(/attachment/);
    expect(JSON.parse(geojson.body.toString('utf8')).features.length).toBeGreaterThan(0);
    const csv = await get('/api/export/parcels?format=csv&park=T-PARK', BROWSER);
    expect(csv.headers['content-encoding']).toBe('br');
    expect(csv.body.equals((await get('/api/export/parcels?format=csv&park=T-PARK')).bytes)).toBe(true);
  });

  it.each([
    ['/api/export/parcels?format=xlsx&park=T-PARK', 'PK\u0003\u0004'],
    ['/api/export/parcels?format=shp&park=T-PARK', 'PK\u0003\u0004'],
    ['/api/export/bundle', 'PK\u0003\u0004'],
    ['/api/export/parcels?format=gpkg&park=T-PARK', 'SQLite format 3\u0000'],
  ])('send %s as it is, not compressed again', async (path, magic) => {
    const res = await get(path, BROWSER);
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.bytes.subarray(0, magic.length).toString('latin1')).toBe(magic);
    if (magic.startsWith('PK')) expect(Object.keys((await JSZip.loadAsync(res.bytes)).files).length).toBeGreaterThan(0);
  });
});

describe('the web app', () => {
  it('sends a hashed script pre-compressed, as the client accepts, cached for a year', async () => {
    for (const [accept, encoding] of [['gzip, deflate, br', 'br'], ['gzip', 'gzip'], ['identity', undefined]] as const) {
      const res = await get(`/${SCRIPT}`, { 'accept-encoding': accept });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['content-type']).toMatch(/javascript/);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(res.body.toString('utf8')).toBe(SCRIPT_TEXT);
    }
  });

  it('serves the compressed copies only in place of the file, never under their own names', async () => {
    expect((await get(`/${SCRIPT}.br`)).status).toBe(404);
    expect((await get(`/${SCRIPT}.gz`)).status).toBe(404);
  });

  it('has index.html asked again on every visit, answered 304 while unchanged', async () => {
    const first = await get('/', BROWSER);
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('no-cache');
    expect(first.body.toString('utf8')).toBe(INDEX_HTML);
    const again = await get('/', { ...BROWSER, 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
  });
});

describe('cacheControlOf', () => {
  it.each([
    ['assets/index-nAlbXwqE.js', 'public, max-age=31536000, immutable'],
    ['assets/index-CG-6L3VZ.css.br', 'public, max-age=31536000, immutable'],
    ['assets/webgl-CtsUQdIT.js.gz', 'public, max-age=31536000, immutable'],
    ['index.html', 'no-cache'],
    ['assets/logo.svg', 'no-cache'],
    ['robots.txt', 'no-cache'],
  ])('%s → %s', (path, expected) => {
    expect(cacheControlOf(path)).toBe(expected);
  });
});
