// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ParkFeature } from './api/types';
import { App } from './App';
import { I18nProvider } from './i18n/i18n-context';
import type { ParkPoint } from './map/park-points';
import { makeCityFigures, makePark } from './test-support/fixtures';
import { makeBuilding, makeFinding, makeLandUseSummary, makeParcel } from './test-support/park-fixtures';
import { landUseAsOf } from './data/use-park-data';

// MapLibre and deck.gl need WebGL, which jsdom lacks: both are replaced by recorders.
const mocks = vi.hoisted(() => ({
  overlays: [] as { props: Record<string, unknown>; layers: unknown[] }[],
  flights: [] as { center: [number, number]; zoom: number }[],
  mapOptions: [] as Record<string, unknown>[],
  eases: [] as Record<string, unknown>[],
  fits: [] as unknown[],
}));

vi.mock('maplibre-gl', () => {
  class FakeMap {
    touchZoomRotate = { disableRotation: () => {} };
    private canvas = document.createElement('canvas');
    constructor(options: Record<string, unknown>) {
      mocks.mapOptions.push(options);
    }
    on() {
      return this;
    }
    once(type: string, listener: () => void) {
      if (type === 'load') queueMicrotask(listener);
      return this;
    }
    addControl(control: { onAdd?: (map: unknown) => void }) {
      control.onAdd?.(this);
      return this;
    }
    removeControl() {
      return this;
    }
    off() {
      return this;
    }
    resize() {
      return this;
    }
    getMaxZoom() {
      return 17;
    }
    /** jsdom lays nothing out: the map's free part has no size, so nothing can be framed in it. */
    cameraForBounds() {
      return undefined;
    }
    remove() {}
    getZoom() {
      return 8;
    }
    getCanvas() {
      return this.canvas;
    }
    getContainer() {
      return this.canvas;
    }
    triggerRepaint() {}
    project() {
      return { x: 0, y: 0 };
    }
    panBy() {
      return this;
    }
    isMoving() {
      return false;
    }
    getCenter() {
      return { lng: 109, lat: 32.7 };
    }
    getPitch() {
      return 0;
    }
    getBearing() {
      return 0;
    }
    easeTo(options: Record<string, unknown>) {
      mocks.eases.push(options);
      return this;
    }
    flyTo(options: { center: [number, number]; zoom: number }) {
      mocks.flights.push(options);
      return this;
    }
    fitBounds(bounds: unknown) {
      mocks.fits.push(bounds);
      return this;
    }
  }
  class Control {
    onAdd() {
      return document.createElement('div');
    }
    onRemove() {}
  }
  return { default: { Map: FakeMap, NavigationControl: Control, AttributionControl: Control, ScaleControl: Control } };
});

/** jsdom has no ResizeObserver; nothing is laid out there to observe. */
class NoResizeObserver {
  observe() {}
  disconnect() {}
}

vi.mock('@deck.gl/mapbox', () => ({
  MapboxOverlay: class {
    layers: unknown[] = [];
    constructor(public props: Record<string, unknown>) {
      mocks.overlays.push(this);
    }
    setProps({ layers }: { layers: unknown[] }) {
      this.layers = layers;
    }
  },
}));

const parks: ParkFeature[] = [
  makePark({ code: 'A', name: '恒口示范区', outputWanYuanPerMu: 150, year: 2025 }, [108.86, 32.78]),
  makePark({ code: 'B', name: '平利工业园区', outputWanYuanPerMu: null, year: null, grade: null }, [109.36, 32.39]),
];

/** What /api/parks names beside its features: the latest year, every year with figures and the city. */
const PARK_YEARS = { latestYear: 2025, years: [2025, 2024, 2023], city: makeCityFigures({ year: 2025, outputWanYuan: 9_660_000 }) };

