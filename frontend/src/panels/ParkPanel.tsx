import type { ParkProperties } from '../api/types';
import { formatCount, formatMu, formatWanYuan, formatWanYuanPerMu, MISSING } from '../format';
import { useT } from '../i18n/i18n-context';
import { TIER_COLORS, classifyOutputPerMu } from '../map/tiers';

/** Map width the panel covers: `.park-panel` width plus its right offset in styles.css. */
export const PARK_PANEL_INSET_PX = 352;

export interface ParkPanelProps {
  park: ParkProperties;
  onClose: () => void;
}

/** One park's profile and its latest year's figures; nulls show as "—". */
export function ParkPanel({ park, onClose }: ParkPanelProps) {
  const t = useT();
  const tier = classifyOutputPerMu(park.outputWanYuanPerMu);
  const [r, g, b] = TIER_COLORS[tier];
  const industries = park.leadingIndustries.length > 0 ? park.leadingIndustries.join(t.park.listSeparator) : MISSING;
  const metrics: { key: string; label: string; value: string; swatch?: boolean }[] = [
    { key: 'output', label: t.park.output, value: formatWanYuan(park.outputWanYuan) },
    { key: 'tax', label: t.park.tax, value: formatWanYuan(park.taxWanYuan) },
    { key: 'outputPerMu', label: t.park.outputPerMu, value: formatWanYuanPerMu(park.outputWanYuanPerMu), swatch: true },
    { key: 'taxPerMu', label: t.park.taxPerMu, value: formatWanYuanPerMu(park.taxWanYuanPerMu) },
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
              {metric.swatch && (
                <span className="metric-swatch" style={{ background: `rgb(${r}, ${g}, ${b})` }} aria-hidden="true" />
              )}
              {metric.value}
            </dd>
          </div>
        ))}
      </dl>

      {park.illustrative && <p className="note">{t.park.illustrativeNote}</p>}
    </aside>
  );
}
