import type { ReactNode } from 'react';
import type { CityFigures, ParkHistory } from '../api/area-types';
import type { ParkProperties } from '../api/types';
import { compareToCity } from '../city/city-metrics';
import { formatCount, formatMu, formatNumber, formatWanYuan, formatWanYuanPerMu, MISSING } from '../format';
import { useT } from '../i18n/i18n-context';
import { GRADE_COLORS } from '../map/colouring';
import type { Rgb } from '../map/tiers';
import { AreaIndicatorsTable } from './AreaIndicatorsTable';
import { GradeCountsLine, LandRatesList } from './AreaFigures';
import { cssColor } from './Legend';
import { ParkHistoryCharts } from './ParkHistoryCharts';
import { ScoreItemsTable } from './details/ScoreBreakdown';

export interface ParkPanelProps {
  park: ParkProperties;
  /** The park's colour on the map, shown beside the figure the map is coloured by. */
  mapColor?: Rgb;
  onClose: () => void;
  /** The city's own figures (GET /api/parks `city`), shown beside the park's. */
  city?: CityFigures | null;
  /** The park's figures over the years with the city's (GET /api/parks/:code/history); null while loading. */
  history?: ParkHistory | null;
  historyLoading?: boolean;
  /** The park's land once loaded (park view): parcels, factory space, findings. */
  children?: ReactNode;
}

/** One park's profile and its latest year's figures; nulls show as "—". */
export function ParkPanel({ park, mapColor, onClose, city = null, history = null, historyLoading = false, children }: ParkPanelProps) {
  const t = useT();
  const counts = park.gradeCounts ?? null;
  const industries = park.leadingIndustries.length > 0 ? park.leadingIndustries.join(t.park.listSeparator) : MISSING;
  const versusCity = (value: number | null, cityValue: number | null | undefined) => {
    const comparison = compareToCity(value, cityValue ?? null);
    if (comparison === null) return undefined;
    const mark = comparison > 0 ? '▲' : comparison < 0 ? '▼' : '=';
    const title = comparison > 0 ? t.parkSummary.aboveAverage : comparison < 0 ? t.parkSummary.belowAverage : undefined;
    return { text: t.cityView.versusCity(formatWanYuanPerMu(cityValue)), mark, title, above: comparison > 0 };
  };
  const metrics: {
    key: string;
    label: string;
    value: string;
    swatch?: boolean;
    city?: ReturnType<typeof versusCity>;
  }[] = [
    { key: 'output', label: t.park.output, value: formatWanYuan(park.outputWanYuan) },
    { key: 'tax', label: t.park.tax, value: formatWanYuan(park.taxWanYuan) },
    {
      key: 'outputPerMu',
      label: t.park.outputPerMu,
      value: formatWanYuanPerMu(park.outputWanYuanPerMu),
      swatch: true,
      city: versusCity(park.outputWanYuanPerMu, city?.outputWanYuanPerMu),
    },
    {
      key: 'taxPerMu',
      label: t.park.taxPerMu,
      value: formatWanYuanPerMu(park.taxWanYuanPerMu),
      city: versusCity(park.taxWanYuanPerMu, city?.taxWanYuanPerMu),
    },
    {
      key: 'enterprises',
      label: t.park.enterprises,
      value: `${formatCount(park.enterpriseCount)} ${t.park.enterprisesUnit}`,
    },
  ];

  return (
    <aside className="panel park-panel" role="dialog" aria-label={t.park.dialogLabel(park.name)} data-testid="park-panel">
      <header className="panel-header">
        <div>
          <h2 className="panel-title" data-testid="park-name">
            {park.name}
          </h2>
          <div className="badges">
            <span className={`badge level-${park.level}`}>{t.park.levels[park.level]}</span>
            {park.illustrative && (
              <span className="badge illustrative" data-testid="illustrative-badge">
                {t.park.illustrative}
              </span>
            )}
          </div>
        </div>
        <button type="button" className="close-button" onClick={onClose} aria-label={t.park.close}>
          ×
        </button>
      </header>

      <dl className="facts">
        <dt>{t.park.region}</dt>
        <dd>{park.regionName}</dd>
        <dt>{t.park.leadingIndustries}</dt>
        <dd>{industries}</dd>
        <dt>{t.park.area}</dt>
        <dd data-testid="park-area">{formatMu(park.areaMu)}</dd>
        <dt>{t.park.usedLand}</dt>
        <dd>{formatMu(park.usedLandMu)}</dd>
      </dl>

      <h3 className="section-title">{park.year === null ? t.park.noYear : t.park.figuresOfYear(park.year)}</h3>
      <dl className="metrics">
        {metrics.map((metric) => (
          <div key={metric.key} className="metric" data-testid={`metric-${metric.key}`}>
            <dt>{metric.label}</dt>
            <dd>
              {metric.swatch && mapColor && (
                <span className="metric-swatch" style={{ background: cssColor(mapColor) }} aria-hidden="true" />
              )}
              {metric.value}
              {metric.city && (
                <div className={`versus-city ${metric.city.above ? 'above' : 'below'}`} title={metric.city.title} data-testid={`city-${metric.key}`}>
                  <span aria-label={metric.city.title}>{metric.city.mark}</span> {metric.city.text}
                </div>
              )}
            </dd>
          </div>
        ))}
      </dl>
      <AreaIndicatorsTable of="park" metrics={park.metrics} cityMetrics={city?.metrics} testId="park-indicators" />
      <ParkHistoryCharts history={history} loading={historyLoading} />

      <h3 className="section-title">{t.park.grade}</h3>
      <div className="grade-line" data-testid="park-grade">
        {park.grade ? (
          <>
            <span className="grade-chip" style={{ background: cssColor(GRADE_COLORS[park.grade]) }} aria-hidden="true">
              {park.grade}
            </span>
            <span>{t.park.gradeOf(park.grade, park.gradeLabel ?? null)}</span>
            {park.gradeScore != null && (
              <span className="muted-inline" data-testid="park-grade-score">
                {park.gradeMaxScore != null
                  ? t.scoring.scoreOutOf(formatNumber(park.gradeScore, 1), formatNumber(park.gradeMaxScore, 0))
                  : `${t.park.score} ${t.park.scoreValue(formatNumber(park.gradeScore, 1))}`}
              </span>
            )}
          </>
        ) : (
          <span className="muted-inline">{t.park.notGraded}</span>
        )}
      </div>
      {park.grade && park.gradeItems && park.gradeItems.length > 0 && (
        <div className="score-breakdown" data-testid="park-grade-breakdown">
          <ScoreItemsTable items={park.gradeItems} caption={t.scoring.parkBreakdown} />
          <p className="muted-inline small">{t.scoring.parkBasis}</p>
        </div>
      )}
      {counts && <GradeCountsLine counts={counts} testId="park-grade-counts" />}

      <h3 className="section-title">{t.park.land}</h3>
      <LandRatesList land={park.landMetrics} testId="park-land" />

      {children}

      {park.illustrative && <p className="note">{t.park.illustrativeNote}</p>}
    </aside>
  );
}
