import type { FeatureCollection } from 'geojson';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportReport } from '../api/import-types';
import { useT } from '../i18n/i18n-context';
import { ChooseStep, UploadProgress } from './ChooseStep';
import { CrsStep } from './CrsStep';
import { FailureNotice } from './FailureNotice';
import { ImportHistoryList } from './ImportHistoryList';
import { needsSourceLayer, type WizardStep } from './import-helpers';
import { MappingStep } from './MappingStep';
import { ReportStep } from './ReportStep';
import { useImportHistory } from './use-import-history';
import { useImportWizard } from './use-import-wizard';
import './import.css';

export interface ImportWizardProps {
  /** County outlines for the CRS preview, lon/lat */
  reference: FeatureCollection | null;
  onClose: () => void;
  /** After a commit: the map's data may have changed */
  onCommitted?: (report: ImportReport) => void;
}

const STEPS: readonly WizardStep[] = ['choose', 'crs', 'mapping', 'report', 'done'];
const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The import wizard: a modal dialog (focus kept inside, Escape closes) over the map. */
export function ImportWizard({ reference, onClose, onCommitted }: ImportWizardProps) {
  const t = useT().imports;
  const dialogRef = useRef<HTMLElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  const firstFieldRef = useRef<HTMLSelectElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [reportNonce, setReportNonce] = useState(0);
  const historyRefreshRef = useRef<() => void>(() => undefined);
  const committed = useCallback(
    (report: ImportReport) => {
      historyRefreshRef.current();
      onCommitted?.(report);
    },
    [onCommitted],
  );
  const wizard = useImportWizard(committed);
  const imports = useImportHistory(wizard.token);
  historyRefreshRef.current = imports.refresh;
  const { step, report, request } = wizard;
  const busy = request.kind === 'sending';

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    firstFieldRef.current?.focus();
    return () => previous?.focus?.();
  }, []);

  // A new answer re-creates the mapping form (it starts from the report) and moves focus to the step's heading.
  useEffect(() => {
    setReportNonce((n) => n + 1);
  }, [report]);
  useEffect(() => {
    if (step !== 'choose') headingRef.current?.focus();
  }, [step]);

  // On the document, not the dialog: focus may have fallen to the body (a removed button); stopped here so
  // the page's own Escape (closing its panels) does not fire as well.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const dialog = dialogRef.current;
      if (!dialog) return;
      if (event.key === 'Escape') {
        event.stopPropagation();
        onCloseRef.current();
        return;
      }
      if (event.key !== 'Tab') return;
      const focusable = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)];
      if (!focusable.length) return;
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      const active = document.activeElement;
      if (!dialog.contains(active)) {
        event.preventDefault();
        first.focus();
      } else if (event.shiftKey && active === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const reachable = (s: WizardStep): boolean => {
    if (busy) return s === step;
    switch (s) {
      case 'choose': return step !== 'done';
      case 'crs': return !!report && report.status !== 'committed' && (report.status === 'needsCrs' || !!report.crs);
      case 'mapping':
      case 'report': return !!report && report.status !== 'needsCrs' && report.status !== 'committed' && !needsSourceLayer(report);
      case 'done': return report?.status === 'committed';
    }
  };

  return (
    <div className="backdrop" onClick={onClose}>
      <section
        ref={dialogRef}
        className="panel import-panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby="import-title"
        data-testid="import-wizard"
        onClick={(event) => event.stopPropagation()}
      >
        <header className="panel-header">
          <h2 className="panel-title" id="import-title">{t.title}</h2>
          <button type="button" className="close-button" onClick={onClose} aria-label={t.close} data-testid="import-close">
            ×
          </button>
        </header>
        <nav aria-label={t.title}>
          <ol className="import-steps">
            {STEPS.map((s, i) => (
              <li key={s}>
                <button
                  type="button"
                  aria-current={s === step ? 'step' : undefined}
                  disabled={!reachable(s)}
                  onClick={() => wizard.goTo(s)}
                  data-testid={`step-${s}`}
                >
                  <span aria-hidden="true">{i + 1}</span> {t.steps[s]}
                </button>
              </li>
            ))}
          </ol>
        </nav>
        <h3 className="import-step-title" tabIndex={-1} ref={headingRef} data-testid="import-step-title">
          {t.steps[step]} <small className="import-muted">{t.stepOf(STEPS.indexOf(step) + 1, STEPS.length)}</small>
        </h3>
        {request.kind === 'failed' && <FailureNotice problem={request.problem} />}
        {step === 'choose' && (
          <ChooseStep
            layer={wizard.layer}
            file={wizard.file}
            token={wizard.token}
            request={request}
            sourceLayers={report?.sourceLayers}
            sourceLayer={wizard.sourceLayer}
            sourceLayerAsked={!!report && needsSourceLayer(report) && !wizard.sourceLayer}
            onSourceLayerChange={wizard.setSourceLayer}
            onLayerChange={wizard.setLayer}
            onFileChange={wizard.setFile}
            onTokenChange={wizard.setToken}
            onCheck={wizard.check}
            firstFieldRef={firstFieldRef}
          />
        )}
        {step !== 'choose' && <UploadProgress request={request} />}
        {step === 'crs' && report && (
          <CrsStep key={reportNonce} report={report} chosenCrs={wizard.crs} busy={busy} reference={reference} onChoose={wizard.chooseCrs} />
        )}
        {step === 'mapping' && report && (
          <MappingStep
            key={reportNonce}
            report={report}
            busy={busy}
            onApply={wizard.applyMapping}
            onChangeCrs={() => wizard.goTo('crs')}
            onNext={() => wizard.goTo('report')}
          />
        )}
        {step === 'report' && report && (
          <ReportStep report={report} repair={wizard.repair} busy={busy} onRepairChange={wizard.setRepair} onCommit={wizard.commit} />
        )}
        {step === 'done' && report?.importId !== undefined && (
          <div className="import-step" data-testid="import-done">
            <p className="import-status import-status-committed" data-testid="import-record">
              {t.doneRecord(report.importId, report.file)} · {t.historyCounts(report.counts.insert, report.counts.update)}
            </p>
            <div className="dialog-actions">
              <button type="button" onClick={wizard.restart} data-testid="import-again">
                {t.newImport}
              </button>
            </div>
          </div>
        )}
        <ImportHistoryList history={imports.history} undoState={imports.undoState} onUndo={imports.undo} onRefresh={imports.refresh} />
      </section>
    </div>
  );
}