/** One county around both parks, as /api/regions gives it. */
const county = {
  type: 'Feature',
  geometry: { type: 'Polygon', coordinates: [[[108.5, 32.2], [109.6, 32.2], [109.6, 33], [108.5, 33], [108.5, 32.2]]] },
  properties: {
    code: '610902', name: '汉滨区', cityCode: '610900', cityName: '安康市', parkCount: 2, year: 2025,
    outputWanYuan: 2_508_600, taxWanYuan: 96_420, usedLandMu: 8_028.4, outputWanYuanPerMu: 312.5, taxWanYuanPerMu: 12.01, enterpriseCount: 292,
    grade: 'A', gradeLabel: '优先发展类', gradeScore: 91.2, gradeMaxScore: 100,
    gradeItems: [{ key: 'taxWanYuanPerMu', weight: 30, maxScore: 30, value: 12.01, benchmark: 24.1, score: 14.95, basis: 'scored' }],
    gradeCounts: { A: 40, B: 80, C: 70, D: 5, notGraded: 97 },
  },
};

const responses: Record<string, () => Response> = {
  '/api/regions': () => Response.json({ type: 'FeatureCollection', features: [county] }),
  '/api/parks': () => Response.json({ type: 'FeatureCollection', ...PARK_YEARS, year: 2025, features: parks }),
  '/api/parks?year=2023': () =>
    Response.json({ type: 'FeatureCollection', ...PARK_YEARS, year: 2023, features: parks.map((p) => ({ ...p, properties: { ...p.properties, year: 2023 } })) }),
  '/api/regions?year=2023': () => Response.json({ type: 'FeatureCollection', features: [] }),
  '/api/basemap/rivers': () => Response.json({ type: 'FeatureCollection', features: [] }),
  '/api/datasets': () =>
    Response.json({
      datasets: [
        { id: 'parks', name: '园区', nameEn: 'Parks', source: 'demo', licence: 'MIT', vintage: '2023', crs: 'EPSG:4326', real: false, note: '' },
      ],
    }),
  '/api/health': () => Response.json({ status: 'ok', database: 'postgres', postgis: '3.3.4' }),
};

