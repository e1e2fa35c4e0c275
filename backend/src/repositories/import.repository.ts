import { sqlState, type CopyValue, type Database, type Queryable } from '../db/database.js';
import type { CopyText } from '../db/copy-text.js';
import type { CopyBinary } from '../db/copy-binary.js';
import type { MultiPolygonCoordinates } from '../bundle/parse-geojson.js';
import type { ImportLayer } from '../import/field-mapping.js';
import type { LonLatBox, OverlapCandidates } from '../import/overlap-candidates.js';
import { sqlFile } from './sql-file.js';

const sql = (name: string) => sqlFile(new URL(`./sql/${name}.sql`, import.meta.url));

/** Each layer's table and identity (shared/BUNDLE.md): identifiers from this fixed list only, never from input. */
const TABLES: Record<ImportLayer, { table: string; keys: string[]; geometry: boolean }> = {
  parks: { table: 'parks', keys: ['code'], geometry: true },
  parcels: { table: 'parcels', keys: ['code'], geometry: true },
  buildings: { table: 'buildings', keys: ['code'], geometry: true },
  units: { table: 'units', keys: ['code'], geometry: false },
  enterprises: { table: 'enterprises', keys: ['uscc'], geometry: false },
  land_rights: { table: 'land_rights', keys: ['uscc', 'parcel_code', 'role'], geometry: false },
  indicators: { table: 'indicators', keys: ['uscc', 'year'], geometry: false },
};

export type RowKey = Record<string, string>;

/** The statements run once per batch of an import: prepared on the connection (Queryable.query) */
const PER_BATCH = { prepare: true };

/** How long an import waits for parcels to itself before a load into the empty table (deferParcelIndexes) */
const DEFER_LOCK_TIMEOUT = '2s';
const LOCK_NOT_AVAILABLE = '55P03';

/** Indexes and foreign keys of parcels dropped for a load into the empty table, to be made again before the commit. */
export interface DeferredParcelIndexes {
  /** Builds each index in one pass over the table (no data makes it fail): can start once every row is in */
  buildIndexes(): Promise<void>;
  /** Adds the foreign keys again, each checked in one query over the table: after buildIndexes */
  addForeignKeys(): Promise<void>;
}

export function keyColumns(layer: ImportLayer): string[] {
  return TABLES[layer].keys;
}

/** `t` is the table row, `k.key` (jsonb) the key: compared as text, so a year matches "2024". */
function keyMatch(layer: ImportLayer, row: string, key: string): string {
  return TABLES[layer].keys.map((c) => `${row}.${c}::text = ${key}->>'${c}'`).join(' AND ');
}

export interface GeometryCheck {
  position: number;
  valid: boolean;
  reason: string | null;
  area_sqm: number | null;
  repaired: string | null;
  repaired_area_sqm: number | null;
}

/** One imported row to stage: 1-based position in the import, lon/lat MultiPolygon as hex EWKB (SRID 4326). */
export interface StagedGeometry {
  position: number;
  /** Area the row declares, m², checked against the shape's */
  declared_sqm: number | null;
  ewkb: string;
  /** The row's fields: code and park_code for every layer, and for parcels all of STAGED_PARCEL_FIELDS */
  values: Record<string, CopyValue | string[]>;
}

/**
 * Parcels' fields staged beside the geometry and written to parcels from the staging table, in this order, each
 * with its column's type in parcels (migrations/0002_create_core_tables.sql): how a binary COPY writes it
 */
export const PARCEL_FIELD_TYPES: Readonly<Record<string, 'text' | 'date' | 'numeric' | 'boolean'>> = {
  code: 'text', park_code: 'text', land_use: 'text',
  supplied_on: 'date', agreed_start_on: 'date', agreed_completion_on: 'date', started_on: 'date', completed_on: 'date', work_stopped_on: 'date',
  developed_area_sqm: 'numeric', planned_investment_yuan: 'numeric', invested_yuan: 'numeric', land_price_yuan: 'numeric',
  idle_cause: 'text',
  target_tax_wan_yuan_per_mu: 'numeric', target_investment_wan_yuan_per_mu: 'numeric', target_plot_ratio: 'numeric',
  illustrative: 'boolean',
};
const STAGED_PARCEL_FIELDS = Object.keys(PARCEL_FIELD_TYPES);
const STAGED_KEY_FIELDS = ['code', 'park_code'];
/** The columns a new parcel is COPYed into parcels with (addParcelCopyRow); land_area_sqm is generated */
const PARCEL_COPY_COLUMNS = [...STAGED_PARCEL_FIELDS, 'geom'];

