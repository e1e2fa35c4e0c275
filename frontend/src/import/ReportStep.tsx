import type { ImportProblem, ImportReport } from '../api/import-types';
import { formatSquareMetres } from '../format';
import { useT } from '../i18n/i18n-context';
import { classifyProblem } from './import-helpers';
import { toProblemSentence } from './problem-sentence';

export interface ReportStepProps {
  report: ImportReport;
  repair: boolean;
  busy: boolean;
  onRepairChange: (repair: boolean) => void;
  onCommit: () => void;
}

const COUNT_KEYS = ['rows', 'valid', 'insert', 'update', 'errors', 'warnings'] as const;

/** Step 4: what would be written, every problem where it is, invalid geometry and its repair; then commit. */
export function ReportStep({ report, repair, busy, onRepairChange, onCommit }: ReportStepProps) {
  const t = useT().imports;
  const errors = report.problems.filter((p) => p.severity === 'error');
  const warnings = report.problems.filter((p) => p.severity === 'warning');
  const repairable = report.repairs.some((r) => r.repairedAreaSqm !== undefined);
  const canCommit = report.status === 'dryRun' && !busy;

  return (
    <div className="import-step">
      <p className={`import-status import-status-${report.status}`} data-testid="report-status" data-status={report.status}>
        {t.status[report.status]}
      </p>
      <p className="import-muted" data-testid="report-file">
        {report.file}
        {report.format ? ` · ${t.fileInfo(report.format, report.encoding ?? '')}` : ''}
        {report.sourceLayer && (report.sourceLayers?.length ?? 0) > 1 ? ` · ${t.sourceLayerShown(report.sourceLayer)}` : ''}
        {report.crs ? ` · ${report.crs.code}` : ''}
      </p>
      <dl className="import-counts" data-testid="report-counts">
        {COUNT_KEYS.map((key) => (
          <div key={key} data-count={key}>
            <dt>{t.counts[key]}</dt>
            <dd data-testid={`count-${key}`}>{key === 'rows' ? t.countRows(report.counts[key]) : t.countItems(report.counts[key])}</dd>
          </div>
        ))}
      </dl>
      {report.counts.update > 0 && report.fieldsWritten && (
        <p className="import-muted" data-testid="report-fields">
          {t.fieldsOfUpdate(report.fieldsWritten, report.fieldsKept ?? [])}
        </p>
      )}
      {report.problems.length === 0 && <p data-testid="no-problems">{t.noProblems}</p>}
      <ProblemList title={t.errorsTitle} problems={errors} severity="error" />
      <ProblemList title={t.warningsTitle} problems={warnings} severity="warning" />
      {report.repairs.length > 0 && (
        <section className="import-repairs" data-testid="report-repairs">
          <h3>{t.repairsTitle}</h3>
          <ul>
            {report.repairs.map((r, i) => (
              <li key={i} data-testid="repair">
                <Where problem={r} /> {t.repairReason(r.reason)}
                {r.repairedAreaSqm !== undefined ? ` · ${t.repairedArea(formatSquareMetres(r.repairedAreaSqm))}` : ` · ${t.repairNotPossible}`}
                {r.applied ? ` · ${t.repairApplied}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
      {(repairable || repair) && (
        <label className="import-checkbox">
          <input type="checkbox" checked={repair} disabled={busy} onChange={(e) => onRepairChange(e.target.checked)} data-testid="repair-checkbox" />
          {t.repairCheckbox}
        </label>
      )}
      <p className="import-muted">{t.commitHelp}</p>
      <div className="dialog-actions">
        <button type="button" className="primary" disabled={!canCommit} onClick={onCommit} data-testid="import-commit">
          {t.commit}
        </button>
      </div>
    </div>
  );
}

function ProblemList({ title, problems, severity }: { title: string; problems: ImportProblem[]; severity: 'error' | 'warning' }) {
  const t = useT().imports;
  if (!problems.length) return null;
  return (
    <section className={`import-problems import-problems-${severity}`} data-testid={`report-${severity}s`}>
      <h3>
        {title} ({problems.length})
      </h3>
      <ul>
        {problems.map((p, i) => {
          const kind = classifyProblem(p);
          return (
            <li key={i} data-testid="problem" data-kind={kind} data-problem-kind={p.kind}>
              <span className="import-kind">{t.kinds[kind]}</span> <Where problem={p} />
              <span className="import-message" data-testid="problem-sentence">{toProblemSentence(p, t.sentences)}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Where({ problem }: { problem: Pick<ImportProblem, 'file' | 'row' | 'feature' | 'code' | 'field'> }) {
  const w = useT().imports.where;
  const parts = [
    problem.file,
    problem.row !== undefined ? w.row(problem.row) : undefined,
    problem.feature !== undefined ? w.feature(problem.feature) : undefined,
    problem.code ? w.code(problem.code) : undefined,
    problem.field ? w.field(problem.field) : undefined,
  ].filter(Boolean);
  return <span className="import-where" data-testid="problem-where">{parts.join(' · ')}: </span>;
}
