// What the browser test reads from the page: overlays, tier-coloured pixels, park screen positions.
import type { BrowserContext, Page } from 'playwright-core';
import type { LonLat } from '../../src/map/geometry';
import { type Rgb, TIER_COLORS } from '../../src/map/tiers';

/** Per channel; the marker interiors are drawn opaque, so only antialiasing and blending differ. */
const COLOR_TOLERANCE = 8;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Requests that left the machine: anything but data:, blob: and this server's own host. */
export function isExternal(url: string, baseUrl: string): boolean {
  const parsed = new URL(url);
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol)) return false;
  return !LOCAL_HOSTS.has(parsed.hostname) && parsed.host !== new URL(baseUrl).host;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Screen rectangles of the UI drawn over the map (legend swatches share the tier colours). */
export async function overlayRects(page: Page): Promise<Rect[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.legend, .app-header, .panel, .error-banner, .loading, .maplibregl-ctrl')].map(
      (element) => {
        const { x, y, width, height } = element.getBoundingClientRect();
        return { x, y, width, height };
      },
    ),
  );
}

/**
 * Counts, per tier, the screenshot pixels of the map canvas (UI overlays excluded) whose colour is
 * within tolerance of the tier colour. The PNG is decoded by Chromium itself on a blank page.
 */
export async function countTierPixels(
  context: BrowserContext,
  png: Buffer,
  viewportWidth: number,
  mapRect: Rect,
  excluded: Rect[],
): Promise<Record<string, number>> {
  const decoder = await context.newPage();
  try {
    return await decoder.evaluate(
      async ({ base64, colors, tolerance, mapRect, excluded, viewportWidth }) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context2d = canvas.getContext('2d')!;
        context2d.drawImage(bitmap, 0, 0);
        const { data, width, height } = context2d.getImageData(0, 0, bitmap.width, bitmap.height);
        const scale = width / viewportWidth;
        const inside = (r: { x: number; y: number; width: number; height: number }, x: number, y: number) =>
          x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height;
        const counts: Record<string, number> = Object.fromEntries(Object.keys(colors).map((id) => [id, 0]));
        for (let py = 0; py < height; py++) {
          for (let px = 0; px < width; px++) {
            const x = px / scale;
            const y = py / scale;
            if (!inside(mapRect, x, y) || excluded.some((r) => inside(r, x, y))) continue;
            const i = (py * width + px) * 4;
            for (const [id, [r, g, b]] of Object.entries(colors)) {
              if (
                Math.abs(data[i] - r) <= tolerance &&
                Math.abs(data[i + 1] - g) <= tolerance &&
                Math.abs(data[i + 2] - b) <= tolerance
              ) {
                counts[id]++;
              }
            }
          }
        }
        return counts;
      },
      {
        base64: png.toString('base64'),
        colors: TIER_COLORS as Record<string, Rgb>,
        tolerance: COLOR_TOLERANCE,
        mapRect,
        excluded,
        viewportWidth,
      },
    );
  } finally {
    await decoder.close();
  }
}

export interface ScreenPark {
  code: string;
  name: string;
  lonLat: LonLat;
  x: number;
  y: number;
  /** Distance in px to the nearest other park's centre. */
  isolation: number;
  /** The map canvas is the topmost element there (no panel or control covers it). */
  onCanvas: boolean;
}

/** Where the map draws each position, in page px, and whether the map canvas is topmost there. */
export function projectToScreen(page: Page, lonLats: LonLat[]): Promise<{ x: number; y: number; onCanvas: boolean }[]> {
  return page.evaluate((positions) => {
    const map = window.__muyield!.map;
    const canvas = map.getCanvas();
    const origin = canvas.getBoundingClientRect();
    return positions.map((lonLat) => {
      const p = map.project(lonLat);
      const x = origin.left + p.x;
      const y = origin.top + p.y;
      return { x, y, onCanvas: document.elementFromPoint(x, y) === canvas };
    });
  }, lonLats);
}

export async function projectParks(page: Page, parks: { code: string; name: string; lonLat: LonLat }[]): Promise<ScreenPark[]> {
  const points = await projectToScreen(page, parks.map((park) => park.lonLat));
  return parks.map((park, i) => {
    const { x, y, onCanvas } = points[i];
    const isolation = Math.min(
      Infinity,
      ...points.filter((_, j) => j !== i).map((other) => Math.hypot(other.x - x, other.y - y)),
    );
    return { ...park, x, y, onCanvas, isolation };
  });
}

export async function waitForMapIdle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.__muyield!.map;
        map.once('idle', () => requestAnimationFrame(() => resolve()));
        map.triggerRepaint();
      }),
  );
}
