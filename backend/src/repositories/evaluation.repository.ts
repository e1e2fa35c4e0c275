import type { Database } from '../db/database.js';
import type { Holding } from '../domain/land-allocation.js';
import type { RawFigures } from '../domain/metrics.js';
import { sqlFile } from './sql-file.js';

const sql = (name: string) => sqlFile(new URL(`./sql/${name}.sql`, import.meta.url));

/**
 * An enterprise with its park (where it holds most land) and that park's county: read as null, filled in by
 * the evaluation from the holdings (evaluation.service.ts, placeEnterprises).
 */
export interface EnterpriseFactRow {
  uscc: string;
  name: string;
  industry_code: string | null;
  above_scale: boolean;
  status: string;
  status_since: string | null;
  registered_on: string | null;
  park_code: string | null;
  region_code: string | null;
}

/**
 * What the evaluation reads of a parcel (list-evaluation-parcels.sql), named as the domain's ParcelLand and
 * ParcelPark so that the rows serve as they are: no copy of 200 000 parcels per evaluation.
 */
export interface EvaluationParcelRow {
  code: string;
  parkCode: string;
  regionCode: string | null;
  landAreaSqm: number;
  agreedCompletionOn: string | null;
  completedOn: string | null;
  /** Sum of the floor areas of the buildings on the parcel, m²; null without buildings. */
  floorAreaSqm: number | null;
}

export interface IndicatorFactRow extends RawFigures {
  uscc: string;
  year: number;
}

/** Everything an evaluation reads, for the years asked. */
export interface EvaluationFacts {
  enterprises: EnterpriseFactRow[];
  parcels: EvaluationParcelRow[];
  holdings: Holding[];
  indicators: IndicatorFactRow[];
}

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
    /** The facts of `years`; the enterprises' park and county are null until the evaluation places them. */
    async loadFacts(years: number[]): Promise<EvaluationFacts> {
      const [enterprises, parcels, holdings, indicators] = await Promise.all([
        db.query<EnterpriseFactRow>(sql('list-evaluation-enterprises')),
        db.query<EvaluationParcelRow>(sql('list-evaluation-parcels')),
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
