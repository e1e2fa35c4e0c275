import type { IdleLandBasis, LandUseFeature, LandUseProperties } from '../../api/park-types';
import { formatCount, formatDate, formatMu, formatPercent, formatRatio, formatYuan } from '../../format';
import { useT } from '../../i18n/i18n-context';
import type { Messages } from '../../i18n/zh-CN';
import { landUseColorOf } from '../../map/park-land';
import { cssColor } from '../Legend';

export interface FindingsListProps {
  findings: readonly LandUseFeature[];
}

type LandUseMessages = Messages['landUse'];

/** A date with the article it rests on, when the finding cites one. */
function DatedFact({ label, date, basis, about, note, l, testId }: {
  label: string;
  date: string | null | undefined;
  basis: readonly IdleLandBasis[];
  about: IdleLandBasis['about'];
  note?: string | null;
  l: LandUseMessages;
  testId: string;
}) {
  const cited = basis.filter((b) => b.about === about);
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>
        {formatDate(date)}
        {note && <span className="muted-inline"> · {note}</span>}
        {cited.map((b) => (
          <div key={b.article} className="muted-inline small" data-testid="finding-basis">
            {l.article(b.article)}
          </div>
        ))}
      </dd>
    </>
  );
}

/**
 * The dates an idle finding uses, each with the article it rests on and every count beside the date it is
 * counted from: agreed start (or work stopped), idle since with the days idle, fee due from, take-back from.
 */
function IdleFacts({ p, l }: { p: LandUseProperties; l: LandUseMessages }) {
  const basis = p.basis ?? [];
  const stopped = p.rule === 'stoppedUnderDeveloped';
  const reached = (isReached: boolean | undefined) => (isReached == null ? null : isReached ? l.reached : l.notYetReached);
  const money =
    p.cause === 'government' ? l.noFeeGovernment : p.cause !== 'enterprise' ? l.noFeeUnknownCause : p.feeYuan != null ? formatYuan(p.feeYuan) : p.feeDueReached ? l.noLandPrice : null;
  return (
    <>
      <dt>{l.agreedStartOn}</dt>
      <dd data-testid="finding-agreedStartOn">{formatDate(p.agreedStartOn)}</dd>
      {stopped && (
        <>
          <dt>{l.workStoppedOn}</dt>
          <dd data-testid="finding-workStoppedOn">{formatDate(p.workStoppedOn)}</dd>
        </>
      )}
      <DatedFact label={l.idleSince} date={p.idleSince} basis={basis} about="idleSince" l={l} testId="finding-idleSince" />
      {p.daysIdle != null && (
        <>
          <dt>{l.daysIdle}</dt>
          <dd data-testid="finding-daysIdle">{l.daysIdleValue(formatCount(p.daysIdle))}</dd>
        </>
      )}
      <DatedFact label={l.feeDueFrom} date={p.feeDueFrom} basis={basis} about="feeDueFrom" note={reached(p.feeDueReached)} l={l} testId="finding-feeDueFrom" />
      <DatedFact label={l.takeBackFrom} date={p.takeBackFrom} basis={basis} about="takeBackFrom" note={reached(p.takeBackReached)} l={l} testId="finding-takeBackFrom" />
      {p.cause && (
        <>
          <dt>{l.cause}</dt>
          <dd>
            {l.causes[p.cause] ?? p.cause}
            {basis
              .filter((b) => b.about === 'cause')
              .map((b) => (
                <div key={b.article} className="muted-inline small" data-testid="finding-basis">
                  {l.article(b.article)}
                </div>
              ))}
          </dd>
        </>
      )}
      {money && (
        <>
          <dt>{l.fee}</dt>
          <dd data-testid="finding-fee">{money}</dd>
        </>
      )}
    </>
  );
}

function UnderUseFacts({ p, l }: { p: LandUseProperties; l: LandUseMessages }) {
  if (p.rule === 'completedWithoutBuildings') {
    return (
      <>
        <dt>{l.completedOn}</dt>
        <dd>{formatDate(p.completedOn)}</dd>
      </>
    );
  }
  return (
    <>
      <dt>{l.buildingCoverage}</dt>
      <dd>
        {formatPercent(p.buildingCoverage)}
        {p.minCoverage != null && <span className="muted-inline"> · {l.atLeast(formatPercent(p.minCoverage))}</span>}
      </dd>
      <dt>{l.plotRatio}</dt>
      <dd>
        {formatRatio(p.plotRatio)}
        {p.minPlotRatio != null ? <span className="muted-inline"> · {l.atLeast(formatRatio(p.minPlotRatio))}</span> : <div className="muted-inline small">{l.noMinPlotRatio}</div>}
        {(p.plotRatioBasis?.length ?? 0) > 1 && <div className="muted-inline small">{l.minPlotRatioWeighted}</div>}
      </dd>
    </>
  );
}

/** Idle, under-used, unsupplied and low-yield findings with the rule that fired, its dates, articles and fee. */
export function FindingsList({ findings }: FindingsListProps) {
  const t = useT();
  const l = t.landUse;
  if (findings.length === 0) return <p className="muted-inline">{l.none}</p>;
  return (
    <ul className="findings" data-testid="findings">
      {findings.map((f, i) => {
        const p = f.properties;
        return (
          <li key={`${p.kind}-${p.rule}-${i}`} data-kind={p.kind} data-rule={p.rule} data-testid="finding">
            <div className="finding-head">
              <span className="legend-swatch square" style={{ background: cssColor(landUseColorOf(p)) }} aria-hidden="true" />
              <strong>{l.kinds[p.kind]}</strong>
              <span className="muted-inline">{formatMu(p.areaMu)}</span>
            </div>
            <div className="finding-rule">{l.rules[p.rule] ?? p.rule}</div>
            {p.discretionary && <div className="muted-inline small">{l.discretionary}</div>}
            <dl className="facts compact">
              {p.kind === 'idle' ? (
                <IdleFacts p={p} l={l} />
              ) : p.kind === 'underused' ? (
                <UnderUseFacts p={p} l={l} />
              ) : (
                p.since && (
                  <>
                    <dt>{l.since}</dt>
                    <dd>{formatDate(p.since)}</dd>
                  </>
                )
              )}
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
