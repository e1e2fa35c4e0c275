import { useEffect, useRef } from 'react';
import type { DatasetList, Health } from '../api/types';
import type { Resource } from '../data/use-resource';
import { useLocale, useT } from '../i18n/i18n-context';
import { DatasetText } from './DatasetText';

export interface AboutPanelProps {
  datasets: Resource<DatasetList>;
  health: Resource<Health>;
  onClose: () => void;
}

/** Every dataset behind the map, marked real or illustrative, and which database serves it. */
export function AboutPanel({ datasets, health, onClose }: AboutPanelProps) {
  const t = useT();
  const { locale } = useLocale();
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    closeRef.current?.focus();
  }, []);

  return (
    <div className="backdrop" onClick={onClose}>
      <section
        className="panel about-panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby="about-title"
        data-testid="about-panel"
        onClick={(event) => event.stopPropagation()}
      >
        <header className="panel-header">
          <h2 className="panel-title" id="about-title">
            {t.about.title}
          </h2>
          <button ref={closeRef} type="button" className="close-button" onClick={onClose} aria-label={t.about.close}>
            ×
          </button>
        </header>
        <p className="intro">{t.about.intro}</p>

        {datasets.status === 'loading' && <p className="muted">{t.about.loading}</p>}
        {datasets.status === 'error' && (
          <p className="inline-error" role="alert">
            {datasets.problem.title}
            {datasets.problem.detail ? ` — ${datasets.problem.detail}` : ''}
          </p>
        )}
        {datasets.status === 'ready' && (
          <ul className="datasets">
            {datasets.data.datasets.map((dataset) => (
              <li key={dataset.id} className="dataset" data-testid="dataset" data-dataset-id={dataset.id}>
                <div className="dataset-head">
                  <span className="dataset-name">{locale === 'en' ? dataset.nameEn : dataset.name}</span>
                  <span
                    className={`badge ${dataset.real ? 'real' : 'illustrative'}`}
                    data-testid="dataset-tag"
                    data-real={dataset.real}
                  >
                    {dataset.real ? t.about.real : t.about.illustrative}
                  </span>
                </div>
                <dl className="dataset-facts">
                  <dt>{t.about.source}</dt>
                  <dd><DatasetText dataset={dataset} field="source" /></dd>
                  <dt>{t.about.licence}</dt>
                  <dd><DatasetText dataset={dataset} field="licence" /></dd>
                  <dt>{t.about.vintage}</dt>
                  <dd><DatasetText dataset={dataset} field="vintage" /></dd>
                  <dt>{t.about.crs}</dt>
                  <dd><DatasetText dataset={dataset} field="crs" /></dd>
                </dl>
                {dataset.note && <p className="dataset-note"><DatasetText dataset={dataset} field="note" /></p>}
              </li>
            ))}
          </ul>
        )}

        <p className="units">{t.about.units}</p>
        <p className="health" data-testid="health-line">
          {health.status === 'ready'
            ? t.about.health(t.about.databases[health.data.database] ?? health.data.database, health.data.postgis)
            : health.status === 'error'
              ? `${health.problem.title}${health.problem.detail ? ` — ${health.problem.detail}` : ''}`
              : t.about.loading}
        </p>
      </section>
    </div>
  );
}
