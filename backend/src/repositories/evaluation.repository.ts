import type { Database } from '../db/database.js';
import type { Holding } from '../domain/land-allocation.js';
import type { RawFigures } from '../domain/metrics.js';
import { sqlFile } from './sql-file.js';

const sql = (name: string) => sqlFile(new URL(`./sql/${name}.sql`, import.meta.url));

export interface EnterpriseRecordRow {
  uscc: string;
  name: string;
  industry_code: string | null;
  above_scale: boolean;
  status: string;
  status_since: string | null;
  registered_on: string | null;
}

/** An enterprise with its park (where it holds most land) and that park's county. */
export interface EnterpriseFactRow extends EnterpriseRecordRow {
  park_code: string | null;
  region_code: string | null;
}

export interface BuildingFact {
  code: string;
  floors: number;
  floorAreaSqm: number;
  heightM: number | null;
}

export interface ParcelFactRow {
  code: string;
  park_code: string;
  region_code: string | null;
  land_area_sqm: number;
  land_use: string | null;
  supplied_on: string | null;
  agreed_start_on: string | null;
  agreed_completion_on: string | null;
  started_on: string | null;
  completed_on: string | null;
  work_stopped_on: string | null;
  developed_area_sqm: number | null;
  planned_investment_yuan: number | null;
  invested_yuan: number | null;
  land_price_yuan: number | null;
  idle_cause: 'enterprise' | 'government' | null;
  building_count: number;
  /** Sum of the floor areas of the buildings on the parcel, m²; null without buildings. */
  floor_area_sqm: number | null;
  /** Parcel area under building footprints, m² on the spheroid. */
  covered_sqm: number;
  buildings: BuildingFact[];
}

export interface IndicatorFactRow extends RawFigures {
  uscc: string;
  year: number;
}

/** Everything an evaluation reads, for the years asked. */
export interface EvaluationFacts {
  enterprises: EnterpriseFactRow[];
  parcels: ParcelFactRow[];
  holdings: Holding[];
  indicators: IndicatorFactRow[];
}

/** The facts as read: enterprises without their park yet. */
export type LoadedFacts = Omit<EvaluationFacts, 'enterprises'> & { enterprises: EnterpriseRecordRow[] };

export function createEvaluationRepository(db: Database) {
  return {
    /** The latest year with indicators (not after `notAfter` when given), or null. */
    async findLatestYear(notAfter?: number): Promise<number | null> {
      const rows = await db.query<{ year: number | null }>('SELECT max(year)::int AS year FROM indicators WHERE $1::int IS NULL OR year <= $1::int', [notAfter ?? null]);
      return rows[0]?.year ?? null;
    },
    /** The data version: moves on with every write to what an evaluation reads (migrations/0011). */
    async findDataVersion(): Promise<string> {
      const rows = await db.query<{ version: string }>('SELECT version::text AS version FROM data_version');
      return rows[0]?.version ?? '0';
    },
    async loadFacts(years: number[]): Promise<LoadedFacts> {
      const [enterprises, parcels, holdings, indicators] = await Promise.all([
        db.query<EnterpriseRecordRow>(sql('list-evaluation-enterprises')),
        db.query<ParcelFactRow>(sql('list-evaluation-parcels')),
        db.query<Holding>(
          `SELECT uscc, parcel_code AS "parcelCode", role, leased_floor_area_sqm AS "leasedFloorAreaSqm"
           FROM parcel_holdings ORDER BY parcel_code, role, uscc`,
        ),
        db.query<IndicatorFactRow>(sql('list-indicators'), [years]),
      ]);
      return { enterprises, parcels, holdings, indicators };
    },
  };
}
export type EvaluationRepository = ReturnType<typeof createEvaluationRepository>;
