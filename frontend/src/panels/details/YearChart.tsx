import { formatNumber, MISSING } from '../../format';

export interface YearValue {
  year: number;
  /** In the chart's unit; null when not reported (no bar, a dash). */
  value: number | null;
}

export interface YearChartProps {
  title: string;
  /** Unit of the values, e.g. 万元/亩. */
  unit: string;
  points: readonly YearValue[];
  /** CSS colour of the bars. */
  color: string;
  fractionDigits?: number;
  testId?: string;
  /** A figure to compare with in each year (the city's), drawn as a dark tick across the bar's slot. */
  reference?: { label: string; title: string; points: readonly YearValue[] };
}

/** Drawing box of the chart, in SVG units: bars sit between the top label row and the year row. */
const WIDTH = 150;
const HEIGHT = 96;
const TOP = 14;
const BOTTOM = 16;
const LEFT = 4;
const RIGHT = 4;

/**
 * Bars of one figure across years, each with its value over it and its year under it; the unit is in
 * the title. Zero at the bottom, so bars compare honestly; negative values are drawn as zero-height.
 * A reference (the city's figure each year) is a tick across each bar's slot, on the same scale.
 */
export function YearChart({ title, unit, points, color, fractionDigits = 1, testId, reference }: YearChartProps) {
  const referenceOf = new Map((reference?.points ?? []).map((p) => [p.year, p.value]));
  const max = Math.max(0, ...points.map((p) => p.value ?? 0), ...[...referenceOf.values()].map((v) => v ?? 0));
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = (WIDTH - LEFT - RIGHT) / Math.max(points.length, 1);
  const barWidth = Math.min(28, slot * 0.6);
  const label = (value: number | null) => (value === null ? MISSING : formatNumber(value, fractionDigits));
  const referenceText = (year: number) =>
    reference && referenceOf.has(year) ? ` (${reference.label} ${label(referenceOf.get(year) ?? null)})` : '';
  const summary = points.map((p) => `${p.year}: ${label(p.value)} ${p.value === null ? '' : unit}`.trim() + referenceText(p.year)).join('; ');
  return (
    <figure className="year-chart" data-testid={testId}>
      <figcaption>
        {title} <span className="year-chart-unit">({unit})</span>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-label={`${title} (${unit}): ${summary}`}>
        <line x1={LEFT} x2={WIDTH - RIGHT} y1={HEIGHT - BOTTOM} y2={HEIGHT - BOTTOM} stroke="#9aa5b1" strokeWidth={1} />
        {points.map((p, i) => {
          const x = LEFT + slot * i + (slot - barWidth) / 2;
          const h = max > 0 && p.value !== null ? (Math.max(p.value, 0) / max) * plotHeight : 0;
          const y = HEIGHT - BOTTOM - h;
          const cityValue = referenceOf.get(p.year) ?? null;
          const cityY = max > 0 && cityValue !== null ? HEIGHT - BOTTOM - (Math.max(cityValue, 0) / max) * plotHeight : null;
          return (
            <g key={p.year} data-year={p.year}>
              <rect x={x} y={y} width={barWidth} height={h} fill={color} rx={2}>
                <title>{`${p.year}: ${label(p.value)} ${unit}${referenceText(p.year)}`}</title>
              </rect>
              {cityY !== null && (
                <line x1={x - 3} x2={x + barWidth + 3} y1={cityY} y2={cityY} className="year-chart-reference" data-reference={cityValue ?? undefined}>
                  <title>{`${reference!.title} ${p.year}: ${label(cityValue)} ${unit}`}</title>
                </line>
              )}
              <text x={x + barWidth / 2} y={y - 3} textAnchor="middle" className="year-chart-value">
                {label(p.value)}
              </text>
              <text x={x + barWidth / 2} y={HEIGHT - 4} textAnchor="middle" className="year-chart-year">
                {p.year}
              </text>
            </g>
          );
        })}
      </svg>
      {reference && (
        <div className="year-chart-key" title={reference.title}>
          <span className="year-chart-key-line" aria-hidden="true" /> {reference.label}
        </div>
      )}
    </figure>
  );
}
