// The city view in a real Chromium: colour parks by 亩均税收, sort the ranking by output, open a park
// from its row, and get the same view back from the URL after a reload. Against MUYIELD_URL if set,
// else a server started here. Screenshots go to test-results/browser/.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParkCollection } from '../src/api/types';
import { type BrowserSession, openBrowserSession, SCREENSHOT_DIR } from './support/browser-session';
import { waitForMapIdle } from './support/map-page';
import type { Server } from './support/muyield-server';

const VIEWPORT = { width: 1280, height: 720 };

describe('the city view in Chromium', () => {
  let session: BrowserSession | undefined;
  let server: Server | undefined;
  let page: Page;
  let pageErrors: string[] = [];
  let chosen: { code: string; name: string } | undefined;

  beforeAll(async () => {
    session = await openBrowserSession({ viewport: VIEWPORT });
    ({ server, page, pageErrors } = session);
  });
  afterAll(() => session?.close());

  const waitForReady = () => session!.waitForReady();

  it('colours the parks by tax per mu, with the unit in the legend', async () => {
    await page.goto(`${server!.baseUrl}/`);
    await waitForReady();
    await page.getByRole('combobox', { name: '着色指标' }).selectOption('taxWanYuanPerMu');
    const legend = page.getByTestId('legend');
    await expect.poll(() => legend.locator('h2').textContent()).toContain('亩均税收');
    expect(await page.getByTestId('legend-unit').textContent()).toBe('(万元/亩)');
    expect(await page.getByTestId('method-select').inputValue()).toBe('quantile');
    expect(new URL(page.url()).searchParams.get('metric')).toBe('taxWanYuanPerMu');
  });

  it('sorts the ranking by output, largest first', async () => {
    await page.getByTestId('sort-outputWanYuan').click();
    const header = page.locator('th', { has: page.getByTestId('sort-outputWanYuan') });
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const collection = (await (await fetch(`${server!.baseUrl}/api/parks`)).json()) as ParkCollection;
    const byOutput = collection.features
      .map((f) => f.properties)
      .sort((a, b) => (b.outputWanYuan ?? -Infinity) - (a.outputWanYuan ?? -Infinity));
    const rowCodes = await page.getByTestId('ranking-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-park-code')));
    expect(rowCodes).toEqual(byOutput.map((p) => p.code));
    chosen = { code: byOutput[0].code, name: byOutput[0].name };
  });

  it('opens the park from its row and flies the map to it', async () => {
    const row = page.locator(`[data-testid=ranking-row][data-park-code="${chosen!.code}"]`);
    await row.hover();
    await row.getByRole('button', { name: chosen!.name }).click();
    await expect.poll(() => page.getByTestId('park-name').textContent()).toBe(chosen!.name);
    await page.waitForFunction(() => !window.__muyield!.map.isMoving(), null, { timeout: 20_000 });
    await waitForMapIdle(page);
    expect(await page.getByTestId('park-grade').textContent()).toMatch(/[ABCD] 档|未评价/);
    expect(await page.getByTestId('land-landSupplyRate').textContent()).toMatch(/%|—/);
    await expect.poll(() => new URL(page.url()).searchParams.get('park')).toBe(chosen!.code);
    expect(new URL(page.url()).searchParams.get('view')).toMatch(/^[\d.]+,[\d.]+,[\d.]+$/);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'city-park-from-ranking.png') });
  });

  it('gives back the same view after a reload of its URL', async () => {
    const url = page.url();
    const zoomBefore = await page.evaluate(() => window.__muyield!.map.getZoom());
    await page.reload();
    await waitForReady();
    await expect.poll(() => page.getByTestId('park-name').textContent()).toBe(chosen!.name);
    expect(await page.getByTestId('metric-select').inputValue()).toBe('taxWanYuanPerMu');
    expect(await page.getByTestId('legend-unit').textContent()).toBe('(万元/亩)');
    expect(await page.locator('[data-testid=ranking-row][aria-current=true]').getAttribute('data-park-code')).toBe(chosen!.code);
    const zoomAfter = await page.evaluate(() => window.__muyield!.map.getZoom());
    expect(zoomAfter).toBeCloseTo(zoomBefore, 1);
    expect(page.url()).toBe(url);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'city-reloaded.png') });
    expect(pageErrors).toEqual([]);
  });
});
