import type { Database } from '../db/database.js';
import { sqlFile } from './sql-file.js';

const sql = (name: string) => sqlFile(new URL(`./sql/${name}.sql`, import.meta.url));

export interface SchemeRow {
  id: string;
  version: number;
  updated_at: string;
  body: unknown;
}

export interface SchemeSummaryRow {
  id: string;
  version: number;
  updated_at: string;
  name: string | null;
  year: number | null;
  region_code: string | null;
  versions: number[];
}

export function createSchemesRepository(db: Database) {
  return {
    /** Insert the scheme as version 1 unless a scheme with this id exists; nothing else changes. */
    async insertIfMissing(id: string, body: unknown): Promise<void> {
      await db.query(
        'INSERT INTO evaluation_schemes (id, version, body) VALUES ($1, 1, $2::text::jsonb) ON CONFLICT (id) DO NOTHING',
        [id, JSON.stringify(body)],
      );
    },
    listSchemes: () => db.query<SchemeSummaryRow>(sql('list-schemes')),
    findScheme: async (id: string, version?: number) =>
      (await db.query<SchemeRow>(sql('get-scheme'), [id, version ?? null]))[0],
    saveScheme: async (id: string, body: unknown) =>
      (await db.query<SchemeRow>(sql('save-scheme'), [id, JSON.stringify(body)]))[0],
  };
}
export type SchemesRepository = ReturnType<typeof createSchemesRepository>;
