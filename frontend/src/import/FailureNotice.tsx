import type { Problem } from '../api/types';
import { useT } from '../i18n/i18n-context';
import { classifyFailure } from './import-helpers';

/** A failed request in the person's language, with the server's own title and detail beneath. */
export function FailureNotice({ problem }: { problem: Problem }) {
  const t = useT().imports;
  const kind = classifyFailure(problem.status);
  return (
    <div className="import-failure" role="alert" data-testid="import-failure" data-status={problem.status}>
      <p className="import-failure-kind">{t.failures[kind]}</p>
      <p className="import-failure-server">
        {t.serverSaid} <strong>{problem.title}</strong>
        {problem.detail ? `: ${problem.detail}` : ''}
      </p>
    </div>
  );
}
