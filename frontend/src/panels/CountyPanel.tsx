import type { CityFigures } from '../api/area-types';
import type { LandUseSummary } from '../api/park-types';
import type { ParkProperties, RegionProperties } from '../api/types';
import { compareToCity } from '../city/city-metrics';
import { formatCount, formatMu, formatNumber, formatWanYuan, formatWanYuanPerMu, MISSING } from '../format';
import { useT } from '../i18n/i18n-context';
import { GRADE_COLORS } from '../map/colouring';
import { AreaIndicatorsTable } from './AreaIndicatorsTable';
import { GradeCountsLine, LandRatesList } from './AreaFigures';
import { ScoreItemsTable } from './details/ScoreBreakdown';
import { cssColor } from './Legend';
import { LandUseFindings } from './ParkLandSummary';
import './county.css';

export interface CountyFindings {
  /** The county's totals (GET /api/land-use/summary?region=), each parcel counted once; null until loaded. */
  summary: LandUseSummary | null;
  /** The date they are for (YYYY-MM-DD). */
  asOf: string | null;
  loading: boolean;
}

export interface CountyPanelProps {
  /** The county as GET /api/regions gives it: its parks' figures summed, its grade among counties. */
  county: RegionProperties;
  /** Its parks (GET /api/parks), each opening its park panel. */
  parks: ParkProperties[];
  /** The city's own figures (GET /api/parks `city`), shown beside the county's. */
  city: CityFigures | null;
  findings: CountyFindings;
  onClose: () => void;
  onSelectPark: (parkCode: string) => void;
}

/**
 * One county: its parks, its figures (totals as totals, per mu against the city's), its nine indicators,
 * its grade among the counties with the breakdown, its firms' grades, its land-use rates and its findings.
 * Every figure is the server's; nothing is summed here.
 */
