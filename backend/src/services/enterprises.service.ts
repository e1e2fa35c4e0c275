import type { EnterprisesRepository } from '../repositories/enterprises.repository.js';
import type { EvaluationService } from './evaluation.service.js';
import { toAdjustmentLine } from './evaluation.service.js';
import { computeEntityMetrics, sumFigures } from '../domain/metrics.js';
import { sqmToMu } from '../domain/units.js';
import { describeLandShare } from '../domain/land-allocation.js';
import { NotFoundError } from './errors.js';

const NO_METRICS = computeEntityMetrics(sumFigures([]), null);

export function createEnterprisesService(repo: EnterprisesRepository, evaluation: Pick<EvaluationService, 'resolveYear' | 'evaluateYear'>) {
  return {
    /** An enterprise, its allocated land, its per-mu figures and its evaluation for `year` (default: latest reported). */
    async getEnterprise(uscc: string, year?: number) {
      const e = await repo.findEnterprise(uscc);
      if (!e) throw new NotFoundError('enterprise', uscc);
      const chosen = await evaluation.resolveYear(year);
      const ev = chosen == null ? null : await evaluation.evaluateYear(chosen);
      const result = ev?.results.find((r) => r.uscc === uscc);
      const land = ev?.allocation.enterprises[uscc];
      return {
        uscc: e.uscc,
        name: e.name,
        industryCode: e.industry_code,
        aboveScale: e.above_scale,
        status: e.status,
        statusSince: e.status_since,
        registeredOn: e.registered_on,
        parkCode: e.park_code,
        holdings: e.holdings,
        indicators: e.indicators,
        year: chosen,
        landAreaSqm: land?.landAreaSqm ?? null,
        landAreaMu: land ? sqmToMu(land.landAreaSqm) : null,
        landShares: (land?.shares ?? []).map((share) => ({ ...share, formula: describeLandShare(share) })),
        ...(result?.metrics ?? NO_METRICS),
        evaluation: result && ev ? {
          schemeId: ev.schemeId,
          schemeVersion: ev.scheme.version,
          group: result.group,
          eligible: result.eligible,
          reason: result.reason,
          reasonDetail: result.reasonDetail,
          noProduction: result.noProduction,
          indicatorSet: result.indicatorSet,
          score: result.score,
          maxScore: result.maxScore,
          rank: result.rank,
          poolSize: result.poolSize,
          grade: result.grade,
          gradeLabel: result.gradeLabel,
          computedGrade: result.computedGrade,
          adjustments: result.adjustments.map(toAdjustmentLine),
          contributions: result.contributions,
          items: result.items,
        } : null,
      };
    },
  };
}
export type EnterprisesService = ReturnType<typeof createEnterprisesService>;
