import type { Problem } from '../api/types';
import { useT } from '../i18n/i18n-context';
import { describeAdjustmentProblem } from './adjustment-format';

/**
 * A refused adjustment or undo in the person's language; the server's own words beneath only when ours
 * are generic (an unforeseen refusal), so a known refusal is never said in two languages.
 */
export function AdjustmentFailure({ problem }: { problem: Problem }) {
  const t = useT();
  const { message, known } = describeAdjustmentProblem(problem, t);
  return (
    <div className="adjust-failure" role="alert" data-testid="adjust-failure" data-status={problem.status}>
      {message}
      {!known && (problem.detail || problem.title) && (
        <div className="adjust-failure-server">
          {t.adjust.serverSaid} {problem.detail ?? problem.title}
        </div>
      )}
    </div>
  );
}
