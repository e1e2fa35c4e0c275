import type { GradeAdjustmentsRepository, StoredGradeAdjustmentRow } from '../repositories/grade-adjustments.repository.js';
import type { EnterprisesRepository } from '../repositories/enterprises.repository.js';
import type { EvaluationService } from './evaluation.service.js';
import { toAdjustmentLine, toNotAppliedLine } from './evaluation.service.js';
import { listGradeCodes } from '../domain/scheme.js';
import { BadRequestError, ConflictError, NotFoundError } from './errors.js';

export interface GradeAdjustmentRequest {
  year: number;
  grade: string;
  reason: string;
  by: string;
  /** Evaluation scheme id (default: "default"). */
  scheme?: string;
}

export interface GradeAdjustmentUndoRequest {
  by: string;
  reason?: string;
}

/** 分类调档: record a person's move of a graded firm to another grade, with who, when and why; undo one, on record. */
export function createGradeAdjustmentsService(
  repo: Pick<GradeAdjustmentsRepository, 'insertAdjustment' | 'findAdjustment' | 'undoAdjustment'>,
  enterprises: Pick<EnterprisesRepository, 'findEnterprise'>,
  evaluation: Pick<EvaluationService, 'evaluateYear'>,
) {
  /** The firm's result for the year after the write: the grade, the computed grade and every adjustment. */
  async function answer(uscc: string, year: number, schemeId: string | undefined) {
    const ev = await evaluation.evaluateYear(year, schemeId);
    const after = ev.results.find((r) => r.uscc === uscc);
    return {
      uscc,
      year,
      schemeId: ev.schemeId,
      schemeVersion: ev.scheme.version,
      grade: after?.grade ?? null,
      gradeLabel: after?.gradeLabel ?? null,
      computedGrade: after?.computedGrade ?? null,
      score: after?.score ?? null,
      rank: after?.rank ?? null,
      adjustments: (after?.adjustments ?? []).map(toAdjustmentLine),
      adjustmentsNotApplied: (ev.adjustmentsNotApplied.get(uscc) ?? []).map(toNotAppliedLine),
    };
  }

  return {
    /** Check the firm is graded in that year under that scheme, store the adjustment, answer the adjusted result. */
    async adjustGrade(uscc: string, req: GradeAdjustmentRequest) {
      const reason = req.reason.trim();
      const by = req.by.trim();
      if (!reason) throw new BadRequestError('reason: a manual adjustment needs a reason', { kind: 'required', params: { field: 'reason' } });
      if (!by) throw new BadRequestError('by: a manual adjustment needs who made it', { kind: 'required', params: { field: 'by' } });
      if (!(await enterprises.findEnterprise(uscc))) throw new NotFoundError('enterprise', uscc);
      const before = await evaluation.evaluateYear(req.year, req.scheme);
      const codes = listGradeCodes(before.scheme);
      if (!codes.includes(req.grade)) {
        throw new BadRequestError(`grade: "${req.grade}" is not a grade of scheme "${before.schemeId}" (${codes.join(', ')})`,
          { kind: 'gradeNotInScheme', params: { grade: req.grade, grades: codes, schemeId: before.schemeId } });
      }
      const result = before.results.find((r) => r.uscc === uscc);
      if (!result?.eligible || result.grade == null) {
        const why = result?.reason ? `${result.reason}${result.reasonDetail ? `: ${result.reasonDetail}` : ''}` : 'no evaluation';
        throw new ConflictError(`${uscc} is not graded in ${req.year} under scheme "${before.schemeId}" (${why}); there is no grade to adjust`,
          { kind: 'notGraded', params: { uscc, year: req.year, reason: result?.reason ?? null } });
      }
      await repo.insertAdjustment({ uscc, year: req.year, schemeId: before.schemeId, schemeVersion: before.scheme.version, grade: req.grade, reason, by });
      return answer(uscc, req.year, req.scheme);
    },

    /**
     * Undo one of the firm's adjustments: it stays on record with who undid it, when and why, and no longer
     * applies (the latest one still standing gives the grade, else the computed grade). Only an adjustment
     * of the scheme's current version can be undone: the others do not apply anyway.
     */
    async undoAdjustment(uscc: string, id: number, req: GradeAdjustmentUndoRequest) {
      const by = req.by.trim();
      const reason = req.reason?.trim() || null;
      if (!by) throw new BadRequestError('by: undoing an adjustment needs who undoes it', { kind: 'required', params: { field: 'by' } });
      const stored = await repo.findAdjustment(id);
      if (!stored || stored.uscc !== uscc) throw new NotFoundError('adjustment', `${uscc}/${id}`);
      if (stored.undone_at != null) throw alreadyUndone(stored);
      const current = (await evaluation.evaluateYear(stored.year, stored.scheme_id)).scheme.version;
      if (stored.scheme_version !== current) {
        throw new ConflictError(
          `adjustment ${id} was made under version ${stored.scheme_version} of scheme "${stored.scheme_id}" and does not apply under version ${current}; there is nothing to undo`,
          { kind: 'adjustmentOfOtherSchemeVersion', params: { id, schemeId: stored.scheme_id, schemeVersion: stored.scheme_version, currentVersion: current } },
        );
      }
      const undone = await repo.undoAdjustment(id, by, reason);
      if (!undone) throw alreadyUndone((await repo.findAdjustment(id))!);
      return {
        ...(await answer(uscc, stored.year, stored.scheme_id)),
        undone: {
          id: undone.id, schemeVersion: undone.scheme_version, grade: undone.grade, reason: undone.reason, by: undone.adjusted_by, at: undone.adjusted_at,
          undoneBy: undone.undone_by!, undoneAt: undone.undone_at!, undoReason: undone.undo_reason,
        },
      };
    },
  };
}

const alreadyUndone = (a: StoredGradeAdjustmentRow) =>
  new ConflictError(`adjustment ${a.id} was undone already, by ${a.undone_by} at ${a.undone_at}`,
    { kind: 'adjustmentUndone', params: { id: a.id, undoneBy: a.undone_by, undoneAt: a.undone_at } });

export type GradeAdjustmentsService = ReturnType<typeof createGradeAdjustmentsService>;
