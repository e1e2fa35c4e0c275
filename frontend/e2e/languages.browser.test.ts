// One language at a time, in a real Chromium: the main screens (city view and ranking, a park's panel and
// legend, a parcel's and a building's details, the vacancy finder, About, Settings, the import wizard's
// CRS and mapping steps, the print sheet) are walked in Chinese and in English, and every piece of text
// a person sees is read. In English no Chinese character may show, except in a data name marked
// lang="zh"; in Chinese no Latin word may show, except units, formats and proper names listed here,
// codes (a word with a digit, /, @, _, . or * in it, or a single letter: grades A–D) and text marked
// lang="en". In both, text marked translate="no" is data (a file's column names, codes), not the UI's
// words. The import history is left out: its server paths are another change's. Against MUYIELD_URL if
// set (then ADMIN_TOKEN must be its token), else a server started here with an admin token. Screenshots
// go to test-results/browser/.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParcelCollection } from '../src/api/park-types';
import type { ParkCollection } from '../src/api/types';
import { type BrowserSession, openBrowserSession, SCREENSHOT_DIR } from './support/browser-session';
import type { Server } from './support/muyield-server';

const VIEWPORT = { width: 1366, height: 900 };
const ADMIN_TOKEN = process.env.ADMIN_TOKEN ?? 'muyield-e2e-admin-token';

/** Latin words the Chinese UI may show: units, file formats and standards, coordinate systems, sources' and products' names (lower case). */
const LATIN_ALLOWED_IN_CHINESE = new Set(
  [
    'm²', 'km²', 'km', 'kn', 'kwh', 'tce', 'ha', 'mu',
    'muyield', 'en', 'pglite', 'postgis', 'postgresql', 'kml', 'kmz', 'swap',
    'csv', 'xlsx', 'excel', 'wps', 'libreoffice', 'geojson', 'shapefile', 'zip', 'geopackage', 'gpkg', 'qgis', 'gdal', 'dbf', 'shp', 'utf', 'bom', 'pdf',
    'wgs', 'cgcs', 'gcj', 'epsg', 'crs', 'xyz', 'url', 'https', 'http', 'tk', 'localstorage',
    'gshhg', 'wdb', 'ii', 'github', 'mit', 'debian', 'gmt', 'high',
  ].map((w) => w.toLowerCase()),
);

interface Finding {
  text: string;
  where: string;
}

