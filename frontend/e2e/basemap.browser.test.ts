// Online basemaps in a real Chromium: an XYZ raster in WGS84 and 天地图 with a user's key are put under
// the data and their tiles requested; GCJ-02 tiles are refused; the choice survives a reload and the key
// never reaches our server; a key 天地图 refuses, or no network, brings the offline map back with a notice
// in the user's language. There is no internet here: the tile hosts are answered by the test itself
// (playwright routes), which is also how we see the requests the map makes.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForMapIdle } from './support/map-page';
import { type BrowserSession, openBrowserSession, SCREENSHOT_DIR } from './support/browser-session';
import type { Server } from './support/muyield-server';

const VIEWPORT = { width: 1280, height: 720 };
const XYZ_HOST = 'tiles.muyield.test';
const TIANDITU_KEY = 'muyield-test-key-5f3a';
/** A 1×1 one-colour PNG (bright green, so a screenshot shows the basemap): enough for MapLibre to draw a tile. */
const TILE_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('online basemaps in Chromium', () => {
  let session: BrowserSession | undefined;
  let server: Server | undefined;
  let page: Page;
  const tileRequests: string[] = [];
  const ownRequests: string[] = [];
  let pageErrors: string[] = [];
  /** How the 天地图 hosts answer: tiles, a refused key (HTTP 403, as 天地图 answers one), or no network at all. */
  let tianditu: 'tiles' | 'refused' | 'unreachable' = 'tiles';

  beforeAll(async () => {
    const answerTile = async (route: import('playwright-core').Route) => {
      tileRequests.push(route.request().url());
      await route.fulfill({ status: 200, contentType: 'image/png', body: TILE_PNG, headers: { 'access-control-allow-origin': '*' } });
    };
    const answerTianditu = async (route: import('playwright-core').Route) => {
      if (tianditu === 'tiles') return answerTile(route);
      if (tianditu === 'unreachable') return route.abort('internetdisconnected');
      tileRequests.push(route.request().url());
      await route.fulfill({
        status: 403,
        contentType: 'text/xml',
        body: '<?xml version="1.0" encoding="UTF-8"?><msg>权限类型错误</msg>',
        headers: { 'access-control-allow-origin': '*' },
      });
    };
    session = await openBrowserSession({
      viewport: VIEWPORT,
      prepare: async (chromium, started) => {
        await chromium.route(`http://${XYZ_HOST}/**`, answerTile);
        await chromium.route(/^https:\/\/t[0-7]\.tianditu\.gov\.cn\//, answerTianditu);
        chromium.on('request', (request) => {
          if (request.url().startsWith(started.baseUrl)) ownRequests.push(request.url());
        });
      },
    });
    ({ server, page, pageErrors } = session);
  });

  afterAll(() => session?.close());

  const waitForReady = () => session!.waitForReady();
  /** The ids of the map's basemap raster layers (basemap-…), bottom first. */
  const basemapLayers = () =>
    page.evaluate(() => window.__muyield!.map.getStyle().layers.filter((l) => l.id.startsWith('basemap-')).map((l) => l.id));
  const openSettings = async () => {
    await page.getByTestId('settings-button').click();
    await page.getByTestId('settings-panel').waitFor();
  };

  it('starts offline: no basemap rasters and no tile requests', async () => {
    await page.goto(`${server!.baseUrl}/`);
    await waitForReady();
    await waitForMapIdle(page);
    expect(await basemapLayers()).toEqual([]);
    expect(tileRequests).toEqual([]);
  });

  it('puts an XYZ basemap in WGS84 under the data and fetches its tiles', async () => {
    await openSettings();
    await page.getByTestId('basemap-xyz').check();
    await page.getByTestId('xyz-url').fill(`http://${XYZ_HOST}/{z}/{x}/{y}.png`);
    await page.getByTestId('xyz-crs').selectOption('wgs84');
    await page.getByTestId('basemap-apply').click();
    await expect.poll(basemapLayers, { timeout: 20_000 }).not.toEqual([]);
    await expect.poll(() => tileRequests.filter((u) => u.includes(XYZ_HOST)).length, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(tileRequests.find((u) => u.includes(XYZ_HOST))).toMatch(new RegExp(`^http://${XYZ_HOST.replace(/\./g, '\\.')}/\\d+/\\d+/\\d+\\.png$`));
    await waitForMapIdle(page);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'basemap-xyz.png') });
  });

  it('refuses GCJ-02 tiles with an explanation, and keeps the basemap it had', async () => {
    const before = await basemapLayers();
    await openSettings();
    await page.getByTestId('basemap-xyz').check();
    await page.getByTestId('xyz-crs').selectOption('gcj02');
    await expect.poll(() => page.getByTestId('basemap-error').textContent()).toContain('GCJ-02');
    expect(await page.getByTestId('basemap-apply').isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await basemapLayers()).toEqual(before);
  });

  it("uses 天地图 with the user's key, keeps the choice over a reload, and never sends the key to our server", async () => {
    await openSettings();
    await page.getByTestId('basemap-tianditu-vec').check();
    await page.getByTestId('tianditu-key').fill(TIANDITU_KEY);
    await page.getByTestId('basemap-apply').click();
    await expect.poll(() => tileRequests.filter((u) => u.includes('tianditu.gov.cn')).length, { timeout: 30_000 }).toBeGreaterThan(0);
    const tiandituTile = tileRequests.find((u) => u.includes('tianditu.gov.cn'))!;
    expect(new URL(tiandituTile).searchParams.get('tk')).toBe(TIANDITU_KEY);
    // The annotation layer (cva: place names) over the vector map.
    await expect.poll(() => tileRequests.some((u) => u.includes('tianditu.gov.cn/cva_w/')), { timeout: 30_000 }).toBe(true);

    const seen = tileRequests.length;
    await page.reload();
    await waitForReady();
    await expect.poll(basemapLayers, { timeout: 20_000 }).not.toEqual([]);
    await expect.poll(() => tileRequests.length, { timeout: 30_000 }).toBeGreaterThan(seen);
    await waitForMapIdle(page);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'basemap-tianditu.png') });
    expect(ownRequests.filter((u) => u.includes(TIANDITU_KEY))).toEqual([]);
  });

  it('goes back offline', async () => {
    await openSettings();
    await page.getByTestId('basemap-offline').check();
    await page.getByTestId('basemap-apply').click();
    await expect.poll(basemapLayers, { timeout: 20_000 }).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('falls back to the offline map, and says why, when 天地图 refuses the key', async () => {
    tianditu = 'refused';
    await openSettings();
    await page.getByTestId('basemap-tianditu-vec').check();
    await page.getByTestId('tianditu-key').fill('not-a-key');
    await page.getByTestId('basemap-apply').click();
    const notice = page.getByTestId('basemap-notice');
    await notice.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await notice.textContent()).toContain('天地图瓦片无法加载');
    expect(await notice.textContent()).toContain('已改用离线底图');
    await expect.poll(basemapLayers, { timeout: 20_000 }).toEqual([]);
    await waitForMapIdle(page);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'basemap-tianditu-refused.png') });
  });

  it('does the same in English when there is no network, after a reload with the choice kept', async () => {
    tianditu = 'unreachable';
    await page.getByTestId('lang-switch').click();
    await page.reload();
    await waitForReady();
    const notice = page.getByTestId('basemap-notice');
    await notice.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await notice.textContent()).toContain('Tianditu tiles could not be loaded');
    expect(await notice.textContent()).not.toMatch(/\p{Script=Han}/u);
    await expect.poll(basemapLayers, { timeout: 20_000 }).toEqual([]);
    // The key is kept for the next visit, or to be corrected in the settings.
    await notice.getByRole('button', { name: 'Check settings' }).click();
    expect(await page.getByTestId('tianditu-key').inputValue()).toBe('not-a-key');
    await page.keyboard.press('Escape');
    await page.getByTestId('lang-switch').click();
    expect(pageErrors).toEqual([]);
  });
});
