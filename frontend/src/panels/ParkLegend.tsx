import { useState } from 'react';
import { type ParcelColourBy, PARCEL_COLOUR_BY_OPTIONS } from '../city/park-view-state';
import { useT } from '../i18n/i18n-context';
import type { LegendClass } from '../map/colouring';
import { LAND_USE_COLORS, LAND_USE_KINDS, OCCUPANCY_CLASSES, OTHER_BUILDING_COLOR, POSSIBLE_DATA_GAP_COLOR } from '../map/park-land';
import type { LandUseSummary } from '../api/park-types';
import { formatCount } from '../format';
import { cssColor } from './Legend';
import { startsFolded } from './MapTools';
import './park-view.css';

/** The under-use rule of completed parcels with no building on record: a possible data gap, drawn apart. */
const DATA_GAP_RULE = 'completedWithoutBuildings';

export interface ParkLegendProps {
  parcelBy: ParcelColourBy;
  onParcelByChange: (parcelBy: ParcelColourBy) => void;
  /** The parcels' classes (map/parcel-colouring.ts), the same the map is drawn with. */
  classes: LegendClass[];
  /** The server's totals of the park's findings, each parcel counted once (null until loaded). */
  findings: LandUseSummary | null;
  /** The date the findings are for. */
  asOf: string | null;
  loading?: boolean;
}

/** What the park view's colours mean: parcels by grade or per-mu figure, factory occupancy, findings. */
export function ParkLegend({ parcelBy, onParcelByChange, classes, findings, asOf, loading = false }: ParkLegendProps) {
  const t = useT();
  const l = t.parkLegend;
  const unit = parcelBy === 'grade' ? null : t.units.wanYuanPerMu;
  const [open, setOpen] = useState(() => !startsFolded());
  return (
    <section className="legend park-legend" aria-label={l.label} data-testid="park-legend">
      <button
        type="button"
        className="map-tools-toggle"
        aria-expanded={open}
        aria-controls="park-legend-body"
        onClick={() => setOpen(!open)}
        data-testid="park-legend-toggle"
      >
        {l.label} {open ? '▾' : '▴'}
      </button>
      {open && (
        <div id="park-legend-body">
          <label className="control">
            <span>{l.parcelsBy}</span>
            <select value={parcelBy} onChange={(event) => onParcelByChange(event.target.value as ParcelColourBy)} data-testid="parcel-by-select">
              {PARCEL_COLOUR_BY_OPTIONS.map((option) => (
                <option key={option} value={option}>
                  {l.parcelsByOptions[option]}
                </option>
              ))}
            </select>
          </label>
          <h2 className="legend-title">
            {l.parcelsByOptions[parcelBy]}
            {unit && (
              <>
                {' '}
                <span className="legend-unit" data-testid="park-legend-unit">
                  ({unit})
                </span>
              </>
            )}
          </h2>
          {loading ? (
            <p className="legend-hint">{l.loading}</p>
          ) : (
            <ul>
              {classes.map((row) => (
                <li key={row.id} data-class={row.id}>
                  <span className="legend-swatch square" style={{ background: cssColor(row.color) }} aria-hidden="true" />
                  <span className="legend-label">{row.label ?? (parcelBy === 'grade' ? l.noGrade : t.legend.noData)}</span>
                  <span className="legend-count">{l.parcelCount(row.count)}</span>
                </li>
              ))}
            </ul>
          )}
          <h3 className="legend-subtitle">{l.buildings}</h3>
          <ul className="legend-inline">
            {OCCUPANCY_CLASSES.map((c) => (
              <li key={c.id}>
                <span className="legend-swatch square" style={{ background: cssColor(c.color) }} aria-hidden="true" />
                {l.occupancy[c.id]}
              </li>
            ))}
            <li>
              <span className="legend-swatch square" style={{ background: cssColor(OTHER_BUILDING_COLOR) }} aria-hidden="true" />
              {l.otherBuildings}
            </li>
          </ul>
          <h3 className="legend-subtitle">
            {l.findings}
            {asOf && <span className="legend-unit"> · {l.asOf(asOf)}</span>}
          </h3>
          <ul className="legend-inline">
            {LAND_USE_KINDS.map((kind) => (
              <li key={kind} data-kind={kind}>
                <span className="legend-swatch square outline" style={{ borderColor: cssColor(LAND_USE_COLORS[kind]) }} aria-hidden="true" />
                {t.landUse.kinds[kind]} {t.landUse.legendCount(formatCount(findings?.byKind[kind].parcelCount ?? 0))}
              </li>
            ))}
            <li data-kind="possibleDataGap">
              <span className="legend-swatch square outline" style={{ borderColor: cssColor(POSSIBLE_DATA_GAP_COLOR) }} aria-hidden="true" />
              {t.landUse.possibleDataGap(formatCount(findings?.byKind.underused.byRule[DATA_GAP_RULE]?.parcelCount ?? 0))}
            </li>
          </ul>
          <p className="legend-hint">{l.hint}</p>
        </div>
      )}
    </section>
  );
}
