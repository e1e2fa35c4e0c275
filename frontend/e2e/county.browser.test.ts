// The city and its counties in a real Chromium: the ranking's city row is the city's own figures from the
// API (totals as totals); a county clicked on the map opens its panel, whose figures, grade and findings
// are checked against the API; one of its parks opens from there and closing it comes back to the county;
// the ranking switches to counties. Against MUYIELD_URL if set, else a server started here. Screenshots go
// to test-results/browser/.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LandUseSummaryAnswer, ParkHistory } from '../src/api/area-types';
import type { ParkCollection, RegionCollection, RegionProperties } from '../src/api/types';
import { landUseAsOf } from '../src/data/use-park-data';
import { formatCount, formatMu, formatNumber, formatWanYuan, formatWanYuanPerMu } from '../src/format';
import { computeLabelPoint } from '../src/map/geometry';
import { type BrowserSession, openBrowserSession, SCREENSHOT_DIR } from './support/browser-session';
import { projectToScreen, waitForMapIdle } from './support/map-page';
import type { Server } from './support/muyield-server';

const VIEWPORT = { width: 1280, height: 720 };
/** Room kept between the click in a county and any park marker, px. */
const CLEAR_OF_PARKS_PX = 24;

describe('the city and its counties in Chromium', () => {
  let session: BrowserSession | undefined;
  let server: Server | undefined;
  let page: Page;
  let pageErrors: string[] = [];
  let parks: ParkCollection;
  let regions: RegionCollection;
  let county: RegionProperties;

  const api = async <T>(path: string) => (await (await fetch(`${server!.baseUrl}${path}`)).json()) as T;
  const total = (t: { parcelCount: number; areaMu: number }) => `${formatCount(t.parcelCount)} 宗 · ${formatMu(t.areaMu)}`;

  beforeAll(async () => {
    session = await openBrowserSession({ viewport: VIEWPORT });
    ({ server, page, pageErrors } = session);
    parks = await api<ParkCollection>('/api/parks');
    regions = await api<RegionCollection>(`/api/regions?year=${parks.year}`);
  });
  afterAll(() => session?.close());

  it("shows the city's own figures in the ranking's first row: output as the parks' total", async () => {
    await page.goto(`${server!.baseUrl}/`);
    await session!.waitForReady();
    const { city } = parks;
    const summed = parks.features.reduce((s, f) => s + (f.properties.outputWanYuan ?? 0), 0);
    expect(city.outputWanYuan).toBeCloseTo(summed, 0);
    const row = page.getByTestId('ranking-city');
    expect(await row.locator('[data-metric=outputWanYuan]').textContent()).toBe(`合计 ${formatNumber(summed / 10_000, 1)}`);
    expect(await row.locator('[data-metric=outputWanYuanPerMu]').textContent()).toBe(formatNumber(city.outputWanYuanPerMu!, 1));
    expect(await row.locator('[data-metric=landSupplyRate]').textContent()).toBe(formatNumber(city.landMetrics!.landSupplyRate! * 100, 1));
    expect(await row.textContent()).toContain(city.name!);
    expect(await page.getByTestId('tagline').textContent()).toBe(`${city.name}县域工业园区土地利用效益`);
  });

  it('opens a county clicked on the map, with its figures, grade and findings as the API gives them', async () => {
    await page.waitForFunction(() => !window.__muyield!.map.isMoving(), null, { timeout: 20_000 });
    await waitForMapIdle(page);
    // The county with most parks whose name point the map shows, clear of every park marker.
    const candidates = regions.features
      .filter((r) => r.properties.parkCount > 0)
      .sort((a, b) => b.properties.parkCount - a.properties.parkCount || a.properties.code.localeCompare(b.properties.code));
    const points = await projectToScreen(page, candidates.map((r) => computeLabelPoint(r.geometry)));
    const markers = await projectToScreen(page, parks.features.map((f) => computeLabelPoint(f.geometry)));
    const index = points.findIndex((p) => p.onCanvas && markers.every((m) => Math.hypot(m.x - p.x, m.y - p.y) > CLEAR_OF_PARKS_PX));
    expect(index).toBeGreaterThanOrEqual(0);
    county = candidates[index].properties;
    const target = points[index];

    const panel = page.getByTestId('county-panel');
    // A loaded 2-core machine can miss a pick; a person would click again, and so does the test (three times at most).
    for (let attempt = 1; ; attempt++) {
      await page.mouse.move(target.x - 5, target.y - 5);
      await page.mouse.move(target.x, target.y, { steps: 3 });
      await page.mouse.click(target.x, target.y);
      const shown = await panel.waitFor({ state: 'visible', timeout: 15_000 }).then(() => true, () => false);
      if (shown) break;
      if (attempt === 3) throw new Error(`the county panel did not open after ${attempt} clicks on ${county.name}`);
    }
    expect(await page.getByTestId('county-name').textContent()).toBe(county.name);
    await expect.poll(() => new URL(page.url()).searchParams.get('county')).toBe(county.code);
    expect(await page.getByTestId('county-value-output').textContent()).toBe(formatWanYuan(county.outputWanYuan));
    expect(await page.getByTestId('county-value-tax').textContent()).toBe(formatWanYuan(county.taxWanYuan));
    const perMu = await page.getByTestId('county-metric-outputPerMu').textContent();
    expect(perMu).toContain(formatWanYuanPerMu(county.outputWanYuanPerMu));
    expect(perMu).toContain(`全市 ${formatWanYuanPerMu(parks.city.outputWanYuanPerMu)}`);
    expect(await page.getByTestId('county-used-land').textContent()).toBe(formatMu(county.usedLandMu));
    // its grade among the counties, item by item
    expect(await page.getByTestId('county-grade-score').textContent()).toBe(
      `得分 ${formatNumber(county.gradeScore!, 1)} / ${formatNumber(county.gradeMaxScore!, 0)}`,
    );
    const items = page.getByTestId('county-grade-breakdown').locator('tr[data-indicator]');
    expect(await items.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-indicator')))).toEqual(county.gradeItems!.map((i) => i.key));
    // its parks, and its findings counted by the server, each parcel once
    const own = parks.features.filter((f) => f.properties.regionCode === county.code).map((f) => f.properties.code).sort();
    const listed = await page.getByTestId('county-parks').locator('li').evaluateAll((li) => li.map((l) => l.getAttribute('data-park-code')));
    expect([...listed].sort()).toEqual(own);
    const summary = await api<LandUseSummaryAnswer>(`/api/land-use/summary?asOf=${landUseAsOf(parks.year, new Date())}&region=${county.code}`);
    await expect.poll(() => page.getByTestId('county-findings-recoverable').textContent(), { timeout: 60_000 }).toBe(total(summary.city.recoverable));
    expect(await page.getByTestId('county-findings-lowYield').textContent()).toBe(total(summary.city.byKind.lowYield));
    await waitForMapIdle(page);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'county-panel.png') });
  });

  it('opens one of its parks from the county panel, with its nine indicators and history, and comes back', async () => {
    const park = parks.features.map((f) => f.properties).find((p) => p.regionCode === county.code)!;
    await page.getByRole('button', { name: `打开园区：${park.name}` }).click();
    await expect.poll(() => page.getByTestId('park-name').textContent()).toBe(park.name);
    expect(new URL(page.url()).searchParams.get('park')).toBe(park.code);
    expect(new URL(page.url()).searchParams.get('county')).toBe(county.code);
    const indicators = page.getByTestId('park-indicators');
    await indicators.locator('summary').click();
    expect(await indicators.locator('tr[data-indicator]').count()).toBe(9);
    expect(await indicators.locator('tr[data-indicator=taxWanYuanPerMu] [data-value=city]').textContent()).toBe(
      formatNumber(parks.city.metrics!.taxWanYuanPerMu!, 1),
    );
    const history = await api<ParkHistory>(`/api/parks/${park.code}/history`);
    const chart = page.getByTestId('park-chart-outputPerMu');
    await chart.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await chart.locator('g[data-year]').evaluateAll((g) => g.map((e) => Number(e.getAttribute('data-year'))))).toEqual(history.years.map((y) => y.year));
    expect(await chart.locator('svg').getAttribute('aria-label')).toContain(
      `${history.years.at(-1)!.year}: ${formatNumber(history.years.at(-1)!.park.outputWanYuanPerMu!, 1)} 万元/亩 (全市 ${formatNumber(history.years.at(-1)!.city.outputWanYuanPerMu!, 1)})`,
    );
    await page.getByTestId('park-history').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'county-park.png') });
    await page.getByTestId('park-panel').getByRole('button', { name: '关闭', exact: true }).click();
    await expect.poll(() => page.getByTestId('county-name').textContent()).toBe(county.name);
    expect(new URL(page.url()).searchParams.get('park')).toBeNull();
  });

  it('ranks the counties among counties under the same city row', async () => {
    await page.getByTestId('ranking-scope-counties').click();
    const rows = page.getByTestId('ranking-county-row');
    await rows.first().waitFor({ state: 'visible' });
    const byPerMu = regions.features
      .map((r) => r.properties)
      .sort((a, b) => {
        const va = a.outputWanYuanPerMu ?? null;
        const vb = b.outputWanYuanPerMu ?? null;
        if (va === null || vb === null) return va === vb ? a.code.localeCompare(b.code) : va === null ? 1 : -1;
        return vb - va || a.code.localeCompare(b.code);
      });
    expect(await rows.evaluateAll((r) => r.map((e) => e.getAttribute('data-region-code')))).toEqual(byPerMu.map((r) => r.code));
    expect(await page.locator(`[data-testid=ranking-county-row][data-region-code="${county.code}"]`).getAttribute('aria-current')).toBe('true');
    expect(await page.getByTestId('ranking-city').locator('[data-metric=outputWanYuan]').textContent()).toBe(
      `合计 ${formatNumber(parks.city.outputWanYuan! / 10_000, 1)}`,
    );
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'county-ranking.png') });
    expect(pageErrors).toEqual([]);
  });
});
