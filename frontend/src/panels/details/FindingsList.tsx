import type { LandUseFeature } from '../../api/park-types';
import { formatCount, formatDate, formatMu, formatYuan } from '../../format';
import { useT } from '../../i18n/i18n-context';
import { LAND_USE_COLORS } from '../../map/park-land';
import { cssColor } from '../Legend';

export interface FindingsListProps {
  findings: readonly LandUseFeature[];
}

/** Idle, under-used, unsupplied and low-yield findings with the rule that fired and its dates and fee. */
export function FindingsList({ findings }: FindingsListProps) {
  const t = useT();
  const l = t.landUse;
  if (findings.length === 0) return <p className="muted-inline">{l.none}</p>;
  return (
    <ul className="findings" data-testid="findings">
      {findings.map((f, i) => {
        const p = f.properties;
        return (
          <li key={`${p.kind}-${p.rule}-${i}`} data-kind={p.kind} data-testid="finding">
            <div className="finding-head">
              <span className="legend-swatch square" style={{ background: cssColor(LAND_USE_COLORS[p.kind]) }} aria-hidden="true" />
              <strong>{l.kinds[p.kind]}</strong>
              <span className="muted-inline">{formatMu(p.areaMu)}</span>
            </div>
            <div className="finding-rule">{l.rules[p.rule] ?? p.rule}</div>
            <dl className="facts compact">
              {p.since && (
                <>
                  <dt>{l.since}</dt>
                  <dd>{formatDate(p.since)}</dd>
                </>
              )}
              {p.daysIdle != null && (
                <>
                  <dt>{l.daysIdle}</dt>
                  <dd>{l.days(formatCount(p.daysIdle))}</dd>
                </>
              )}
              {p.feeYuan != null && (
                <>
                  <dt>{l.fee}</dt>
                  <dd>{formatYuan(p.feeYuan)}</dd>
                </>
              )}
              {p.takeBackFrom && (
                <>
                  <dt>{l.takeBackFrom}</dt>
                  <dd>{formatDate(p.takeBackFrom)}</dd>
                </>
              )}
              {p.cause && (
                <>
                  <dt>{l.cause}</dt>
                  <dd>{l.causes[p.cause] ?? p.cause}</dd>
                </>
              )}
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
