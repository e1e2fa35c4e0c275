import type { Queryable } from '../db/database.js';

/**
 * Each table's whole content as one checksum (rows as text, in a fixed order): "nothing was written"
 * means the fingerprint does not change. For the small databases of tests.
 */
export async function fingerprintTables(db: Queryable, tables: readonly string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of tables) {
    const [row] = await db.query<{ md5: string }>(`SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS md5 FROM ${table} x`);
    out[table] = row.md5;
  }
  return out;
}
