// The import wizard in a real Chromium: upload a one-parcel GeoJSON (a small square inside a demo park,
// written latitude first, declaring far more area than it has) as a dry run, pick the swapped-axes CRS the
// server offers on the preview map, read the report (its warning said in Chinese), commit, find the parcel
// through the API, undo it from the history and
// see it gone; then a GeoPackage of two tables written by GDAL, whose parcels table is picked from the
// wizard's list and checked. Against MUYIELD_URL if set (then ADMIN_TOKEN must be its token), else a server started here
// with an admin token. Screenshots go to test-results/browser/.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, openBrowserSession, SCREENSHOT_DIR } from './support/browser-session';
import type { Server } from './support/muyield-server';

/** 'shown' once the test id is on the page, else what the wizard says went wrong (or 'waiting') */
async function shownOrFailure(page: Page, testId: string): Promise<string> {
  if (await page.getByTestId(testId).count()) return 'shown';
  const failure = page.getByTestId('import-failure');
  return (await failure.count()) ? `failed: ${await failure.first().textContent()}` : 'waiting';
}

/** GDAL writes the GeoPackage of two tables (the last test); without it that test is skipped */
const hasOgr2ogr = (() => {
  try {
    execFileSync('ogr2ogr', ['--version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
})();
const VIEWPORT = { width: 1280, height: 900 };
const ADMIN_TOKEN = process.env.ADMIN_TOKEN ?? 'muyield-e2e-admin-token';
/** Half the side of the imported square, degrees (≈ 10 m) */
const HALF_SIDE_DEG = 0.0001;
/** What the imported parcel declares, m²: more than twice its ≈ 400 m², so the report warns */
const DECLARED_AREA_SQM = 1000;

type Ring = [number, number][];

function insideRing([x, y]: [number, number], ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** A small square whose corners all lie inside the park's first outer ring: searched on a grid over its bbox. */
function squareInside(geometry: { type: string; coordinates: unknown }): Ring {
  const ring = (geometry.type === 'Polygon' ? (geometry.coordinates as Ring[])[0] : (geometry.coordinates as Ring[][])[0][0]);
  const lons = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  const [w, e, s, n] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const steps = 40;
  // From the middle outwards, so the square sits well inside
  const order = [...Array(steps).keys()].sort((a, b) => Math.abs(a - steps / 2) - Math.abs(b - steps / 2));
  for (const i of order) {
    for (const j of order) {
      const c: [number, number] = [w + ((e - w) * (i + 0.5)) / steps, s + ((n - s) * (j + 0.5)) / steps];
      const square: Ring = [
        [c[0] - HALF_SIDE_DEG, c[1] - HALF_SIDE_DEG], [c[0] + HALF_SIDE_DEG, c[1] - HALF_SIDE_DEG],
        [c[0] + HALF_SIDE_DEG, c[1] + HALF_SIDE_DEG], [c[0] - HALF_SIDE_DEG, c[1] + HALF_SIDE_DEG], [c[0] - HALF_SIDE_DEG, c[1] - HALF_SIDE_DEG],
      ];
      if (square.every((p) => insideRing(p, ring))) return square;
    }
  }
  throw new Error('no room for a square inside the park');
}

describe('the import wizard in Chromium', () => {
  let session: BrowserSession | undefined;
  let server: Server | undefined;
  let page: Page;
  let pageErrors: string[] = [];
  /** MapLibre reports a bad style on the console, not as a page error */
  const consoleErrors: string[] = [];
  const parcelCode = `E2E-${Date.now()}`;
  let importId: number | undefined;

  beforeAll(async () => {
    session = await openBrowserSession({ viewport: VIEWPORT, serverEnv: { ADMIN_TOKEN } });
    ({ server, page, pageErrors } = session);
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  });

  afterAll(() => session?.close());

  const parcelStatus = async () => (await fetch(`${server!.baseUrl}/api/parcels/${encodeURIComponent(parcelCode)}`)).status;

  it('checks a GeoJSON of one parcel as a dry run, asks for its CRS on a map, and shows the report', async () => {
    const parks = (await (await fetch(`${server!.baseUrl}/api/parks`)).json()) as {
      features: { properties: { code: string }; geometry: { type: string; coordinates: unknown } | null }[];
    };
    const park = parks.features.find((f) => f.geometry)!;
    const geojson = {
      type: 'FeatureCollection',
      features: [{
        type: 'Feature',
        properties: { code: parcelCode, park_code: park.properties.code, land_use: 'industrial', declared_area_sqm: DECLARED_AREA_SQM },
        // Latitude first, as some exports write it: the server cannot be sure and asks
        geometry: { type: 'Polygon', coordinates: [squareInside(park.geometry!).map(([lon, lat]) => [lat, lon])] },
      }],
    };
    expect(await parcelStatus()).toBe(404);

    await page.goto(`${server!.baseUrl}/`);
    await page.waitForFunction(() => window.__muyield?.ready === true, null, { timeout: 90_000 });
    await page.getByTestId('import-button').click();
    const wizard = page.getByTestId('import-wizard');
    expect(await wizard.getAttribute('aria-modal')).toBe('true');
    await page.getByTestId('import-layer').selectOption('parcels');
    await page.getByTestId('import-file').setInputFiles({
      name: 'e2e-parcel.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(geojson)),
    });
    await page.getByTestId('import-token').fill(ADMIN_TOKEN);
    await page.getByTestId('import-check').click();

    await expect.poll(() => shownOrFailure(page, 'crs-needed'), { timeout: 30_000 }).toBe('shown');
    const candidates = await page.getByTestId('crs-candidate').evaluateAll((items) => items.map((i) => i.getAttribute('data-crs')));
    expect(candidates).toEqual(['EPSG:4326+swap']);
    await expect.poll(() => page.locator('[data-testid=crs-preview-map] canvas').count(), { timeout: 10_000 }).toBe(1);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'import-crs-candidates.png') });
    await page.getByTestId('crs-apply').click();

    await expect.poll(() => shownOrFailure(page, 'import-mapping'), { timeout: 30_000 }).toBe('shown');
    expect(await page.getByTestId('crs-used').textContent()).toContain('EPSG:4326+swap');
    expect(await page.locator('#mapping-column-code').inputValue()).toBe('code');
    expect(await page.locator('#mapping-column-park_code').inputValue()).toBe('park_code');
    expect(page.url()).not.toContain(ADMIN_TOKEN);
    await page.getByTestId('mapping-next').click();
    expect(await page.getByTestId('report-status').getAttribute('data-status')).toBe('dryRun');
    expect(await page.getByTestId('count-rows').textContent()).toBe('1 行');
    expect(await page.getByTestId('count-insert').textContent()).toBe('1 条');
    expect(await page.getByTestId('count-errors').textContent()).toBe('0 条');
    // The declared area's warning, in Chinese (the default) from its kind and params: m² with 亩, the difference in %
    const declared = page.locator('[data-testid=problem][data-problem-kind=declaredAreaMismatch]');
    expect(await declared.count()).toBe(1);
    expect(await declared.getByTestId('problem-sentence').textContent())
      .toMatch(/^申报面积 1,000 m²（1\.5 亩），图形量得 \d{3} m²（0\.\d 亩），相差 -\d\d\.\d %：请检查面积列的单位（m²、亩、公顷）和坐标系$/);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'import-dry-run-report.png') });
    expect(await parcelStatus()).toBe(404);
  });

  it('commits the import, shows its record and the parcel is in the API', async () => {
    await page.getByTestId('import-commit').click();
    const record = page.getByTestId('import-record');
    await expect.poll(() => shownOrFailure(page, 'import-record'), { timeout: 30_000 }).toBe('shown');
    const text = (await record.textContent())!;
    expect(text).toMatch(/^导入记录 #\d+：e2e-parcel\.geojson · 新增 1，更新 0$/);
    importId = Number(/#(\d+)/.exec(text)![1]);
    expect(await parcelStatus()).toBe(200);
    const item = page.locator(`[data-testid=history-item][data-import-id="${importId}"]`);
    await expect.poll(() => item.getAttribute('data-status'), { timeout: 10_000 }).toBe('committed');
    // The demo bundle, loaded at the server's first start: the rows it created per layer, its name and no server path
    const demo = page.locator('[data-testid=history-item]').last();
    expect(await demo.getByTestId('history-counts').textContent()).toMatch(/^新增 [1-9][\d]*，更新 0$/);
    expect(await demo.getByTestId('history-layers').textContent()).toMatch(/^县区 新增 \d+ · 园区 新增 \d+ · 宗地 新增 \d+/);
    expect(await demo.textContent()).toMatch(/^#\d+ ankang · 数据包 /);
    expect(await page.getByTestId('import-history').textContent()).not.toMatch(/[\\/](work|tmp|home|srv|app)[\\/]/);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'import-committed.png') });
  });

  it('undoes the import from the history after a confirmation, and the parcel is gone', async () => {
    const item = page.locator(`[data-testid=history-item][data-import-id="${importId}"]`);
    await item.getByTestId('history-undo').click();
    expect(await page.getByTestId('undo-confirm').textContent()).toContain(`#${importId}`);
    await page.getByTestId('undo-yes').click();
    await expect.poll(() => page.getByTestId('undo-done').textContent(), { timeout: 20_000 }).toBe(`已撤销导入 #${importId}：恢复 0 行，删除 1 行`);
    await expect.poll(() => item.getAttribute('data-status'), { timeout: 10_000 }).toBe('undone');
    expect(await parcelStatus()).toBe(404);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'import-undone.png') });
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('import-wizard').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it.runIf(hasOgr2ogr)('a GeoPackage of two tables written by GDAL: the wizard lists them, the one picked is checked', async () => {
    const parks = (await (await fetch(`${server!.baseUrl}/api/parks`)).json()) as {
      features: { properties: { code: string }; geometry: { type: string; coordinates: unknown } | null }[];
    };
    const park = parks.features.find((f) => f.geometry)!;
    const square = squareInside(park.geometry!);
    const code = `${parcelCode}-GPKG`;
    const dir = await mkdtemp(join(tmpdir(), 'muyield-e2e-gpkg-'));
    try {
      const gpkg = join(dir, 'two-tables.gpkg');
      const layers: [string, unknown][] = [
        ['parcels', { type: 'Feature', properties: { code, park_code: park.properties.code, land_use: 'industrial' }, geometry: { type: 'Polygon', coordinates: [square] } }],
        ['wells', { type: 'Feature', properties: { name: 'W1' }, geometry: { type: 'Point', coordinates: square[0] } }],
      ];
      for (const [i, [name, feature]] of layers.entries()) {
        const source = join(dir, `${name}.geojson`);
        await writeFile(source, JSON.stringify({ type: 'FeatureCollection', features: [feature] }));
        execFileSync('ogr2ogr', ['-f', 'GPKG', ...(i > 0 ? ['-update'] : []), '-nln', name, gpkg, source], { stdio: 'pipe' });
      }

      await page.getByTestId('import-button').click();
      await page.getByTestId('import-layer').selectOption('parcels');
      await page.getByTestId('import-file').setInputFiles({ name: 'two-tables.gpkg', mimeType: 'application/geopackage+sqlite3', buffer: await readFile(gpkg) });
      await page.getByTestId('import-token').fill(ADMIN_TOKEN);
      await page.getByTestId('import-check').click();

      await expect.poll(() => shownOrFailure(page, 'source-layers'), { timeout: 30_000 }).toBe('shown');
      expect(await page.getByTestId('source-layers-asked').textContent()).toContain('这个文件包含 2 个图层');
      const options = await page.getByTestId('source-layer-option').evaluateAll((inputs) => inputs.map((i) => i.closest('label')!.textContent));
      expect(options).toEqual(['parcelsPolygon，1 个要素', 'wellsPoint，1 个要素']);
      expect(await page.getByTestId('import-check').isDisabled()).toBe(true);
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'import-source-layers.png') });

      await page.locator('[data-testid=source-layer-option][value=parcels]').check();
      await page.getByTestId('import-check').click();
      await expect.poll(() => shownOrFailure(page, 'import-mapping'), { timeout: 30_000 }).toBe('shown');
      await page.getByTestId('mapping-next').click();
      expect(await page.getByTestId('report-status').getAttribute('data-status')).toBe('dryRun');
      expect(await page.getByTestId('count-rows').textContent()).toBe('1 行');
      expect(await page.getByTestId('count-errors').textContent()).toBe('0 条');
      expect(await page.getByTestId('report-file').textContent()).toContain('图层 parcels');
      expect((await fetch(`${server!.baseUrl}/api/parcels/${encodeURIComponent(code)}`)).status).toBe(404);
      await page.keyboard.press('Escape');
      expect(pageErrors).toEqual([]);
      // Chromium logs every 4xx answer; the 422 is the server asking which table (a report, not a failure)
      expect(consoleErrors.filter((m) => !m.includes('status of 422 (Unprocessable Entity)'))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
