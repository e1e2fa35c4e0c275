import type { EnterpriseEvaluation } from '../../api/park-types';
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

function indicatorValue(key: string, value: number | null | undefined): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return MISSING;
  return PERCENT_INDICATORS.has(key) ? formatNumber(value * 100, 2) : formatNumber(value, 2);
}

/** A firm's grade, score and rank, and what each indicator added to the score (points, of its weight). */
export function ScoreBreakdown({ evaluation }: ScoreBreakdownProps) {
  const t = useT();
  const d = t.details;
  const gradeLabelOf = useGradeLabel();
  if (!evaluation) return <p className="muted-inline">{d.notGraded}</p>;
  if (!evaluation.eligible || !evaluation.grade) {
    const reason = evaluation.reason ? d.reasons[evaluation.reason] ?? evaluation.reason : null;
    return (
      <p className="muted-inline" data-testid="score-not-graded">
        {d.notGraded}
        {reason ? `：${reason}` : ''}
      </p>
    );
  }
  const items =
    evaluation.items ??
    Object.entries(evaluation.contributions ?? {}).map(([key, score]) => ({ key, weight: null, value: null, benchmark: null, score }));
  // The park's evaluation list carries the points only; an enterprise's own answer adds values and weights.
  const hasValues = evaluation.items != null;
  const maxPoints = Math.max(1, ...items.map((item) => item.weight ?? item.score ?? 0));
  return (
    <div className="score-breakdown" data-testid="score-breakdown">
      <div className="grade-line">
        <span className="grade-chip" style={{ background: cssColor(GRADE_COLORS[evaluation.grade]) }} aria-hidden="true">
          {evaluation.grade}
        </span>
        <span data-testid="detail-grade">{d.gradeOf(evaluation.grade, gradeLabelOf(evaluation.gradeLabel))}</span>
        {evaluation.score != null && <span className="muted-inline">{d.score(formatNumber(evaluation.score, 1))}</span>}
        {evaluation.rank != null && <span className="muted-inline">{d.rank(evaluation.rank, evaluation.poolSize ?? null)}</span>}
      </div>
      <table className="breakdown-table">
        <caption>{d.breakdown}</caption>
        <thead>
          <tr>
            <th scope="col">{d.indicator}</th>
            {hasValues && <th scope="col" className="col-number">{d.value}</th>}
            <th scope="col" className="col-number">{d.points}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const indicator = t.indicators[item.key] ?? { name: item.key, unit: '' };
            const points = item.score ?? 0;
            return (
              <tr key={item.key} data-indicator={item.key}>
                <th scope="row">
                  {indicator.name}
                  {item.weight != null && <span className="muted-inline"> · {d.weight} {item.weight}</span>}
                </th>
                {hasValues && (
                  <td className="col-number">
                    {indicatorValue(item.key, item.value)} {item.value != null ? indicator.unit : ''}
                    {item.benchmark != null && (
                      <div className="muted-inline small">
                        {d.benchmark} {indicatorValue(item.key, item.benchmark)}
                      </div>
                    )}
                  </td>
                )}
                <td className="col-number">
                  <span className="points-bar" aria-hidden="true">
                    <span style={{ width: `${Math.min(100, (Math.max(points, 0) / maxPoints) * 100)}%` }} />
                  </span>
                  {formatNumber(points, 1)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
