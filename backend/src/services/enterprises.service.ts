import type { EnterprisesRepository } from '../repositories/enterprises.repository.js';
import type { EvaluationService, YearEvaluation } from './evaluation.service.js';
import { listGrades, toAdjustmentLine, toNotAppliedLine } from './evaluation.service.js';
import { computeEntityMetrics, sumFigures } from '../domain/metrics.js';
import { sqmToMu } from '../domain/units.js';
import { toLandShareView } from '../domain/land-allocation.js';
import { NotFoundError } from './errors.js';

const NO_METRICS = computeEntityMetrics(sumFigures([]), null);

function findTenantsMergedInto(ownerUscc: string, ev: YearEvaluation) {
  return Object.values(ev.allocation.enterprises)
    .flatMap((tenant) => tenant.mergedInto
      .filter((m) => m.ownerUscc === ownerUscc)
      .map((m) => ({ tenantUscc: tenant.uscc, tenantName: ev.enterprises.get(tenant.uscc)?.name ?? null, parcelCode: m.parcelCode, weight: m.weight })))
    .sort((a, b) => a.parcelCode.localeCompare(b.parcelCode) || a.tenantUscc.localeCompare(b.tenantUscc));
}

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
        landAllocationMode: ev?.allocation.mode ?? null,
        landShares: (land?.shares ?? []).map(toLandShareView),
        // In 'mergeIntoOwner': the owners whose results this tenant's figures are rated in, by weight
        landMergedInto: (land?.mergedInto ?? []).map((m) => ({
          ownerUscc: m.ownerUscc, ownerName: ev?.enterprises.get(m.ownerUscc)?.name ?? null, parcelCode: m.parcelCode, weight: m.weight,
        })),
        // … and, for an owner, the tenants rated inside it
        landMergedFrom: ev?.allocation.mode === 'mergeIntoOwner' ? findTenantsMergedInto(uscc, ev) : [],
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
          adjustmentsNotApplied: (ev.adjustmentsNotApplied.get(uscc) ?? []).map(toNotAppliedLine),
          grades: listGrades(ev.scheme),
          contributions: result.contributions,
          items: result.items,
        } : null,
      };
    },
  };
}
export type EnterprisesService = ReturnType<typeof createEnterprisesService>;
