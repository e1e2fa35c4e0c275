import { allFields, FILE_SPECS, type FieldValue } from '../bundle/fields.js';
import { problemDetail, type BundleProblem } from '../bundle/problems.js';
import type { CrsInfo } from '../bundle/crs.js';
import { toLonLatMultiPolygon } from '../bundle/parse-geojson.js';
import {
  checkDuplicates, checkEnterpriseCode, checkReferences, checkUnits, parseValues,
  type ParsedRecord, type PendingReference, type RecordLocation,
} from '../bundle/validate-bundle.js';
import type { LayerName } from '../bundle/fields.js';
import { applyMapping, checkMapping, GEOMETRY_LAYERS, IMPORT_LAYERS, suggestMapping, targetFields, type FieldMapping, type ImportLayer } from './field-mapping.js';
import { MAX_ROW_CHARS, type RowFeed, type SourceData, type SourceRecord } from './source.js';

export interface BuiltRecords {
  records: ParsedRecord[];
  /** Area each parcel's source row declares, m², by record index (checked against the geometry) */
  declaredAreaSqm: Map<ParsedRecord, number>;
  problems: BundleProblem[];
  pending: PendingReference[];
  rowCount: number;
}

/**
 * The source's rows as bundle records of one layer, checked as the bundle loader checks them (field types,
 * duplicates, 统一社会信用代码, units, geometry in China) and located by file, row or feature and column.
 * Nothing touches the database here; references to other layers come back as `pending`.
 */
export function buildRecords(source: SourceData, layer: ImportLayer, mapping: FieldMapping, crs: CrsInfo | undefined): BuiltRecords {
  return startBuildRecords(source, layer, mapping, crs).finish();
}

export interface RecordBuilder {
  /** The problems so far (the source's and the file's at the start, the rows' as they are built): the same array as finish().problems */
  problems: BundleProblem[];
  /** Area each parcel's source row declares, m², for the rows built so far */
  declaredAreaSqm: Map<ParsedRecord, number>;
  /** An error about the whole file (mapping, no rows, no geometry): then no row is built */
  fileError: boolean;
  /**
   * The rows as they are built and checked, one at a time and in order (each becomes the next of
   * `finish().records`): a consumer (the COPY into the staging table) can send one while the next is checked.
   * From a source still being read (`feed`), ROWS_NOT_READ_YET when every row read so far is built: wait on
   * `feed.more()`, then pull again.
   */
  records: Generator<ParsedRecord | typeof ROWS_NOT_READ_YET, void, undefined>;
  /** After ROWS_NOT_READ_YET: resolves when more rows are read (rejects with the reader's error, the file broken) */
  more(): Promise<void>;
  /** Builds whatever rows were not pulled yet, then checks across rows (duplicates, units, references). */
  finish(): BuiltRecords;
}

/** What the rows of a source still being read yield when they have caught up with the reading. */
export const ROWS_NOT_READ_YET = Symbol('rows not read yet');

export interface BuildOptions {
  /** Let go of each source row once its record is built (see startBuildRecords) */
  consumeSource?: boolean;
  /** The source is still being read: its `records` grow until the feed ends */
  feed?: RowFeed;
  /** Each source row, in order, as its record is built (before it is let go) */
  onRow?: (row: SourceRecord) => void;
}

/**
 * buildRecords, row by row: see RecordBuilder. With `consumeSource`, each of the source's rows is let go (its
 * place in `source.records` emptied; the length stays) once its record is built, so a large file's rows are
 * not held twice (as read and as built): for an importer that reads the source only before it builds.
 */
