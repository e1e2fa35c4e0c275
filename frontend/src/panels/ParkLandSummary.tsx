import type { LandUseKind } from '../api/park-types';
import { formatCount, formatMu, formatPercent, formatSquareMetres } from '../format';
import { useT } from '../i18n/i18n-context';
import { LAND_USE_COLORS, LAND_USE_KINDS, type Occupancy } from '../map/park-land';
import { cssColor } from './Legend';

export interface FindingTotal {
  count: number;
  areaMu: number;
}

export interface ParkLandSummaryProps {
  parcelCount: number;
  /** Summed over the park's buildings with units (map/park-land.ts). */
  occupancy: Occupancy;
  findings: Readonly<Partial<Record<LandUseKind, FindingTotal>>>;
}

/** The park's land from its parcels and buildings: factory space let, reserved and vacant, idle and unsupplied land. */
export function ParkLandSummary({ parcelCount, occupancy, findings }: ParkLandSummaryProps) {
  const t = useT();
  const s = t.parkSummary;
  return (
    <>
      <h3 className="section-title">{s.vacancy}</h3>
      <dl className="metrics" data-testid="park-vacancy">
        <div className="metric">
          <dt>{s.lettable}</dt>
          <dd>{formatSquareMetres(occupancy.lettableSqm)}</dd>
        </div>
        <div className="metric">
          <dt>{s.leased}</dt>
          <dd>{formatSquareMetres(occupancy.leasedSqm)}</dd>
        </div>
        <div className="metric">
          <dt>{s.reserved}</dt>
          <dd data-testid="park-reserved">{formatSquareMetres(occupancy.reservedSqm)}</dd>
        </div>
        <div className="metric">
          <dt>{s.vacant}</dt>
          <dd data-testid="park-vacant">{formatSquareMetres(occupancy.vacantSqm)}</dd>
        </div>
        <div className="metric">
          <dt>{s.occupancyRate}</dt>
          <dd data-testid="park-occupancy">{formatPercent(occupancy.occupancyRate)}</dd>
        </div>
      </dl>
      <h3 className="section-title">{s.findings}</h3>
      <dl className="facts" data-testid="park-findings">
        <dt>{s.parcels}</dt>
        <dd>{s.parcelsValue(formatCount(parcelCount))}</dd>
        {LAND_USE_KINDS.map((kind) => (
          <div key={kind} className="fact-row" data-kind={kind}>
            <dt>
              <span className="legend-swatch square outline" style={{ borderColor: cssColor(LAND_USE_COLORS[kind]) }} aria-hidden="true" />{' '}
              {t.landUse.kinds[kind]}
            </dt>
            <dd>{s.findingCount(formatCount(findings[kind]?.count ?? 0), formatMu(findings[kind]?.areaMu ?? 0))}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