function serve(overrides: Record<string, () => Response> = {}) {
  const table = { ...responses, ...overrides };
  const fetchMock = vi.fn(async (url: string) => table[url]?.() ?? new Response('not found', { status: 404 }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderApp() {
  return render(
    <I18nProvider>
      <App />
    </I18nProvider>,
  );
}

interface FakeLayer {
  id: string;
  props: { data: unknown[]; onClick?: (info: { object?: unknown }) => boolean };
}

async function latestLayers(): Promise<FakeLayer[]> {
  let layers: FakeLayer[] = [];
  await waitFor(() => {
    layers = (mocks.overlays.at(-1)?.layers ?? []) as FakeLayer[];
    expect(layers.find((layer) => layer.id === 'parks')?.props.data).toHaveLength(parks.length);
  });
  return layers;
}

// The panels the first screen does not show load on first use (lazy-panels.tsx): load them once here, so
// no waitFor below spends its time on Vite transforming them.
beforeAll(async () => {
  await Promise.all([
    import('./panels/AboutPanel'),
    import('./panels/details/DetailsPanel'),
    import('./search/EnterprisePanel'),
    import('./import/ImportWizard'),
    import('./settings/SettingsDialog'),
    import('./vacancy/VacancyPanel'),
  ]);
});

beforeEach(() => {
  mocks.overlays.length = 0;
  vi.stubGlobal('ResizeObserver', NoResizeObserver);
  mocks.flights.length = 0;
  mocks.mapOptions.length = 0;
  mocks.eases.length = 0;
  mocks.fits.length = 0;
  localStorage.clear();
  window.history.replaceState(null, '', '/');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  delete window.__muyield;
});

describe('App', () => {
  it('loads the parks into the map layers and counts them in the legend', async () => {
    serve();
    renderApp();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('亩均 MuYield');
    const layers = await latestLayers();
    expect(layers.map((layer) => layer.id)).toContain('park-markers');
    const legend = screen.getByTestId('legend');
    expect(legend.querySelector('[data-tier="from100to200"] .legend-count')?.textContent).toBe('1 个');
    expect(legend.querySelector('[data-tier="noData"] .legend-count')?.textContent).toBe('1 个');
    expect(window.__muyield?.ready).toBe(false);
  });

  it('opens a clicked park in the side panel and closes it on a click elsewhere', async () => {
    serve();
    renderApp();
    const markers = (await latestLayers()).find((layer) => layer.id === 'park-markers')!;
    const point = (markers.props.data as ParkPoint[]).find((p) => p.code === 'A');
    act(() => {
      markers.props.onClick!({ object: point });
    });
    expect(screen.getByTestId('park-name').textContent).toBe('恒口示范区');
    const onMapClick = mocks.overlays.at(-1)!.props.onClick as (info: { object?: unknown }) => void;
    act(() => onMapClick({}));
    expect(screen.queryByTestId('park-panel')).toBeNull();
  });

  it('switches to English and back', async () => {
    serve();
    renderApp();
    fireEvent.click(screen.getByTestId('lang-switch'));
    expect(screen.getByTestId('about-button').textContent).toBe('About the data');
    expect(document.documentElement.lang).toBe('en');
    fireEvent.click(screen.getByTestId('lang-switch'));
    expect(screen.getByTestId('about-button').textContent).toBe('关于数据');
  });

  it('fetches the dataset catalogue and health when the about panel opens', async () => {
    const fetchMock = serve();
    renderApp();
    expect(fetchMock).not.toHaveBeenCalledWith('/api/datasets', expect.anything());
    fireEvent.click(screen.getByTestId('about-button'));
    await waitFor(() => expect(screen.getAllByTestId('dataset')).toHaveLength(1));
    expect(screen.getByTestId('dataset-tag').textContent).toBe('示意');
    await waitFor(() => expect(screen.getByTestId('health-line').textContent).toContain('PostgreSQL · PostGIS 3.3.4'));
  });

  it('shows the problem title and detail when the API fails', async () => {
    serve({
      '/api/parks': () =>
        new Response(
          JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503, detail: 'database is starting' }),
          { status: 503, headers: { 'content-type': 'application/problem+json' } },
        ),
    });
    renderApp();
    const banner = await screen.findByTestId('error-banner');
    expect(banner.textContent).toContain('Service Unavailable');
    expect(banner.textContent).toContain('database is starting');
    fireEvent.click(screen.getByRole('button', { name: '关闭提示' }));
    expect(screen.queryByTestId('error-banner')).toBeNull();
  });

  it('offers the latest three years and reloads the parks for the chosen one', async () => {
    const fetchMock = serve();
    renderApp();
    await latestLayers();
    const yearSelect = screen.getByTestId('year-select') as HTMLSelectElement;
    await waitFor(() => expect([...yearSelect.options].map((o) => o.value)).toEqual(['2025', '2024', '2023']));
    fireEvent.change(yearSelect, { target: { value: '2023' } });
    await waitFor(() => expect(fetchMock).toHaveBeenCalledWith('/api/parks?year=2023', expect.anything()));
    await waitFor(() => expect(screen.getByTestId('ranking').textContent).toContain('2023'));
    expect(window.location.search).toBe('?year=2023');
  });

  it('recolours by the chosen metric and writes it to the URL', async () => {
    serve();
    renderApp();
    await latestLayers();
    fireEvent.change(screen.getByTestId('metric-select'), { target: { value: 'taxWanYuanPerMu' } });
    expect(screen.getByTestId('legend').querySelector('h2')?.textContent).toBe('亩均税收 (万元/亩)');
    expect((screen.getByTestId('method-select') as HTMLSelectElement).value).toBe('quantile');
    expect(window.location.search).toBe('?metric=taxWanYuanPerMu&classes=quantile');
  });

  it('flies to a park clicked in the ranking and opens its panel', async () => {
    serve();
    renderApp();
    await latestLayers();
    const row = screen.getAllByTestId('ranking-row').find((r) => r.getAttribute('data-park-code') === 'A')!;
    fireEvent.click(row);
    expect(screen.getByTestId('park-name').textContent).toBe('恒口示范区');
    await waitFor(() => expect(mocks.flights).toHaveLength(1));
    expect(mocks.flights[0].center[0]).toBeCloseTo(108.87, 2);
    expect(window.location.search).toBe('?park=A');
  });

  it('folds the ranking away on a laptop screen while a park is open, and brings it back when it closes', async () => {
    serve();
    renderApp(); // jsdom's window is 1024 px wide
    await latestLayers();
    const sidebar = () => document.getElementById('ranking-sidebar')!;
    expect(sidebar().classList.contains('folded-for-park')).toBe(false);
    fireEvent.click(screen.getAllByTestId('ranking-row').find((r) => r.getAttribute('data-park-code') === 'A')!);
    await waitFor(() => expect(sidebar().classList.contains('folded-for-park')).toBe(true));
    fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(sidebar().classList.contains('folded-for-park')).toBe(false));
  });

  it('restores year, metric, method, park and view from the URL', async () => {
    window.history.replaceState(null, '', '/?year=2023&metric=grade&park=A&view=108.9,32.7,9');
    const fetchMock = serve();
    renderApp();
    await latestLayers();
    expect(fetchMock).toHaveBeenCalledWith('/api/parks?year=2023', expect.anything());
    await waitFor(() => expect(screen.getByTestId('park-name').textContent).toBe('恒口示范区'));
    expect((screen.getByTestId('metric-select') as HTMLSelectElement).value).toBe('grade');
    expect(mocks.mapOptions[0]).toMatchObject({ center: [108.9, 32.7], zoom: 9 });
    expect(window.location.search).toBe('?year=2023&metric=grade&park=A&view=108.9,32.7,9');
  });
});

