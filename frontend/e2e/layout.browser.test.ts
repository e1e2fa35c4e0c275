// Every panel in its own place, in a real Chromium: at 1280, 1366 and 1440 px no park dot of the city map
// lies under a panel or control; the vacancy finder with the map tools open can be used (its title and
// filters are what a click reaches); a park clicked in the ranking is framed in the map that is left
// beside the panels, with the scale bar in sight. Against MUYIELD_URL if set, else a server started here.
// Screenshots go to test-results/browser/.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParkCollection } from '../src/api/types';
import { computeLabelPoint } from '../src/map/geometry';
import { type BrowserSession, openBrowserSession, SCREENSHOT_DIR } from './support/browser-session';
import { type Rect, projectParks, waitForMapIdle } from './support/map-page';
import type { Server } from './support/muyield-server';

const LAPTOP = { width: 1280, height: 720 };
const WIDTHS = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1440, height: 900 },
];
/** A framed park spans at least this share of the free part's width or height. */
const MIN_FRAMED_SHARE = 0.5;

const rectOf = (page: Page, selector: string): Promise<Rect> =>
  page.locator(selector).first().evaluate((element) => {
    const { x, y, width, height } = element.getBoundingClientRect();
    return { x, y, width, height };
  });

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Whether a click at the element's centre reaches the element (or something inside it). */
const reachable = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((element) => {
    const { x, y, width, height } = element.getBoundingClientRect();
    const hit = document.elementFromPoint(x + width / 2, y + height / 2);
    return hit !== null && (hit === element || element.contains(hit));
  });

describe('panels in their own places in Chromium', () => {
  let session: BrowserSession | undefined;
  let server: Server | undefined;
  let page: Page;
  let pageErrors: string[] = [];
  let parks: { code: string; name: string; lonLat: [number, number]; bbox: [number, number, number, number] }[] = [];

  beforeAll(async () => {
    session = await openBrowserSession({ viewport: LAPTOP });
    ({ server, page, pageErrors } = session);
    const collection = (await (await fetch(`${server.baseUrl}/api/parks`)).json()) as ParkCollection;
    parks = collection.features.map((feature) => {
      const rings = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
      const points = rings.flat(2) as unknown as number[][];
      const lons = points.map((p) => p[0]);
      const lats = points.map((p) => p[1]);
      return {
        code: feature.properties.code,
        name: feature.properties.name,
        lonLat: computeLabelPoint(feature.geometry),
        bbox: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)],
      };
    });
  });

  afterAll(() => session?.close());

  const waitForStill = async () => {
    await page.waitForFunction(() => !window.__muyield!.map.isMoving(), null, { timeout: 20_000 });
    await waitForMapIdle(page);
  };

  for (const viewport of WIDTHS) {
    it(`shows every park's dot at ${viewport.width} px, under no panel or control`, async () => {
      await page.setViewportSize(viewport);
      await page.goto(`${server!.baseUrl}/`);
      await session!.waitForReady();
      await waitForStill();
      const covered = (await projectParks(page, parks)).filter((park) => !park.onCanvas).map((park) => park.name);
      await page.screenshot({ path: join(SCREENSHOT_DIR, `layout-city-${viewport.width}.png`) });
      expect(covered).toEqual([]);
    });
  }

  it('keeps the vacancy finder clear of the open map tools at 1280 px: its title and filters take clicks', async () => {
    await page.setViewportSize(LAPTOP);
    await page.goto(`${server!.baseUrl}/`);
    await session!.waitForReady();
    await page.getByTestId('finder-button').click();
    await page.getByTestId('vacancy-panel').waitFor({ state: 'visible' });
    // The tools fold to make room for the finder; opened again, they take their own place above it.
    const toolsToggle = page.locator('[data-testid=map-tools] .map-tools-toggle');
    await expect.poll(() => toolsToggle.getAttribute('aria-expanded')).toBe('false');
    await toolsToggle.click();
    await page.getByTestId('tilt-button').waitFor({ state: 'visible' });

    expect(overlaps(await rectOf(page, '[data-testid=map-tools]'), await rectOf(page, '[data-testid=vacancy-panel]'))).toBe(false);
    expect(overlaps(await rectOf(page, '[data-testid=legend]'), await rectOf(page, '[data-testid=vacancy-panel]'))).toBe(false);
    expect(await reachable(page, '[data-testid=vacancy-panel] h2')).toBe(true);
    for (const filter of ['finder-minAreaSqm', 'finder-maxAreaSqm', 'finder-floor']) {
      expect(await reachable(page, `[data-testid=${filter}]`), filter).toBe(true);
    }
    await page.getByTestId('finder-minAreaSqm').fill('500');
    await expect.poll(() => new URL(page.url()).searchParams.get('minAreaSqm')).toBe('500');
    await waitForStill();
    // With the finder open the city is fitted beside it: still no park under a panel.
    const covered = (await projectParks(page, parks)).filter((park) => !park.onCanvas).map((park) => park.name);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'layout-finder-tools-1280.png') });
    expect(covered).toEqual([]);
  });

  it('frames a park clicked in the ranking in the map beside the panels, with the scale bar in sight', async () => {
    await page.setViewportSize(LAPTOP);
    await page.goto(`${server!.baseUrl}/`);
    await session!.waitForReady();
    const park = parks[0];
    await page.locator(`[data-testid=ranking-row][data-park-code="${park.code}"]`).getByRole('button', { name: park.name }).click();
    await page.getByTestId('park-panel').waitFor({ state: 'visible' });
    await page.locator('[data-testid=park-legend]').waitFor({ state: 'visible', timeout: 30_000 });
    await waitForStill();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'layout-park-from-ranking-1280.png') });

    const free = await rectOf(page, '[data-testid=map-free]');
    const corners = await page.evaluate(([west, south, east, north]) => {
      const map = window.__muyield!.map;
      const origin = map.getCanvas().getBoundingClientRect();
      return [map.project([west, north]), map.project([east, south])].map((p) => ({ x: origin.left + p.x, y: origin.top + p.y }));
    }, park.bbox);
    const [topLeft, bottomRight] = corners;
    const tolerancePx = 2;
    expect(topLeft.x).toBeGreaterThanOrEqual(free.x - tolerancePx);
    expect(topLeft.y).toBeGreaterThanOrEqual(free.y - tolerancePx);
    expect(bottomRight.x).toBeLessThanOrEqual(free.x + free.width + tolerancePx);
    expect(bottomRight.y).toBeLessThanOrEqual(free.y + free.height + tolerancePx);
    const share = Math.max((bottomRight.x - topLeft.x) / free.width, (bottomRight.y - topLeft.y) / free.height);
    expect(share).toBeGreaterThanOrEqual(MIN_FRAMED_SHARE);

    // Neither the park panel nor the legends cover the free part, the scale bar or the zoom buttons.
    for (const panel of ['[data-testid=park-panel]', '[data-testid=park-legend]', '[data-testid=map-tools]']) {
      expect(overlaps(await rectOf(page, panel), free), panel).toBe(false);
    }
    expect(await reachable(page, '.maplibregl-ctrl-scale')).toBe(true);
    expect(await reachable(page, '.maplibregl-ctrl-zoom-in')).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
