import { useT } from '../i18n/i18n-context';
import { formatTierRange, OUTPUT_TIERS, type Rgb, TIER_COLORS, type TierId } from '../map/tiers';

export interface LegendProps {
  /** Parks per class; omitted classes count as zero. */
  counts?: Partial<Record<TierId, number>>;
}

const cssColor = ([r, g, b]: Rgb) => `rgb(${r}, ${g}, ${b})`;

/** Classes of 亩均产值, in the same colours as the map (both read map/tiers.ts). */
export function Legend({ counts }: LegendProps) {
  const t = useT();
  const rows: { id: TierId; label: string }[] = [
    ...OUTPUT_TIERS.map((tier) => ({ id: tier.id, label: formatTierRange(tier) })),
    { id: 'noData', label: t.legend.noData },
  ];
  return (
    <section className="legend" aria-label={t.legend.title} data-testid="legend">
      <h2 className="legend-title">
        {t.legend.title} <span className="legend-unit">({t.legend.unit})</span>
      </h2>
      <ul>
        {rows.map((row) => (
          <li key={row.id} data-tier={row.id}>
            <span className="legend-swatch" style={{ background: cssColor(TIER_COLORS[row.id]) }} aria-hidden="true" />
            <span className="legend-label">{row.label}</span>
            {counts && <span className="legend-count">{t.legend.parkCount(counts[row.id] ?? 0)}</span>}
          </li>
        ))}
      </ul>
      <p className="legend-hint">{t.legend.hint}</p>
    </section>
  );
}