describe('App, the city and its counties', () => {
  const summary = makeLandUseSummary({ recoverable: { parcelCount: 21, areaMu: 512.3 } });
  const countyRoutes: Record<string, () => Response> = {
    [`/api/land-use/summary?asOf=${landUseAsOf(2025, new Date())}&region=610902`]: () =>
      Response.json({ asOf: landUseAsOf(2025, new Date()), year: 2024, schemeId: 'default', city: summary, regions: { '610902': summary }, parks: {} }),
  };

  it("names the city from the data and gives the ranking the city's own figures, totals as totals", async () => {
    serve();
    renderApp();
    await latestLayers();
    await waitFor(() => expect(screen.getByTestId('tagline').textContent).toBe('安康市县域工业园区土地利用效益'));
    const row = screen.getByTestId('ranking-city');
    expect(row.querySelector('[data-metric=outputWanYuan]')?.textContent).toBe('合计 966.0');
    expect(row.querySelector('[data-metric=outputWanYuanPerMu]')?.textContent).toBe('322.0');
    fireEvent.click(screen.getByTestId('lang-switch'));
    expect(screen.getByTestId('tagline').textContent).toBe('Land-use efficiency of county industrial parks');
  });

  it('opens a county clicked on the map, keeps it in the address bar, and opens one of its parks from it', async () => {
    serve(countyRoutes);
    renderApp();
    const counties = (await latestLayers()).find((layer) => layer.id === 'counties')!;
    act(() => {
      counties.props.onClick!({ object: county });
    });
    // the county panel's code arrives when it is first opened (lazy-panels.tsx)
    expect((await screen.findByTestId('county-name')).textContent).toBe('汉滨区');
    expect(window.location.search).toBe('?county=610902');
    expect(screen.getByTestId('county-value-output').textContent).toBe('250.86 亿元');
    expect(screen.getByTestId('county-metric-outputPerMu').textContent).toContain('▼ 全市 322.0 万元/亩');
    await waitFor(() => expect(screen.getByTestId('county-findings-recoverable').textContent).toBe('21 宗 · 512 亩'));
    fireEvent.click(screen.getByRole('button', { name: '打开园区：恒口示范区' }));
    expect(screen.getByTestId('park-name').textContent).toBe('恒口示范区');
    expect(window.location.search).toBe('?park=A&county=610902');
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.getByTestId('county-name').textContent).toBe('汉滨区');
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByTestId('county-panel')).toBeNull();
    expect(window.location.search).toBe('');
  });

  it('flies to a county picked in the ranking by county, and opens it from a shared link', async () => {
    serve(countyRoutes);
    renderApp();
    await latestLayers();
    fireEvent.click(screen.getByTestId('ranking-scope-counties'));
    fireEvent.click(screen.getAllByTestId('ranking-county-row')[0]);
    expect((await screen.findByTestId('county-name')).textContent).toBe('汉滨区');
    await waitFor(() => expect(mocks.fits).toEqual([[108.5, 32.2, 109.6, 33]]));
    cleanup();
    window.history.replaceState(null, '', '/?county=610902');
    serve(countyRoutes);
    renderApp();
    await waitFor(() => expect(screen.getByTestId('county-name').textContent).toBe('汉滨区'));
  });
});

