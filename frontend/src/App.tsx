import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Problem } from './api/types';
import { type ColourBy, METRICS } from './city/city-metrics';
import { type CityViewState, type MapView, parseCityViewState, toCitySearch } from './city/url-state';
import { useAboutData } from './data/use-about-data';
import { useEnglishNames } from './data/use-english-names';
import { withEnglishNames } from './i18n/data-names';
import { DataNamesContext } from './i18n/DataNames';
import { useMapData } from './data/use-map-data';
import { useParkView } from './data/use-park-view';
import { describeParkLand } from './map/park-tooltip';
import { useLocale, useT } from './i18n/i18n-context';
import { createColouring } from './map/colouring';
import { type FocusRequest, ParkMap } from './map/ParkMap';
import { CityControls } from './panels/CityControls';
import { ErrorBanner } from './panels/ErrorBanner';
import { Header } from './panels/Header';
import { Legend } from './panels/Legend';
import { ParkPanel } from './panels/ParkPanel';
import { RankingList } from './panels/RankingList';
import { MapTools, startsFolded } from './panels/MapTools';
import { ParkLandSummary } from './panels/ParkLandSummary';
import { ParkLegend } from './panels/ParkLegend';
import type { SearchHit } from './api/finder-types';
import { ParkExports } from './panels/ParkExports';
import { useCountyView } from './data/use-county-view';
import { ParkAdjustmentsList } from './adjustments/ParkAdjustmentsList';
import { HeaderSearch } from './search/HeaderSearch';
import { useEnterprise } from './search/use-search';
import { useFitRequest } from './search/use-fit-request';
import { loadBasemapChoice, OFFLINE_BASEMAP, saveBasemapChoice, type BasemapChoice } from './settings/basemap';
import { BasemapNotice } from './settings/BasemapNotice';
import { toPrintHref } from './vacancy/print-route';
import { BUILDING_FIT_MAX_ZOOM, useVacancyFinder } from './vacancy/use-vacancy-finder';
import { withVacancyFinderSearch } from './vacancy/vacancy-url-state';
// Loaded when first opened: not part of the first screen's download.
import { AboutPanel, CountyPanel, DetailsPanel, EnterprisePanel, ImportWizard, SettingsDialog, VacancyPanel } from './lazy-panels';

/** Widest screen treated as a laptop (1280 × 720, 1366 × 768): opening a park folds the ranking away. */
const LAPTOP_MAX_WIDTH_PX = 1440;

const problemKey = (problem: Problem) => `${problem.status} ${problem.title} ${problem.detail ?? ''}`;

