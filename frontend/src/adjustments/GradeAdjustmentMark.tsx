import type { AdjustableEvaluation } from '../api/adjustment-types';
import { useT } from '../i18n/i18n-context';
import { computedGradeOf, formatDateTime } from './adjustment-format';
import './adjustments.css';

export interface GradeAdjustmentMarkProps {
  evaluation: AdjustableEvaluation | null | undefined;
}

/**
 * Beside an adjusted grade, wherever a firm's grade is shown: "C → A 调档", unfolding to who moved it,
 * when and why (every step, oldest first); the same in the hover title. Nothing for a computed grade.
 */
export function GradeAdjustmentMark({ evaluation }: GradeAdjustmentMarkProps) {
  const t = useT();
  const a = t.adjust;
  const steps = evaluation?.adjustments ?? [];
  const latest = steps.at(-1);
  if (!evaluation?.grade || !latest) return null;
  const computed = computedGradeOf(evaluation) ?? latest.fromGrade;
  return (
    <details className="adjust-mark" data-testid="adjust-mark">
      <summary title={a.markTitle(computed, evaluation.grade, latest.by, formatDateTime(latest.at), latest.reason)}>
        {a.markSummary(computed, evaluation.grade)}
      </summary>
      <ol className="adjust-mark-steps">
        {steps.map((s) => (
          <li key={s.id}>
            <strong>{a.step(s.fromGrade, s.grade)}</strong>
            <div>
              {a.labelled(a.by, s.by)} · {a.labelled(a.at, formatDateTime(s.at))}
            </div>
            <div>{a.labelled(a.reason, s.reason)}</div>
          </li>
        ))}
      </ol>
    </details>
  );
}