/** Visible text, option labels and placeholders not in an element marked for another language. */
function offendersIn(page: Page, locale: 'zh-CN' | 'en', allowed: string[]): Promise<Finding[]> {
  return page.evaluate(
    ({ locale, allowed }) => {
      const allowedWords = new Set(allowed);
      const han = /\p{Script=Han}/u;
      const findings: { text: string; where: string }[] = [];
      const describe = (element: Element) => {
        const id = element.closest('[data-testid]')?.getAttribute('data-testid');
        return `${element.tagName.toLowerCase()}${id ? ` in ${id}` : ''}`;
      };
      const exempt = (element: Element) => {
        if (element.closest('[translate="no"], [data-testid=history-item]')) return true;
        const lang = element.closest('[lang]')?.getAttribute('lang') ?? '';
        return locale === 'en' ? lang.startsWith('zh') : lang.startsWith('en');
      };
      const latinWords = (text: string) =>
        text
          .split(/[\s\p{Script=Han},;:!?()（）「」“”"'、，。：；·+×=<>≥≤~|–—…[\]{}]+/u)
          .map((token) => token.replace(/^[.\-]+|[.\-]+$/g, ''))
          .filter((token) => /[A-Za-z]/.test(token) && !/[\d/@_.*]/.test(token))
          .flatMap((token) => token.split('-'))
          .map((token) => token.replace(/[^A-Za-z²]/g, '').toLowerCase())
          .filter((word) => word.length > 1 && !allowedWords.has(word));
      const check = (text: string, element: Element) => {
        const trimmed = text.trim();
        if (!trimmed || exempt(element)) return;
        if (locale === 'en' ? han.test(trimmed) : latinWords(trimmed).length > 0) findings.push({ text: trimmed.slice(0, 120), where: describe(element) });
      };
      const visible = (element: Element) => {
        const select = element.closest('select');
        const target = select ?? element;
        return (target as HTMLElement).checkVisibility?.({ visibilityProperty: true, opacityProperty: true }) ?? true;
      };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement;
        if (!element || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(element.tagName) || !visible(element)) continue;
        check(node.textContent ?? '', element);
      }
      for (const element of document.querySelectorAll('[placeholder]')) {
        if (visible(element)) check(element.getAttribute('placeholder') ?? '', element);
      }
      return findings;
    },
    { locale, allowed },
  );
}

describe('one language at a time in Chromium', () => {
  let session: BrowserSession | undefined;
  let server: Server | undefined;
  let page: Page;
  let pageErrors: string[] = [];
  let park: { code: string; name: string };
  let parcelCode: string;
  let building: { code: string; parkCode: string };

  beforeAll(async () => {
    session = await openBrowserSession({ viewport: VIEWPORT, serverEnv: { ADMIN_TOKEN } });
    ({ server, page, pageErrors } = session);
    const parks = (await (await fetch(`${server.baseUrl}/api/parks`)).json()) as ParkCollection;
    const chosen = parks.features.map((f) => f.properties).sort((a, b) => b.enterpriseCount - a.enterpriseCount)[0];
    park = { code: chosen.code, name: chosen.name };
    const parcels = (await (await fetch(`${server.baseUrl}/api/parks/${park.code}/parcels`)).json()) as ParcelCollection;
    parcelCode = parcels.features.find((f) => f.properties.holderGrade)!.properties.code;
    const vacancies = (await (await fetch(`${server.baseUrl}/api/vacancies`)).json()) as { units: { buildingCode: string; parkCode: string }[] };
    building = { code: vacancies.units[0].buildingCode, parkCode: vacancies.units[0].parkCode };
  });

  afterAll(() => session?.close());

  /** What a screen shows that is not in the language, after it has settled. */
  const screen = async (locale: 'zh-CN' | 'en', name: string): Promise<Finding[]> => {
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SCREENSHOT_DIR, `language-${locale}-${name}.png`) });
    return (await offendersIn(page, locale, [...LATIN_ALLOWED_IN_CHINESE])).map((f) => ({ ...f, where: `${name}: ${f.where}` }));
  };

  const open = async (locale: 'zh-CN' | 'en', search: string) => {
    await page.goto(`${server!.baseUrl}/${search}`);
    await page.evaluate((l) => localStorage.setItem('muyield.locale', l), locale);
    await page.reload();
    await session!.waitForReady();
  };

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`shows ${locale === 'en' ? 'no Chinese in English' : 'no English in Chinese'} on the main screens`, async () => {
      const findings: Finding[] = [];
      await open(locale, '');
      findings.push(...(await screen(locale, 'city')));

      await page.locator(`[data-testid=ranking-row][data-park-code="${park.code}"] button`).first().click();
      await page.getByTestId('park-panel').waitFor({ state: 'visible' });
      await page.locator('[data-testid=park-legend] li[data-class]').first().waitFor({ state: 'visible', timeout: 30_000 });
      findings.push(...(await screen(locale, 'park')));

      await open(locale, `?park=${park.code}&parcel=${encodeURIComponent(parcelCode)}`);
      await page.getByTestId('details-panel').waitFor({ state: 'visible', timeout: 30_000 });
      await page.getByTestId('detail-taxPerMu').waitFor({ state: 'visible', timeout: 30_000 });
      findings.push(...(await screen(locale, 'parcel')));

      await open(locale, `?finder=1&minAreaSqm=500`);
      await page.getByTestId('finder-building').first().waitFor({ state: 'visible', timeout: 30_000 });
      findings.push(...(await screen(locale, 'finder')));

      await page.getByTestId('about-button').click();
      await page.locator('.dataset').first().waitFor({ state: 'visible', timeout: 20_000 });
      findings.push(...(await screen(locale, 'about')));
      await page.keyboard.press('Escape');

      await page.getByTestId('settings-button').click();
      await page.getByTestId('basemap-tianditu-vec').check();
      findings.push(...(await screen(locale, 'settings')));
      await page.keyboard.press('Escape');

      await importToCrsAndMapping(locale, findings);

      await page.goto(`${server!.baseUrl}/?print=building:${encodeURIComponent(building.code)}&park=${building.parkCode}`);
      await page.getByTestId('print-building').waitFor({ state: 'visible', timeout: 20_000 });
      findings.push(...(await screen(locale, 'print')));

      expect(findings).toEqual([]);
      expect(pageErrors).toEqual([]);
    });
  }

  /** The import wizard up to its CRS step (a GeoJSON written latitude first) and its mapping step. */
  async function importToCrsAndMapping(locale: 'zh-CN' | 'en', findings: Finding[]) {
    const geojson = {
      type: 'FeatureCollection',
      features: [{
        type: 'Feature',
        properties: { code: 'LANG-TEST-1', park_code: park.code, land_use: 'industrial' },
        geometry: { type: 'Polygon', coordinates: [[[32.7, 109.0], [32.7, 109.001], [32.701, 109.001], [32.701, 109.0], [32.7, 109.0]]] },
      }],
    };
    await page.getByTestId('import-button').click();
    await page.getByTestId('import-wizard').waitFor({ state: 'visible' });
    findings.push(...(await screen(locale, 'import-choose')));
    await page.getByTestId('import-layer').selectOption('parcels');
    await page.getByTestId('import-file').setInputFiles({ name: 'lang.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(geojson)) });
    await page.getByTestId('import-token').fill(ADMIN_TOKEN);
    await page.getByTestId('import-check').click();
    await page.getByTestId('crs-needed').waitFor({ state: 'visible', timeout: 30_000 });
    findings.push(...(await screen(locale, 'import-crs')));
    await page.getByTestId('crs-apply').click();
    await page.getByTestId('import-mapping').waitFor({ state: 'visible', timeout: 30_000 });
    findings.push(...(await screen(locale, 'import-mapping')));
    await page.keyboard.press('Escape');
  }
});
