// @vitest-environment jsdom
import { renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makePark } from '../test-support/fixtures';
import { startFirstScreenData } from './first-screen';
import { useMapData } from './use-map-data';

const collection = (features: unknown[], extra: Record<string, unknown> = {}) => () =>
  Response.json({ type: 'FeatureCollection', ...extra, features });
const YEARS = { latestYear: 2025, years: [2025, 2024, 2023, 2022] };

function serve() {
  const table: Record<string, () => Response> = {
    '/api/parks': collection([makePark({ code: 'A', year: 2025 })], { year: 2025, ...YEARS }),
    '/api/parks?year=2023': collection([makePark({ code: 'A', year: 2023 })], { year: 2023, ...YEARS }),
    '/api/parks?year=1999': collection([makePark({ code: 'A', year: 1999, outputWanYuan: null })], { year: 1999, ...YEARS }),
    '/api/regions': collection([]),
    '/api/regions?year=2023': collection([]),
    '/api/regions?year=1999': collection([]),
    '/api/basemap/rivers': collection([]),
  };
  const fetchMock = vi.fn(async (url: string) => table[url]?.() ?? new Response('not found', { status: 404 }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const parksCalls = (fetchMock: ReturnType<typeof serve>) =>
  fetchMock.mock.calls.map(([url]) => url).filter((url) => url.startsWith('/api/parks'));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('useMapData', () => {
  it('asks /api/parks once for a year from a shared link, and offers the latest three years the answer names', async () => {
    const fetchMock = serve();
    const { result } = renderHook(() => useMapData(2023));
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.year).toBe(2023);
    expect(result.current.years).toEqual([2025, 2024, 2023]);
    expect(parksCalls(fetchMock)).toEqual(['/api/parks?year=2023']);
  });

  it('takes the year from the answer when none is asked, and keeps an asked year that has no figures in the list', async () => {
    serve();
    const latest = renderHook(() => useMapData(null));
    await waitFor(() => expect(latest.result.current.year).toBe(2025));
    expect(latest.result.current.years).toEqual([2025, 2024, 2023]);
    const old = renderHook(() => useMapData(1999));
    await waitFor(() => expect(old.result.current.loading).toBe(false));
    expect(old.result.current.years).toEqual([2025, 2024, 2023, 1999]);
  });

  it('keeps the years offered while another year loads', async () => {
    serve();
    const { result, rerender } = renderHook(({ year }) => useMapData(year), { initialProps: { year: null as number | null } });
    await waitFor(() => expect(result.current.years).toEqual([2025, 2024, 2023]));
    rerender({ year: 2023 });
    expect(result.current.loading).toBe(true);
    expect(result.current.years).toEqual([2025, 2024, 2023]);
  });

  it('uses the requests started before React rendered instead of asking again', async () => {
    const fetchMock = serve();
    startFirstScreenData(2023);
    expect(fetchMock.mock.calls.map(([url]) => url).sort()).toEqual(['/api/basemap/rivers', '/api/parks?year=2023', '/api/regions?year=2023']);
    const { result } = renderHook(() => useMapData(2023));
    await waitFor(() => expect(result.current.parks).toHaveLength(1));
    expect(fetchMock).toHaveBeenCalledTimes(3);
    // Handed over once: a later mount (another year and back) asks the server again.
    const again = renderHook(() => useMapData(2023));
    await waitFor(() => expect(again.result.current.parks).toHaveLength(1));
    expect(parksCalls(fetchMock)).toEqual(['/api/parks?year=2023', '/api/parks?year=2023']);
  });

  it('does not use requests started for another year', async () => {
    const fetchMock = serve();
    startFirstScreenData(null);
    const { result } = renderHook(() => useMapData(2023));
    await waitFor(() => expect(result.current.year).toBe(2023));
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(parksCalls(fetchMock)).toEqual(['/api/parks', '/api/parks?year=2023']);
  });
});
