// 分类调档 (manual grade adjustment) as the API gives it: on every evaluation (GET /api/evaluations, the
// enterprise's evaluation) and in the answers of POST /api/evaluations/:uscc/adjustments and its undo.
// Times are ISO 8601 UTC, the server's clock.
import type { Grade } from './types';

/** An adjustment that applies: the last one of a firm gives its grade. */
export interface GradeAdjustment {
  id: number;
  /** The version of the scheme it was made under. */
  schemeVersion: number;
  grade: Grade;
  /** The grade before it (the computed one for the first). */
  fromGrade: Grade;
  reason: string;
  by: string;
  at: string;
}

/** Why an adjustment does not apply: undone; made under another scheme version; the firm is not graded. */
export type AdjustmentNotAppliedStatus = 'undone' | 'schemeVersionChanged' | 'firmNotGraded';

export interface AdjustmentNotApplied {
  id: number;
  schemeVersion: number;
  status: AdjustmentNotAppliedStatus;
  grade: Grade;
  reason: string;
  by: string;
  at: string;
  undoneBy: string | null;
  undoneAt: string | null;
  undoReason: string | null;
}

/** A grade of the evaluation scheme, best first. */
export interface SchemeGrade {
  code: Grade;
  label: string | null;
}

/** What an evaluation says about adjustments (all optional: older answers and fixtures leave them out). */
export interface AdjustableEvaluation {
  grade: Grade | null;
  computedGrade?: Grade | null;
  schemeId?: string;
  schemeVersion?: number | null;
  adjustments?: GradeAdjustment[];
  adjustmentsNotApplied?: AdjustmentNotApplied[];
  grades?: SchemeGrade[];
}

/** Body of POST /api/evaluations/:uscc/adjustments. */
export interface GradeAdjustmentRequest {
  year: number;
  grade: Grade;
  reason: string;
  by: string;
  scheme?: string;
}

/** Body of POST /api/evaluations/:uscc/adjustments/:id/undo. */
export interface GradeAdjustmentUndoRequest {
  by: string;
  reason?: string;
}

/** The firm's result after an adjustment or an undo. */
export interface AdjustedResult {
  uscc: string;
  year: number;
  schemeId: string;
  schemeVersion: number;
  grade: Grade | null;
  gradeLabel: string | null;
  computedGrade: Grade | null;
  score: number | null;
  rank: number | null;
  adjustments: GradeAdjustment[];
  adjustmentsNotApplied: AdjustmentNotApplied[];
}
