import { GradeAdjustments } from '../../adjustments/GradeAdjustments';
import type { Enterprise } from '../../api/park-types';
import type { DetailSelection } from '../../city/park-view-state';
import { formatMu, formatWanYuanPerMu, unitWord } from '../../format';
import { useT } from '../../i18n/i18n-context';
import { describeLandShareFormula } from './land-share-formula';
import { OUTPUT_BAR_CSS, TAX_BAR_CSS } from './ParcelDetails';
import { ScoreBreakdown } from './ScoreBreakdown';
import { YearChart } from './YearChart';

export interface EnterpriseDetailsProps {
  enterprise: Enterprise;
  onSelect: (selection: DetailSelection) => void;
}

const YUAN_PER_WAN_YUAN = 10_000;
const toWanYuan = (yuan: number | null) => (yuan === null ? null : yuan / YUAN_PER_WAN_YUAN);

/** An enterprise: identity, land, the year's per-mu figures, output and tax over the years, its grade. */
export function EnterpriseDetails({ enterprise: e, onSelect }: EnterpriseDetailsProps) {
  const t = useT();
  const d = t.details;
  const indicators = [...e.indicators].sort((a, b) => a.year - b.year);
  const shares = e.landShares ?? [];
  const shareOf = (parcelCode: string, role: string) => shares.find((s) => s.parcelCode === parcelCode && s.role === role);
  const namesOn = (parcelCode: string) => ({
    owners: (e.landMergedInto ?? []).filter((m) => m.parcelCode === parcelCode).map((m) => m.ownerName ?? m.ownerUscc),
    mergedTenants: (e.landMergedFrom ?? []).filter((m) => m.parcelCode === parcelCode).map((m) => m.tenantName ?? m.tenantUscc),
  });
  return (
    <div className="details-body" data-testid="enterprise-details">
      <dl className="facts">
        <dt>{d.uscc}</dt>
        <dd className="code">{e.uscc}</dd>
        <dt>{d.industry}</dt>
        <dd>{e.industryCode ?? '—'}</dd>
        <dt>{d.scale}</dt>
        <dd>{e.aboveScale ? d.aboveScale : d.belowScale}</dd>
        <dt>{d.enterpriseStatus}</dt>
        <dd>{e.status ? d.enterpriseStatuses[e.status] ?? e.status : '—'}</dd>
        <dt>{d.landArea}</dt>
        <dd>
          {formatMu(e.landAreaMu)}
          {shares.length > 1 && <span className="muted-inline small"> · {t.landShare.sumOfShares}</span>}
        </dd>
      </dl>

      <h3 className="section-title">{e.year === null ? d.noYear : d.figuresOfYear(e.year)}</h3>
      <dl className="metrics">
        <div className="metric" data-testid="detail-taxPerMu">
          <dt>{d.taxPerMu}</dt>
          <dd>{formatWanYuanPerMu(e.taxWanYuanPerMu)}</dd>
        </div>
        <div className="metric" data-testid="detail-outputPerMu">
          <dt>{d.outputPerMu}</dt>
          <dd>{formatWanYuanPerMu(e.outputWanYuanPerMu)}</dd>
        </div>
        <div className="metric">
          <dt>{d.valueAddedPerMu}</dt>
          <dd>{formatWanYuanPerMu(e.valueAddedWanYuanPerMu)}</dd>
        </div>
        <div className="metric">
          <dt>{d.revenuePerMu}</dt>
          <dd>{formatWanYuanPerMu(e.revenueWanYuanPerMu)}</dd>
        </div>
      </dl>

      {indicators.length > 0 && (
        <>
          <h3 className="section-title">
            {d.overYears} · {d.yearsChart(indicators[0].year, indicators.at(-1)!.year)}
          </h3>
          <div className="charts">
            <YearChart
              title={d.output}
              unit={unitWord('wanYuan')}
              color={OUTPUT_BAR_CSS}
              fractionDigits={0}
              points={indicators.map((i) => ({ year: i.year, value: toWanYuan(i.outputYuan) }))}
              testId="chart-output"
            />
            <YearChart
              title={d.tax}
              unit={unitWord('wanYuan')}
              color={TAX_BAR_CSS}
              fractionDigits={1}
              points={indicators.map((i) => ({ year: i.year, value: toWanYuan(i.taxYuan) }))}
              testId="chart-tax"
            />
          </div>
        </>
      )}

      <h3 className="section-title">{d.grade}</h3>
      <ScoreBreakdown evaluation={e.evaluation} />
      <GradeAdjustments uscc={e.uscc} year={e.year} evaluation={e.evaluation} />

      <h3 className="section-title">{d.holdings}</h3>
      <ul className="link-list">
        {e.holdings.map((h) => {
          const share = shareOf(h.parcelCode, h.role);
          return (
            <li key={`${h.role}-${h.parcelCode}`} data-testid={`holding-${h.parcelCode}`}>
              <button type="button" className="link-button code" onClick={() => onSelect({ kind: 'parcel', code: h.parcelCode })}>
                {h.parcelCode}
              </button>
              <span className="muted-inline">
                {h.role === 'owner' ? d.owner : d.tenantRole}
                {share && ` · ${d.landShare(formatMu(share.mu))}`}
              </span>
              {share && (
                <div className="muted-inline small land-share-formula" data-testid="land-share-formula">
                  {describeLandShareFormula(share, t.landShare, namesOn(h.parcelCode))}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
