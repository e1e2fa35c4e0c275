// The first map in a real Chromium: it loads offline, shows parks in their tier colours, and opens a
// park's panel on click. Against MUYIELD_URL if set (CI starts the server), else a server started here.
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParkCollection } from '../src/api/types';
import { computeLabelPoint } from '../src/map/geometry';
import type { TierId } from '../src/map/tiers';
import { countTierPixels, isExternal, overlayRects, projectParks, waitForMapIdle } from './support/map-page';
import { type BrowserSession, openBrowserSession, SCREENSHOT_DIR } from './support/browser-session';
import type { Server } from './support/muyield-server';

const VIEWPORT = { width: 1280, height: 720 };
/** A tier counts as drawn when at least this many screen pixels carry its colour. */
const MIN_PIXELS_PER_TIER = 20;
/** A park to click must be this far (px) from every other park's centre, or the test zooms in. */
const MIN_CLICK_ISOLATION_PX = 24;

describe('the park map in Chromium', () => {
  let session: BrowserSession | undefined;
  let server: Server | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  const externalRequests: string[] = [];
  let pageErrors: string[] = [];

  beforeAll(async () => {
    session = await openBrowserSession({
      viewport: VIEWPORT,
      prepare: (chromium, started) => {
        chromium.on('request', (request) => {
          if (isExternal(request.url(), started.baseUrl)) externalRequests.push(request.url());
        });
      },
    });
    ({ server, context, page, pageErrors } = session);
  });

  afterAll(() => session?.close());

  it('loads the map and its parks without fetching anything from another host', async () => {
    await page.goto(`${server!.baseUrl}/`);
    await page.waitForFunction(() => window.__muyield?.ready === true, null, { timeout: 90_000 });
    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('draws parks in at least two tier colours', async () => {
    const png = await page.screenshot({ path: join(SCREENSHOT_DIR, 'map.png') });
    const mapRect = await page.evaluate(() => {
      const { x, y, width, height } = window.__muyield!.map.getCanvas().getBoundingClientRect();
      return { x, y, width, height };
    });
    const counts = await countTierPixels(context!, png, VIEWPORT.width, mapRect, await overlayRects(page));
    // The decoding page took the foreground; a background page gets no animation frames.
    await page.bringToFront();
    const drawnTiers = (Object.keys(counts) as TierId[]).filter(
      (id) => id !== 'noData' && counts[id] >= MIN_PIXELS_PER_TIER,
    );
    expect(drawnTiers.length, `tier pixel counts: ${JSON.stringify(counts)}`).toBeGreaterThanOrEqual(2);
  });

  it('shows a park in the side panel when it is clicked', async () => {
    const response = await fetch(`${server!.baseUrl}/api/parks`);
    expect(response.ok).toBe(true);
    const collection = (await response.json()) as ParkCollection;
    const parks = collection.features.map((feature) => ({
      code: feature.properties.code,
      name: feature.properties.name,
      lonLat: computeLabelPoint(feature.geometry),
    }));
    expect(parks.length).toBeGreaterThan(0);

    const byIsolation = (await projectParks(page, parks))
      .filter((park) => park.onCanvas)
      .sort((a, b) => b.isolation - a.isolation);
    let target = byIsolation[0] ?? (await projectParks(page, parks))[0];
    if (!target.onCanvas || target.isolation < MIN_CLICK_ISOLATION_PX) {
      // Crowded at city zoom: centre on the park, close enough that it stands apart from its neighbours.
      await page.evaluate((center) => window.__muyield!.map.jumpTo({ center, zoom: 13 }), target.lonLat);
      await waitForMapIdle(page);
      target = (await projectParks(page, parks)).find((park) => park.code === target.code)!;
    }

    // Hover first, as a hand on a mouse would, until deck.gl shows the pointer cursor. The first pick
    // compiles the picking shaders (seconds on SwiftShader); done by the press itself, it would hold
    // the press longer than deck.gl accepts for a click (see CLICK_MAX_PRESS_MS in ParkMap.tsx).
    await page.mouse.move(target.x - 30, target.y + 30);
    await page.mouse.move(target.x, target.y, { steps: 5 });
    await page.waitForFunction(() => window.__muyield!.map.getCanvas().style.cursor === 'pointer', null, {
      timeout: 10_000,
    });
    const parkName = page.locator('[data-testid=park-name]');
    // On a loaded 2-core machine SwiftShader can take longer than a click allows to pick; a person would
    // click again, and so does the test, at most three times.
    for (let attempt = 1; ; attempt++) {
      await page.mouse.click(target.x, target.y);
      const shown = await parkName.waitFor({ state: 'visible', timeout: 15_000 }).then(() => true, () => false);
      if (shown) break;
      if (attempt === 3) throw new Error(`the park panel did not open after ${attempt} clicks on ${target.name}`);
      await page.mouse.move(target.x - 5, target.y - 5);
      await page.mouse.move(target.x, target.y, { steps: 3 });
    }
    expect(await parkName.textContent()).toBe(target.name);
    await page.locator('[data-testid=park-panel]').waitFor({ state: 'visible' });
    await waitForMapIdle(page);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'park-clicked.png') });

    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
