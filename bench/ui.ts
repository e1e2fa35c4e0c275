/**
 * Browser benchmark: how long after navigation Chromium shows the city's parks drawn, for the web app and
 * for a bare MapLibre page that draws the same three API answers (counties, parks as points, rivers), in
 * the same run, each from a cold profile; then the ratio app ÷ bare. Optionally also a park view (a shared
 * park URL: the park selected, its panel open, the map zoomed in and idle).
 *
 *   npx tsx bench/ui.ts [--runs 5] [--park-view] [--park G612150] [--baseline http://localhost:3151]
 *   npx tsx bench/ui.ts --serve    # start both pages, print their addresses and wait (for profiling by hand)
 *
 * Uses Debian's Chromium through playwright-core with the browser tests' launch options
 * (frontend/e2e/support/chromium.ts: SwiftShader WebGL, no background traffic). Against MUYIELD_URL if set,
 * else a server it starts on a temporary embedded database (build the web app first:
 * `npm run build --workspace frontend`).
 *
 * The bare page is served by this benchmark, not by the app: one HTML page, maplibre-gl.js and its CSS
 * from node_modules (gzip-compressed once, cached for a year), and /api/* passed through unchanged to the
 * app's server (so both pages get the same bytes, compressed or not, for the three answers).
 *
 * `--baseline URL` adds another build of the app (an earlier commit, served on another port) to every run,
 * so a change can be compared with what it replaces under the same load.
 *
 * Each run opens a new profile (empty HTTP cache) for the bare page and another for the app, in
 * rotating order, and loads each page twice: cold (the figure compared) and again in a new tab of the
 * same profile (warm: what a returning visitor waits, with the HTTP cache filled). Times are from navigation
 * start (performance.now() in the page) to the animation frame after the map is idle with the parks handed to
 * it (the moment the page sets `ready`). Prints figures only; asserts nothing.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, request as httpRequest, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../frontend/e2e/support/chromium.js';
import { startServer, stopServer, type Server } from '../frontend/e2e/support/muyield-server.js';
import { ANKANG_BOUNDS } from '../frontend/src/map/offline-style.js';
import { BACKGROUND_CSS, COUNTY_FILL, COUNTY_LINE, RIVER_LINE } from '../frontend/src/map/palette.js';

const VIEWPORT = { width: 1280, height: 800 };
const TIMEOUT_MS = 180_000;
/** Close enough that the park fills the map (the app's own focus zoom is 12). */
const PARK_VIEW_ZOOM = 14;

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

// Runs in the page before any of its scripts. Both pages set `window.__muyield = { map, ready: false }` and
// turn `ready` true in the animation frame after the map is idle with the parks handed to it
// (frontend/src/map/ParkMap.tsx; the bare page below): the setter records that moment. Polling by
// requestAnimationFrame instead missed it: headless Chromium draws no more frames once the map is idle, so
// a poll queued behind the app's own callback waited for the next repaint, seconds later or never.
// The park view (panel open, map no longer moving) is polled every 10 ms.
const RECORDER = `
(() => {
  const marks = (window.__benchMarks = {});
  let hook;
  Object.defineProperty(window, '__muyield', {
    configurable: true,
    get: () => hook,
    set: (value) => {
      hook = value;
      if (!value || typeof value !== 'object') return;
      let ready = value.ready;
      Object.defineProperty(value, 'ready', {
        configurable: true,
        enumerable: true,
        get: () => ready,
        set: (next) => {
          ready = next;
          if (next && marks.parksDrawnMs === undefined) marks.parksDrawnMs = performance.now();
        },
      });
    },
  });
  const parkPanel = () => document.querySelector('[data-testid=park-panel]') !== null;
  const poll = setInterval(() => {
    if (marks.parksDrawnMs !== undefined && parkPanel() && hook && !hook.map.isMoving()) {
      marks.parkViewMs = performance.now();
      clearInterval(poll);
    }
  }, 10);
})();
`;

const css = (rgba: readonly number[]) => `rgba(${rgba[0]},${rgba[1]},${rgba[2]},${(rgba[3] ?? 255) / 255})`;

/**
 * The bare page: MapLibre alone, the three answers requested at once, counties filled and outlined,
 * rivers as lines, each park as a dot at the mean of its outer ring. The same bounds and background as
 * the app's offline map; the same `ready` rule as frontend/src/map/ParkMap.tsx.
 */
