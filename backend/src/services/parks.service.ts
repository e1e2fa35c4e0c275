import type { ParksRepository, ParkRow } from '../repositories/parks.repository.js';
import { computeParkFigures, parkAreaMu } from '../domain/park-figures.js';
import { computeAreaLandMetrics, type AreaLandFigures } from '../domain/metrics.js';
import type { EvaluationService } from './evaluation.service.js';
import { NotFoundError } from './errors.js';

type ParkGrades = Awaited<ReturnType<EvaluationService['gradeParks']>>;
const NO_GRADE = { grade: null, gradeLabel: null, gradeScore: null, gradeItems: null, gradeMaxScore: null, gradeCounts: null, metrics: null };

/** The land-use inputs of a park (开发区土地集约利用评价); industrial tax is its enterprises' tax. */
function landFiguresOf(row: ParkRow): AreaLandFigures {
  return {
    landReadyForSupplySqm: row.land_ready_sqm,
    suppliedLandSqm: row.supplied_sqm,
    builtLandSqm: row.built_sqm,
    builtIndustrialLandSqm: row.built_industrial_sqm,
    floorAreaSqm: row.built_floor_area_sqm,
    footprintSqm: row.built_footprint_sqm,
    industrialTaxYuan: row.tax_yuan,
  };
}

const sumOrNull = (values: (number | null)[]) =>
  values.some((v) => v != null) ? values.reduce<number>((s, v) => s + (v ?? 0), 0) : null;

/** A region's figures: the sums of its parks' raw inputs, then the same arithmetic as for a park. */
function regionFiguresOf(parks: ParkRow[]) {
  const land = Object.fromEntries(
    (Object.keys(landFiguresOf(parks[0])) as (keyof AreaLandFigures)[]).map((k) => [k, sumOrNull(parks.map((p) => landFiguresOf(p)[k]))]),
  ) as unknown as AreaLandFigures;
  return {
    year: parks[0].year,
    ...computeParkFigures({
      outputYuan: sumOrNull(parks.map((p) => p.output_yuan)),
      taxYuan: sumOrNull(parks.map((p) => p.tax_yuan)),
      usedLandSqm: sumOrNull(parks.map((p) => p.used_land_sqm)),
    }),
    landMetrics: computeAreaLandMetrics(land),
    enterpriseCount: parks.reduce((s, p) => s + p.enterprise_count, 0),
  };
}

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
      landMetrics: computeAreaLandMetrics(landFiguresOf(row)),
      enterpriseCount: row.enterprise_count,
      reportingEnterpriseCount: row.reporting_enterprises,
      parcelCount: row.parcel_count,
      ...(grades?.(row.code) ?? NO_GRADE),
    },
  };
}

export function createParksService(repo: ParksRepository, evaluation: Pick<EvaluationService, 'gradeParks' | 'gradeRegions'>) {
  // Grades for the year the figures are for (the SQL picks the latest reported when none is asked).
  const gradesFor = async (rows: ParkRow[]) => (rows[0]?.year == null ? null : evaluation.gradeParks(rows[0].year));
  return {
    async listRegions(year?: number) {
      const [rows, parks] = await Promise.all([repo.listRegions(), repo.listParks({ year })]);
      const grades = parks[0]?.year == null ? null : await evaluation.gradeRegions(parks[0].year);
      return {
        type: 'FeatureCollection' as const,
        features: rows.map((r) => {
          const own = parks.filter((p) => p.region_code === r.code);
          return {
            type: 'Feature' as const,
            id: r.code,
            geometry: r.geometry,
            properties: {
              code: r.code,
              name: r.name,
              parkCount: r.park_count,
              ...(own.length ? regionFiguresOf(own) : {}),
              ...(grades?.(r.code) ?? NO_GRADE),
            },
          };
        }),
      };
    },
    /**
     * The parks with their figures for `year` (the latest reported when undefined), and as foreign members
     * of the FeatureCollection the year they are for, the latest year and every year with figures (newest
     * first), so one request is enough to draw the map and offer the years.
     */
    async listParks(year?: number) {
      const [rows, years] = await Promise.all([repo.listParks({ year }), repo.listIndicatorYears()]);
      const grades = await gradesFor(rows);
      const latestYear = years[0] ?? null;
      return {
        type: 'FeatureCollection' as const,
        year: year ?? latestYear,
        latestYear,
        years,
        features: rows.map((r) => toParkFeature(r, grades)),
      };
    },
    async getPark(parkCode: string, year?: number) {
      const [row] = await repo.listParks({ parkCode, year });
      if (!row) throw new NotFoundError('park', parkCode);
      return toParkFeature(row, await gradesFor([row]));
    },
  };
}
export type ParksService = ReturnType<typeof createParksService>;
