import { useMemo, useState } from 'react';
import type { FieldMapping, ImportReport, SourceUnit } from '../api/import-types';
import { useT } from '../i18n/i18n-context';
import { type MappingRow, sameMapping, toFieldMapping, toMappingRows, unitOptionsFor } from './import-helpers';
import { CrsText } from './CrsText';

export interface MappingStepProps {
  report: ImportReport;
  busy: boolean;
  onApply: (mapping: FieldMapping) => void;
  onChangeCrs: () => void;
  onNext: () => void;
}

/** Step 3: which column fills each field, with the column's unit; edits are checked again by the server. */
export function MappingStep({ report, busy, onApply, onChangeCrs, onNext }: MappingStepProps) {
  const t = useT().imports;
  const initial = useMemo(() => toMappingRows(report.layer, report.mapping), [report]);
  const [rows, setRows] = useState<MappingRow[]>(initial);
  const edited = !sameMapping(toFieldMapping(rows), report.mapping);
  const update = (field: string, patch: Partial<MappingRow>) =>
    setRows((current) => current.map((r) => (r.field === field ? { ...r, ...patch } : r)));

  return (
    <div className="import-step">
      {report.crs && (
        <p data-testid="crs-used">
          {t.crsUsed(report.crs.code)} <CrsText text={report.crs.label} kind="label" /> {t.crsFrom[report.crs.from]}{' '}
          <button type="button" className="link-button" onClick={onChangeCrs} data-testid="crs-change">
            {t.crsChange}
          </button>
        </p>
      )}
      <p>
        {t.mappingHelp} {report.mappingFrom && <em data-testid="mapping-from">{t.mappingFrom[report.mappingFrom]}</em>}
      </p>
      <table className="import-mapping" data-testid="import-mapping">
        <thead>
          <tr>
            <th scope="col">{t.field}</th>
            <th scope="col">{t.column}</th>
            <th scope="col">{t.unit}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const units = unitOptionsFor(row.field);
            const columnId = `mapping-column-${row.field}`;
            return (
              <tr key={row.field} data-field={row.field}>
                <th scope="row">
                  <label htmlFor={columnId}>
                    {t.fieldLabels[row.field] ?? row.field}{' '}
                    <code className="field-id" translate="no">
                      {row.field}
                    </code>
                  </label>
                </th>
                <td>
                  <select id={columnId} value={row.column} onChange={(e) => update(row.field, { column: e.target.value })} data-testid="mapping-column">
                    <option value="">{t.noColumn}</option>
                    {report.columns.map((c) => (
                      <option key={c} value={c} translate="no">
                        {c}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {units.length > 0 && (
                    <select
                      aria-label={`${t.unit}: ${t.fieldLabels[row.field] ?? row.field}`}
                      value={row.unit}
                      disabled={!row.column}
                      onChange={(e) => update(row.field, { unit: e.target.value as SourceUnit })}
                      data-testid="mapping-unit"
                    >
                      {units.map((u) => (
                        <option key={u} value={u}>
                          {t.unitNames[u]}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {report.unmappedColumns && report.unmappedColumns.length > 0 && (
        <p className="import-muted" data-testid="unmapped-columns" translate="no">{t.unmapped(report.unmappedColumns.join('、'))}</p>
      )}
      {!edited && report.counts.errors > 0 && (
        <p className="import-failure-kind" data-testid="mapping-errors">{t.errorsInReport(report.counts.errors)}</p>
      )}
      {edited && <p className="import-note" role="status">{t.mappingChanged}</p>}
      <div className="dialog-actions">
        <button type="button" disabled={!edited || busy} onClick={() => onApply(toFieldMapping(rows))} data-testid="mapping-apply">
          {t.applyMapping}
        </button>
        <button type="button" className="primary" disabled={edited || busy} onClick={onNext} data-testid="mapping-next">
          {t.next}
        </button>
      </div>
    </div>
  );
}