const BARE_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="UTF-8"><title>bare MapLibre</title>
<link rel="stylesheet" href="/bare/maplibre-gl.css">
<style>html,body,#map{margin:0;width:100%;height:100%}</style>
<script src="/bare/maplibre-gl.js"></script></head>
<body><div id="map"></div><script>
const json = (url) => fetch(url).then((r) => r.json());
const answers = Promise.all([json('/api/regions'), json('/api/parks'), json('/api/basemap/rivers')]);
const map = new maplibregl.Map({
  container: 'map',
  style: { version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': '${BACKGROUND_CSS}' } }] },
  bounds: ${JSON.stringify(ANKANG_BOUNDS)}, fitBoundsOptions: { padding: 24 }, attributionControl: false,
});
window.__muyield = { map, ready: false };
const dot = (f) => {
  const ring = f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : f.geometry.coordinates[0][0];
  const sum = ring.reduce((s, p) => [s[0] + p[0], s[1] + p[1]], [0, 0]);
  return { type: 'Feature', properties: f.properties, geometry: { type: 'Point', coordinates: [sum[0] / ring.length, sum[1] / ring.length] } };
};
Promise.all([answers, new Promise((resolve) => map.once('load', resolve))]).then(([[regions, parks, rivers]]) => {
  map.addSource('counties', { type: 'geojson', data: regions });
  map.addSource('rivers', { type: 'geojson', data: rivers });
  map.addSource('parks', { type: 'geojson', data: { type: 'FeatureCollection', features: parks.features.map(dot) } });
  map.addLayer({ id: 'counties-fill', type: 'fill', source: 'counties', paint: { 'fill-color': '${css(COUNTY_FILL)}' } });
  map.addLayer({ id: 'counties-line', type: 'line', source: 'counties', paint: { 'line-color': '${css(COUNTY_LINE)}', 'line-width': 1.2 } });
  map.addLayer({ id: 'rivers', type: 'line', source: 'rivers', paint: { 'line-color': '${css(RIVER_LINE)}', 'line-width': 1.5 } });
  map.addLayer({ id: 'parks', type: 'circle', source: 'parks', paint: { 'circle-radius': 7, 'circle-color': '#d7301f', 'circle-stroke-color': '#fff', 'circle-stroke-width': 1 } });
  map.once('idle', () => requestAnimationFrame(() => { window.__muyield.ready = true; }));
  map.triggerRepaint();
});
</script></body></html>`;

/** Serves the bare page and MapLibre, and passes /api/* through to the app's server unchanged. */
async function startBareServer(apiBase: string): Promise<{ baseUrl: string; server: HttpServer }> {
  const dist = dirname(createRequire(import.meta.url).resolve('maplibre-gl/dist/maplibre-gl.js'));
  const files = new Map<string, { type: string; gzip: Buffer }>([
    ['/', { type: 'text/html; charset=utf-8', gzip: gzipSync(BARE_PAGE) }],
    ['/bare/maplibre-gl.js', { type: 'text/javascript; charset=utf-8', gzip: gzipSync(await readFile(join(dist, 'maplibre-gl.js'))) }],
    ['/bare/maplibre-gl.css', { type: 'text/css; charset=utf-8', gzip: gzipSync(await readFile(join(dist, 'maplibre-gl.css'))) }],
  ]);
  const api = new URL(apiBase);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path.startsWith('/api/')) {
      const upstream = httpRequest(
        { hostname: api.hostname, port: api.port, path: req.url, method: req.method, headers: { ...req.headers, host: api.host } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.writeHead(502).end());
      req.pipe(upstream);
      return;
    }
    const file = files.get(path);
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, {
      'content-type': file.type,
      'content-encoding': 'gzip',
      'cache-control': path === '/' ? 'no-cache' : 'public, max-age=31536000, immutable',
    });
    res.end(file.gzip);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('bare page server has no port');
  return { baseUrl: `http://127.0.0.1:${address.port}`, server };
}

interface Visit {
  ms: number;
  /** Requests that reached the server (304s included; answers from the HTTP cache not). */
  requests: number;
  /** Script bytes that came over the network, as sent (compressed when the server compressed them). */
  scriptKb: number;
  /** Requests for /api/parks (any query). */
  parksRequests: number;
}