export function CountyPanel({ county, parks, city, findings, onClose, onSelectPark }: CountyPanelProps) {
  const t = useT();
  const k = t.county;
  const versusCity = (value: number | null | undefined, cityValue: number | null | undefined) => {
    const comparison = compareToCity(value ?? null, cityValue ?? null);
    if (comparison === null) return null;
    const title = comparison > 0 ? t.parkSummary.aboveAverage : comparison < 0 ? t.parkSummary.belowAverage : undefined;
    return (
      <div className={`versus-city ${comparison > 0 ? 'above' : 'below'}`} title={title}>
        <span aria-label={title}>{comparison > 0 ? '▲' : comparison < 0 ? '▼' : '='}</span>{' '}
        {t.cityView.versusCity(formatWanYuanPerMu(cityValue))}
      </div>
    );
  };
  const metrics = [
    { key: 'output', label: k.output, value: formatWanYuan(county.outputWanYuan) },
    { key: 'tax', label: k.tax, value: formatWanYuan(county.taxWanYuan) },
    {
      key: 'outputPerMu',
      label: k.outputPerMu,
      value: formatWanYuanPerMu(county.outputWanYuanPerMu),
      city: versusCity(county.outputWanYuanPerMu, city?.outputWanYuanPerMu),
    },
    {
      key: 'taxPerMu',
      label: k.taxPerMu,
      value: formatWanYuanPerMu(county.taxWanYuanPerMu),
      city: versusCity(county.taxWanYuanPerMu, city?.taxWanYuanPerMu),
    },
    { key: 'enterprises', label: k.enterprises, value: `${formatCount(county.enterpriseCount)} ${t.park.enterprisesUnit}` },
  ];
  const year = county.year ?? null;

  return (
    <aside className="panel park-panel county-panel" role="dialog" aria-label={k.dialogLabel(county.name)} data-testid="county-panel">
      <header className="panel-header">
        <div>
          <h2 className="panel-title" data-testid="county-name">
            {county.name}
          </h2>
          <div className="badges">
            <span className="badge">{k.badge}</span>
          </div>
        </div>
        <button type="button" className="close-button" onClick={onClose} aria-label={k.close}>
          ×
        </button>
      </header>

      <dl className="facts">
        <dt>{k.parkCount}</dt>
        <dd data-testid="county-park-count">{k.parkCountValue(formatCount(county.parkCount))}</dd>
        <dt>{k.usedLand}</dt>
        <dd data-testid="county-used-land">{formatMu(county.usedLandMu)}</dd>
      </dl>

      <h3 className="section-title">{year === null ? k.noYear : k.figuresOfYear(year)}</h3>
      <dl className="metrics">
        {metrics.map((metric) => (
          <div key={metric.key} className="metric" data-testid={`county-metric-${metric.key}`}>
            <dt>{metric.label}</dt>
            <dd>
              <span data-testid={`county-value-${metric.key}`}>{metric.value}</span>
              {metric.city}
            </dd>
          </div>
        ))}
      </dl>
      <AreaIndicatorsTable of="county" metrics={county.metrics} cityMetrics={city?.metrics} testId="county-indicators" />

      <h3 className="section-title">{k.parks}</h3>
      {parks.length === 0 ? (
        <p className="muted-inline">{k.noParks}</p>
      ) : (
        <ul className="county-parks" data-testid="county-parks">
          {parks.map((park) => (
            <li key={park.code} data-park-code={park.code}>
              {park.grade ? (
                <span className="grade-chip small" style={{ background: cssColor(GRADE_COLORS[park.grade]) }} title={t.park.gradeOf(park.grade, park.gradeLabel ?? null)}>
                  {park.grade}
                </span>
              ) : (
                <span className="grade-chip small muted-chip">{MISSING}</span>
              )}
              <button type="button" className="park-link" onClick={() => onSelectPark(park.code)} aria-label={k.openPark(park.name)}>
                {park.name}
              </button>
              <span className="county-park-figure">{formatWanYuanPerMu(park.outputWanYuanPerMu)}</span>
            </li>
          ))}
        </ul>
      )}

      <h3 className="section-title">{t.park.grade}</h3>
      <div className="grade-line" data-testid="county-grade">
        {county.grade ? (
          <>
            <span className="grade-chip" style={{ background: cssColor(GRADE_COLORS[county.grade]) }} aria-hidden="true">
              {county.grade}
            </span>
            <span>{t.park.gradeOf(county.grade, county.gradeLabel ?? null)}</span>
            {county.gradeScore != null && (
              <span className="muted-inline" data-testid="county-grade-score">
                {county.gradeMaxScore != null
                  ? t.scoring.scoreOutOf(formatNumber(county.gradeScore, 1), formatNumber(county.gradeMaxScore, 0))
                  : `${t.park.score} ${t.park.scoreValue(formatNumber(county.gradeScore, 1))}`}
              </span>
            )}
          </>
        ) : (
          <span className="muted-inline">{t.park.notGraded}</span>
        )}
      </div>
      {county.grade && county.gradeItems && county.gradeItems.length > 0 && (
        <div className="score-breakdown" data-testid="county-grade-breakdown">
          <ScoreItemsTable items={county.gradeItems} caption={k.breakdown} />
          <p className="muted-inline small">{k.basis}</p>
        </div>
      )}
      {county.gradeCounts && <GradeCountsLine counts={county.gradeCounts} testId="county-grade-counts" />}

      <h3 className="section-title">{t.park.land}</h3>
      <LandRatesList land={county.landMetrics} testId="county-land" />

      <h3 className="section-title">{k.findings}</h3>
      {findings.summary ? (
        <>
          {findings.asOf && <p className="muted-inline small">{k.findingsAsOf(findings.asOf)}</p>}
          <LandUseFindings findings={findings.summary} testIdPrefix="county-findings" />
        </>
      ) : (
        findings.loading && <p className="muted-inline small">{k.findingsLoading}</p>
      )}
    </aside>
  );
}
