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

/** Each layer's table and key columns (docs/bundle-format.md): identifiers from this fixed list only, never from input. */
const KEYS: Record<LayerName, { table: string; columns: string[] }> = {
  regions: { table: 'regions', columns: ['code'] },
  parks: { table: 'parks', columns: ['code'] },
  parcels: { table: 'parcels', columns: ['code'] },
  buildings: { table: 'buildings', columns: ['code'] },
  enterprises: { table: 'enterprises', columns: ['uscc'] },
  units: { table: 'units', columns: ['code'] },
  land_rights: { table: 'land_rights', columns: ['uscc', 'parcel_code', 'role'] },
  indicators: { table: 'indicators', columns: ['uscc', 'year'] },
};

/** What a load did to one layer: rows it created and rows it updated. */
export interface LayerWrites {
  created: number;
  updated: number;
}

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

    /**
     * How many of these records already have a row, by key: the rest would be created. A table with no rows
     * at all (a first load) is answered without a look at the keys.
     */
    async countExisting(tx: Queryable, layer: LayerName, records: ParsedRecord[]): Promise<number> {
      const { table, columns } = KEYS[layer];
      if (records.length === 0) return 0;
      const [{ any }] = await tx.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${table}) AS any`);
      if (!any) return 0;
      const keys = columns.map((c) => records.map((r) => (r.values[c] == null ? null : String(r.values[c]))));
      const rows = await tx.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM unnest(${columns.map((_, i) => `$${i + 1}::text[]`).join(', ')}) AS k(${columns.join(', ')})
         WHERE EXISTS (SELECT 1 FROM ${table} t WHERE ${columns.map((c) => `t.${c}::text = k.${c}`).join(' AND ')})`,
        keys,
      );
      return rows[0].n;
    },

    /** The load, for the history: the bundle's file or folder name (never its path), and per layer its rows, created and updated. */
    async recordImport(tx: Queryable, fileName: string, bundleName: string | null, counts: Record<LayerName, { rows: number } & LayerWrites>): Promise<void> {
      await tx.query('INSERT INTO imports (source, bundle_name, counts) VALUES ($1, $2, $3::text::jsonb)', [fileName, bundleName, JSON.stringify(counts)]);
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
