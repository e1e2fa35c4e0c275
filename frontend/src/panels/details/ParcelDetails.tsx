import { GradeAdjustmentMark } from '../../adjustments/GradeAdjustmentMark';
import type { BuildingFeature, EvaluationLine, LandUseFeature, ParcelDetailFeature } from '../../api/park-types';
import type { DetailSelection } from '../../city/park-view-state';
import { formatDate, formatMu, formatPercent, formatRatio, formatSquareMetres, formatWanYuanPerMu } from '../../format';
import { useT } from '../../i18n/i18n-context';
import { GRADE_COLORS } from '../../map/colouring';
import { cssColor } from '../Legend';
import { FindingsList } from './FindingsList';
import { describeLandShareFormula } from './land-share-formula';
import { ScoreBreakdown } from './ScoreBreakdown';
import { YearChart } from './YearChart';
import { ChineseName } from '../../i18n/DataNames';

export interface ParcelDetailsProps {
  parcel: ParcelDetailFeature;
  /** The parcel in each year of the chart, oldest first. */
  byYear: readonly ParcelDetailFeature[];
  findings: readonly LandUseFeature[];
  buildings: readonly BuildingFeature[];
  /** The park's evaluation of a firm for the year, if graded or listed. */
  evaluationOf: (uscc: string) => EvaluationLine | undefined;
  onSelect: (selection: DetailSelection) => void;
}

export const OUTPUT_BAR_CSS = 'rgb(66, 133, 244)';
export const TAX_BAR_CSS = 'rgb(11, 110, 79)';

/** The holder whose grade colours the parcel: the graded one with the most land on it. */
export function findMainHolder(parcel: ParcelDetailFeature, evaluationOf: ParcelDetailsProps['evaluationOf']) {
  return (
    [...parcel.properties.holders]
      .filter((h) => evaluationOf(h.uscc)?.grade)
      .sort((a, b) => (b.landShareSqm ?? 0) - (a.landShareSqm ?? 0) || a.uscc.localeCompare(b.uscc))[0] ?? null
  );
}