describe('App in a park', () => {
  const parcels = [makeParcel({ code: 'P1', parkCode: 'A' }), makeParcel({ code: 'P2', parkCode: 'A', holderGrade: 'A' }, [109.01, 32.7])];
  const collection = (features: unknown[]) => () => Response.json({ type: 'FeatureCollection', features });
  const findings = () => Response.json({ type: 'FeatureCollection', features: [makeFinding({ parcelCode: 'P1', parkCode: 'A' })], summary: makeLandUseSummary({ byKind: { idle: { parcelCount: 1, areaMu: 83.27, byRule: {} } } }) });
  const parcelIn = (year: number) => () =>
    Response.json({ ...parcels[0], properties: { ...parcels[0].properties, year, taxWanYuanPerMu: year - 2021.4 } });
  const evaluations = () => Response.json({ year: 2025, schemeId: 'default', results: [] });
  const parkRoutes: Record<string, () => Response> = {
    '/api/parks/A/parcels': collection(parcels),
    '/api/parks/A/parcels?year=2025': collection(parcels),
    '/api/parks/A/buildings': collection([makeBuilding({ parkCode: 'A', parcelCode: 'P1' })]),
    '/api/parks/A/history': () => Response.json({ parkCode: 'A', years: [] }),
    [`/api/idle-land?asOf=${landUseAsOf(null, new Date())}&park=A`]: findings,
    [`/api/idle-land?asOf=${landUseAsOf(2025, new Date())}&park=A`]: findings,
    '/api/evaluations?park=A': evaluations,
    '/api/evaluations?year=2025&park=A': evaluations,
    '/api/parcels/P1': parcelIn(2025),
    '/api/parcels/P1?year=2023': parcelIn(2023),
    '/api/parcels/P1?year=2024': parcelIn(2024),
    '/api/parcels/P1?year=2025': parcelIn(2025),
  };

  it('loads the park’s land per park, restores a tilted view and a parcel from the URL, and shows its tax per mu', async () => {
    window.history.replaceState(null, '', '/?park=A&parcel=P1&view=109,32.7,15,55,20');
    const fetchMock = serve(parkRoutes);
    renderApp();
    expect(mocks.mapOptions[0]).toMatchObject({ center: [109, 32.7], zoom: 15, pitch: 55, bearing: 20 });
    await waitFor(() => expect(screen.getByTestId('detail-taxPerMu').textContent).toBe('亩均税收3.6 万元/亩'));
    expect(fetchMock).toHaveBeenCalledWith('/api/parks/A/parcels?year=2025', expect.anything());
    // Once, for the latest year: not first for an unknown year and again when the parks name it.
    expect(fetchMock.mock.calls.filter(([url]) => url.startsWith('/api/parks/A/parcels'))).toHaveLength(1);
    expect(fetchMock.mock.calls.filter(([url]) => url.startsWith('/api/parcels/P1'))).toHaveLength(3);
    expect(fetchMock).not.toHaveBeenCalledWith(expect.stringMatching(/^\/api\/parks\/B\//), expect.anything());
    await waitFor(() => expect(screen.getByTestId('chart-taxPerMu').querySelectorAll('g[data-year]')).toHaveLength(3));
    const ids = (mocks.overlays.at(-1)!.layers as FakeLayer[]).map((layer) => layer.id);
    expect(ids).toEqual(expect.arrayContaining(['parcels', 'land-use', 'buildings']));
    expect(screen.getByTestId('park-legend')).toBeTruthy();
    expect(window.location.search).toBe('?park=A&parcel=P1&view=109,32.7,15,55,20');
  });

  it('opens a clicked parcel, goes back to the park summary, and tilts the map from the tools', async () => {
    window.history.replaceState(null, '', '/?park=A');
    serve(parkRoutes);
    renderApp();
    let parcelLayer: FakeLayer | undefined;
    await waitFor(() => {
      parcelLayer = (mocks.overlays.at(-1)?.layers as FakeLayer[] | undefined)?.find((layer) => layer.id === 'parcels');
      expect(parcelLayer?.props.data).toHaveLength(2);
    });
    act(() => {
      parcelLayer!.props.onClick!({ object: parcels[0] });
    });
    expect(window.location.search).toBe('?park=A&parcel=P1');
    await waitFor(() => expect(screen.getByTestId('details-title').textContent).toBe('P1'));
    fireEvent.click(screen.getByTestId('details-back'));
    expect(screen.getByTestId('park-name').textContent).toBe('恒口示范区');
    await waitFor(() => expect(screen.getByTestId('park-vacancy').textContent).toContain('m²'));
    expect(screen.getByTestId('park-findings-idle').textContent).toBe('1 宗 · 83.3 亩');
    fireEvent.click(screen.getByTestId('tilt-button'));
    await waitFor(() => expect(mocks.eases).toContainEqual({ pitch: 55 }));
    fireEvent.click(screen.getByRole('checkbox', { name: '县界' }));
    expect(window.location.search).toBe('?park=A&layers=parcels,buildings,landUse');
  });

  it('opens a parcel found by search in its park, with its details', async () => {
    const hit = { kind: 'parcel', code: 'P1', name: 'P1', parkCode: 'A', parkName: '恒口示范区', bbox: [109, 32.7, 109.01, 32.71], point: [109.005, 32.705] };
    serve({ ...parkRoutes, '/api/search?q=P1&limit=8': () => Response.json({ query: 'P1', results: [hit] }) });
    renderApp();
    fireEvent.change(screen.getByTestId('search-input'), { target: { value: 'P1' } });
    await waitFor(() => expect(screen.getAllByTestId('search-hit')).toHaveLength(1));
    fireEvent.mouseDown(screen.getByTestId('search-hit'));
    await waitFor(() => expect(window.location.search).toBe('?park=A&parcel=P1'));
    await waitFor(() => expect(screen.getByTestId('details-title').textContent).toBe('P1'));
    expect(screen.queryByTestId('enterprise-panel')).toBeNull();
    expect(mocks.fits).toHaveLength(1);
  });

  it('steps back with Escape: from the details to the park, then out of the park', async () => {
    window.history.replaceState(null, '', '/?park=A&parcel=P1');
    serve(parkRoutes);
    renderApp();
    await waitFor(() => expect(screen.getByTestId('details-title').textContent).toBe('P1'));
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.getByTestId('park-name').textContent).toBe('恒口示范区');
    expect(window.location.search).toBe('?park=A');
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByTestId('park-panel')).toBeNull();
  });
});
