import type { Database } from '../db/database.js';
import { describeDatabaseError } from '../db/database.js';
import { createImportRepository } from '../repositories/import.repository.js';
import { importFile, type ImportFileOptions } from '../import/import-file.js';
import type { SourceInput } from '../import/source.js';
import { IMPORT_LAYERS, type FieldMapping, type ImportLayer } from '../import/field-mapping.js';
import { BadRequestError, ConflictError, NotFoundError } from './errors.js';
import type { ImportRecordRow } from '../repositories/import.repository.js';
import { WRITE_ORDER } from '../repositories/bundle.repository.js';
import { toFileName } from '../bundle/file-name.js';

export interface ImportQuery {
  layer: ImportLayer;
  crs?: string;
  dryRun?: boolean;
  repair?: boolean;
  fileName?: string;
  sourceLayer?: string;
  hint?: string;
  /** JSON of a FieldMapping: { "code": { "column": "地块编号" }, "output_yuan": { "column": "产值", "unit": "wan_yuan" } } */
  mapping?: string;
}

export function createImportService(db: Database) {
  const repo = createImportRepository(db);
  return {
    /** Check (and unless a dry run, write) one uploaded file (its bytes or its path) into one layer; the report says what happened. */
    async importUpload(file: SourceInput, query: ImportQuery) {
      const options: ImportFileOptions = {
        layer: query.layer, crs: query.crs || undefined, dryRun: query.dryRun, repair: query.repair,
        sourceLayer: query.sourceLayer, hint: query.hint, mapping: parseMapping(query.mapping),
      };
      return importFile(db, file, toFileName(query.fileName || 'upload'), options);
    },

    async listImports(limit = 200) {
      return { imports: (await repo.listImports(limit)).map(toImportRecord) };
    },

    /**
     * Undo a single-file import: rows it changed get back their previous state, rows it created go. Refused
     * when a later import wrote the same rows (or a bundle was loaded since), or when other data now
     * depends on a row it created.
     */
    async undoImport(id: number) {
      try {
        return await db.transaction(async (tx) => {
          const record = await repo.findImport(tx, id);
          if (!record) throw new NotFoundError('import', String(id));
          if (!record.layer) throw new ConflictError(`import ${id} loaded a whole bundle (${toFileName(record.fileName)}); bundle loads cannot be undone, only single-file imports`);
          if (record.status === 'undone') throw new ConflictError(`import ${id} was already undone on ${new Date(record.undoneAt!).toISOString()}`);
          const later = await repo.findLaterImportsTouching(tx, id);
          if (later.length) {
            throw new ConflictError(`import ${id} cannot be undone: later import(s) ${later.map((l) => `${l.id} (${toFileName(l.fileName)})`).join(', ')} wrote the same data; undo those first`);
          }
          const { restored, deleted } = await repo.restoreBeforeImages(tx, id, record.layer);
          await repo.markUndone(tx, id);
          return { id, status: 'undone' as const, layer: record.layer, fileName: toFileName(record.fileName), restored, deleted };
        });
      } catch (err) {
        if (err instanceof NotFoundError || err instanceof ConflictError) throw err;
        if ((err as { code?: string }).code === '23503') {
          throw new ConflictError(`import ${id} cannot be undone: other data now refers to rows it created (${describeDatabaseError(err)}); remove that data first`);
        }
        throw err;
      }
    },

    async getMapping(layer: ImportLayer, signature: string) {
      const found = await repo.findMapping(layer, signature);
      if (!found) throw new NotFoundError(`remembered ${layer} mapping`, signature);
      return found;
    },
  };
}
export type ImportService = ReturnType<typeof createImportService>;

function parseMapping(text: string | undefined): FieldMapping | undefined {
  if (!text) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new BadRequestError(`mapping is not valid JSON: ${(err as Error).message}`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new BadRequestError('mapping must be a JSON object: { "field": { "column": "…", "unit": "…" } }');
  const mapping: FieldMapping = {};
  for (const [field, m] of Object.entries(value as Record<string, unknown>)) {
    if (typeof m === 'string') mapping[field] = { column: m };
    else if (m && typeof m === 'object' && typeof (m as { column?: unknown }).column === 'string') mapping[field] = m as FieldMapping[string];
    else throw new BadRequestError(`mapping.${field} must be a column name or { "column": "…", "unit": "…" }`);
  }
  return mapping;
}

export const IMPORT_LAYER_NAMES = IMPORT_LAYERS;

interface LayerCounts {
  layer: string;
  /** Rows the load wrote to the layer. */
  rows: number;
  /** Of those, rows it created and rows it updated; null for a load recorded before they were counted. */
  created: number | null;
  updated: number | null;
}

type StoredCounts = Record<string, number | { rows: number; created: number; updated: number }>;

/**
 * An import as the history shows it: the file or bundle name only (loads recorded before kept a server
 * path), and what it created and updated, per layer and in all.
 */
export function toImportRecord(row: ImportRecordRow) {
  const counts = row.counts as StoredCounts;
  let layers: LayerCounts[];
  if (row.layer) {
    const { insert, update } = counts as Record<string, number>;
    const written = insert != null && update != null;
    layers = [{ layer: row.layer, rows: written ? insert + update : (counts.rows as number) ?? 0, created: insert ?? null, updated: update ?? null }];
  } else {
    const order = (layer: string) => (WRITE_ORDER as string[]).indexOf(layer);
    layers = Object.entries(counts)
      .map(([layer, c]) => (typeof c === 'number' ? { layer, rows: c, created: null, updated: null } : { layer, rows: c.rows, created: c.created, updated: c.updated }))
      .sort((a, b) => order(a.layer) - order(b.layer));
  }
  const total = (key: 'created' | 'updated') => (layers.every((l) => l[key] != null) ? layers.reduce((s, l) => s + l[key]!, 0) : null);
  return { ...row, fileName: toFileName(row.fileName), created: total('created'), updated: total('updated'), layers };
}
