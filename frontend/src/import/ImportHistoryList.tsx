import { useState } from 'react';
import type { ImportLayerCounts, ImportRecord } from '../api/import-types';
import { useLocale, useT } from '../i18n/i18n-context';
import { FailureNotice } from './FailureNotice';
import type { HistoryState, UndoState } from './use-import-history';

export interface ImportHistoryListProps {
  history: HistoryState;
  undoState: UndoState;
  onUndo: (id: number) => void;
  onRefresh: () => void;
}

/** Every import, newest first; a single-file import can be undone after a confirmation. */
export function ImportHistoryList({ history, undoState, onUndo, onRefresh }: ImportHistoryListProps) {
  const t = useT().imports;
  const [confirming, setConfirming] = useState<number | null>(null);

  return (
    <section className="import-history" aria-labelledby="import-history-title" data-testid="import-history">
      <header className="import-history-head">
        <h3 id="import-history-title">{t.historyTitle}</h3>
        <button type="button" onClick={onRefresh} data-testid="history-refresh">
          {t.historyRefresh}
        </button>
      </header>
      {history.status === 'loading' && <p role="status">{t.historyLoading}</p>}
      {history.status === 'error' && <FailureNotice problem={history.problem} />}
      {undoState.status === 'done' && (
        <p role="status" data-testid="undo-done">
          {t.undone(undoState.result.id, undoState.result.restored, undoState.result.deleted)}
        </p>
      )}
      {undoState.status === 'failed' && <FailureNotice problem={undoState.problem} />}
      {history.status !== 'loading' && history.imports.length === 0 && <p>{t.historyEmpty}</p>}
      <ul className="import-history-list">
        {history.imports.map((record) => (
          <li key={record.id} data-testid="history-item" data-import-id={record.id} data-status={record.status}>
            <RecordSummary record={record} />
            {record.layer && record.status === 'committed' && confirming !== record.id && (
              <button
                type="button"
                onClick={() => setConfirming(record.id)}
                disabled={undoState.status === 'undoing'}
                data-testid="history-undo"
              >
                {t.undo}
              </button>
            )}
            {confirming === record.id && (
              <div className="import-confirm" role="group" aria-label={t.undo} data-testid="undo-confirm">
                <p>{t.undoConfirm(record.id, record.fileName)}</p>
                <button
                  type="button"
                  className="danger"
                  autoFocus
                  onClick={() => {
                    setConfirming(null);
                    onUndo(record.id);
                  }}
                  data-testid="undo-yes"
                >
                  {t.undoYes}
                </button>
                <button type="button" onClick={() => setConfirming(null)} data-testid="undo-no">
                  {t.undoNo}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function RecordSummary({ record }: { record: ImportRecord }) {
  const t = useT().imports;
  const { locale } = useLocale();
  const date = new Date(record.importedAt);
  const when = Number.isNaN(date.getTime()) ? record.importedAt : date.toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' });
  const rows = record.layers.reduce((sum, l) => sum + l.rows, 0);
  const counts = record.created != null && record.updated != null ? t.historyCounts(record.created, record.updated) : t.historyRowsWritten(rows);
  // A bundle fills several layers: say what it did to each (a single file's one layer is named already)
  const layers = record.layer ? [] : record.layers.filter((l) => l.rows > 0);
  return (
    <span className="import-record">
      <strong>#{record.id}</strong> {record.fileName} · {record.layer ? t.historyLayerNames[record.layer] ?? record.layer : record.bundleName ? `${t.bundle} ${record.bundleName}` : t.bundle}
      {record.format ? ` · ${record.format}` : ''}
      {record.crs ? ` · ${record.crs}` : ''} · <span data-testid="history-counts">{counts}</span> · {when} ·{' '}
      <span data-testid="history-status">{t.historyStatus[record.status]}</span>
      {layers.length > 0 && (
        <span className="import-record-layers" data-testid="history-layers">
          {layers.map((l) => `${t.historyLayerNames[l.layer] ?? l.layer} ${describeLayerCounts(l, t)}`).join(' · ')}
        </span>
      )}
    </span>
  );
}

function describeLayerCounts(l: ImportLayerCounts, t: ReturnType<typeof useT>['imports']): string {
  if (l.created == null || l.updated == null) return t.historyLayerRows(l.rows);
  const parts = [l.created > 0 ? t.historyLayerCreated(l.created) : null, l.updated > 0 ? t.historyLayerUpdated(l.updated) : null];
  return parts.filter((p) => p !== null).join(t.historyLayerJoin);
}