/** A parcel: its land, the year's per-mu figures with their history, holders, grade, findings, buildings. */
export function ParcelDetails({ parcel, byYear, findings, buildings, evaluationOf, onSelect }: ParcelDetailsProps) {
  const t = useT();
  const d = t.details;
  const p = parcel.properties;
  const main = findMainHolder(parcel, evaluationOf);
  const figures = [
    { key: 'taxPerMu', label: d.taxPerMu, value: formatWanYuanPerMu(p.taxWanYuanPerMu) },
    { key: 'outputPerMu', label: d.outputPerMu, value: formatWanYuanPerMu(p.outputWanYuanPerMu) },
    { key: 'valueAddedPerMu', label: d.valueAddedPerMu, value: formatWanYuanPerMu(p.valueAddedWanYuanPerMu) },
    { key: 'revenuePerMu', label: d.revenuePerMu, value: formatWanYuanPerMu(p.revenueWanYuanPerMu) },
    {
      key: 'plotRatio',
      label: d.plotRatio,
      value: formatRatio(p.plotRatio),
      note: p.minPlotRatio != null ? d.atLeast(formatRatio(p.minPlotRatio)) : null,
    },
    {
      key: 'buildingCoverage',
      label: d.buildingCoverage,
      value: formatPercent(p.buildingCoverage),
      note: p.minBuildingCoverage != null ? d.atLeast(formatPercent(p.minBuildingCoverage)) : null,
    },
  ];
  const years = byYear.map((f) => f.properties.year).filter((y): y is number => y !== null);
  const ownerNames = p.holders.filter((h) => h.role === 'owner').map((h) => h.name);
  const mergedTenantNames = p.holders.filter((h) => h.landShare?.basis === 'merged').map((h) => h.name);
  return (
    <div className="details-body" data-testid="parcel-details">
      <dl className="facts">
        <dt>{d.code}</dt>
        <dd className="code" data-testid="detail-code">{p.code}</dd>
        <dt>{d.area}</dt>
        <dd>
          {formatMu(p.areaMu)} · {formatSquareMetres(p.landAreaSqm)}
        </dd>
        <dt>{d.landUse}</dt>
        <dd>{p.landUse ? d.landUses[p.landUse] ?? p.landUse : '—'}</dd>
        <dt>{d.suppliedOn}</dt>
        <dd>{formatDate(p.suppliedOn)}</dd>
        <dt>{d.agreedStartOn}</dt>
        <dd>
          {formatDate(p.agreedStartOn)} · {d.startedOn} {formatDate(p.startedOn)}
        </dd>
        <dt>{d.agreedCompletionOn}</dt>
        <dd>
          {formatDate(p.agreedCompletionOn)} · {d.completedOn} {formatDate(p.completedOn)}
        </dd>
      </dl>

      <h3 className="section-title">{p.year === null ? d.noYear : d.figuresOfYear(p.year)}</h3>
      <dl className="metrics">
        {figures.map((f) => (
          <div key={f.key} className="metric" data-testid={`detail-${f.key}`}>
            <dt>{f.label}</dt>
            <dd>
              {f.value}
              {f.note && <div className="muted-inline small">{f.note}</div>}
            </dd>
          </div>
        ))}
      </dl>

      {years.length > 1 && (
        <>
          <h3 className="section-title">
            {d.overYears} · {d.yearsChart(years[0], years.at(-1)!)}
          </h3>
          <div className="charts">
            <YearChart
              title={d.outputPerMu}
              unit={t.units.wanYuanPerMu}
              color={OUTPUT_BAR_CSS}
              points={byYear.map((f) => ({ year: f.properties.year!, value: f.properties.outputWanYuanPerMu }))}
              testId="chart-outputPerMu"
            />
            <YearChart
              title={d.taxPerMu}
              unit={t.units.wanYuanPerMu}
              color={TAX_BAR_CSS}
              fractionDigits={2}
              points={byYear.map((f) => ({ year: f.properties.year!, value: f.properties.taxWanYuanPerMu }))}
              testId="chart-taxPerMu"
            />
          </div>
        </>
      )}

      <h3 className="section-title">{d.holders}</h3>
      {p.holders.length === 0 ? (
        <p className="muted-inline">{d.noHolders}</p>
      ) : (
        <ul className="link-list" data-testid="parcel-holders">
          {p.holders.map((h) => {
            const evaluation = evaluationOf(h.uscc);
            const grade = evaluation?.grade ?? h.grade ?? null;
            return (
              <li key={`${h.role}-${h.uscc}`}>
                {grade && (
                  <span className="grade-chip small" style={{ background: cssColor(GRADE_COLORS[grade]) }} title={d.gradeOf(grade, null)}>
                    {grade}
                  </span>
                )}
                <button type="button" className="link-button" onClick={() => onSelect({ kind: 'enterprise', code: h.uscc })}>
                  <ChineseName>{h.name}</ChineseName>
                </button>
                <span className="muted-inline">
                  {h.role === 'owner' ? d.owner : d.tenantRole}
                  {h.landShareMu != null && ` · ${d.landShare(formatMu(h.landShareMu))}`}
                </span>
                <GradeAdjustmentMark evaluation={evaluation} />
                {h.landShare && (
                  <div className="muted-inline small land-share-formula" data-testid="land-share-formula">
                    {describeLandShareFormula(h.landShare, t.landShare, h.role === 'owner' ? { mergedTenants: mergedTenantNames } : { owners: ownerNames })}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}

      <h3 className="section-title">{d.grade}</h3>
      {main ? (
        <>
          <p className="muted-inline">
            {d.mainHolderLabel}
            <ChineseName>{main.name}</ChineseName>
          </p>
          <ScoreBreakdown evaluation={evaluationOf(main.uscc) ?? null} />
        </>
      ) : (
        <p className="muted-inline">{d.notGraded}</p>
      )}

      <h3 className="section-title">{d.findings}</h3>
      <FindingsList findings={findings} />

      {buildings.length > 0 && (
        <>
          <h3 className="section-title">{d.buildings}</h3>
          <ul className="link-list">
            {buildings.map((b) => (
              <li key={b.properties.code}>
                <button type="button" className="link-button" onClick={() => onSelect({ kind: 'building', code: b.properties.code })}>
                  {d.buildingKinds[b.properties.kind] ?? b.properties.kind} · {d.floorsValue(b.properties.floors)}
                </button>
                <span className="muted-inline code">{b.properties.code}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
