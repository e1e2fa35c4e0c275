import type { ReactNode } from 'react';
import type { ParkProperties } from '../api/types';
import { compareToAverage } from '../city/city-metrics';
import { formatCount, formatMu, formatNumber, formatPercent, formatRatio, formatWanYuan, formatWanYuanPerMu, MISSING } from '../format';
import { useT } from '../i18n/i18n-context';
import { GRADE_COLORS, GRADES } from '../map/colouring';
import type { Rgb } from '../map/tiers';
import { cssColor } from './Legend';
import { ScoreItemsTable } from './details/ScoreBreakdown';

export interface ParkPanelProps {
  park: ParkProperties;
  /** The park's colour on the map, shown beside the figure the map is coloured by. */
  mapColor?: Rgb;
  onClose: () => void;
  /** The city's per-mu figures (city-metrics.ts), shown beside the park's. */
  cityAverages?: { outputWanYuanPerMu: number | null; taxWanYuanPerMu: number | null } | null;
  /** The park's land once loaded (park view): parcels, factory space, findings. */
  children?: ReactNode;
}

/** One park's profile and its latest year's figures; nulls show as "—". */
export function ParkPanel({ park, mapColor, onClose, cityAverages = null, children }: ParkPanelProps) {
  const t = useT();
  const land = park.landMetrics ?? null;
  const landRows: { key: string; label: string; value: string }[] = [
    { key: 'landSupplyRate', label: t.park.landSupplyRate, value: formatPercent(land?.landSupplyRate) },
    { key: 'landBuiltRate', label: t.park.landBuiltRate, value: formatPercent(land?.landBuiltRate) },
    { key: 'industrialLandRate', label: t.park.industrialLandRate, value: formatPercent(land?.industrialLandRate) },
    { key: 'plotRatio', label: t.park.plotRatio, value: formatRatio(land?.plotRatio) },
    { key: 'buildingDensity', label: t.park.buildingDensity, value: formatPercent(land?.buildingDensity) },
    { key: 'industrialTaxPerMu', label: t.park.industrialTaxPerMu, value: formatWanYuanPerMu(land?.industrialTaxWanYuanPerMu) },
  ];
  const counts = park.gradeCounts ?? null;
  const industries = park.leadingIndustries.length > 0 ? park.leadingIndustries.join(t.park.listSeparator) : MISSING;
  const versusCity = (value: number | null, average: number | null | undefined) => {
    const comparison = compareToAverage(value, average ?? null);
    if (comparison === null) return undefined;
    const mark = comparison > 0 ? '▲' : comparison < 0 ? '▼' : '=';
    const title = comparison > 0 ? t.parkSummary.aboveAverage : comparison < 0 ? t.parkSummary.belowAverage : undefined;
    return { text: t.parkSummary.cityAverage(formatWanYuanPerMu(average)), mark, title, above: comparison > 0 };
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
      city: versusCity(park.outputWanYuanPerMu, cityAverages?.outputWanYuanPerMu),
    },
    {
      key: 'taxPerMu',
      label: t.park.taxPerMu,
      value: formatWanYuanPerMu(park.taxWanYuanPerMu),
      city: versusCity(park.taxWanYuanPerMu, cityAverages?.taxWanYuanPerMu),
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
      {counts && (
        <div className="grade-counts" data-testid="park-grade-counts" aria-label={t.park.gradeCounts}>
          <span className="grade-counts-label">{t.park.gradeCounts}</span>
          {GRADES.map((grade) => (
            <span key={grade} className="grade-count" data-grade={grade}>
              <span className="grade-chip small" style={{ background: cssColor(GRADE_COLORS[grade]) }} aria-hidden="true">
                {grade}
              </span>
              {formatCount(counts[grade])} {t.park.enterprisesUnit}
            </span>
          ))}
          <span className="grade-count" data-grade="notGraded">
            {t.park.gradeCountsNotGraded} {formatCount(counts.notGraded)} {t.park.enterprisesUnit}
          </span>
        </div>
      )}

      <h3 className="section-title">{t.park.land}</h3>
      <dl className="facts land-metrics" data-testid="park-land">
        {landRows.map((row) => (
          <div key={row.key} className="fact-row" data-testid={`land-${row.key}`}>
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>

      {children}

      {park.illustrative && <p className="note">{t.park.illustrativeNote}</p>}
    </aside>
  );
}
