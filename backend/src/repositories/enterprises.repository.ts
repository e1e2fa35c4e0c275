import type { Database } from '../db/database.js';
import { sqlFile } from './sql-file.js';

const sql = (name: string) => sqlFile(new URL(`./sql/${name}.sql`, import.meta.url));

export interface IndicatorRow {
  year: number;
  outputYuan: number | null;
  revenueYuan: number | null;
  valueAddedYuan: number | null;
  taxYuan: number | null;
  energyTce: number | null;
  emissionsT: number | null;
  electricityKwh: number | null;
  employees: number | null;
  rdYuan: number | null;
}

export interface EnterpriseRow {
  uscc: string;
  name: string;
  industry_code: string | null;
  above_scale: boolean;
  status: string;
  status_since: string | null;
  registered_on: string | null;
  park_code: string | null;
  holdings: { parcelCode: string; role: 'owner' | 'tenant'; leasedFloorAreaSqm: number | null; parcelLandAreaSqm: number }[];
  indicators: IndicatorRow[];
}

export function createEnterprisesRepository(db: Database) {
  return {
    findEnterprise: async (uscc: string) => (await db.query<EnterpriseRow>(sql('get-enterprise'), [uscc]))[0],
  };
}
export type EnterprisesRepository = ReturnType<typeof createEnterprisesRepository>;
