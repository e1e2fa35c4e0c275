// The import history (GET /api/imports) and undo, with the state of each undo.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/http-client';
import type { ImportRecord, UndoResult } from '../api/import-types';
import { listImports, undoImport } from '../api/muyield-api';
import type { Problem } from '../api/types';

export type HistoryState =
  | { status: 'loading'; imports: ImportRecord[] }
  | { status: 'ready'; imports: ImportRecord[] }
  | { status: 'error'; imports: ImportRecord[]; problem: Problem };

export type UndoState =
  | { status: 'idle' }
  | { status: 'undoing'; id: number }
  | { status: 'done'; result: UndoResult }
  | { status: 'failed'; id: number; problem: Problem };

export interface ImportHistory {
  history: HistoryState;
  undoState: UndoState;
  refresh: () => void;
  undo: (id: number) => void;
}

const toProblem = (error: unknown): Problem =>
  error instanceof ApiError ? error.problem : { type: 'about:blank', title: 'Error', status: 0, detail: String(error) };

export function useImportHistory(token: string): ImportHistory {
  const [history, setHistory] = useState<HistoryState>({ status: 'loading', imports: [] });
  const [undoState, setUndoState] = useState<UndoState>({ status: 'idle' });
  const [nonce, setNonce] = useState(0);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    setHistory((current) => ({ status: 'loading', imports: current.imports }));
    listImports(controller.signal).then(
      (answer) => setHistory({ status: 'ready', imports: answer.imports }),
      (error: unknown) => {
        if (!controller.signal.aborted) setHistory((current) => ({ status: 'error', imports: current.imports, problem: toProblem(error) }));
      },
    );
    return () => controller.abort();
  }, [nonce]);

  const refresh = useCallback(() => setNonce((n) => n + 1), []);

  const undo = useCallback(
    (id: number) => {
      setUndoState({ status: 'undoing', id });
      undoImport(id, token).then(
        (result) => {
          if (!mounted.current) return;
          setUndoState({ status: 'done', result });
          refresh();
        },
        (error: unknown) => mounted.current && setUndoState({ status: 'failed', id, problem: toProblem(error) }),
      );
    },
    [token, refresh],
  );

  return { history, undoState, refresh, undo };
}
