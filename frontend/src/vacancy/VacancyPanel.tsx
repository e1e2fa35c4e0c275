import { useEffect, useState } from 'react';
import type { VacancyQuery } from '../api/finder-api';
import type { VacancySearchResult } from '../api/finder-types';
import type { Resource } from '../data/use-resource';
import { formatPercent, formatSquareMetres, unitWord } from '../format';
import { useT } from '../i18n/i18n-context';
import { ExportMenu, TABLE_FORMATS } from '../panels/ExportMenu';
import { computeScopeTotals, groupVacanciesByBuilding } from './vacancy-results';
import { UnitsTable } from './UnitsTable';
import './finder.css';

export interface NamedCode {
  code: string;
  name: string;
  /** A park whose buildings and units are generated examples. */
  illustrative?: boolean;
}

export interface VacancyPanelProps {
  filter: VacancyQuery;
  onFilterChange: (filter: VacancyQuery) => void;
  result: Resource<VacancySearchResult>;
  parks: readonly NamedCode[];
  regions: readonly NamedCode[];
  selectedBuildingCode: string | null;
  onSelectBuilding: (buildingCode: string) => void;
  /** The print sheet's address for a building. */
  printHrefOf: (buildingCode: string, parkCode: string) => string;
  onClose: () => void;
}

type NumberKey = 'minAreaSqm' | 'maxAreaSqm' | 'floor' | 'minCeilingHeightM' | 'minFloorLoadKnPerSqm' | 'maxRentYuanPerSqmMonth';
const NUMBER_FIELDS: { key: NumberKey; unit: string; step: string }[] = [
  { key: 'minAreaSqm', unit: 'm²', step: '100' },
  { key: 'maxAreaSqm', unit: 'm²', step: '100' },
  { key: 'floor', unit: '', step: '1' },
  { key: 'minCeilingHeightM', unit: 'm', step: '0.5' },
  { key: 'minFloorLoadKnPerSqm', unit: 'kN/m²', step: '1' },
  { key: 'maxRentYuanPerSqmMonth', unit: 'rentYuanPerSqmMonth', step: '0.5' },
];

/** A number box that reports its value when it parses (or is emptied), not on every keystroke's typo. */
function NumberFilter({ id, label, unit, step, value, onChange }: {
  id: string; label: string; unit: string; step: string; value: number | undefined; onChange: (value: number | undefined) => void;
}) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(() => {
    setText((current) => (Number(current) === value && current !== '' ? current : value === undefined ? '' : String(value)));
  }, [value]);
  return (
    <label className="finder-field" htmlFor={id}>
      <span>{label}{unit && <span className="unit"> ({unit})</span>}</span>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={id.endsWith('floor') ? undefined : 0}
        step={step}
        value={text}
        data-testid={id}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          if (next.trim() === '') onChange(undefined);
          else if (Number.isFinite(Number(next))) onChange(Number(next));
        }}
      />
    </label>
  );
}

