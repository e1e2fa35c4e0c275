import { useState } from 'react';
import { useT } from '../i18n/i18n-context';
import type { LegendClass } from '../map/colouring';
import type { Rgb } from '../map/tiers';

export interface LegendProps {
  /** What the colours show, e.g. 亩均税收. */
  title: string;
  /** Unit of the class bounds, e.g. 万元/亩; none for grades. */
  unit?: string;
  /** In legend order, no-data last (map/colouring.ts, the same classes the map is drawn with). */
  classes: LegendClass[];
  /** Show parks per class; off before the parks have loaded. */
  showCounts?: boolean;
  /** Start folded to its title, which unfolds it (in the park view, beside the park's own legend). */
  foldable?: boolean;
}

export const cssColor = ([r, g, b]: Rgb) => `rgb(${r}, ${g}, ${b})`;

/** The map's classes with their bounds and unit, in the map's colours. */
export function Legend({ title, unit, classes, showCounts = false, foldable = false }: LegendProps) {
  const t = useT();
  const [open, setOpen] = useState(!foldable);
  const heading = (
    <>
      {title}
      {unit && (
        <>
          {' '}
          <span className="legend-unit" data-testid="legend-unit">
            ({unit})
          </span>
        </>
      )}
    </>
  );
  return (
    <section className="legend" aria-label={unit ? `${title} (${unit})` : title} data-testid="legend">
      <h2 className="legend-title">
        {foldable ? (
          <button type="button" className="legend-fold" aria-expanded={open} onClick={() => setOpen(!open)}>
            {heading} {open ? '▾' : '▴'}
          </button>
        ) : (
          heading
        )}
      </h2>
      {open && (
        <ul>
          {classes.map((row) => (
            <li key={row.id} data-tier={row.id}>
              <span className="legend-swatch" style={{ background: cssColor(row.color) }} aria-hidden="true" />
              <span className="legend-label">{row.label ?? t.legend.noData}</span>
              {showCounts && <span className="legend-count">{t.legend.parkCount(row.count)}</span>}
            </li>
          ))}
        </ul>
      )}
      {open && <p className="legend-hint">{t.legend.hint}</p>}
    </section>
  );
}
