import type { Database } from '../db/database.js';
import { sqlFile } from './sql-file.js';

export interface DatasetRow {
  id: string;
  name: string;
  name_en: string | null;
  source: string;
  licence: string | null;
  vintage: string | null;
  crs: string | null;
  real: boolean;
  note: string | null;
  zh: Record<string, string> | null;
}

export function createSystemRepository(db: Database) {
  return {
    async postgisVersion(): Promise<string> {
      const rows = await db.query<{ version: string }>('SELECT postgis_lib_version() AS version');
      return rows[0].version;
    },
    listDatasets: () => db.query<DatasetRow>(sqlFile(new URL('./sql/list-datasets.sql', import.meta.url))),
    listNameSources: () =>
      db.query<{ kind: 'region' | 'park' | 'industry' | 'gradeLabel'; chinese: string }>(sqlFile(new URL('./sql/list-name-sources.sql', import.meta.url))),
    async isEmpty(): Promise<boolean> {
      const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM parks');
      return rows[0].n === 0;
    },
  };
}
export type SystemRepository = ReturnType<typeof createSystemRepository>;
