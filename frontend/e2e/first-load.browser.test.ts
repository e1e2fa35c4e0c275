// The first screen's load in a real Chromium from an empty profile: the three answers asked once each
// (a shared link with a year included), scripts compressed and cached for a year, the panels the first
// screen does not show left for later, and a second visit that asks the server for no script at all.
import type { Request, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, openBrowserSession } from './support/browser-session';

const VIEWPORT = { width: 1280, height: 800 };
/** Chunks of what lazy-panels.tsx loads on first use (named after their source files). */
const LAZY_CHUNK = /\/assets\/(AboutPanel|DetailsPanel|EnterprisePanel|ImportWizard|SettingsDialog|VacancyPanel|PrintPage)-[\w-]+\.js$/;

describe('the first load in Chromium', () => {
  let session: BrowserSession | undefined;
  const requests: Request[] = [];
  const responses: Response[] = [];

  beforeAll(async () => {
    session = await openBrowserSession({
      viewport: VIEWPORT,
      prepare: async (context) => {
        context.on('request', (request) => requests.push(request));
        context.on('response', (response) => responses.push(response));
        // In the page, in order: each API request as the page asks for it, and the moment the map exists.
        await context.addInitScript(() => {
          const order: string[] = ((window as unknown as { __order: string[] }).__order = []);
          const fetchFirst = window.fetch.bind(window);
          window.fetch = (input, init) => {
            order.push(new URL(String(input), location.href).pathname);
            return fetchFirst(input, init);
          };
          let hook: unknown;
          Object.defineProperty(window, '__muyield', {
            configurable: true,
            get: () => hook,
            set: (value) => {
              if (!hook) order.push('map created');
              hook = value;
            },
          });
        });
      },
    });
  });

  afterAll(() => session?.close());

  const apiRequests = (pathname: string) => requests.filter((r) => new URL(r.url()).pathname === pathname).map((r) => new URL(r.url()).search);

  it('asks for the parks, counties and rivers once each, for the year of a shared link', async () => {
    const { page, server, waitForReady } = session!;
    await page.goto(`${server.baseUrl}/?year=2024`);
    await waitForReady();
    expect(apiRequests('/api/parks')).toEqual(['?year=2024']);
    expect(apiRequests('/api/regions')).toEqual(['?year=2024']);
    expect(apiRequests('/api/basemap/rivers')).toEqual(['']);
    // Asked before React rendered the app and its map, not after.
    const order = await page.evaluate(() => (window as unknown as { __order: string[] }).__order);
    expect(order.slice(0, 4)).toEqual(['/api/parks', '/api/regions', '/api/basemap/rivers', 'map created']);
    // The years offered come with the same answer: no second /api/parks to learn the latest.
    const yearSelect = page.getByTestId('year-select');
    expect(await yearSelect.inputValue()).toBe('2024');
    expect(await yearSelect.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual([
      '2025',
      '2024',
      '2023',
    ]);
  });

  it('gets its scripts compressed and cached for a year, and index.html revalidated', async () => {
    const scripts = responses.filter((r) => /\/assets\/.+\.js$/.test(new URL(r.url()).pathname));
    expect(scripts.length).toBeGreaterThan(1);
    for (const script of scripts) {
      const headers = await script.allHeaders();
      expect(headers['content-encoding'], script.url()).toBe('br');
      expect(headers['cache-control'], script.url()).toBe('public, max-age=31536000, immutable');
    }
    const page = responses.find((r) => new URL(r.url()).pathname === '/')!;
    expect((await page.allHeaders())['cache-control']).toBe('no-cache');
    const parks = responses.find((r) => new URL(r.url()).pathname === '/api/parks')!;
    expect((await parks.allHeaders())['content-encoding']).toBe('br');
  });

  it('leaves the panels the first screen does not show for later, and loads one when it is opened', async () => {
    const { page, pageErrors } = session!;
    expect(requests.map((r) => r.url()).filter((url) => LAZY_CHUNK.test(url))).toEqual([]);
    await page.getByTestId('about-button').click();
    await page.getByTestId('dataset').first().waitFor();
    expect(requests.map((r) => new URL(r.url()).pathname).filter((path) => LAZY_CHUNK.test(path))).toEqual([
      expect.stringMatching(/^\/assets\/AboutPanel-/),
    ]);
    expect(pageErrors).toEqual([]);
  });

  it('asks the server for no script on a second visit', async () => {
    const { context, server } = session!;
    const again = await context.newPage();
    try {
      await again.goto(`${server.baseUrl}/`);
      await again.waitForFunction(() => window.__muyield?.ready === true, null, { timeout: 90_000 });
      // Resource timing: a transfer size of 0 means the HTTP cache answered without asking the server.
      const fetched = await again.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((e) => e as PerformanceResourceTiming)
          .filter((e) => e.transferSize > 0)
          .map((e) => new URL(e.name).pathname),
      );
      expect(fetched.filter((path) => path.startsWith('/assets/'))).toEqual([]);
      expect(fetched.filter((path) => path === '/api/parks')).toEqual(['/api/parks']);
    } finally {
      await again.close();
    }
  });
});