export interface StagedChecks {
  /** Only the geometries worth a word: invalid ones, and valid ones whose declared area is off */
  checks: GeometryCheck[];
  overlaps: { code: string; other_code: string; other_incoming: boolean; overlap_sqm: number }[];
  outside: { code: string; park_code: string; outside_sqm: number; area_sqm: number }[];
}

export interface ImportRecordRow {
  id: number;
  fileName: string;
  bundleName: string | null;
  layer: ImportLayer | null;
  format: string | null;
  crs: string | null;
  status: 'committed' | 'undone';
  counts: Record<string, number>;
  importedAt: string;
  undoneAt: string | null;
  rowsTouched: number;
}

export function createImportRepository(db: Database) {
  return {
    /**
     * The transaction's staging table for an import into a layer with geometry (create-import-staging.sql,
     * dropped at commit): rows are copied in batch by batch (stageRows), each batch checked (checkStagedBatch)
     * and, for parcels, written from it (writeStagedParcelsBatch) while the importer builds the next batch.
     */
    async createStaging(tx: Queryable): Promise<void> {
      await tx.exec(sql('create-import-staging'));
    },

    /** A batch of rows into the staging table (COPY), made into text beforehand with stagingLine. */
    async stageRows(tx: Queryable, layer: ImportLayer, rows: CopyText): Promise<number> {
      return tx.copyFrom('import_staged', stagingColumns(layer), rows);
    },

    /**
     * The checks of the staged rows at positions `from` to `to`: validity and declared areas; with `repair` the
     * invalid geometries become their ST_MakeValid repair first (as written); for parcels (`placement`) the
     * reaches outside their park.
     */
    async checkStagedBatch(tx: Queryable, from: number, to: number, options: { repair: boolean; placement: boolean; minSqm: number; declaredTolerance: number }): Promise<Pick<StagedChecks, 'checks' | 'outside'>> {
      const checks = await tx.query<GeometryCheck>(sql('check-staged-geometries'), [options.declaredTolerance, from, to], PER_BATCH);
      if (options.repair && checks.some((c) => !c.valid)) await tx.query(sql('repair-staged-geometries'), [from, to]);
      const outside = options.placement ? await tx.query<StagedChecks['outside'][number]>(sql('find-staged-parcels-outside-park'), [options.minSqm, from, to], PER_BATCH) : [];
      return { checks, outside };
    },

    /** How many staged rows at positions `from` to `to` already have a row in the layer's table (keyed by code). */
    async countStagedExisting(tx: Queryable, layer: 'parks' | 'parcels' | 'buildings', from: number, to: number): Promise<number> {
      const rows = await tx.query<{ n: number }>(sql('count-staged-existing').replaceAll('__TABLE__', TABLES[layer].table), [from, to], PER_BATCH);
      return rows[0].n;
    },

    /** saveBeforeImages for the staged rows at positions `from` to `to`, set-based (save-staged-before-images.sql). */
    async saveStagedBeforeImages(tx: Queryable, importId: number, layer: 'parks' | 'parcels' | 'buildings', from: number, to: number): Promise<void> {
      await tx.query(sql('save-staged-before-images').replaceAll('__TABLE__', TABLES[layer].table), [importId, layer, from, to], PER_BATCH);
    },

    /**
     * The staged parcels at positions `from` to `to` (checked, repaired when asked) into parcels, with what they
     * replace kept for undo first: those that exist are updated, writing only `fields` (update-staged-parcels.sql),
     * the others inserted (insert-staged-parcels.sql); `existing` (countStagedExisting) spares a statement with
     * nothing to do. Under a savepoint: when the database refuses the batch, the transaction goes on without it
     * (the importer then writes no more and commits nothing) and the error is thrown.
     */
    async writeStagedParcelsBatch(tx: Queryable, importId: number, from: number, to: number, fields: readonly string[], existing: number): Promise<void> {
      await tx.savepoint(async (sp) => {
        await this.saveStagedBeforeImages(sp, importId, 'parcels', from, to);
        if (existing > 0) await sp.query(sql('update-staged-parcels'), [fields, from, to], PER_BATCH);
        if (existing < to - from + 1) await sp.query(sql('insert-staged-parcels'), [from, to], PER_BATCH);
      });
    },

    /**
     * New parcels straight into parcels (COPY: the table's CHECK makes sure each shape is valid, its foreign key
     * that the park exists; the area is generated), their codes listed for undo, then checked as staged rows are:
     * declared areas and the reach outside their park. Under a savepoint: when the database refuses any of them,
     * nothing of the batch stays and the error is thrown (the importer then stages the rows instead, and the
     * staged checks say what is wrong).
     */
    async copyNewParcels(
      tx: Queryable, importId: number, copy: CopyBinary, rows: readonly { position: number; code: string; declaredSqm: number | null }[],
      options: { minSqm: number; declaredTolerance: number },
    ): Promise<Pick<StagedChecks, 'checks' | 'outside'>> {
      return tx.savepoint(async (sp) => {
        await sp.copyFrom('parcels', PARCEL_COPY_COLUMNS, copy);
        // The codes once as JSON text for both statements, the numbers as array text: postgres.js's serialising of
        // arrays, element by element, was ~0.15 s of node's time per 200 000 rows, node being the busier side
        const codes = createdCodesJson(rows.map((r) => r.code));
        // Sent together: PostgreSQL runs the second as soon as the first is done, without waiting for node's turn
        const [, found] = await Promise.all([
          sp.query(sql('save-created-keys'), [importId, 'parcels', codes], PER_BATCH),
          sp.query<{ position: number; code: string; park_code: string; area_sqm: number; outside_sqm: number; reaches_outside: boolean; declared_differs: boolean }>(
            sql('check-written-parcels'), [options.minSqm, options.declaredTolerance, numberArrayText(rows.map((r) => r.position)), codes, numberArrayText(rows.map((r) => r.declaredSqm))], PER_BATCH),
        ]);
        return {
          checks: found.filter((f) => f.declared_differs).map((f) => ({ position: f.position, valid: true, reason: null, area_sqm: f.area_sqm, repaired: null, repaired_area_sqm: null })),
          outside: found.filter((f) => f.reaches_outside).map((f) => ({ code: f.code, park_code: f.park_code, outside_sqm: f.outside_sqm, area_sqm: f.area_sqm })),
        };
      });
    },

    /** Which of these codes have a stored parcel: an import tells new rows (COPYed straight in) from those it updates. */
    async findStoredParcelCodes(tx: Queryable, codes: readonly string[]): Promise<string[]> {
      if (codes.length === 0) return [];
      return (await tx.query<{ code: string }>('SELECT code FROM parcels WHERE code = ANY($1::text[])', [codes])).map((r) => r.code);
    },

    /**
     * For a load of new parcels into an empty table (PostgreSQL's manual, "Populating a Database"): drops the
     * table's indexes that back no constraint and its foreign keys in the transaction
     * (list-parcel-indexes-built-after-load.sql), so each row COPYed in costs no GiST insertion and no trigger
     * call to look up its park; they are made again from their own definitions before the commit
     * (DeferredParcelIndexes), the indexes each in one pass and the foreign keys each checked in one query. The primary key and
     * the CHECKs stay. The drops hold parcels (ACCESS EXCLUSIVE) until the transaction ends, so readers of the
     * empty table wait for the load; when the lock is not had within DEFER_LOCK_TIMEOUT (someone is reading or
     * writing parcels), nothing is dropped and undefined is returned: the rows go in the usual way.
     */
    async deferParcelIndexes(tx: Queryable): Promise<DeferredParcelIndexes | undefined> {
      const deferred = await tx.query<{ step: number; drop_statement: string; make_statement: string }>(sql('list-parcel-indexes-built-after-load'));
      if (deferred.length === 0) return undefined;
      try {
        await tx.savepoint(async (sp) => {
          const [{ was }] = await sp.query<{ was: string }>(`SELECT current_setting('lock_timeout') AS was`);
          await sp.query(`SELECT set_config('lock_timeout', $1, true)`, [DEFER_LOCK_TIMEOUT]);
          for (const d of deferred) await sp.query(d.drop_statement);
          await sp.query(`SELECT set_config('lock_timeout', $1, true)`, [was]);
        });
      } catch (err) {
        if (sqlState(err) === LOCK_NOT_AVAILABLE) return undefined;
        throw err;
      }
      // Sent together: PostgreSQL runs each as soon as the one before is done, without waiting for node's turn
      const run = async (step: number) => void (await Promise.all(deferred.filter((d) => d.step === step).map((d) => tx.query(d.make_statement))));
      return { buildIndexes: () => run(1), addForeignKeys: () => run(2) };
    },

    /** Whether any parcel is stored. */
    async hasParcels(tx: Queryable = db): Promise<boolean> {
      return (await tx.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM parcels) AS any'))[0].any;
    },

    /**
     * Bounding boxes (lon/lat) of the stored parcels within `extent` that the import does not replace or create
     * (`importId`: the rows it created are listed under it; undefined for a dry run).
     */
    async listStoredParcelBoxes(tx: Queryable, extent: LonLatBox, importId: number | undefined): Promise<({ code: string } & LonLatBox)[]> {
      return tx.query(sql('list-stored-parcel-boxes-near-import'), [extent.west, extent.south, extent.east, extent.north, importId ?? null]);
    },

    /**
     * Which candidate pairs (imported positions with imported positions, and with stored codes) overlap by more
     * than `minSqm`. An imported row is staged, or was COPYed into parcels: `codeWritten(position)` gives its code then.
     */
    async findStagedOverlaps(tx: Queryable, minSqm: number, candidates: OverlapCandidates, codeWritten: (position: number) => string | undefined): Promise<StagedChecks['overlaps']> {
      if (candidates.incoming[0].length === 0 && candidates.stored.positions.length === 0) return [];
      const positions = [...new Set([...candidates.incoming[0], ...candidates.incoming[1], ...candidates.stored.positions])];
      return tx.query(sql('find-staged-parcel-overlaps'), [
        minSqm, [...candidates.incoming[0]], [...candidates.incoming[1]], candidates.stored.positions, candidates.stored.codes,
        positions, positions.map((p) => codeWritten(p) ?? null),
      ]);
    },

    /** Where these parks are (`q`: the transaction, when asked inside one: PGlite's one connection is its) */
    async findParkPositions(codes: string[], q: Queryable = db): Promise<{ code: string; lon: number; lat: number }[]> {
      if (codes.length === 0) return [];
      return q.query(sql('find-park-positions'), [codes]);
    },

    async findParksCenter(q: Queryable = db): Promise<{ lon: number; lat: number; count: number; extent_km: number } | undefined> {
      return (await q.query<{ lon: number; lat: number; count: number; extent_km: number }>(sql('find-parks-center')))[0];
    },

    /** How many of these keys already have a row (the rest would be inserted). */
    async countExisting(layer: ImportLayer, keys: RowKey[], q: Queryable = db): Promise<number> {
      if (keys.length === 0) return 0;
      const { table } = TABLES[layer];
      const rows = await q.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM jsonb_array_elements($1::text::jsonb) AS k(key)
         WHERE EXISTS (SELECT 1 FROM ${table} t WHERE ${keyMatch(layer, 't', 'k.key')})`,
        [JSON.stringify(keys)],
      );
      return rows[0].n;
    },

    async insertImport(tx: Queryable, record: { fileName: string; counts: Record<string, number>; layer: ImportLayer; format: string; crs: string | null }): Promise<number> {
      const rows = await tx.query<{ id: number }>(sql('insert-import'), [record.fileName, JSON.stringify(record.counts), record.layer, record.format, record.crs]);
      return rows[0].id;
    },

    /** The import's counts, once they are known (it is recorded first, so its rows can be written under its id). */
    async updateImportCounts(tx: Queryable, id: number, counts: Record<string, number>): Promise<void> {
      await tx.query(`UPDATE imports SET counts = $2::text::jsonb WHERE id = $1`, [id, JSON.stringify(counts)]);
    },

    /**
     * Keep what the import is about to change, for undo: each of these keys that has a row, with the row as it
     * is now (import_rows), and the keys that have none yet, as one list (import_created).
     */
    async saveBeforeImages(tx: Queryable, importId: number, layer: ImportLayer, keys: RowKey[]): Promise<void> {
      const { table, geometry } = TABLES[layer];
      const image = geometry ? `to_jsonb(t) || jsonb_build_object('geom', encode(ST_AsEWKB(t.geom), 'hex'))` : 'to_jsonb(t)';
      for (let i = 0; i < keys.length; i += 5000) {
        await tx.query(
          `WITH k AS (SELECT key FROM jsonb_array_elements($3::text::jsonb) AS k(key)),
           updated AS (
             INSERT INTO import_rows (import_id, layer, key, before)
             SELECT $1, $2, k.key, ${image} FROM k JOIN ${table} t ON ${keyMatch(layer, 't', 'k.key')})
           INSERT INTO import_created (import_id, layer, keys)
           SELECT $1, $2, jsonb_agg(k.key) FROM k
           WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE ${keyMatch(layer, 't', 'k.key')})
           HAVING count(*) > 0`,
          [importId, layer, JSON.stringify(keys.slice(i, i + 5000))],
        );
      }
    },

    async listImports(limit: number): Promise<ImportRecordRow[]> {
      return db.query<ImportRecordRow>(sql('list-imports'), [limit]);
    },

    async findImport(tx: Queryable, id: number): Promise<ImportRecordRow | undefined> {
      const rows = await tx.query<ImportRecordRow>(
        `SELECT id, source AS "fileName", bundle_name AS "bundleName", layer, format, crs, status, counts,
                imported_at AS "importedAt", undone_at AS "undoneAt", 0 AS "rowsTouched"
         FROM imports WHERE id = $1 FOR UPDATE`, [id]);
      return rows[0];
    },

    async findLaterImportsTouching(tx: Queryable, id: number): Promise<{ id: number; fileName: string; layer: string | null }[]> {
      return tx.query(sql('find-later-imports-touching'), [id]);
    },

    /**
     * Put back what an import changed: rows it updated get their before-image, rows it created are deleted.
     * Columns added to the table since the import keep their current values; generated ones are computed again.
     */
    async restoreBeforeImages(tx: Queryable, importId: number, layer: ImportLayer): Promise<{ restored: number; deleted: number }> {
      const { table } = TABLES[layer];
      const columnRows = await tx.query<{ column_name: string }>(
        // Generated columns (parcels' land_area_sqm, migration 0013) follow the restored shape: never written
        `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER'`, [table]);
      const sample = await tx.query<{ keys: string[] }>(
        `SELECT array(SELECT jsonb_object_keys(before)) AS keys FROM import_rows WHERE import_id = $1 LIMIT 1`, [importId]);
      let restored = 0;
      if (sample.length) {
        const kept = new Set(sample[0].keys);
        const columns = columnRows.map((c) => c.column_name).filter((c) => kept.has(c));
        const rows = await tx.query<{ n: number }>(
          `WITH done AS (
             UPDATE ${table} t SET ${columns.map((c) => `"${c}" = r."${c}"`).join(', ')}
             FROM import_rows ir CROSS JOIN LATERAL jsonb_populate_record(NULL::${table}, ir.before) r
             WHERE ir.import_id = $1 AND ${keyMatch(layer, 't', 'ir.key')}
             RETURNING 1)
           SELECT count(*)::int AS n FROM done`, [importId]);
        restored = rows[0].n;
      }
      const deleted = await tx.query<{ n: number }>(
        `WITH done AS (
           DELETE FROM ${table} t USING import_created c CROSS JOIN LATERAL jsonb_array_elements(c.keys) AS k(key)
           WHERE c.import_id = $1 AND c.layer = $2 AND ${keyMatch(layer, 't', 'k.key')}
           RETURNING 1)
         SELECT count(*)::int AS n FROM done`, [importId, layer]);
      return { restored, deleted: deleted[0].n };
    },

    async markUndone(tx: Queryable, id: number): Promise<void> {
      await tx.query(`UPDATE imports SET status = 'undone', undone_at = now() WHERE id = $1`, [id]);
    },

    async findMapping(layer: ImportLayer, signature: string): Promise<{ layer: string; signature: string; columns: string[]; mapping: Record<string, { column: string; unit?: string }>; updatedAt: string } | undefined> {
      return (await db.query<any>(sql('get-import-mapping'), [layer, signature]))[0]; // eslint-disable-line @typescript-eslint/no-explicit-any
    },

    async saveMapping(tx: Queryable, layer: ImportLayer, signature: string, columns: string[], mapping: unknown): Promise<void> {
      await tx.query(sql('save-import-mapping'), [layer, signature, columns, JSON.stringify(mapping)]);
    },
  };
}
/**
 * One new parcel into the binary COPY into parcels (copyNewParcels), in the order of PARCEL_COPY_COLUMNS, each
 * field by its column's type; its shape last, as EWKB with SRID 4326. A field missing from `values` is NULL.
 */
