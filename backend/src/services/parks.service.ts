import type { ParksRepository, ParkRow } from '../repositories/parks.repository.js';
import { computeParkFigures, parkAreaMu } from '../domain/park-figures.js';
import type { EvaluationService } from './evaluation.service.js';
import { NotFoundError } from './errors.js';

type ParkGrades = Awaited<ReturnType<EvaluationService['gradeParks']>>;

function toParkFeature(row: ParkRow, grades: ParkGrades) {
  const figures = computeParkFigures({ outputYuan: row.output_yuan, taxYuan: row.tax_yuan, usedLandSqm: row.used_land_sqm });
  return {
    type: 'Feature' as const,
    id: row.code,
    geometry: row.geometry,
    properties: {
      code: row.code,
      name: row.name,
      regionCode: row.region_code,
      regionName: row.region_name,
      level: row.level,
      leadingIndustries: row.leading_industries,
      areaMu: parkAreaMu(row.approved_area_mu, row.boundary_area_sqm),
      approvedAreaMu: row.approved_area_mu,
      illustrative: row.illustrative,
      year: row.year,
      ...figures,
      enterpriseCount: row.enterprise_count,
      reportingEnterpriseCount: row.reporting_enterprises,
      parcelCount: row.parcel_count,
      ...(grades?.(row.code) ?? { grade: null, gradeLabel: null, gradeScore: null, gradeCounts: null }),
    },
  };
}

export function createParksService(repo: ParksRepository, evaluation: Pick<EvaluationService, 'gradeParks'>) {
  // Grades for the year the figures are for (the SQL picks the latest reported when none is asked).
  const gradesFor = async (rows: ParkRow[]) => (rows[0]?.year == null ? null : evaluation.gradeParks(rows[0].year));
  return {
    async listRegions() {
      const rows = await repo.listRegions();
      return {
        type: 'FeatureCollection' as const,
        features: rows.map((r) => ({
          type: 'Feature' as const,
          id: r.code,
          geometry: r.geometry,
          properties: { code: r.code, name: r.name, parkCount: r.park_count },
        })),
      };
    },
    async listParks(year?: number) {
      const rows = await repo.listParks({ year });
      const grades = await gradesFor(rows);
      return { type: 'FeatureCollection' as const, features: rows.map((r) => toParkFeature(r, grades)) };
    },
    async getPark(parkCode: string, year?: number) {
      const [row] = await repo.listParks({ parkCode, year });
      if (!row) throw new NotFoundError('park', parkCode);
      return toParkFeature(row, await gradesFor([row]));
    },
  };
}
export type ParksService = ReturnType<typeof createParksService>;
