import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Problem } from './api/types';
import { type ColourBy, METRICS } from './city/city-metrics';
import { type CityViewState, type MapView, parseCityViewState, toCitySearch } from './city/url-state';
import { useAboutData } from './data/use-about-data';
import { useMapData } from './data/use-map-data';
import { useLocale, useT } from './i18n/i18n-context';
import { createColouring } from './map/colouring';
import { type FocusRequest, ParkMap } from './map/ParkMap';
import { AboutPanel } from './panels/AboutPanel';
import { CityControls } from './panels/CityControls';
import { ErrorBanner } from './panels/ErrorBanner';
import { Header } from './panels/Header';
import { Legend } from './panels/Legend';
import { PARK_PANEL_INSET_PX, ParkPanel } from './panels/ParkPanel';
import { RankingList } from './panels/RankingList';

const problemKey = (problem: Problem) => `${problem.status} ${problem.title} ${problem.detail ?? ''}`;

export function App() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  // The shareable state lives in the query string: read once, written back on every change.
  const [city, setCity] = useState<CityViewState>(() => parseCityViewState(window.location.search));
  const { regions, parks, rivers, years, year, loading, problems: mapProblems } = useMapData(city.year);
  const [hoveredCode, setHoveredCode] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const [aboutOpen, setAboutOpen] = useState(false);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const about = useAboutData(aboutOpen);
  const selectedCode = city.park;

  useEffect(() => {
    const search = toCitySearch(city);
    if (search !== window.location.search) {
      window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
    }
  }, [city]);

  const update = useCallback((patch: Partial<CityViewState>) => setCity((current) => ({ ...current, ...patch })), []);
  const selectPark = useCallback((park: string | null) => update({ park }), [update]);
  const onViewChange = useCallback((view: MapView) => update({ view }), [update]);
  const focusPark = useCallback(
    (code: string) => {
      update({ park: code });
      setFocusRequest((previous) => ({ code, nonce: (previous?.nonce ?? 0) + 1 }));
    },
    [update],
  );
  const onColourByChange = useCallback(
    (metric: ColourBy) =>
      setCity((current) => ({
        ...current,
        metric,
        // Fixed classes exist for 亩均产值 only; elsewhere start from quantiles.
        classes: current.classes === 'fixed' && metric !== 'outputWanYuanPerMu' ? 'quantile' : current.classes,
      })),
    [],
  );

  const parkProperties = useMemo(() => parks.map((park) => park.properties), [parks]);
  const colouring = useMemo(
    () => createColouring(parkProperties, city.metric, city.classes),
    [parkProperties, city.metric, city.classes],
  );
  const selectedPark = useMemo(
    () => parkProperties.find((park) => park.code === selectedCode) ?? null,
    [parkProperties, selectedCode],
  );

  const problems = [
    ...mapProblems,
    ...(about.datasets.status === 'error' ? [about.datasets.problem] : []),
    ...(about.health.status === 'error' ? [about.health.problem] : []),
  ].filter((problem) => !dismissed.has(problemKey(problem)));

  const closePanels = useCallback(() => {
    setAboutOpen(false);
    selectPark(null);
  }, [selectPark]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') closePanels();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [closePanels]);

  const legendTitle = t.city.colourByOptions[city.metric];
  const legendUnit = city.metric === 'grade' ? undefined : t.units[METRICS[city.metric].unit];

  return (
    <div className="app">
      <Header
        locale={locale}
        onToggleLocale={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}
        onOpenAbout={() => setAboutOpen(true)}
      />
      <div className="city-view">
        <aside className="sidebar" aria-label={t.ranking.title}>
          <CityControls
            years={years}
            year={year}
            onYearChange={(y) => update({ year: y })}
            colourBy={city.metric}
            onColourByChange={onColourByChange}
            method={colouring.method}
            onMethodChange={(classes) => update({ classes })}
          />
          <RankingList
            parks={parkProperties}
            year={year}
            selectedCode={selectedCode}
            onHoverPark={setHoveredCode}
            onSelectPark={focusPark}
          />
        </aside>
        <main className="map-area">
          <ParkMap
            regions={regions}
            rivers={rivers}
            parks={parks}
            selectedCode={selectedCode}
            colorFor={colouring.colorOf}
            highlightedCode={hoveredCode}
            focusRequest={focusRequest}
            initialView={city.view}
            onViewChange={onViewChange}
            onSelectPark={selectPark}
            attribution={t.map.attribution}
            ariaLabel={t.map.ariaLabel}
            rightInsetPx={selectedPark ? PARK_PANEL_INSET_PX : 0}
          />
          {loading && (
            <div className="loading" role="status">
              {t.app.loading}
            </div>
          )}
          <ErrorBanner
            problems={problems}
            onDismiss={() => setDismissed(new Set([...dismissed, ...problems.map(problemKey)]))}
          />
          <Legend title={legendTitle} unit={legendUnit} classes={colouring.classes} showCounts={parks.length > 0} />
          {selectedPark && (
            <ParkPanel
              park={selectedPark}
              mapColor={city.metric === 'outputWanYuanPerMu' ? colouring.colorOf(selectedPark.code) : undefined}
              onClose={() => selectPark(null)}
            />
          )}
        </main>
      </div>
      {aboutOpen && <AboutPanel datasets={about.datasets} health={about.health} onClose={() => setAboutOpen(false)} />}
    </div>
  );
}