export function addParcelCopyRow(copy: CopyBinary, values: StagedGeometry['values'], coordinates: MultiPolygonCoordinates): void {
  copy.row(PARCEL_COPY_COLUMNS.length);
  for (const field of STAGED_PARCEL_FIELDS) {
    const value = copyable(values[field], field);
    const type = PARCEL_FIELD_TYPES[field];
    if (value === null || value === undefined) {
      // NOT NULL DEFAULT false: COPY writes what it is given, so the default is put in here
      if (field === 'illustrative') copy.boolean(false);
      else copy.null();
    } else if (type === 'text' && (typeof value === 'string' || typeof value === 'number')) copy.text(String(value));
    else if (type === 'numeric' && (typeof value === 'number' || typeof value === 'string')) copy.numeric(value);
    else if (type === 'date' && typeof value === 'string') copy.date(value);
    else if (type === 'boolean' && typeof value === 'boolean') copy.boolean(value);
    else throw new TypeError(`${field}: a ${typeof value} cannot be written to a ${type} column`);
  }
  copy.multiPolygon(coordinates);
}

/** A lone UTF-16 surrogate: UTF-8 has no form for it */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * The codes of created rows as import_created.keys' JSON text, [{"code": "…"}, …] (save-created-keys.sql). A
 * lone surrogate becomes U+FFFD, as in the code itself, which reached PostgreSQL as UTF-8: JSON.stringify would
 * write it as an escape jsonb refuses.
 */
