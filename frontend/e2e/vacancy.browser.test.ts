// The vacancy finder, search and print sheet in a real Chromium: the unfiltered finder's vacant total is
// the area of the units it lists, reserved apart; find a vacant unit of at least 1000 m², see its
// building highlighted on the map, read the finder in English, reload the shared URL and get the same
// view; search a park with the keyboard; open the building's print sheet (vacant units only). Against
// MUYIELD_URL if set, else a server started here. Screenshots go to test-results/browser/.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForMapIdle } from './support/map-page';
import { type BrowserSession, openBrowserSession, SCREENSHOT_DIR } from './support/browser-session';
import type { Server } from './support/muyield-server';

const VIEWPORT = { width: 1280, height: 800 };
const MIN_AREA_SQM = 1000;

/** What deck.gl drew at a building's centre, picked from the vacancy layer only. */
async function pickVacancyBuildingAt(page: Page, lonLat: [number, number]): Promise<string | null> {
  return page.evaluate((position) => {
    const hook = window.__muyield!;
    const { x, y } = hook.map.project(position);
    const info = hook.overlay!.pickObject({ x, y, radius: 4, layerIds: ['vacancy-buildings'] });
    return (info?.object as { properties?: { code?: string } } | undefined)?.properties?.code ?? null;
  }, lonLat);
}