/** Filters, totals over the parks in scope, and matching units grouped by building. */
export function VacancyPanel(props: VacancyPanelProps) {
  const { filter, onFilterChange, result, parks, regions, selectedBuildingCode, onSelectBuilding, printHrefOf, onClose } = props;
  const t = useT();
  const v = t.vacancy;
  const data = result.status === 'ready' ? result.data : null;
  const buildings = data ? groupVacanciesByBuilding(data) : [];
  const totals = data ? computeScopeTotals(data) : null;
  const set = (patch: Partial<VacancyQuery>) => {
    const next: VacancyQuery = { ...filter, ...patch };
    for (const key of Object.keys(next) as (keyof VacancyQuery)[]) if (next[key] === undefined || next[key] === '') delete next[key];
    onFilterChange(next);
  };

  return (
    <aside className="panel vacancy-panel" role="dialog" aria-label={v.title} data-testid="vacancy-panel">
      <header className="panel-header">
        <h2 className="panel-title">{v.title}</h2>
        <button type="button" className="close-button" onClick={onClose} aria-label={v.close}>
          ×
        </button>
      </header>
      <form className="finder-filters" aria-label={v.filters} onSubmit={(event) => event.preventDefault()}>
        {NUMBER_FIELDS.map(({ key, unit, step }) => (
          <NumberFilter
            key={key}
            id={`finder-${key}`}
            label={v[key]}
            unit={unit === 'rentYuanPerSqmMonth' ? unitWord(unit) : unit}
            step={step}
            value={filter[key]}
            onChange={(value) => set({ [key]: value })}
          />
        ))}
        <label className="finder-field" htmlFor="finder-park">
          <span>{v.park}</span>
          <select id="finder-park" data-testid="finder-park" value={filter.park ?? ''} onChange={(e) => set({ park: e.target.value || undefined })}>
            <option value="">{v.any}</option>
            {parks.map((p) => (
              <option key={p.code} value={p.code}>{p.name}</option>
            ))}
          </select>
        </label>
        <label className="finder-field" htmlFor="finder-region">
          <span>{v.region}</span>
          <select id="finder-region" data-testid="finder-region" value={filter.region ?? ''} onChange={(e) => set({ region: e.target.value || undefined })}>
            <option value="">{v.any}</option>
            {regions.map((r) => (
              <option key={r.code} value={r.code}>{r.name}</option>
            ))}
          </select>
        </label>
        <button type="button" className="finder-reset" onClick={() => onFilterChange({})}>
          {v.reset}
        </button>
      </form>

      {totals && (
        <dl className="finder-totals" data-testid="finder-totals" aria-label={v.totals}>
          <div><dt>{v.lettable}</dt><dd data-testid="total-lettable">{formatSquareMetres(totals.lettableSqm)}</dd></div>
          <div><dt>{v.leased}</dt><dd data-testid="total-leased">{formatSquareMetres(totals.leasedSqm)}</dd></div>
          <div><dt>{v.reserved}</dt><dd data-testid="total-reserved">{formatSquareMetres(totals.reservedSqm)}</dd></div>
          <div><dt>{v.vacant}</dt><dd data-testid="total-vacant">{formatSquareMetres(totals.vacantSqm)}</dd></div>
          <div><dt>{v.occupancy}</dt><dd data-testid="total-occupancy">{formatPercent(totals.occupancyRate)}</dd></div>
          <div><dt>{v.matchingArea}</dt><dd data-testid="total-matching">{formatSquareMetres(totals.matchingSqm)}</dd></div>
        </dl>
      )}

      <div className="finder-status" role="status" data-testid="finder-status">
        {result.status === 'loading' && v.loading}
        {data && (data.units.length === 0 ? v.empty : v.results(data.units.length))}
        {result.status === 'error' && (result.problem.detail ?? result.problem.title)}
      </div>

      {/* Every unit of the park or county in scope (the export takes park and county, not the other filters). */}
      <ExportMenu layer="units" label={t.exportMenu.layers.units} filter={{ park: filter.park, region: filter.region }} formats={TABLE_FORMATS} />

      <ol className="finder-buildings" data-testid="finder-results">
        {buildings.map((b) => (
          <li
            key={b.buildingCode}
            className={b.buildingCode === selectedBuildingCode ? 'finder-building selected' : 'finder-building'}
            data-testid="finder-building"
            data-building-code={b.buildingCode}
          >
            <div className="finder-building-head">
              <button type="button" className="link-button" onClick={() => onSelectBuilding(b.buildingCode)} title={v.showOnMap(b.buildingCode)}>
                {v.building} {b.buildingCode}
              </button>
              <a className="print-link" href={printHrefOf(b.buildingCode, b.parkCode)} target="_blank" rel="noopener" title={v.printTitle(b.buildingCode)}>
                {v.print}
              </a>
            </div>
            <div className="finder-building-meta muted-inline">
              {parks.find((p) => p.code === b.parkCode)?.name ?? b.parkCode}
              {b.totals && <> · {v.occupancyOfBuilding(formatPercent(b.totals.occupancyRate))}</>}
              {b.totals && (
                <> · {v.lease}: {b.totals.leasesEnding.count > 0
                  ? v.leasesEnding(b.totals.leasesEnding.count, formatSquareMetres(b.totals.leasesEnding.areaSqm), b.totals.leasesEnding.withinMonths)
                  : v.noLeasesEnding(b.totals.leasesEnding.withinMonths)}</>
              )}
            </div>
            <UnitsTable
              units={b.units}
              className="finder-units"
              codeLabel={(u) => (u.code.startsWith(b.buildingCode) ? `…${u.code.slice(b.buildingCode.length)}` : u.code)}
              rowAttributes={(u) => ({ 'data-testid': 'finder-unit', 'data-unit-code': u.code, 'data-area-sqm': u.areaSqm })}
            />
          </li>
        ))}
      </ol>
      {data && data.units.some((u) => parks.find((p) => p.code === u.parkCode)?.illustrative) && (
        <p className="note" data-testid="finder-illustrative">{v.illustrative}</p>
      )}
    </aside>
  );
}
