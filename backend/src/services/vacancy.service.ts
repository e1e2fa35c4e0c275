import { ALL_UNIT_STATUSES, toVacancyUnit, type VacancyRepository } from '../repositories/vacancy.repository.js';
import { isIsoDate } from '../domain/dates.js';
import { summarizeVacancyBy, type VacancyFilter, type VacancySummary, type VacancyUnit } from '../domain/vacancy.js';
import { BadRequestError, NotFoundError } from './errors.js';

export interface VacancyQuery {
  park?: string;
  region?: string;
  minAreaSqm?: number;
  maxAreaSqm?: number;
  /** One floor; minFloor/maxFloor for a range. */
  floor?: number;
  minFloor?: number;
  maxFloor?: number;
  minCeilingHeightM?: number;
  minFloorLoadKnPerSqm?: number;
  maxRentYuanPerSqmMonth?: number;
  /** Comma-separated statuses (default vacant). */
  status?: string;
  /** Day the lease-ending window starts (default today, UTC). */
  asOf?: string;
  leasesEndingWithinMonths: number;
}

export function toVacancyFilter(q: VacancyQuery): VacancyFilter {
  return {
    minAreaSqm: q.minAreaSqm,
    maxAreaSqm: q.maxAreaSqm,
    minFloor: q.floor ?? q.minFloor,
    maxFloor: q.floor ?? q.maxFloor,
    minCeilingHeightM: q.minCeilingHeightM,
    minFloorLoadKnPerSqm: q.minFloorLoadKnPerSqm,
    maxRentYuanPerSqmMonth: q.maxRentYuanPerSqmMonth,
    statuses: q.status ? (q.status.split(',') as VacancyUnit['status'][]) : undefined,
  };
}

const totals = ([code, s]: [string, VacancySummary]) => ({
  unitCount: s.unitCount,
  lettableSqm: s.lettableSqm,
  leasedSqm: s.leasedSqm,
  reservedSqm: s.reservedSqm,
  vacantSqm: s.vacantSqm,
  occupancyRate: s.occupancyRate,
  leasesEnding: s.leasesEnding,
  code,
});

export function createVacancyService(repo: VacancyRepository, parkExists: (parkCode: string) => Promise<boolean>) {
  return {
    /**
     * Units that meet the search (vacant by default), the occupancy of the buildings they are in, and of
     * every park in scope (all units counted, whatever the search bounds).
     */
    async searchVacancies(q: VacancyQuery) {
      if (q.park && !(await parkExists(q.park))) throw new NotFoundError('park', q.park);
      if (q.asOf != null && !isIsoDate(q.asOf)) throw new BadRequestError(`asOf: "${q.asOf}" is not a YYYY-MM-DD date`);
      const scope = { parkCode: q.park, regionCode: q.region };
      const [matches, all] = await Promise.all([
        repo.searchUnits(scope, toVacancyFilter(q)),
        repo.searchUnits(scope, { statuses: ALL_UNIT_STATUSES }),
      ]);
      const options = { asOf: q.asOf ?? new Date().toISOString().slice(0, 10), leaseEndingWithinMonths: q.leasesEndingWithinMonths };
      const allUnits = all.map(toVacancyUnit);
      const withMatches = new Set(matches.map((m) => m.building_code));
      const byBuilding = summarizeVacancyBy(allUnits.filter((u) => withMatches.has(u.buildingCode)), 'building', options);
      const parkOf = new Map(all.map((u) => [u.building_code, u.park_code]));
      return {
        units: matches.map((r) => ({
          code: r.code,
          buildingCode: r.building_code,
          parkCode: r.park_code,
          regionCode: r.region_code,
          floor: r.floor,
          areaSqm: r.area_sqm,
          status: r.status,
          ceilingHeightM: r.ceiling_height_m,
          floorLoadKnPerSqm: r.floor_load_kn_per_sqm,
          rentYuanPerSqmMonth: r.rent_yuan_per_sqm_month,
          footprint: r.footprint,
        })),
        buildings: Object.entries(byBuilding).map(totals).map(({ code, ...t }) => ({ buildingCode: code, parkCode: parkOf.get(code) ?? null, ...t })),
        parks: Object.entries(summarizeVacancyBy(allUnits, 'park', options)).map(totals).map(({ code, ...t }) => ({ parkCode: code, ...t })),
      };
    },
  };
}
export type VacancyService = ReturnType<typeof createVacancyService>;
