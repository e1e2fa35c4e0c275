/**
 * Browser benchmark: how long after navigation Chromium shows (1) the city's parks drawn and (2) a park
 * view drawn (a shared park URL: the park selected, its panel open, the map zoomed in and idle).
 *
 *   npx tsx bench/ui.ts [--runs 3] [--park G612150]
 *
 * Uses Debian's Chromium through playwright-core with the browser tests' launch options
 * (frontend/e2e/support/chromium.ts: SwiftShader WebGL, no background traffic). Against MUYIELD_URL if set,
 * else a server it starts on a temporary embedded database (build the web app first:
 * `npm run build --workspace frontend`). Times are from navigation start (performance.now() in the page)
 * to the first animation frame after the condition holds; run 1 has a cold HTTP cache, later runs a warm
 * one. Prints figures only; asserts nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../frontend/e2e/support/chromium.js';
import { startServer, stopServer, type Server } from '../frontend/e2e/support/muyield-server.js';

const VIEWPORT = { width: 1280, height: 800 };
const TIMEOUT_MS = 180_000;
/** Close enough that the park fills the map (the app's own focus zoom is 12). */
const PARK_VIEW_ZOOM = 14;

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

// Runs in the page before any of its scripts: records, by animation frame, when each condition first holds.
const RECORDER = `
(() => {
  const marks = (window.__benchMarks = {});
  const parkPanel = () => document.querySelector('[data-testid=park-panel]') !== null;
  const tick = () => {
    const hook = window.__muyield;
    if (marks.parksDrawnMs === undefined && hook && hook.ready) marks.parksDrawnMs = performance.now();
    if (marks.parksDrawnMs !== undefined && marks.parkViewMs === undefined && parkPanel() && !hook.map.isMoving()) {
      marks.parkViewMs = performance.now();
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();
`;

async function measure(page: Page, url: string, mark: 'parksDrawnMs' | 'parkViewMs'): Promise<number> {
  await page.goto(url);
  const handle = await page.waitForFunction((m) => (window as unknown as { __benchMarks: Record<string, number> }).__benchMarks[m], mark, {
    timeout: TIMEOUT_MS,
    polling: 100,
  });
  return (await handle.jsonValue()) as number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number) => `${Math.round(value)} ms`;

async function main() {
  const runs = Number(option('runs', '3'));
  let server: Server | undefined;
  let context: BrowserContext | undefined;
  const profileDir = await mkdtemp(join(tmpdir(), 'muyield-bench-ui-'));
  try {
    const started = performance.now();
    server = await startServer();
    console.log(`server: ${server.baseUrl}${server.process ? ` (started here in ${ms(performance.now() - started)})` : ' (MUYIELD_URL)'}`);
    const parks = (await (await fetch(`${server.baseUrl}/api/parks`)).json()) as {
      features: { properties: { code: string; name: string }; geometry: { coordinates: unknown } }[];
    };
    const park = parks.features.find((f) => f.properties.code === option('park', '')) ?? parks.features[0];
    const positions = (JSON.stringify(park.geometry.coordinates).match(/-?\d+\.?\d*,-?\d+\.?\d*/g) ?? []).map((p) => p.split(',').map(Number));
    const lon = positions.reduce((s, p) => s + p[0], 0) / positions.length;
    const lat = positions.reduce((s, p) => s + p[1], 0) / positions.length;
    const parkUrl = `${server.baseUrl}/?park=${encodeURIComponent(park.properties.code)}&view=${lon.toFixed(4)},${lat.toFixed(4)},${PARK_VIEW_ZOOM}`;

    context = await launchChromium(profileDir, VIEWPORT);
    await context.addInitScript(RECORDER);
    const page = context.pages()[0] ?? (await context.newPage());
    const city: number[] = [];
    const parkView: number[] = [];
    for (let run = 1; run <= runs; run++) {
      city.push(await measure(page, `${server.baseUrl}/`, 'parksDrawnMs'));
      parkView.push(await measure(page, parkUrl, 'parkViewMs'));
      console.log(`run ${run}${run === 1 ? ' (cold cache)' : ''}: parks drawn ${ms(city.at(-1)!)}, park view drawn ${ms(parkView.at(-1)!)}`);
    }
    console.log('');
    console.log(`page load → parks drawn (city view, ${parks.features.length} parks): median ${ms(median(city))} over ${runs} runs`);
    console.log(`page load → park view drawn (${park.properties.name}, ${park.properties.code}, zoom ${PARK_VIEW_ZOOM}): median ${ms(median(parkView))} over ${runs} runs`);
    console.log(`viewport ${VIEWPORT.width}×${VIEWPORT.height}, Chromium ${context.browser()?.version() ?? '(persistent context)'}; software WebGL (SwiftShader)`);
  } finally {
    await context?.close();
    await rm(profileDir, { recursive: true, force: true });
    await stopServer(server);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