/** The centre of a building's footprint as the vacancy API gives it. */
async function buildingCentre(baseUrl: string, buildingCode: string): Promise<[number, number]> {
  const answer = (await (await fetch(`${baseUrl}/api/vacancies?minAreaSqm=${MIN_AREA_SQM}`)).json()) as {
    units: { buildingCode: string; footprint: { type: string; coordinates: number[][][][] | number[][][] } }[];
  };
  const unit = answer.units.find((u) => u.buildingCode === buildingCode)!;
  const rings = (unit.footprint.type === 'Polygon' ? [unit.footprint.coordinates] : unit.footprint.coordinates) as number[][][][];
  const points = rings.flat(2) as unknown as number[][];
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  return [(Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2];
}

describe('the vacancy finder, search and print sheet in Chromium', () => {
  let session: BrowserSession | undefined;
  let server: Server | undefined;
  let page: Page;
  let pageErrors: string[] = [];
  let chosen: { buildingCode: string; parkCode: string; unitCount: number } | undefined;

  beforeAll(async () => {
    session = await openBrowserSession({ viewport: VIEWPORT });
    ({ server, page, pageErrors } = session);
  });

  afterAll(() => session?.close());

  const waitForReady = () => session!.waitForReady();
  const waitForStill = async () => {
    await page.waitForFunction(() => !window.__muyield!.map.isMoving(), null, { timeout: 20_000 });
    await waitForMapIdle(page);
  };

  it('finds vacant units of at least 1000 m² and highlights the chosen building on the map', async () => {
    await page.goto(`${server!.baseUrl}/`);
    await waitForReady();
    await page.getByTestId('finder-button').click();
    await expect.poll(() => page.getByTestId('finder-status').textContent(), { timeout: 20_000 }).toMatch(/^符合条件 \d+ 套$/);
    // Unfiltered, the finder lists every vacant unit in scope: its vacant total is their area, reserved apart
    const listedSqm = (await page.getByTestId('finder-unit').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-area-sqm')))))
      .reduce((sum, area) => sum + area, 0);
    const totalSqm = async (id: string) => Number((await page.getByTestId(id).textContent())!.replace(/[^\d]/g, ''));
    expect(await totalSqm('total-vacant')).toBe(Math.round(listedSqm));
    expect(await totalSqm('total-reserved')).toBeGreaterThan(0);
    const split = (await totalSqm('total-leased')) + (await totalSqm('total-reserved')) + (await totalSqm('total-vacant'));
    expect(Math.abs(split - (await totalSqm('total-lettable')))).toBeLessThanOrEqual(2);
    await page.getByTestId('finder-minAreaSqm').fill(String(MIN_AREA_SQM));
    await expect.poll(() => new URL(page.url()).searchParams.get('minAreaSqm')).toBe(String(MIN_AREA_SQM));
    await expect.poll(() => page.getByTestId('finder-status').textContent(), { timeout: 20_000 }).toMatch(/^符合条件 \d+ 套$/);

    const areas = await page.getByTestId('finder-unit').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-area-sqm'))));
    expect(areas.length).toBeGreaterThan(0);
    for (const area of areas) expect(area).toBeGreaterThanOrEqual(MIN_AREA_SQM);
    const firstArea = await page.getByTestId('unit-area').first().textContent();
    expect(firstArea).toMatch(/^[\d,]+ m²$/);
    expect(Number(firstArea!.replace(/[^\d]/g, ''))).toBeGreaterThanOrEqual(MIN_AREA_SQM);
    expect(await page.getByTestId('total-occupancy').textContent()).toMatch(/^[\d.]+ %$/);

    const building = page.getByTestId('finder-building').first();
    const buildingCode = (await building.getAttribute('data-building-code'))!;
    const printHref = (await building.locator('a.print-link').getAttribute('href'))!;
    chosen = {
      buildingCode,
      parkCode: new URLSearchParams(printHref).get('park')!,
      unitCount: areas.length,
    };
    await building.locator('.finder-building-head button').click();
    await waitForStill();
    expect(await page.evaluate(() => window.__muyield!.map.getZoom())).toBeGreaterThan(14);

    const centre = await buildingCentre(server!.baseUrl, buildingCode);
    await expect.poll(() => pickVacancyBuildingAt(page, centre), { timeout: 10_000 }).toBe(buildingCode);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'vacancy-finder-highlight.png') });
  });

  it('shows the finder in English, with the units unchanged', async () => {
    await page.getByTestId('lang-switch').click();
    const panel = page.getByTestId('vacancy-panel');
    await expect.poll(() => panel.locator('h2').textContent()).toBe('Vacancy finder');
    expect(await panel.getByText('Area at least').isVisible()).toBe(true);
    expect(await page.getByTestId('finder-status').textContent()).toBe(`${chosen!.unitCount} matching units`);
    expect(await page.getByTestId('finder-button').textContent()).toBe('Find space');
    expect(await panel.getByText('Occupancy', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByTestId('unit-area').first().textContent()).toMatch(/ m²$/);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'vacancy-finder-english.png') });
  });

  it('gives back the same filters, results and view after a reload of its URL', async () => {
    const url = page.url();
    expect(new URL(url).searchParams.get('finder')).toBe('1');
    const zoomBefore = await page.evaluate(() => window.__muyield!.map.getZoom());
    await page.reload();
    await waitForReady();
    expect(await page.getByTestId('finder-minAreaSqm').inputValue()).toBe(String(MIN_AREA_SQM));
    await expect.poll(() => page.getByTestId('finder-status').textContent(), { timeout: 20_000 }).toBe(`${chosen!.unitCount} matching units`);
    expect(await page.evaluate(() => window.__muyield!.map.getZoom())).toBeCloseTo(zoomBefore, 1);
    await waitForStill();
    const centre = await buildingCentre(server!.baseUrl, chosen!.buildingCode);
    await expect.poll(() => pickVacancyBuildingAt(page, centre), { timeout: 10_000 }).toBe(chosen!.buildingCode);
    expect(page.url()).toBe(url);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'vacancy-finder-reloaded.png') });
  });

  it('finds a park by part of its name with the keyboard and opens it', async () => {
    const parks = (await (await fetch(`${server!.baseUrl}/api/parks`)).json()) as { features: { properties: { code: string; name: string } }[] };
    const park = parks.features.map((f) => f.properties).find((p) => p.name.length >= 4)!;
    await page.getByTestId('finder-button').click();
    const input = page.getByTestId('search-input');
    await input.fill(park.name.slice(0, 4));
    await expect.poll(() => page.locator(`[data-testid=search-hit][data-code="${park.code}"]`).count(), { timeout: 10_000 }).toBe(1);
    const hits = await page.getByTestId('search-hit').evaluateAll((items) => items.map((i) => i.getAttribute('data-code')));
    for (let i = 0; i <= hits.indexOf(park.code); i++) await input.press('ArrowDown');
    await input.press('Enter');
    // The page is in English since the test above: the park is named in English.
    const names = (await (await fetch(`${server!.baseUrl}/api/names?lang=en`)).json()) as { parks: Record<string, string> };
    await expect.poll(() => page.getByTestId('park-name').textContent()).toBe(names.parks[park.name]);
    await expect.poll(() => new URL(page.url()).searchParams.get('park')).toBe(park.code);
    await waitForStill();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'search-park.png') });
  });

  it('prints a one-page sheet of the building', async () => {
    await page.goto(`${server!.baseUrl}/?print=building:${chosen!.buildingCode}&park=${chosen!.parkCode}`);
    const sheet = page.getByTestId('print-sheet');
    await expect.poll(() => page.getByTestId('print-building').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByTestId('print-building').textContent()).toContain(chosen!.buildingCode);
    expect(await page.getByTestId('print-units').locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('print-units').textContent()).not.toMatch(/Reserved|已预留|Leased|已出租/);
    expect(await page.getByTestId('print-contact').textContent()).toMatch(/placeholder|占位/);
    expect(await page.getByTestId('print-data-date').textContent()).toMatch(/\S+: \S+/);
    expect(await sheet.textContent()).toMatch(/Illustrative data|示意数据/);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.print-actions').isVisible()).toBe(false);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'print-building-sheet.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    expect(pageErrors).toEqual([]);
  });
});
