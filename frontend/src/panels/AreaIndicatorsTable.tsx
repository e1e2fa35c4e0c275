import { type AreaMetrics, INDICATOR_KEYS, type IndicatorKey } from '../api/area-types';
import { compareToCity } from '../city/city-metrics';
import { formatNumber, MISSING } from '../format';
import { useT } from '../i18n/i18n-context';
import './county.css';

/** Decimals each indicator is shown with, in its display unit (R&D share in %). */
const FRACTION_DIGITS: Record<IndicatorKey, number> = {
  taxWanYuanPerMu: 1,
  valueAddedWanYuanPerMu: 1,
  outputWanYuanPerMu: 1,
  revenueWanYuanPerMu: 1,
  valueAddedWanYuanPerTce: 2,
  valueAddedWanYuanPerTonneEmission: 1,
  laborProductivityWanYuanPerPerson: 1,
  rdRatio: 2,
  taxYuanPerKwh: 2,
};
const PERCENT_PER_UNIT = 100;

/** An indicator in its display unit: the API's fraction of revenue as %, the others as served. */
export function formatIndicator(key: IndicatorKey, value: number | null | undefined): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return MISSING;
  return formatNumber(key === 'rdRatio' ? value * PERCENT_PER_UNIT : value, FRACTION_DIGITS[key]);
}

export interface AreaIndicatorsTableProps {
  /** The park's or county's nine indicators (GET /api/parks, /api/regions `metrics`). */
  metrics: AreaMetrics | null | undefined;
  /** The city's (GET /api/parks `city.metrics`). */
  cityMetrics: AreaMetrics | null | undefined;
  /** Whose the first column is. */
  of: 'park' | 'county';
  testId?: string;
}

/**
 * The nine indicators the API serves for an area, each with its unit, beside the city's figure, marked
 * ▲/▼ against it (every one of them is better higher). Folded under one line so the panel stays short.
 */
export function AreaIndicatorsTable({ metrics, cityMetrics, of, testId = 'area-indicators' }: AreaIndicatorsTableProps) {
  const t = useT();
  const a = t.areaIndicators;
  return (
    <details className="area-indicators" data-testid={testId}>
      <summary>{a.summary(INDICATOR_KEYS.length)}</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">{a.indicator}</th>
            <th scope="col" className="col-number">
              {of === 'park' ? a.ownPark : a.ownCounty}
            </th>
            <th scope="col" className="col-number">
              {a.city}
            </th>
          </tr>
        </thead>
        <tbody>
          {INDICATOR_KEYS.map((key) => {
            const indicator = t.indicators[key] ?? { name: key, unit: '' };
            const value = metrics?.[key] ?? null;
            const cityValue = cityMetrics?.[key] ?? null;
            const comparison = compareToCity(value, cityValue);
            return (
              <tr key={key} data-indicator={key}>
                <th scope="row">
                  {indicator.name}
                  <span className="indicator-unit">{indicator.unit}</span>
                </th>
                <td className="col-number" data-value="own">
                  {formatIndicator(key, value)}
                  {comparison !== null && comparison !== 0 && (
                    <span
                      className={`vs-average ${comparison > 0 ? 'above' : 'below'}`}
                      data-comparison={comparison > 0 ? 'above' : 'below'}
                      role="img"
                      aria-label={comparison > 0 ? t.ranking.aboveAverage : t.ranking.belowAverage}
                    >
                      {comparison > 0 ? '▲' : '▼'}
                    </span>
                  )}
                </td>
                <td className="col-number" data-value="city">
                  {formatIndicator(key, cityValue)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted-inline small">{a.basis}</p>
    </details>
  );
}
