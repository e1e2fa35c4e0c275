/**
 * 分类调档 (DOMAIN.md §3, manual adjustment step): which recorded adjustments move a firm's grade in an
 * evaluation, and why the others do not. An adjustment belongs to the scheme version it was made under (a
 * new version re-grades every firm) and can be undone; both stay on record and are listed as not applied.
 */
import type { EnterpriseEvaluation } from './evaluation.js';
import { applyManualAdjustment } from './evaluation.js';
import type { EvaluationScheme, GradeCode } from './scheme.js';

/** One adjustment as stored: who moved which firm to which grade, when and why; undone* set once undone. */
export interface StoredGradeAdjustment {
  id: number;
  uscc: string;
  schemeVersion: number;
  grade: GradeCode;
  reason: string;
  by: string;
  /** ISO 8601 date-time. */
  at: string;
  undoneBy: string | null;
  undoneAt: string | null;
  undoReason: string | null;
}

/**
 * Why a stored adjustment does not move the grade: it was undone; it was made under another version of the
 * scheme; or the firm is not graded in this evaluation (nothing to adjust).
 */
export type AdjustmentNotAppliedStatus = 'undone' | 'schemeVersionChanged' | 'firmNotGraded';

export interface AdjustmentNotApplied extends StoredGradeAdjustment {
  status: AdjustmentNotAppliedStatus;
}

export interface AdjustedEvaluation {
  results: EnterpriseEvaluation[];
  /** By USCC, oldest first: the firm's adjustments of the year and scheme that do not apply, and why. */
  notApplied: Map<string, AdjustmentNotApplied[]>;
}

/**
 * Apply the adjustments (oldest first, so the latest wins) made under `scheme.version` and not undone to
 * the computed results; list every other one with the reason it does not apply.
 */
export function applyGradeAdjustments(
  results: readonly EnterpriseEvaluation[],
  adjustments: readonly StoredGradeAdjustment[],
  scheme: Pick<EvaluationScheme, 'grading' | 'version'>,
): AdjustedEvaluation {
  const notApplied = new Map<string, AdjustmentNotApplied[]>();
  const setAside = (a: StoredGradeAdjustment, status: AdjustmentNotAppliedStatus) => {
    const list = notApplied.get(a.uscc) ?? [];
    list.push({ ...a, status });
    notApplied.set(a.uscc, list);
  };
  if (!adjustments.length) return { results: [...results], notApplied };
  const byUscc = new Map(results.map((r) => [r.uscc, r]));
  for (const a of adjustments) {
    if (a.undoneAt != null) {
      setAside(a, 'undone');
      continue;
    }
    if (a.schemeVersion !== scheme.version) {
      setAside(a, 'schemeVersionChanged');
      continue;
    }
    const r = byUscc.get(a.uscc);
    if (!r?.eligible || r.grade == null) {
      setAside(a, 'firmNotGraded');
      continue;
    }
    byUscc.set(a.uscc, applyManualAdjustment(r, { id: a.id, schemeVersion: a.schemeVersion, grade: a.grade, by: a.by, at: a.at, reason: a.reason }, scheme));
  }
  return { results: results.map((r) => byUscc.get(r.uscc)!), notApplied };
}
