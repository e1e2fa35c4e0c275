import { useCallback, useRef, useState } from 'react';
import type { AdjustedResult, GradeAdjustmentRequest, GradeAdjustmentUndoRequest } from '../api/adjustment-types';
import { ApiError } from '../api/http-client';
import { adjustGrade, undoGradeAdjustment } from '../api/muyield-api';
import type { Problem } from '../api/types';
import { bumpDataRevision } from '../data/data-revision';
import { loadAdminToken, saveAdminToken } from '../import/admin-token';
import { loadAdjusterName, saveAdjusterName } from './adjuster-name';

export type AdjustmentRequestState =
  | { status: 'idle' }
  | { status: 'sending'; action: 'adjust' | 'undo' }
  | { status: 'failed'; action: 'adjust' | 'undo'; problem: Problem }
  | { status: 'done'; action: 'adjust' | 'undo'; result: AdjustedResult; fromGrade: string | null };

const toProblem = (error: unknown): Problem =>
  error instanceof ApiError ? error.problem : { type: 'about:blank', title: 'Error', status: 0, detail: error instanceof Error ? error.message : String(error) };

/**
 * Make or undo one firm's 分类调档 with the admin token; on success every data hook reloads (the firm, the
 * park's grade counts, the parcel colours, the lists). The token is kept for the tab as typed, the person's name once something is stored.
 */
export function useGradeAdjustment(uscc: string) {
  const [state, setState] = useState<AdjustmentRequestState>({ status: 'idle' });
  const [token, setTokenState] = useState(loadAdminToken);
  const [name, setNameState] = useState(loadAdjusterName);
  const pending = useRef<AbortController | null>(null);

  const run = useCallback(
    (action: 'adjust' | 'undo', fromGrade: string | null, by: string, send: (signal: AbortSignal) => Promise<AdjustedResult>) => {
      pending.current?.abort();
      const controller = new AbortController();
      pending.current = controller;
      setState({ status: 'sending', action });
      return send(controller.signal).then(
        (result) => {
          if (controller.signal.aborted) return false;
          setState({ status: 'done', action, result, fromGrade });
          saveAdjusterName(by);
          bumpDataRevision();
          return true;
        },
        (error: unknown) => {
          if (!controller.signal.aborted) setState({ status: 'failed', action, problem: toProblem(error) });
          return false;
        },
      );
    },
    [],
  );

  return {
    state,
    token,
    name,
    setToken: (next: string) => {
      setTokenState(next);
      saveAdminToken(next);
    },
    setName: setNameState,
    /** Resolves true once stored. */
    adjust: (body: GradeAdjustmentRequest, fromGrade: string | null) =>
      run('adjust', fromGrade, body.by, (signal) => adjustGrade(uscc, body, token, signal)),
    undo: (id: number, body: GradeAdjustmentUndoRequest, fromGrade: string | null) =>
      run('undo', fromGrade, body.by, (signal) => undoGradeAdjustment(uscc, id, body, token, signal)),
    reset: () => setState({ status: 'idle' }),
  };
}
export type GradeAdjustmentControl = ReturnType<typeof useGradeAdjustment>;
