import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Problem } from './api/types';
import { useAboutData } from './data/use-about-data';
import { useMapData } from './data/use-map-data';
import { useLocale, useT } from './i18n/i18n-context';
import { ParkMap } from './map/ParkMap';
import { classifyOutputPerMu, type TierId } from './map/tiers';
import { AboutPanel } from './panels/AboutPanel';
import { ErrorBanner } from './panels/ErrorBanner';
import { Header } from './panels/Header';
import { Legend } from './panels/Legend';
import { PARK_PANEL_INSET_PX, ParkPanel } from './panels/ParkPanel';

const problemKey = (problem: Problem) => `${problem.status} ${problem.title} ${problem.detail ?? ''}`;

export function App() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const { regions, parks, rivers, loading, problems: mapProblems } = useMapData();
  const [selectedCode, setSelectedCode] = useState<string | null>(null);
  const [aboutOpen, setAboutOpen] = useState(false);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const about = useAboutData(aboutOpen);

  const selectedPark = useMemo(
    () => parks.find((park) => park.properties.code === selectedCode)?.properties ?? null,
    [parks, selectedCode],
  );

  const tierCounts = useMemo(() => {
    const counts: Partial<Record<TierId, number>> = {};
    for (const park of parks) {
      const tier = classifyOutputPerMu(park.properties.outputWanYuanPerMu);
      counts[tier] = (counts[tier] ?? 0) + 1;
    }
    return counts;
  }, [parks]);

  const problems = [
    ...mapProblems,
    ...(about.datasets.status === 'error' ? [about.datasets.problem] : []),
    ...(about.health.status === 'error' ? [about.health.problem] : []),
  ].filter((problem) => !dismissed.has(problemKey(problem)));

  const closePanels = useCallback(() => {
    setAboutOpen(false);
    setSelectedCode(null);
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') closePanels();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [closePanels]);

  return (
    <div className="app">
      <Header
        locale={locale}
        onToggleLocale={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}
        onOpenAbout={() => setAboutOpen(true)}
      />
      <main className="map-area">
        <ParkMap
          regions={regions}
          rivers={rivers}
          parks={parks}
          selectedCode={selectedCode}
          onSelectPark={setSelectedCode}
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
        <Legend counts={parks.length > 0 ? tierCounts : undefined} />
        {selectedPark && <ParkPanel park={selectedPark} onClose={() => setSelectedCode(null)} />}
      </main>
      {aboutOpen && <AboutPanel datasets={about.datasets} health={about.health} onClose={() => setAboutOpen(false)} />}
    </div>
  );
}
