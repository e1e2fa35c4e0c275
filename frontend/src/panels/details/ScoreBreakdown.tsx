import { GradeAdjustmentMark } from '../../adjustments/GradeAdjustmentMark';
import type { EnterpriseEvaluation, ScoreItem } from '../../api/park-types';
import { formatNumber, MISSING } from '../../format';
import { useT } from '../../i18n/i18n-context';
import { GRADE_COLORS } from '../../map/colouring';
import { cssColor } from '../Legend';
import { useGradeLabel } from '../../i18n/DataNames';

export interface ScoreBreakdownProps {
  evaluation: EnterpriseEvaluation | null;
}

/** A fraction shown in percent (R&D share); every other indicator in its own unit. */
const PERCENT_INDICATORS = new Set(['rdRatio']);

/** Bases that need a word: why an item gave its weight and no more, or nothing. */
const EXPLAINED_BASES = new Set(['capped', 'noProduction', 'belowMinDenominator', 'missingZero', 'missingGroupAverage', 'nonPositive', 'noBenchmark']);

function indicatorValue(key: string, value: number | null | undefined): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return MISSING;
  return PERCENT_INDICATORS.has(key) ? formatNumber(value * 100, 2) : formatNumber(value, 2);
}

/** "x / max" when the maximum is known, else the points alone. */
export function useScoreText() {
  const t = useT();
  return (score: number, maxScore: number | null | undefined) =>
    maxScore != null ? t.scoring.scoreOutOf(formatNumber(score, 1), formatNumber(maxScore, 0)) : t.details.score(formatNumber(score, 1));
}

export interface ScoreItemsTableProps {
  /** Items with values, benchmarks and weights (a firm's own answer, a park's or a county's grade). */
  items: ScoreItem[];
  caption?: string;
}

/** Each indicator: its value with its unit and the benchmark, its points out of the item's maximum, and why. */
export function ScoreItemsTable({ items, caption }: ScoreItemsTableProps) {
  const t = useT();
  const d = t.details;
  return (
    <table className="breakdown-table" data-testid="score-items">
      <caption>{caption ?? d.breakdown}</caption>
      <thead>
        <tr>
          <th scope="col">{d.indicator}</th>
          <th scope="col" className="col-number">{d.value}</th>
          <th scope="col" className="col-number">{d.points}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => {
          const indicator = t.indicators[item.key] ?? { name: item.key, unit: '' };
          const points = item.score ?? 0;
          const max = item.maxScore ?? item.weight;
          return (
            <tr key={item.key} data-indicator={item.key} data-basis={item.basis}>
              <th scope="row">
                {indicator.name}
                <div className="muted-inline small">
                  {d.weight} {item.weight}
                </div>
                {EXPLAINED_BASES.has(item.basis) && <div className="muted-inline small">{t.scoring.basis[item.basis]}</div>}
              </th>
              <td className="col-number">
                {indicatorValue(item.key, item.value)} {item.value != null ? indicator.unit : ''}
                {item.benchmark != null && (
                  <div className="muted-inline small">
                    {d.benchmark} {indicatorValue(item.key, item.benchmark)} {indicator.unit}
                  </div>
                )}
              </td>
              <td className="col-number">
                {t.scoring.pointsOutOf(formatNumber(points, 1), formatNumber(max, 0))}
                {/* Under the points, so that the indicator's name keeps the width. */}
                <span className="points-bar" aria-hidden="true" style={{ display: 'block', margin: '3px 0 0 auto' }}>
                  <span style={{ width: `${Math.min(100, (Math.max(points, 0) / Math.max(max, 1e-9)) * 100)}%` }} />
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** A firm's grade, score out of the scheme's maximum and rank, and what each indicator added to the score. */
export function ScoreBreakdown({ evaluation }: ScoreBreakdownProps) {
  const t = useT();
  const d = t.details;
  const scoreText = useScoreText();
  const gradeLabelOf = useGradeLabel();
  if (!evaluation) return <p className="muted-inline">{d.notGraded}</p>;
  if (!evaluation.eligible || !evaluation.grade) {
    const reason = evaluation.reason ? d.reasons[evaluation.reason] ?? evaluation.reason : null;
    return (
      <p className="muted-inline" data-testid="score-not-graded">
        {reason ? t.scoring.notGradedBecause(reason) : d.notGraded}
      </p>
    );
  }
  return (
    <div className="score-breakdown" data-testid="score-breakdown">
      <div className="grade-line">
        <span className="grade-chip" style={{ background: cssColor(GRADE_COLORS[evaluation.grade]) }} aria-hidden="true">
          {evaluation.grade}
        </span>
        <span data-testid="detail-grade">{d.gradeOf(evaluation.grade, gradeLabelOf(evaluation.gradeLabel))}</span>
        <GradeAdjustmentMark evaluation={evaluation} />
        {evaluation.score != null && (
          <span className="muted-inline" data-testid="detail-score">
            {scoreText(evaluation.score, evaluation.maxScore)}
          </span>
        )}
        {evaluation.rank != null && <span className="muted-inline">{d.rank(evaluation.rank, evaluation.poolSize ?? null)}</span>}
      </div>
      {evaluation.items ? (
        <ScoreItemsTable items={evaluation.items} />
      ) : (
        <ContributionsTable contributions={evaluation.contributions ?? {}} />
      )}
    </div>
  );
}

/** The evaluation list carries each indicator's points only: the points, without values or weights. */
function ContributionsTable({ contributions }: { contributions: Record<string, number> }) {
  const t = useT();
  const d = t.details;
  const entries = Object.entries(contributions);
  const maxPoints = Math.max(1, ...entries.map(([, score]) => score));
  return (
    <table className="breakdown-table">
      <caption>{d.breakdown}</caption>
      <thead>
        <tr>
          <th scope="col">{d.indicator}</th>
          <th scope="col" className="col-number">{d.points}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map(([key, points]) => (
          <tr key={key} data-indicator={key}>
            <th scope="row">{(t.indicators[key] ?? { name: key }).name}</th>
            <td className="col-number">
              <span className="points-bar" aria-hidden="true">
                <span style={{ width: `${Math.min(100, (Math.max(points, 0) / maxPoints) * 100)}%` }} />
              </span>
              {formatNumber(points, 1)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