export function startBuildRecords(source: SourceData, layer: ImportLayer, mapping: FieldMapping, crs: CrsInfo | undefined, options: BuildOptions = {}): RecordBuilder {
  const problems: BundleProblem[] = [...source.problems];
  const declaredAreaSqm = new Map<ParsedRecord, number>();
  const result = { records: [] as ParsedRecord[], declaredAreaSqm, problems, pending: [] as PendingReference[], rowCount: source.records.length };
  const fileError = checkFile(source, layer, mapping, problems);
  const records = fileError ? (function* () { /* nothing to build */ })() : buildRows(source, layer, mapping, crs, result, options);
  let finished: BuiltRecords | undefined;
  return {
    problems,
    declaredAreaSqm,
    fileError,
    records,
    more: () => options.feed?.more() ?? Promise.resolve(),
    finish() {
      if (finished) return finished;
      // The rows not pulled yet (next(), not for…of: leaving a for…of would close the generator)
      for (let next = records.next(); !next.done; next = records.next()) {
        if (next.value === ROWS_NOT_READ_YET) throw new Error('finish() before the source was read to its end');
      }
      result.rowCount = source.records.length;
      if (!fileError) {
        checkDuplicates(layer, result.records, problems);
        if (layer === 'enterprises') for (const r of result.records) checkEnterpriseCode(r, problems);
        if (layer === 'units') checkUnits(result.records, problems);
        const layers = Object.fromEntries(Object.keys(FILE_SPECS).map((l) => [l, l === layer ? result.records : []])) as Record<LayerName, ParsedRecord[]>;
        result.pending = checkReferences(layers);
      }
      finished = result;
      return result;
    },
  };
}

/** The checks of the file as a whole; true when one of them is an error (no row is then built). */
function checkFile(source: SourceData, layer: ImportLayer, mapping: FieldMapping, problems: BundleProblem[]): boolean {
  const file = source.file;
  const mappingProblems = checkMapping(layer, mapping, source.columns, file);
  if (mappingProblems.some((p) => p.message.includes('is required'))) {
    const hint = guessLayer(source.columns, layer);
    if (hint) {
      mappingProblems.push({
        severity: 'error', file, message: `the columns look like ${hint} rather than ${layer}: was it imported as the wrong layer? (layer=${hint})`,
        ...problemDetail('wrongLayer', { layer, guessedLayer: hint }),
      });
    }
  }
  problems.push(...mappingProblems);
  if (source.records.length === 0) {
    problems.push({ severity: 'error', file, message: 'holds no rows or features', ...problemDetail('noRows', {}) });
    return true;
  }
  if (mappingProblems.some((p) => p.severity === 'error')) return true;
  const needsGeometry = GEOMETRY_LAYERS.includes(layer);
  if (needsGeometry && !source.records.some((r) => r.geometry)) {
    problems.push({ severity: 'error', file, field: 'geometry', message: `has no geometry; ${layer} need Polygon or MultiPolygon shapes (a Shapefile, GeoPackage, KML or GeoJSON)`, ...problemDetail('noGeometry', { layer }) });
    return true;
  }
  if (!needsGeometry && source.records.some((r) => r.geometry)) {
    problems.push({ severity: 'warning', file, field: 'geometry', message: `${layer} have no geometry in MuYield; the shapes or points in the file are ignored`, ...problemDetail('geometryIgnored', { layer }) });
  }
  return false;
}

