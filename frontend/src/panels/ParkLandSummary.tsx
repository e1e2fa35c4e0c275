import type { LandTotal, LandUseSummary } from '../api/park-types';
import { formatCount, formatMu, formatPercent, formatSquareMetres } from '../format';
import { useT } from '../i18n/i18n-context';
import { LAND_USE_COLORS, LAND_USE_KINDS, type Occupancy } from '../map/park-land';
import { cssColor } from './Legend';

export interface ParkLandSummaryProps {
  parcelCount: number;
  /** Summed over the park's buildings with units (map/park-land.ts). */
  occupancy: Occupancy;
  /** The server's totals of the park's findings, each parcel counted once (null until loaded). */
  findings: LandUseSummary | null;
}

/**
 * A park's (or county's) findings as the server totals them: per kind the parcels and 亩 counted once, each
 * rule's line below it, and the recoverable land counting a parcel once across kinds; nothing is added up here.
 */
export function LandUseFindings({
  parcelCount,
  findings,
  testIdPrefix = 'park-findings',
}: {
  /** The scope's parcels, when known (a park's, from its parcels). */
  parcelCount?: number;
  findings: LandUseSummary | null;
  testIdPrefix?: string;
}) {
  const t = useT();
  const s = t.parkSummary;
  const l = t.landUse;
  const total = (x: LandTotal) => (x.parcelCount === 0 && x.areaMu > 0 ? l.areaOnly(formatMu(x.areaMu)) : l.total(formatCount(x.parcelCount), formatMu(x.areaMu)));
  return (
    <>
      <dl className="facts" data-testid={testIdPrefix}>
        {parcelCount !== undefined && (
          <>
            <dt>{s.parcels}</dt>
            <dd>{s.parcelsValue(formatCount(parcelCount))}</dd>
          </>
        )}
        {findings &&
          LAND_USE_KINDS.map((kind) => {
            const k = findings.byKind[kind];
            return (
              <div key={kind} className="fact-row" data-kind={kind}>
                <dt>
                  <span className="legend-swatch square outline" style={{ borderColor: cssColor(LAND_USE_COLORS[kind]) }} aria-hidden="true" />{' '}
                  {l.kinds[kind]}
                </dt>
                <dd>
                  <span data-testid={`${testIdPrefix}-${kind}`}>{total(k)}</span>
                  {Object.keys(k.byRule).length > 0 && (
                    <ul className="finding-rules">
                      {Object.entries(k.byRule).map(([rule, r]) => (
                        <li key={rule} data-rule={rule} className="muted-inline small">
                          {l.ruleLine(l.rules[rule] ?? rule, total(r))}
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
              </div>
            );
          })}
        {findings && (
          <div className="fact-row" data-kind="recoverable">
            <dt>
              <strong>{l.recoverable}</strong>
            </dt>
            <dd data-testid={`${testIdPrefix}-recoverable`}>
              <strong>{total(findings.recoverable)}</strong>
            </dd>
          </div>
        )}
      </dl>
      {findings && (
        <p className="muted-inline small" data-testid={`${testIdPrefix}-note`}>
          {l.recoverableNote}
          {findings.toVerify.parcelCount > 0 && ` ${l.toVerify(formatCount(findings.toVerify.parcelCount), formatMu(findings.toVerify.areaMu))}`}
        </p>
      )}
    </>
  );
}

/** The park's land from its parcels and buildings: factory space let, reserved and vacant, and the land-use findings. */
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
      <LandUseFindings parcelCount={parcelCount} findings={findings} />
    </>
  );
}
