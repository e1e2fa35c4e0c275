import type { Queryable } from '../db/database.js';
import { allFields, type LayerName } from '../bundle/fields.js';
import type { DatasetInfo, ParsedRecord } from '../bundle/validate-bundle.js';
import { sqlFile } from './sql-file.js';
import { multiPolygonWkbBase64 } from '../db/wkb.js';

const sql = (name: string) => sqlFile(new URL(`./sql/${name}.sql`, import.meta.url));
const ROWS_PER_STATEMENT = 2000;
// Rows travel as one JSON text parameter, cast `$1::text::json` in the SQL: with a bare `$1::json`
// postgres.js would JSON-encode the string a second time and PostgreSQL would see a scalar. json, not
// jsonb: json_to_recordset reads the text as it goes, jsonb would build the whole tree first (a 2 000-row
// chunk of parcels: ~100 ms against ~140–250 ms, bench/import.ts).

const UPSERT: Record<LayerName, string> = {
  regions: 'upsert-regions',
  parks: 'upsert-parks',
  parcels: 'upsert-parcels',
  buildings: 'upsert-buildings',
  enterprises: 'upsert-enterprises',
  units: 'upsert-units',
  land_rights: 'upsert-land-rights',
  indicators: 'upsert-indicators',
};

/** Order that satisfies the foreign keys. */
export const WRITE_ORDER: LayerName[] = ['regions', 'parks', 'parcels', 'buildings', 'enterprises', 'units', 'land_rights', 'indicators'];

const KEY_COLUMN: Record<'regions' | 'parks' | 'parcels' | 'buildings' | 'enterprises', [string, string]> = {
  regions: ['regions', 'code'],
  parks: ['parks', 'code'],
  parcels: ['parcels', 'code'],
  buildings: ['buildings', 'code'],
  enterprises: ['enterprises', 'uscc'],
};

/** A record as the upsert SQL reads it: geometry as base64 WKB (PostGIS parses it faster than GeoJSON). */
function toRow(record: ParsedRecord): Record<string, unknown> {
  if (!record.geometry) return record.values;
  return { ...record.values, geom: multiPolygonWkbBase64(record.geometry) };
}

/**
 * Send `items` in chunks, one statement at a time (a transaction's statements run in order), serialising
 * the next chunk while the database works on the previous one.
 */
export async function pipelined<T>(items: T[], size: number, serialise: (chunk: T[]) => string, send: (text: string) => Promise<unknown>): Promise<void> {
  let previous: Promise<unknown> | undefined;
  for (let i = 0; i < items.length; i += size) {
    const text = serialise(items.slice(i, i + size));
    if (previous) await previous;
    previous = send(text);
    previous.catch(() => undefined); // awaited below; no unhandled rejection if serialising the next chunk throws
  }
  await previous;
}

/** Over the database or over a transaction (the import checks references inside its own). */
export function createBundleRepository(db: Queryable) {
  return {
    /** Which of these codes already exist in a table. */
    async findExistingCodes(layer: keyof typeof KEY_COLUMN, codes: string[]): Promise<Set<string>> {
      if (codes.length === 0) return new Set();
      const [table, column] = KEY_COLUMN[layer];
      const rows = await db.query<{ code: string }>(
        `SELECT ${column} AS code FROM ${table} WHERE ${column} = ANY($1::text[])`,
        [codes],
      );
      return new Set(rows.map((r) => r.code));
    },

    /** Geometries PostGIS finds invalid: 1-based positions in `geometries`, with the reason. */
    async findInvalidGeometries(geometries: ParsedRecord['geometry'][]): Promise<{ position: number; reason: string }[]> {
      if (geometries.length === 0) return [];
      const texts = geometries.map((coordinates) => JSON.stringify({ type: 'MultiPolygon', coordinates }));
      return db.query(sql('find-invalid-geometries'), [JSON.stringify(texts)]);
    },

    /**
     * Insert or update by key. On rows that exist only `fields` are written (upsert-*.sql): a single-file import
     * passes the fields its mapping maps, a bundle (a complete data set) every field, the default.
     */
    async upsertLayer(tx: Queryable, layer: LayerName, records: ParsedRecord[], fields: readonly string[] = allFields(layer)): Promise<void> {
      await pipelined(records, ROWS_PER_STATEMENT, (chunk) => JSON.stringify(chunk.map(toRow)), (text) => tx.query(sql(UPSERT[layer]), [text, fields]));
    },

    async upsertDatasets(tx: Queryable, datasets: DatasetInfo[]): Promise<void> {
      if (datasets.length) await tx.query(sql('upsert-datasets'), [JSON.stringify(datasets)]);
    },

    async upsertScheme(tx: Queryable, scheme: Record<string, unknown>): Promise<void> {
      const id = typeof scheme.id === 'string' ? scheme.id : 'bundle';
      await tx.query(
        `INSERT INTO evaluation_schemes (id, body) VALUES ($1, $2::text::jsonb)
         ON CONFLICT (id) DO UPDATE SET body = excluded.body, version = evaluation_schemes.version + 1, updated_at = now()`,
        [id, JSON.stringify(scheme)],
      );
    },

    async recordImport(tx: Queryable, source: string, bundleName: string | null, counts: Record<string, number>): Promise<void> {
      await tx.query('INSERT INTO imports (source, bundle_name, counts) VALUES ($1, $2, $3::text::jsonb)', [source, bundleName, JSON.stringify(counts)]);
    },

    async countRows(): Promise<Record<string, number>> {
      const rows = await db.query<Record<string, number>>(
        `SELECT (SELECT count(*) FROM regions)::int AS regions, (SELECT count(*) FROM parks)::int AS parks,
                (SELECT count(*) FROM parcels)::int AS parcels, (SELECT count(*) FROM buildings)::int AS buildings,
                (SELECT count(*) FROM units)::int AS units, (SELECT count(*) FROM enterprises)::int AS enterprises,
                (SELECT count(*) FROM land_rights)::int AS land_rights, (SELECT count(*) FROM indicators)::int AS indicators`,
      );
      return rows[0];
    },
  };
}
export type BundleRepository = ReturnType<typeof createBundleRepository>;
