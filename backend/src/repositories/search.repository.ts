import type { Database } from '../db/database.js';
import { sqlFile } from './sql-file.js';

const sql = (name: string) => sqlFile(new URL(`./sql/${name}.sql`, import.meta.url));

export type SearchKind = 'park' | 'parcel' | 'enterprise';

export interface SearchRow {
  kind: SearchKind;
  code: string;
  name: string;
  park_code: string | null;
  park_name: string | null;
  /** Extent in degrees; null when the thing has no geometry (an enterprise holding no land). */
  west: number | null;
  south: number | null;
  east: number | null;
  north: number | null;
}

/** `text` as a literal inside an ILIKE … ESCAPE '\' pattern: its %, _ and \ match only themselves. */
export function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function createSearchRepository(db: Database) {
  return {
    /** Parks, parcels and enterprises whose name or code contains `text` (case-insensitive), best first. */
    search: (text: string, limit: number) =>
      db.query<SearchRow>(sql('search'), [`%${escapeLikePattern(text)}%`, text, limit]),
  };
}
export type SearchRepository = ReturnType<typeof createSearchRepository>;