async function visit(page: Page, url: string, mark: 'parksDrawnMs' | 'parkViewMs'): Promise<Visit> {
  let parksRequests = 0;
  const onRequest = (req: { url(): string }) => {
    if (new URL(req.url()).pathname === '/api/parks') parksRequests += 1;
  };
  page.on('request', onRequest);
  try {
    await page.goto(url);
    const handle = await page.waitForFunction(
      (m) => (window as unknown as { __benchMarks: Record<string, number> }).__benchMarks[m],
      mark,
      { timeout: TIMEOUT_MS, polling: 100 },
    );
    const ms = (await handle.jsonValue()) as number;
    // Resource timing: transferSize 0 = taken from the HTTP cache without asking the server.
    const network = await page.evaluate(() =>
      [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => {
        const entry = e as PerformanceResourceTiming;
        return { name: entry.name, transfer: entry.transferSize };
      }),
    );
    const sent = network.filter((e) => e.transfer > 0);
    // Bytes over the wire, headers included: a 304 counts its headers only, not the body it revalidated.
    const scriptBytes = sent.filter((e) => new URL(e.name).pathname.endsWith('.js')).reduce((sum, e) => sum + e.transfer, 0);
    return { ms, requests: sent.length, scriptKb: scriptBytes / 1000, parksRequests };
  } finally {
    page.off('request', onRequest);
  }
}

