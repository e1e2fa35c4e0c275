import type { ParksRepository, ParkRow } from '../repositories/parks.repository.js';
import { findCity } from '../domain/city.js';
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

const LAND_FIGURES: readonly (keyof AreaLandFigures)[] = [
  'landReadyForSupplySqm', 'suppliedLandSqm', 'builtLandSqm', 'builtIndustrialLandSqm', 'floorAreaSqm', 'footprintSqm', 'industrialTaxYuan',
];

const sumOrNull = (values: (number | null)[]) =>
  values.some((v) => v != null) ? values.reduce<number>((s, v) => s + (v ?? 0), 0) : null;

/**
 * The figures of several parks as one area (a county, the city): the sums of their raw inputs, then the same
 * arithmetic as for a park, so per-mu figures and rates are sum over sum, never a mean of the parks' ratios.
 */
function areaFiguresOf(parks: ParkRow[]) {
  const land = Object.fromEntries(
    LAND_FIGURES.map((k) => [k, sumOrNull(parks.map((p) => landFiguresOf(p)[k]))]),
  ) as unknown as AreaLandFigures;
  return {
    year: parks[0]?.year ?? null,
    ...computeParkFigures({
      outputYuan: sumOrNull(parks.map((p) => p.output_yuan)),
      taxYuan: sumOrNull(parks.map((p) => p.tax_yuan)),
      usedLandSqm: sumOrNull(parks.map((p) => p.used_land_sqm)),
    }),
    landMetrics: computeAreaLandMetrics(land),
    enterpriseCount: parks.reduce((s, p) => s + p.enterprise_count, 0),
  };
}

/** A year's headline figures of a park or the city, as its history shows them. */
function headlineOf(figures: ReturnType<typeof areaFiguresOf>) {
  const { outputWanYuan, taxWanYuan, usedLandMu, outputWanYuanPerMu, taxWanYuanPerMu, enterpriseCount } = figures;
  return { outputWanYuan, taxWanYuan, usedLandMu, outputWanYuanPerMu, taxWanYuanPerMu, enterpriseCount };
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

export function createParksService(repo: ParksRepository, evaluation: Pick<EvaluationService, 'gradeParks' | 'gradeRegions' | 'measureCity'>) {
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
              cityCode: r.city_code,
              cityName: r.city_name,
              parkCount: r.park_count,
              ...(own.length ? areaFiguresOf(own) : {}),
              ...(grades?.(r.code) ?? NO_GRADE),
            },
          };
        }),
      };
    },
    /**
     * The parks with their figures for `year` (the latest reported when undefined), and as foreign members
     * of the FeatureCollection the year they are for, the latest year, every year with figures (newest
     * first) and the city's own figures, so one request is enough to draw the map, offer the years and
     * set every park beside the city.
     */
    async listParks(year?: number) {
      const [rows, years, cities] = await Promise.all([repo.listParks({ year }), repo.listIndicatorYears(), repo.listRegionCities()]);
      const grades = await gradesFor(rows);
      const latestYear = years[0] ?? null;
      const figuresYear = year ?? latestYear;
      const city = {
        ...findCity(cities),
        parkCount: rows.length,
        ...areaFiguresOf(rows),
        year: figuresYear,
        metrics: figuresYear == null ? null : await evaluation.measureCity(figuresYear),
      };
      return {
        type: 'FeatureCollection' as const,
        year: figuresYear,
        latestYear,
        years,
        city,
        features: rows.map((r) => toParkFeature(r, grades)),
      };
    },
    /** The park's headline figures and the city's, for every year with reported figures, oldest first. */
    async getParkHistory(parkCode: string) {
      if (!(await repo.parkExists(parkCode))) throw new NotFoundError('park', parkCode);
      const years = [...(await repo.listIndicatorYears())].reverse();
      const entries = [];
      // one year at a time: each reads every park, and the embedded database has one connection anyway
      for (const y of years) {
        const rows = await repo.listParks({ year: y });
        const own = rows.filter((r) => r.code === parkCode);
        entries.push({ year: y, park: headlineOf(areaFiguresOf(own)), city: headlineOf(areaFiguresOf(rows)) });
      }
      return { parkCode, years: entries };
    },
    async getPark(parkCode: string, year?: number) {
      const [row] = await repo.listParks({ parkCode, year });
      if (!row) throw new NotFoundError('park', parkCode);
      return toParkFeature(row, await gradesFor([row]));
    },
  };
}
export type ParksService = ReturnType<typeof createParksService>;