export function App() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  // The shareable state lives in the query string: read once, written back on every change.
  const [city, setCity] = useState<CityViewState>(() => parseCityViewState(window.location.search));
  const mapData = useMapData(city.year);
  const { rivers, years, year, loading, problems: mapProblems } = mapData;
  // In English the counties, parks, industries and grade labels carry their English names (i18n/data-names.ts).
  const englishNames = useEnglishNames(locale === 'en');
  const { parks, regions } = useMemo(
    () => withEnglishNames(mapData.parks, mapData.regions, englishNames),
    [mapData.parks, mapData.regions, englishNames],
  );
  const [hoveredCode, setHoveredCode] = useState<string | null>(null);
  // A shared link to a park without a view flies into the park once it is on the map.
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(() =>
    city.park && !city.view ? { code: city.park, nonce: 1 } : null,
  );
  const [aboutOpen, setAboutOpen] = useState(false);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const about = useAboutData(aboutOpen);
  const selectedCode = city.park;
  const [fitRequest, fitTo] = useFitRequest();
  const finder = useVacancyFinder(fitTo);
  const [basemap, setBasemap] = useState<BasemapChoice>(() => loadBasemapChoice());
  // An online basemap whose tiles fail is replaced by the offline map for this visit; the choice (and
  // key) stays saved, to be tried again next time or corrected in the settings.
  const [basemapUnreachable, setBasemapUnreachable] = useState<'shown' | 'dismissed' | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const [enterpriseUscc, setEnterpriseUscc] = useState<string | null>(null);
  const enterprise = useEnterprise(enterpriseUscc);

  useEffect(() => {
    const search = withVacancyFinderSearch(toCitySearch(city), finder.state);
    if (search !== window.location.search) {
      window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
    }
  }, [city, finder.state]);

  const update = useCallback((patch: Partial<CityViewState>) => setCity((current) => ({ ...current, ...patch })), []);
  // Another park (or none) drops what was selected in the previous one.
  const selectPark = useCallback((park: string | null) => update({ park, selection: null }), [update]);
  const county = useCountyView({ city, year, regions, parks, cityFigures: mapData.city, locale, englishNames, setCity, fitTo });
  const onViewChange = useCallback((view: MapView) => update({ view }), [update]);
  // A park opened from its county's panel keeps the county, to come back to when the park closes.
  const focusPark = useCallback(
    (code: string, options: { keepCounty?: boolean } = {}) => {
      setCity((current) => ({
        ...current,
        park: code,
        county: options.keepCounty ? current.county : null,
        selection: current.park === code ? current.selection : null,
      }));
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
  const regionOptions = useMemo(() => regions.map((r) => ({ code: r.properties.code, name: r.properties.name })), [regions]);
  const chooseSearchHit = useCallback(
    (hit: SearchHit) => {
      // A firm with land opens in its park's details, like one picked on the map; a firm without land
      // has no park, so it gets the search's own panel.
      setEnterpriseUscc(hit.kind === 'enterprise' && !hit.parkCode ? hit.code : null);
      if (hit.kind === 'park') return focusPark(hit.code);
      if (hit.kind === 'parcel' && hit.parkCode) update({ park: hit.parkCode, selection: { kind: 'parcel', code: hit.code } });
      if (hit.kind === 'enterprise' && hit.parkCode) update({ park: hit.parkCode, selection: { kind: 'enterprise', code: hit.code } });
      if (hit.bbox) fitTo(hit.bbox, BUILDING_FIT_MAX_ZOOM);
    },
    [focusPark, update, fitTo],
  );
  const colouring = useMemo(
    () => createColouring(parkProperties, city.metric, city.classes),
    [parkProperties, city.metric, city.classes],
  );
  const selectedPark = useMemo(
    () => parkProperties.find((park) => park.code === selectedCode) ?? null,
    [parkProperties, selectedCode],
  );
  const parkView = useParkView({ city, year, years, parks: parkProperties, update });
  const [rankingHidden, setRankingHidden] = useState(false);
  // Tablet width: panels are a sheet over the map's lower part, not columns beside it.
  const narrow = startsFolded();
  // On a laptop screen the ranking, the park panel and the park legend would leave the park a strip of
  // map: while a park is open the ranking is folded away (beside the map only: at tablet width it stacks
  // above the map and stays, park-view.css), and it comes back when the park closes. The fold is part of
  // the same render that opens the park, so the flight into it frames it in the map that remains.
  const [foldReleasedFor, setFoldReleasedFor] = useState<string | null>(null);
  useEffect(() => {
    if (!selectedCode) setFoldReleasedFor(null);
  }, [selectedCode]);
  const foldedForPark = Boolean(selectedCode) && foldReleasedFor !== selectedCode && window.innerWidth <= LAPTOP_MAX_WIDTH_PX;
  // A park clicked on the map is flown into, so its parcels can be told apart; a click beside every park
  // and county closes what is open.
  const selectParkOnMap = useCallback(
    (code: string | null) => (code === null ? update({ park: null, county: null, selection: null }) : code !== selectedCode && focusPark(code)),
    [update, focusPark, selectedCode],
  );

  const problems = [
    ...mapProblems,
    ...parkView.land.problems,
    ...parkView.history.problems,
    ...county.problems,
    ...(about.datasets.status === 'error' ? [about.datasets.problem] : []),
    ...(about.health.status === 'error' ? [about.health.problem] : []),
  ].filter((problem) => !dismissed.has(problemKey(problem)));

  // Escape steps back: from a parcel's, building's or firm's details to its park, then out of the park (to
  // the county it was opened from), then out of the county.
  const closePanels = useCallback(() => {
    setAboutOpen(false);
    setCity((current) =>
      current.selection ? { ...current, selection: null } : current.park ? { ...current, park: null } : { ...current, county: null },
    );
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') closePanels();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [closePanels]);

  const legendTitle = t.city.colourByOptions[city.metric];
  const legendUnit = city.metric === 'grade' ? undefined : t.units[METRICS[city.metric].unit];

  const mapTools = (
    <MapTools
      layers={city.layers}
      onLayersChange={(layers) => update({ layers })}
      tilted={parkView.tilted}
      onTiltChange={parkView.tilt}
      onRotate={parkView.rotate}
      onResetNorth={parkView.resetNorth}
      rankingHidden={rankingHidden || (foldedForPark && !narrow)}
      onRankingHiddenChange={(hidden) => {
        setRankingHidden(hidden);
        setFoldReleasedFor(selectedCode);
      }}
      foldWhen={finder.state.open}
    />
  );
  // The city legend folds to its title where room is short: beside the park legend, under the finder,
  // and at tablet width (a new key starts it folded or open again).
  const legendFolded = Boolean(parkView.legend && selectedPark) || finder.state.open || narrow;
  const cityLegend = (
    <Legend
      key={legendFolded ? 'folded' : 'open'}
      title={legendTitle}
      unit={legendUnit}
      classes={colouring.classes}
      showCounts={parks.length > 0}
      foldable={legendFolded}
    />
  );
  const leftOverlays = (
    <>
      {mapTools}
      {finder.state.open && (
        <VacancyPanel
          filter={finder.state.filter}
          onFilterChange={finder.setFilter}
          result={finder.result}
          parks={parkProperties}
          regions={regionOptions}
          selectedBuildingCode={finder.selectedBuildingCode}
          onSelectBuilding={finder.selectBuilding}
          printHrefOf={toPrintHref}
          onClose={() => finder.setOpen(false)}
        />
      )}
      {parkView.legend && selectedPark ? (
        <div className="legend-stack">
          {cityLegend}
          <ParkLegend {...parkView.legend} />
        </div>
      ) : (
        cityLegend
      )}
    </>
  );
  const rightOverlays = enterpriseUscc ? (
    <EnterprisePanel
      enterprise={enterprise}
      parkName={(code) => parkProperties.find((p) => p.code === code)?.name ?? code}
      onClose={() => setEnterpriseUscc(null)}
    />
  ) : selectedPark ? (
    city.selection ? (
      <DetailsPanel
        selection={city.selection}
        details={parkView.details}
        parkName={selectedPark.name}
        findings={parkView.land.findings}
        buildings={parkView.land.buildings}
        evaluations={parkView.land.evaluations}
        onSelect={parkView.select}
        onBack={() => parkView.select(null)}
      />
    ) : (
      <ParkPanel
        park={selectedPark}
        mapColor={city.metric === 'outputWanYuanPerMu' ? colouring.colorOf(selectedPark.code) : undefined}
        onClose={() => selectPark(null)}
        city={mapData.city}
        history={parkView.history.history}
        historyLoading={parkView.history.loading}
      >
        {parkView.summary && !parkView.land.loading && <ParkLandSummary {...parkView.summary} />}
        {!parkView.land.loading && (
          <ParkAdjustmentsList
            evaluations={parkView.land.evaluations}
            schemeVersion={parkView.land.schemeVersion}
            onSelectFirm={(uscc) => parkView.select({ kind: 'enterprise', code: uscc })}
          />
        )}
        <ParkExports parkCode={selectedPark.code} year={year} />
      </ParkPanel>
    )
  ) : county.panel ? (
    <CountyPanel
      {...county.panel}
      city={mapData.city}
      onClose={() => update({ county: null })}
      onSelectPark={(code) => focusPark(code, { keepCounty: true })}
    />
  ) : null;
  const notices = (
    <>
      {loading && (
        <div className="loading" role="status">
          {t.app.loading}
        </div>
      )}
      {basemapUnreachable === 'shown' && basemap.kind !== 'offline' && (
        <BasemapNotice kind={basemap.kind} onOpenSettings={() => setSettingsOpen(true)} onDismiss={() => setBasemapUnreachable('dismissed')} />
      )}
      <ErrorBanner
        problems={problems}
        onDismiss={() => setDismissed(new Set([...dismissed, ...problems.map(problemKey)]))}
      />
    </>
  );

  return (
    <DataNamesContext.Provider value={englishNames}>
      <div className="app">
        <Header
          locale={locale}
          onToggleLocale={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}
          onOpenAbout={() => setAboutOpen(true)}
          cityName={county.cityName}
        >
          <HeaderSearch onChoose={chooseSearchHit} />
          <button type="button" aria-pressed={finder.state.open} onClick={() => finder.setOpen(!finder.state.open)} data-testid="finder-button">
            {t.vacancy.open}
          </button>
          <button type="button" onClick={() => setSettingsOpen(true)} data-testid="settings-button">
            {t.settings.open}
          </button>
          <button type="button" onClick={() => setImportOpen(true)} data-testid="import-button">
            {t.imports.open}
          </button>
        </Header>
        <div className="city-view">
          <aside className={`sidebar${rankingHidden ? ' collapsed' : ''}${foldedForPark ? ' folded-for-park' : ''}`} id="ranking-sidebar" aria-label={t.ranking.title}>
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
              regions={county.regionProperties}
              city={mapData.city}
              cityName={county.cityName}
              year={year}
              selectedCode={selectedCode}
              selectedCountyCode={city.county}
              onHoverPark={setHoveredCode}
              onSelectPark={focusPark}
              onSelectCounty={county.flyToCounty}
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
              onSelectPark={selectParkOnMap}
              onSelectCounty={county.openCounty}
              selectedCountyCode={city.county}
              parkLand={parkView.mapLand}
              layerVisibility={city.layers}
              viewCommand={parkView.viewCommand}
              attribution={t.map.attribution}
              ariaLabel={t.cityView.mapLabel(county.cityName)}
              describePick={(layerId, object) => describeParkLand(layerId, object, t)}
              extraLayers={finder.layers}
              fitRequest={fitRequest}
              basemap={basemapUnreachable ? OFFLINE_BASEMAP : basemap}
              onBasemapUnreachable={() => setBasemapUnreachable('shown')}
              overlays={{ left: leftOverlays, right: rightOverlays, notices }}
            />
          </main>
        </div>
        {settingsOpen && (
          <SettingsDialog
            choice={basemap}
            onApply={(choice) => {
              saveBasemapChoice(choice);
              setBasemap(choice);
              setBasemapUnreachable(null);
              setSettingsOpen(false);
            }}
            onClose={() => setSettingsOpen(false)}
          />
        )}
        {importOpen && (
          <ImportWizard reference={{ type: 'FeatureCollection', features: regions }} onClose={() => setImportOpen(false)} />
        )}
        {aboutOpen && <AboutPanel datasets={about.datasets} health={about.health} onClose={() => setAboutOpen(false)} />}
      </div>
    </DataNamesContext.Provider>
  );
}
