import type { BuildingProperties, Unit, UnitList } from '../../api/park-types';
import type { DetailSelection } from '../../city/park-view-state';
import {
  formatDate,
  formatFloorLoad,
  formatLengthMetres,
  formatPercent,
  formatRentYuanPerSqmMonth,
  formatSquareMetres,
} from '../../format';
import { useT } from '../../i18n/i18n-context';
import { buildingHeightM } from '../../map/park-land';

export interface BuildingDetailsProps {
  /** From the park's building list; null while it loads. */
  building: BuildingProperties | null;
  units: UnitList;
  selectedUnitCode: string | null;
  onSelect: (selection: DetailSelection) => void;
}

function UnitCard({ unit, onSelect }: { unit: Unit; onSelect: BuildingDetailsProps['onSelect'] }) {
  const d = useT().details;
  return (
    <section className="unit-card" data-testid="unit-details" aria-label={`${d.unit} ${unit.code}`}>
      <h4>
        {d.unit} <span className="code">{unit.code}</span>
      </h4>
      <dl className="facts compact">
        <dt>{d.floor}</dt>
        <dd>{d.floorValue(unit.floor)}</dd>
        <dt>{d.area}</dt>
        <dd>{formatSquareMetres(unit.areaSqm)}</dd>
        <dt>{d.status}</dt>
        <dd>{d.statuses[unit.status] ?? unit.status}</dd>
        <dt>{d.tenant}</dt>
        <dd>
          {unit.tenantUscc ? (
            <button type="button" className="link-button" onClick={() => onSelect({ kind: 'enterprise', code: unit.tenantUscc! })}>
              {unit.tenantName ?? unit.tenantUscc}
            </button>
          ) : (
            '—'
          )}
        </dd>
        <dt>{d.lease}</dt>
        <dd>
          {formatDate(unit.leaseStartOn)} – {formatDate(unit.leaseEndOn)}
        </dd>
        <dt>{d.rent}</dt>
        <dd>{formatRentYuanPerSqmMonth(unit.rentYuanPerSqmMonth)}</dd>
        <dt>{d.ceilingHeight}</dt>
        <dd>{formatLengthMetres(unit.ceilingHeightM)}</dd>
        <dt>{d.floorLoad}</dt>
        <dd>{formatFloorLoad(unit.floorLoadKnPerSqm)}</dd>
      </dl>
    </section>
  );
}

/** A building: kind, floors, height, areas, occupancy and its units (floor, area, tenant or vacant). */
export function BuildingDetails({ building, units, selectedUnitCode, onSelect }: BuildingDetailsProps) {
  const t = useT();
  const d = t.details;
  const selectedUnit = units.units.find((u) => u.code === selectedUnitCode) ?? null;
  const selectUnit = (unit: Unit) =>
    onSelect({ kind: 'building', code: units.buildingCode, unit: unit.code === selectedUnitCode ? null : unit.code });
  return (
    <div className="details-body" data-testid="building-details">
      <dl className="facts">
        <dt>{d.code}</dt>
        <dd className="code">{units.buildingCode}</dd>
        {building && (
          <>
            <dt>{d.kind}</dt>
            <dd>{d.buildingKinds[building.kind] ?? building.kind}</dd>
            <dt>{d.floors}</dt>
            <dd>
              {d.floorsValue(building.floors)} · {d.height} {formatLengthMetres(building.heightM ?? buildingHeightM(building))}
            </dd>
            <dt>{d.floorArea}</dt>
            <dd>{formatSquareMetres(building.floorAreaSqm)}</dd>
            <dt>{d.footprint}</dt>
            <dd>{formatSquareMetres(building.footprintSqm)}</dd>
            <dt>{d.completedOn}</dt>
            <dd>{formatDate(building.completedOn)}</dd>
            {building.parcelCode && (
              <>
                <dt>{d.kinds.parcel}</dt>
                <dd>
                  <button type="button" className="link-button code" onClick={() => onSelect({ kind: 'parcel', code: building.parcelCode! })}>
                    {building.parcelCode}
                  </button>
                </dd>
              </>
            )}
          </>
        )}
      </dl>

      <h3 className="section-title">{d.occupancy}</h3>
      <dl className="metrics" data-testid="building-occupancy">
        <div className="metric">
          <dt>{d.lettable}</dt>
          <dd>{formatSquareMetres(units.lettableSqm)}</dd>
        </div>
        <div className="metric">
          <dt>{d.leased}</dt>
          <dd>{formatSquareMetres(units.leasedSqm)}</dd>
        </div>
        <div className="metric">
          <dt>{d.reserved}</dt>
          <dd>{formatSquareMetres(units.reservedSqm)}</dd>
        </div>
        <div className="metric">
          <dt>{d.vacant}</dt>
          <dd>{formatSquareMetres(units.vacantSqm)}</dd>
        </div>
        <div className="metric">
          <dt>{d.occupancyRate}</dt>
          <dd>{formatPercent(units.occupancyRate)}</dd>
        </div>
      </dl>

      <h3 className="section-title">{d.units}</h3>
      {units.units.length === 0 ? (
        <p className="muted-inline">{d.noUnits}</p>
      ) : (
        <table className="units-table" data-testid="units-table">
          <thead>
            <tr>
              <th scope="col">{d.floor}</th>
              <th scope="col" className="col-number">{d.area}</th>
              <th scope="col">{d.tenant}</th>
            </tr>
          </thead>
          <tbody>
            {units.units.map((unit) => (
              <tr key={unit.code} className={unit.code === selectedUnitCode ? 'selected' : undefined} data-status={unit.status}>
                <td>{d.floorValue(unit.floor)}</td>
                <td className="col-number">{formatSquareMetres(unit.areaSqm)}</td>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    aria-pressed={unit.code === selectedUnitCode}
                    onClick={() => selectUnit(unit)}
                    data-testid="unit-row"
                  >
                    {unit.status === 'leased' ? unit.tenantName ?? unit.tenantUscc : d.statuses[unit.status]}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {selectedUnit && <UnitCard unit={selectedUnit} onSelect={onSelect} />}
    </div>
  );
}
