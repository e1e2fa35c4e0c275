import type { GradeAdjustmentsRepository } from '../repositories/grade-adjustments.repository.js';
import type { EnterprisesRepository } from '../repositories/enterprises.repository.js';
import type { EvaluationService } from './evaluation.service.js';
import { toAdjustmentLine } from './evaluation.service.js';
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

/** 分类调档: record a person's move of a graded firm to another grade, with who, when and why. */
export function createGradeAdjustmentsService(
  repo: Pick<GradeAdjustmentsRepository, 'insertAdjustment'>,
  enterprises: Pick<EnterprisesRepository, 'findEnterprise'>,
  evaluation: Pick<EvaluationService, 'evaluateYear'>,
) {
  return {
    /** Check the firm is graded in that year under that scheme, store the adjustment, answer the adjusted result. */
    async adjustGrade(uscc: string, req: GradeAdjustmentRequest) {
      const reason = req.reason.trim();
      const by = req.by.trim();
      if (!reason) throw new BadRequestError('reason: a manual adjustment needs a reason');
      if (!by) throw new BadRequestError('by: a manual adjustment needs who made it');
      if (!(await enterprises.findEnterprise(uscc))) throw new NotFoundError('enterprise', uscc);
      const before = await evaluation.evaluateYear(req.year, req.scheme);
      const codes = listGradeCodes(before.scheme);
      if (!codes.includes(req.grade)) {
        throw new BadRequestError(`grade: "${req.grade}" is not a grade of scheme "${before.schemeId}" (${codes.join(', ')})`);
      }
      const result = before.results.find((r) => r.uscc === uscc);
      if (!result?.eligible || result.grade == null) {
        const why = result?.reason ? `${result.reason}${result.reasonDetail ? `: ${result.reasonDetail}` : ''}` : 'no evaluation';
        throw new ConflictError(`${uscc} is not graded in ${req.year} under scheme "${before.schemeId}" (${why}); there is no grade to adjust`);
      }
      await repo.insertAdjustment({ uscc, year: req.year, schemeId: before.schemeId, schemeVersion: before.scheme.version, grade: req.grade, reason, by });
      const after = (await evaluation.evaluateYear(req.year, req.scheme)).results.find((r) => r.uscc === uscc)!;
      return {
        uscc,
        year: req.year,
        schemeId: before.schemeId,
        schemeVersion: before.scheme.version,
        grade: after.grade,
        gradeLabel: after.gradeLabel,
        computedGrade: after.computedGrade,
        score: after.score,
        rank: after.rank,
        adjustments: after.adjustments.map(toAdjustmentLine),
      };
    },
  };
}
export type GradeAdjustmentsService = ReturnType<typeof createGradeAdjustmentsService>;
