import type { Problem } from '../api/types';
import { useT } from '../i18n/i18n-context';

export interface ErrorBannerProps {
  problems: Problem[];
  onDismiss: () => void;
}

/** The API's problem details (title and detail), shown until dismissed. */
export function ErrorBanner({ problems, onDismiss }: ErrorBannerProps) {
  const t = useT();
  if (problems.length === 0) return null;
  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      <div>
        <strong>{t.errors.title}</strong>
        <ul>
          {problems.map((problem, index) => (
            <li key={`${index}-${problem.title}`}>
              <span className="problem-title">{problem.title}</span>
              {problem.detail && <span className="problem-detail"> — {problem.detail}</span>}
            </li>
          ))}
        </ul>
      </div>
      <button type="button" className="close-button" onClick={onDismiss} aria-label={t.errors.dismiss}>
        ×
      </button>
    </div>
  );
}