/** A fresh profile: a cold visit, then a warm one (same profile, same URL). */
async function coldThenWarm(url: string, parkUrl?: string): Promise<{ cold: Visit; warm: Visit; parkView?: Visit }> {
  const profileDir = await mkdtemp(join(tmpdir(), 'muyield-bench-ui-'));
  let context: BrowserContext | undefined;
  try {
    context = await launchChromium(profileDir, VIEWPORT);
    await context.addInitScript(RECORDER);
    const first = context.pages()[0] ?? (await context.newPage());
    const cold = await visit(first, url, 'parksDrawnMs');
    // A returning visitor opens a new tab: navigating the same tab again pays for the old page's
    // WebGL teardown (seen: a 2.4 s wait before the new document, then 3–7 s slower drawing).
    await first.close();
    const second = await context.newPage();
    const warm = await visit(second, url, 'parksDrawnMs');
    await second.close();
    const parkView = parkUrl ? await visit(await context.newPage(), parkUrl, 'parkViewMs') : undefined;
    return { cold, warm, parkView };
  } finally {
    await context?.close();
    await rm(profileDir, { recursive: true, force: true });
  }
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const median = (values: number[]) => {
  const s = sorted(values);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (value: number) => `${Math.round(value)} ms`;
const spread = (values: number[]) => `median ${ms(median(values))} (${ms(Math.min(...values))}–${ms(Math.max(...values))})`;

async function parkViewUrl(baseUrl: string): Promise<string> {
  const parks = (await (await fetch(`${baseUrl}/api/parks`)).json()) as {
    features: { properties: { code: string }; geometry: { coordinates: unknown } }[];
  };
  const park = parks.features.find((f) => f.properties.code === option('park', '')) ?? parks.features[0];
  const positions = (JSON.stringify(park.geometry.coordinates).match(/-?\d+\.?\d*,-?\d+\.?\d*/g) ?? []).map((p) => p.split(',').map(Number));
  const lon = positions.reduce((s, p) => s + p[0], 0) / positions.length;
  const lat = positions.reduce((s, p) => s + p[1], 0) / positions.length;
  return `${baseUrl}/?park=${encodeURIComponent(park.properties.code)}&view=${lon.toFixed(4)},${lat.toFixed(4)},${PARK_VIEW_ZOOM}`;
}

async function main() {
  const runs = Number(option('runs', '5'));
  let server: Server | undefined;
  let bare: HttpServer | undefined;
  try {
    const started = performance.now();
    server = await startServer();
    console.log(`server: ${server.baseUrl}${server.process ? ` (started here in ${ms(performance.now() - started)})` : ' (MUYIELD_URL)'}`);
    const bareServer = await startBareServer(server.baseUrl);
    bare = bareServer.server;
    // The server keeps a year's evaluation between requests: ask once so no run pays for the first one.
    await Promise.all(['/api/parks', '/api/regions', '/api/basemap/rivers'].map((p) => fetch(`${server!.baseUrl}${p}`).then((r) => r.arrayBuffer())));
    if (flag('serve')) {
      console.log(`bare page: ${bareServer.baseUrl}/ — app: ${server.baseUrl}/ — Ctrl-C to stop`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      return;
    }
    const parkUrl = flag('park-view') ? await parkViewUrl(server.baseUrl) : undefined;
    // Another build of the app (an earlier commit served on another port), measured in the same runs.
    const baselineUrl = option('baseline', '').replace(/\/+$/, '');
    if (baselineUrl) {
      await Promise.all(['/api/parks', '/api/regions', '/api/basemap/rivers'].map((p) => fetch(`${baselineUrl}${p}`).then((r) => r.arrayBuffer())));
    }

    type Name = 'bare' | 'app' | 'baseline';
    const pages: { name: Name; url: string; parkUrl?: string }[] = [
      { name: 'bare', url: `${bareServer.baseUrl}/` },
      { name: 'app', url: `${server.baseUrl}/`, parkUrl },
      ...(baselineUrl ? [{ name: 'baseline' as const, url: `${baselineUrl}/` }] : []),
    ];
    const cold: Record<Name, number[]> = { bare: [], app: [], baseline: [] };
    const warm: Record<Name, number[]> = { bare: [], app: [], baseline: [] };
    const ratios: Record<Name, number[]> = { bare: [], app: [], baseline: [] };
    const parkView: number[] = [];
    const load = () => loadavg()[0].toFixed(1);
    const describe = (name: Name, v: Awaited<ReturnType<typeof coldThenWarm>>) =>
      `${name} ${ms(v.cold.ms)} cold / ${ms(v.warm.ms)} warm [${v.cold.requests} requests, ${Math.round(v.cold.scriptKb)} kB of script` +
      `${name === 'bare' ? '' : `, /api/parks ×${v.cold.parksRequests}`}; warm: ${v.warm.requests} requests, ${Math.round(v.warm.scriptKb)} kB script]`;
    for (let run = 1; run <= runs; run++) {
      // Rotate which page goes first, so none always meets the machine's quieter or busier moment.
      const order = pages.map((_, i) => pages[(i + run - 1) % pages.length]);
      const results: Partial<Record<Name, Awaited<ReturnType<typeof coldThenWarm>>>> = {};
      const loadBefore = load();
      for (const page of order) results[page.name] = await coldThenWarm(page.url, page.parkUrl);
      const b = results.bare!;
      const parts = [describe('bare', b)];
      for (const name of ['app', 'baseline'] as const) {
        const v = results[name];
        if (!v) continue;
        cold[name].push(v.cold.ms);
        warm[name].push(v.warm.ms);
        ratios[name].push(v.cold.ms / b.cold.ms);
        parts.push(`${describe(name, v)}, ratio ${(v.cold.ms / b.cold.ms).toFixed(2)}`);
      }
      cold.bare.push(b.cold.ms);
      warm.bare.push(b.warm.ms);
      if (results.app?.parkView) parkView.push(results.app.parkView.ms);
      console.log(`run ${run} (${order.map((p) => p.name).join(', ')}; load ${loadBefore}):\n  ${parts.join('\n  ')}` +
        (results.app?.parkView ? `\n  park view ${ms(results.app.parkView.ms)}` : ''));
    }
    const range = (values: number[]) => `${median(values).toFixed(2)} (${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)})`;
    console.log('');
    console.log(`cold profile → parks drawn, over ${runs} runs:`);
    for (const { name } of pages) console.log(`  ${name.padEnd(8)} ${spread(cold[name])}`);
    console.log(`  ratio app ÷ bare (median of ${runs}, each run's own pair): ${range(ratios.app)}; goal ≤ 1.3`);
    if (baselineUrl) console.log(`  ratio baseline ÷ bare (${baselineUrl}): ${range(ratios.baseline)}`);
    console.log(`warm (second visit, same profile): ${pages.map(({ name }) => `${name} ${spread(warm[name])}`).join(', ')}`);
    if (parkView.length) console.log(`park view drawn (warm profile, zoom ${PARK_VIEW_ZOOM}): ${spread(parkView)}`);
    console.log(`viewport ${VIEWPORT.width}×${VIEWPORT.height}, Chromium ${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'}; software WebGL (SwiftShader)`);
  } finally {
    await new Promise<void>((resolve) => (bare ? bare.close(() => resolve()) : resolve()));
    await stopServer(server);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
