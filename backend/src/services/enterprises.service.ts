import type { EnterprisesRepository } from '../repositories/enterprises.repository.js';
import { NotFoundError } from './errors.js';

export function createEnterprisesService(repo: EnterprisesRepository) {
  return {
    async getEnterprise(uscc: string) {
      const e = await repo.findEnterprise(uscc);
      if (!e) throw new NotFoundError('enterprise', uscc);
      return {
        uscc: e.uscc,
        name: e.name,
        industryCode: e.industry_code,
        aboveScale: e.above_scale,
        status: e.status,
        registeredOn: e.registered_on,
        parkCode: e.park_code,
        holdings: e.holdings,
        indicators: e.indicators,
      };
    },
  };
}
export type EnterprisesService = ReturnType<typeof createEnterprisesService>;