/** Each row checked on its own and, when it holds up, added to `result` and yielded. */
function* buildRows(
  source: SourceData, layer: ImportLayer, mapping: FieldMapping, crs: CrsInfo | undefined, result: BuiltRecords, options: BuildOptions,
): Generator<ParsedRecord | typeof ROWS_NOT_READ_YET, void, undefined> {
  const { feed, onRow } = options;
  const { problems, declaredAreaSqm } = result;
  const file = source.file;
  const needsGeometry = GEOMETRY_LAYERS.includes(layer);
  const specs = FILE_SPECS[layer as LayerName];
  const rows = source.records;
  const codeField = layer === 'enterprises' || layer === 'land_rights' || layer === 'indicators' ? 'uscc' : 'code';
  for (let index = 0; ; index++) {
    while (index >= rows.length) {
      if (!feed || feed.complete) return;
      yield ROWS_NOT_READ_YET;
    }
    const source_ = rows[index];
    feed?.took(index + 1);
    onRow?.(source_);
    if (options.consumeSource) (rows as (SourceData['records'][number] | undefined)[])[index] = undefined;
    const at: RecordLocation = source_.row !== undefined ? { file, row: source_.row } : { file, feature: source_.feature };
    const size = rowChars(source_.properties);
    if (size > MAX_ROW_CHARS) {
      problems.push({ severity: 'error', ...at, message: `is ${size} characters long; a row may hold at most ${MAX_ROW_CHARS}; skipped`, ...problemDetail('rowTooLong', { lengthChars: size, maxChars: MAX_ROW_CHARS }) });
      continue;
    }
    const { raw, errors } = applyMapping(layer, mapping, source_.properties);
    const code = raw[codeField] != null ? String(raw[codeField]) : undefined;
    for (const e of errors) problems.push({ severity: 'error', ...at, code, field: e.field, message: e.message, ...e.detail });
    const values = errors.length ? undefined : parseValues(specs, raw, at, code, problems);
    const declared = raw.declared_area_sqm;
    let geometry: ParsedRecord['geometry'];
    if (needsGeometry) {
      // Object.assign, not { ...at, code }: Node 20 gives an object spread and then extended a hidden class of
      // its own, ~1 µs a row
      const geo = toLonLatMultiPolygon(source_.geometry, crs!, Object.assign({}, at, { code }));
      for (const p of geo.problems) problems.push({ ...p, message: p.message.replace(/set "crs" in bundle\.json/, 'give the coordinate system (crs)') });
      geometry = geo.coordinates;
      if (!geometry) continue;
    }
    if (!values) continue;
    const record: ParsedRecord = { values: values as Record<string, FieldValue>, geometry, at };
    if (declared !== undefined && declared !== null && declared !== '' && Number.isFinite(Number(declared))) declaredAreaSqm.set(record, Number(declared));
    result.records.push(record);
    yield record;
  }
}

/**
 * The row's length as JSON text, characters, when it may exceed MAX_ROW_CHARS; otherwise an upper bound
 * below it. Serialising every row only to measure it cost about a second per 200 000 rows: short primitive
 * cells are bounded instead (a character escapes to at most 6, a number or boolean is at most 24 long).
 */
function rowChars(properties: Record<string, unknown>): number {
  let bound = 2;
  for (const key in properties) {
    const v = properties[key];
    bound += 6 * key.length + 4;
    if (typeof v === 'string') bound += 6 * v.length + 2;
    else if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) bound += 24;
    else return JSON.stringify(properties).length;
    if (bound > MAX_ROW_CHARS) return JSON.stringify(properties).length;
  }
  return bound;
}

/**
 * What an import with this mapping writes on rows that exist, and what it leaves as stored: the layer's fields
 * the mapping maps are written, the others kept; the key (`keys`) is neither: it finds the row. Geometry layers' files
 * must carry shapes (checkFile), so 'geometry' (the shape and the area measured from it) is always written.
 * New rows take every field, with the defaults where the file has nothing.
 */
export function fieldsOfUpdate(layer: ImportLayer, mapping: FieldMapping, keys: readonly string[]): { fieldsWritten: string[]; fieldsKept: string[] } {
  const fields = allFields(layer).filter((f) => !keys.includes(f));
  const written = (f: string) => f === 'geometry' || mapping[f] !== undefined;
  return { fieldsWritten: fields.filter(written), fieldsKept: fields.filter((f) => !written(f)) };
}

/** Name the source column beside the field it fills, where they differ: `企业名称 → name`. */
export function labelColumns(problems: BundleProblem[], mapping: FieldMapping): void {
  for (const p of problems) {
    const column = p.field ? mapping[p.field]?.column : undefined;
    if (column && column !== p.field) p.field = `${column} → ${p.field}`;
  }
}

/** The layer whose required fields the columns cover, when it is not the one asked for. */
export function guessLayer(columns: string[], asked: ImportLayer): ImportLayer | undefined {
  return IMPORT_LAYERS.filter((l) => l !== asked).find((l) => {
    const suggested = suggestMapping(l, columns);
    const required = targetFields(l).filter((s) => s.required);
    return required.length > 1 && required.every((s) => suggested[s.name]);
  });
}