export function createdCodesJson(codes: readonly string[]): string {
  let json = '[';
  for (let i = 0; i < codes.length; i++) {
    let code = JSON.stringify(codes[i]);
    // JSON.stringify writes \u only for control characters and lone surrogates (and where a backslash is followed
    // by a u, which the replacement leaves as it is)
    if (code.includes('\\u')) code = JSON.stringify(codes[i].replace(LONE_SURROGATE, '\ufffd'));
    json += `${i ? ',' : ''}{"code":${code}}`;
  }
  return `${json}]`;
}

/** Numbers (null: NULL) as the text of a PostgreSQL array, '{1,2.5,NULL}', which `$n::text::float8[]` reads as they are. */
export function numberArrayText(values: readonly (number | null)[]): string {
  let text = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null && !Number.isFinite(v)) throw new RangeError(`${v} in a number array`);
    text += `${i ? ',' : ''}${v === null ? 'NULL' : v}`;
  }
  return `${text}}`;
}

/** The staging table's columns that an import into `layer` fills, in the order of stagingValues. */
function stagingColumns(layer: ImportLayer): string[] {
  return ['position', 'declared_sqm', 'geom', ...(layer === 'parcels' ? STAGED_PARCEL_FIELDS : STAGED_KEY_FIELDS)];
}

/** One row for the staging table's COPY (stageRows), in the order of its columns. */
export function stagingValues(layer: ImportLayer, r: StagedGeometry): CopyValue[] {
  const fields = layer === 'parcels' ? STAGED_PARCEL_FIELDS : STAGED_KEY_FIELDS;
  return [r.position, r.declared_sqm, r.ewkb, ...fields.map((f) => copyable(r.values[f], f))];
}

/** A staged field's value for COPY; arrays have no staging column (parcels have none). */
function copyable(value: CopyValue | string[], field: string): CopyValue {
  if (Array.isArray(value)) throw new Error(`${field}: a list cannot be staged`);
  return value;
}

export type ImportRepository = ReturnType<typeof createImportRepository>;
