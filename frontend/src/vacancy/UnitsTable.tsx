import { formatFloorLoad, formatLengthMetres, formatRentYuanPerSqmMonth, formatSquareMetres } from '../format';
import type { ReactNode } from 'react';
import type { UnitStatus } from '../api/finder-types';
import { useT } from '../i18n/i18n-context';

/** What a units table shows of a unit: the vacancy search's units and a building's units both have it. */
export interface UnitRow {
  code: string;
  floor: number;
  areaSqm: number;
  status: UnitStatus;
  ceilingHeightM: number | null;
  floorLoadKnPerSqm: number | null;
  rentYuanPerSqmMonth: number | null;
}

export interface UnitsTableProps<U extends UnitRow> {
  units: readonly U[];
  className: string;
  testId?: string;
  /** The code cell's text (default: the code). */
  codeLabel?: (unit: U) => ReactNode;
  /** Test and data attributes of a unit's row. */
  rowAttributes?: (unit: U) => Record<string, string | number>;
}

/** Units with floor, area (m²), ceiling height (m), floor load (kN/m²), rent (元/m²·月) and status. */
export function UnitsTable<U extends UnitRow>({ units, className, testId, codeLabel, rowAttributes }: UnitsTableProps<U>) {
  const v = useT().vacancy;
  return (
    <table className={className} data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{v.unit}</th>
          <th scope="col">{v.floorShort}</th>
          <th scope="col">{v.area}</th>
          <th scope="col">{v.height}</th>
          <th scope="col">{v.load}</th>
          <th scope="col">{v.rent}</th>
          <th scope="col">{v.lease}</th>
        </tr>
      </thead>
      <tbody>
        {units.map((u) => (
          <tr key={u.code} {...rowAttributes?.(u)}>
            <td className="code" title={u.code}>{codeLabel ? codeLabel(u) : u.code}</td>
            <td>{u.floor}</td>
            <td className="num" data-testid="unit-area">{formatSquareMetres(u.areaSqm)}</td>
            <td className="num">{formatLengthMetres(u.ceilingHeightM)}</td>
            <td className="num">{formatFloorLoad(u.floorLoadKnPerSqm)}</td>
            <td className="num">{formatRentYuanPerSqmMonth(u.rentYuanPerSqmMonth)}</td>
            <td>{v.status[u.status]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
