import type { Database, Queryable } from '../db/database.js';
import { describeDatabaseError } from '../db/database.js';
import { DATUM_CAVEAT, UnknownCrsError, type CrsInfo } from '../bundle/crs.js';
import type { BundleProblem } from '../bundle/problems.js';
import { withoutServerPaths } from '../bundle/file-name.js';
import { resolvePending } from '../bundle/load-bundle.js';
import type { ParsedRecord } from '../bundle/validate-bundle.js';
import { createBundleRepository } from '../repositories/bundle.repository.js';
import { createImportRepository, keyColumns, type RowKey, type StagedChecks } from '../repositories/import.repository.js';
import { stageAndCheck, type StagedImport } from './staged-checks.js';
import { readSource } from './read-source.js';
import { ImportReadError } from './safe-zip.js';
import { SourceLayerChoiceError } from './source-layers.js';
import type { RowFeed, SourceData, SourceInput, SourceLayer, SourceRecord } from './source.js';
import { GEOMETRY_LAYERS, sourceSignature, suggestMapping, type FieldMapping, type ImportLayer } from './field-mapping.js';
import { confirmByHint, detectCrs, EvenSample, samplePositions, type CrsCandidate, type CrsHint, type Position } from './detect-crs.js';
import { resolveCrsChoice, resolveStatedCrs } from './prj.js';
import { fieldsOfUpdate, labelColumns, startBuildRecords } from './build-records.js';

export interface ImportFileOptions {
  layer: ImportLayer;
  /** CRS code (e.g. EPSG:4545, GCJ-02, EPSG:4326+swap); overrides what the file states */
  crs?: string;
  mapping?: FieldMapping;
  dryRun?: boolean;
  /** Apply ST_MakeValid to invalid geometry instead of refusing it */
  repair?: boolean;
  /** Shapefile in a zip of several, or GeoPackage table */
  sourceLayer?: string;
  /** Where the data is, to choose a Gauss-Krüger zone: a park code or "lon,lat" */
  hint?: string;
  onProgress?: (step: string) => void;
  /** Rows per batch staged, checked and written at once (staged-checks.ts; tests use small ones) */
  batchRows?: number;
  /**
   * A GeoJSON file of more features than this is checked and written while the rest of it is read (see
   * importFile); STREAM_AFTER_ROWS unless given, 0 to read every file whole first.
   */
  streamAfterRows?: number;
}

export interface GeometryRepair {
  file: string;
  row?: number;
  feature?: number;
  code?: string;
  reason: string;
  /** Area after ST_MakeValid, m²; absent when the repair leaves no polygon */
  repairedAreaSqm?: number;
  applied: boolean;
}

export interface ImportReport {
  /** needsCrs: the CRS is uncertain, choose one of crsCandidates; invalid: errors, nothing written */
  status: 'needsCrs' | 'invalid' | 'dryRun' | 'committed';
  importId?: number;
  file: string;
  format?: string;
  layer: ImportLayer;
  sourceLayer?: string;
  /** Every layer of a zip of shapefiles or a GeoPackage; with several and none chosen, status invalid and nothing read */
  sourceLayers?: SourceLayer[];
  encoding?: string;
  crs?: { code: string; label: string; from: 'given' | 'file' | 'detected'; caveat?: string };
  crsCandidates?: CrsCandidate[];
  crsNote?: string;
  columns: string[];
  signature?: string;
  mapping?: FieldMapping;
  mappingFrom?: 'given' | 'remembered' | 'suggested';
  unmappedColumns?: string[];
  /** On rows that exist, the fields the import writes (those the mapping maps; 'geometry' for the shape) … */
  fieldsWritten?: string[];
  /** … and those it leaves as stored (not mapped). New rows take every field, with the defaults. The key is in neither. */
  fieldsKept?: string[];
  counts: { rows: number; valid: number; insert: number; update: number; errors: number; warnings: number };
  problems: BundleProblem[];
  repairs: GeometryRepair[];
}

/** Overlaps and reaches outside the park smaller than this are digitising noise, m² */
const MIN_REPORTED_SQM = 1;
/** A declared parcel area further than this from the geometry's is reported, as a share */
const DECLARED_AREA_TOLERANCE = 0.05;
const MAX_PROBLEMS = 1000;
/**
 * A streamed file (GeoJSON) of more features than this is checked and written while the rest is read: the
 * decisions about the whole file are taken from these first ones, and checked against the whole file at the
 * end. 200 000 parcels took 1.3 s to read before PostgreSQL had anything to do.
 */
const STREAM_AFTER_ROWS = 4096;

/**
 * Import one file into one layer: read it, settle its CRS, map its columns, check everything (also against
 * the database: references, geometry validity, overlaps, parcels outside their park) and, unless it is a
 * dry run or anything is wrong, write it in one transaction with the rows' previous state kept for undo.
 * The file comes as its bytes or, so a large one is not held whole in memory, as `{ path }` (GeoJSON is then
 * streamed); `fileName` names it in the report and tells its format when the content does not.
 *
 * A streamed file of more than STREAM_AFTER_ROWS features into parks, buildings, or parcels of a dry run or
 * of an empty table, is not read whole first: once that many are read, the mapping and the CRS are settled from
 * them and the rows are built, checked and written while the rest is read (PostgreSQL has work from the
 * start). At the end, with the whole file read, the columns, the stated CRS and the CRS settled from a
 * sample of every row (the sample an import of the whole file takes) must be what was settled at first;
 * otherwise the transaction is rolled back and the file read again whole first, so the result is always that
 * of reading the whole file first.
 */
export async function importFile(db: Database, input: SourceInput, fileName: string, options: ImportFileOptions): Promise<ImportReport> {
  const progress = options.onProgress ?? (() => undefined);
  const streamAfterRows = options.streamAfterRows ?? STREAM_AFTER_ROWS;
  progress(`reading ${fileName}`);
  let early: { partial: SourceData; feed: RowFeed } | undefined;
  let tookEarly = () => undefined as void;
  const earlyTaken = new Promise<void>((resolve) => {
    tookEarly = resolve;
  });
  const whole = readSource(input, fileName, {
    sourceLayer: options.sourceLayer,
    early: streamAfterRows > 0 && STREAMED_LAYERS.includes(options.layer) ? {
      rows: streamAfterRows,
      take: (partial, feed) => {
        early = { partial, feed };
        tookEarly();
      },
    } : undefined,
  });
  whole.catch(() => undefined); // its failure is answered below, or where the rows wait for it
  await Promise.race([whole.then(() => undefined, () => undefined), earlyTaken]);
  if (early) {
    const { feed } = early;
    // However it ended, no more rows are taken: the rest of the file is read unhindered (to be read whole, or dropped)
    const streamed = await importSource(db, early.partial, options, { feed, whole }).finally(() => feed.release());
    if (streamed === READ_AGAIN) {
      progress(`reading ${fileName} again, whole first: the first rows did not settle the mapping or the coordinate system of the whole file`);
      return importFile(db, input, fileName, { ...options, streamAfterRows: 0 });
    }
    if (streamed !== READ_WHOLE) return streamed;
  }
  let source: SourceData;
  try {
    source = await whole;
  } catch (err) {
    return readFailed(err, fileName, options.layer);
  }
  return (await importSource(db, source, options)) as ImportReport;
}

/** The layers whose rows may be checked and written while their file is still read: those staged for PostGIS */
const STREAMED_LAYERS: readonly ImportLayer[] = ['parks', 'parcels', 'buildings'];
/** importSource on the first rows of a file still being read: wait for the whole file, then import it */
const READ_WHOLE = Symbol('read the whole file first');
/** The same, after the first rows were built (so let go): read the file again */
const READ_AGAIN = Symbol('read the file again');

/** A file still being read: its rows come through `feed`, and `whole` is the file once read (or its error) */
interface Reading {
  feed: RowFeed;
  whole: Promise<SourceData>;
}

/**
 * The report on a file that could not be read: a reader library's own failure on a malformed file is still the
 * file's fault, not the server's. Its words may name the temporary file the upload was saved to: paths are cut.
 */
function readFailed(err: unknown, fileName: string, layer: ImportLayer): ImportReport {
  const reason = withoutServerPaths((err as Error).message);
  const problem: BundleProblem = err instanceof ImportReadError
    ? {
      severity: 'error', file: err.file, ...(err instanceof SourceLayerChoiceError && { field: 'sourceLayer' }),
      message: withoutServerPaths(err.message.slice(err.file.length + 2)), ...err.detail,
      ...(err.detail?.params && { params: Object.fromEntries(Object.entries(err.detail.params).map(([k, v]) => [k, typeof v === 'string' ? withoutServerPaths(v) : v])) }),
    } as BundleProblem
    : { severity: 'error', file: fileName, message: `cannot be read: ${reason}`, kind: 'fileUnreadable', params: { reason } };
  return finish({
    status: 'invalid', file: fileName, layer, columns: [], counts: { rows: 0, valid: 0, insert: 0, update: 0, errors: 0, warnings: 0 }, repairs: [],
    sourceLayers: err instanceof SourceLayerChoiceError ? err.sourceLayers : undefined, problems: [problem],
  });
}

/**
 * importFile once the file is read, or (`reading`) once its first rows are: READ_WHOLE when they cannot be
 * imported before the rest is read, READ_AGAIN when the whole file did not bear out what they settled.
 */
async function importSource(db: Database, source: SourceData, options: ImportFileOptions, reading?: Reading): Promise<ImportReport | typeof READ_WHOLE | typeof READ_AGAIN> {
  const progress = options.onProgress ?? (() => undefined);
  const { layer } = options;
  const repo = createImportRepository(db);
  const empty = { rows: 0, valid: 0, insert: 0, update: 0, errors: 0, warnings: 0 };
  const report: ImportReport = {
    status: 'invalid', file: source.file, format: source.format, layer, sourceLayer: source.layerName, sourceLayers: source.sourceLayers, encoding: source.encoding,
    columns: source.columns, counts: { ...empty, rows: source.records.length }, problems: [], repairs: [],
  };

  // Mapping: given, else the one remembered for these columns, else suggested by the synonyms table
  const signature = sourceSignature(source.columns);
  const remembered = options.mapping ? undefined : await repo.findMapping(layer, signature);
  const mapping = options.mapping ?? (remembered?.mapping as FieldMapping | undefined) ?? suggestMapping(layer, source.columns);
  const mapped = new Set(Object.values(mapping).map((m) => m.column));
  const { fieldsWritten, fieldsKept } = fieldsOfUpdate(layer, mapping, keyColumns(layer));
  Object.assign(report, {
    signature, mapping, mappingFrom: options.mapping ? 'given' : remembered ? 'remembered' : 'suggested',
    unmappedColumns: source.columns.filter((c) => !mapped.has(c)),
    fieldsWritten, fieldsKept,
  });

  // CRS: given, else stated by the file, else detected; uncertain → ask, write nothing
  let crs: CrsInfo | undefined;
  let settledAs: Settled | undefined;
  if (GEOMETRY_LAYERS.includes(layer) && source.records.some((r) => r.geometry)) {
    progress('settling the coordinate system');
    // From the first rows of a file still being read: as many as it took to start, whatever more came since
    const settled = await settleCrs(evidenceOf(source, mapping, reading ? options.streamAfterRows ?? STREAM_AFTER_ROWS : source.records.length), options, repo, db);
    // Asking, or refusing, is for the whole file to decide
    if (reading && !('crs' in settled)) return READ_WHOLE;
    if ('problem' in settled) return finish({ ...report, problems: [...source.problems, settled.problem] });
    if ('candidates' in settled) {
      return { ...report, status: 'needsCrs', crsCandidates: settled.candidates, crsNote: settled.note, problems: source.problems };
    }
    settledAs = settled;
    crs = settled.crs;
    report.crs = { code: crs.code, label: crs.label, from: settled.from, caveat: crs.caveat };
    if (settled.note) source.problems.push({ severity: 'warning', file: source.file, message: settled.note, kind: 'crsDetected', params: { crs: crs.code, label: crs.label } });
    if (crs.caveat) {
      const caveat = { severity: 'warning', file: source.file, message: `${crs.code}: ${crs.caveat}` } as const;
      source.problems.push(crs.caveat === DATUM_CAVEAT ? { ...caveat, kind: 'crsWithoutDatumTransformation', params: { crs: crs.code, label: crs.label } } : caveat);
    }
  }

  // Checked and written while the file is read: the sample of every row for the CRS, kept as they go by
  const sample = new EvenSample();
  const parks = new NamedParks(mapping);
  const builder = startBuildRecords(source, layer, mapping, crs, reading ? { consumeSource: true, feed: reading.feed, onRow: (row) => (sample.add(row), parks.add(row)) } : { consumeSource: true });
  const problems = builder.problems;
  const checkable = !problems.some((p) => p.severity === 'error' && p.row === undefined && p.feature === undefined);
  report.problems = problems;
  // One transaction from the checks to the write. With geometry, the rows are staged for PostGIS batch by
  // batch: node builds and checks the next batch while PostgreSQL checks this one and, for parcels being
  // committed, writes it (staged-checks.ts). Anything wrong, or a dry run: the transaction is rolled back.
  const staging = checkable && crs !== undefined && (layer === 'parks' || layer === 'parcels' || layer === 'buildings') ? layer : undefined;
  const committing = !options.dryRun && !problems.some((p) => p.severity === 'error');
  // New parcels into a table that holds some: which are new is asked for the whole file's codes
  if (reading && (!staging || (staging === 'parcels' && committing && (await repo.hasParcels())))) return READ_WHOLE;
  const nothingToCommit = new Error('nothing to commit');
  const readAgain = new Error('read the file again');
  try {
    report.importId = await db.transaction(async (tx) => {
      const id = !committing ? undefined : await repo.insertImport(tx, {
        fileName: source.file, layer, format: source.format, crs: crs?.code ?? null, counts: { rows: report.counts.rows },
      });
      let staged: StagedImport | undefined;
      if (staging) {
        progress(reading ? 'checking the rows as they are read and staging their geometry for PostGIS' : `checking ${source.records.length} rows and staging their geometry for PostGIS`);
        staged = await stageAndCheck(repo, tx, builder, {
          layer: staging, repair: Boolean(options.repair), minSqm: MIN_REPORTED_SQM, declaredTolerance: DECLARED_AREA_TOLERANCE,
          writeAs: id !== undefined && staging === 'parcels' ? { importId: id, fields: fieldsWritten, codes: reading ? undefined : () => codesInFile(source, mapping) } : undefined,
          problems, total: reading ? undefined : source.records.length, batchRows: options.batchRows, onProgress: (step) => progress(`checking geometry with PostGIS: ${step}`),
        });
      } else progress(`checking ${source.records.length} rows`);
      // Node's checks across rows first: for parcels into an empty table, PostgreSQL builds its indexes meanwhile
      const built = builder.finish();
      if (reading) {
        // Every row was built, so the file is read: did its first rows settle what the whole file settles?
        const whole = await reading.whole;
        if (!(await settledAlike(whole, source, settledAs, { positions: () => sample.positions(), parkCodes: parks.codes() }, options, repo, tx))) throw readAgain;
        report.counts.rows = whole.records.length;
      }
      report.counts.valid = built.records.length;
      if (checkable) {
        progress('checking references against the database');
        problems.push(...(await resolvePending(createBundleRepository(tx), built.pending)));
      }
      if (staged) report.repairs = reportGeometry(staged, built.records, built.declaredAreaSqm, Boolean(options.repair), layer === 'parcels', problems);
      if (staged?.writeRefused && !problems.some((p) => p.severity === 'error')) problems.push(databaseRefused(source.file, staged.writeRefused));
      const keys = staged ? [] : built.records.map((r) => keyOf(layer, r));
      if (!staged) progress('counting the rows that exist already');
      report.counts.update = staged ? staged.existing : await repo.countExisting(layer, keys, tx);
      report.counts.insert = built.records.length - report.counts.update;
      if (id === undefined || problems.some((p) => p.severity === 'error')) throw nothingToCommit;
      if (staged?.buildDeferred) {
        progress('building the parcels table\'s indexes and checking its foreign keys');
        await staged.buildDeferred();
      }
      if (staging !== 'parcels') {
        progress(`writing ${built.records.length} ${layer}: before-images for undo`);
        if (staging) await repo.saveStagedBeforeImages(tx, id, staging, 1, staged!.staged);
        else await repo.saveBeforeImages(tx, id, layer, keys);
        progress(`writing ${built.records.length} ${layer}: the rows`);
        await createBundleRepository(tx).upsertLayer(tx, layer, built.records, fieldsWritten);
      }
      await repo.updateImportCounts(tx, id, { rows: report.counts.rows, insert: report.counts.insert, update: report.counts.update });
      await repo.saveMapping(tx, layer, signature, source.columns, mapping);
      return id;
    });
  } catch (err) {
    if (reading) {
      // The file broke off while its first rows were checked: that is what is reported, as for a file read whole
      reading.feed.release();
      const readError = await reading.whole.then(() => undefined, (e: unknown) => e);
      if (readError !== undefined) return readFailed(readError, source.file, layer);
      if (err === readAgain) return READ_AGAIN;
    }
    if (err !== nothingToCommit) problems.push(databaseRefused(source.file, describeDatabaseError(err)));
  }
  labelColumns(problems, mapping);
  if (report.importId === undefined) return finish(options.dryRun ? { ...report, status: 'dryRun' } : report);
  return finish({ ...report, status: 'committed' });
}

/**
 * Whether the whole file, once read, settles what its first rows settled: the same columns (so the same
 * mapping), as many rows as were built, the same stated CRS, and the same CRS settled from the sample of
 * every row (`evidence`, the one samplePositions takes of the whole file) with the same note.
 */
async function settledAlike(
  whole: SourceData, first: SourceData, settled: Settled | undefined, evidence: Pick<CrsEvidence, 'positions' | 'parkCodes'>,
  options: ImportFileOptions, repo: ReturnType<typeof createImportRepository>, tx: Queryable,
): Promise<boolean> {
  if (whole.columns.length !== first.columns.length || whole.columns.some((c, i) => c !== first.columns[i])) return false;
  if (whole.statedCrs?.text !== first.statedCrs?.text || whole.statedCrs?.from !== first.statedCrs?.from) return false;
  if (!settled || !('crs' in settled)) return settled === undefined;
  const again = await settleCrs({ file: whole.file, statedCrs: whole.statedCrs, ...evidence }, options, repo, tx);
  return 'crs' in again && again.crs.code === settled.crs.code && again.from === settled.from && again.note === settled.note;
}

/**
 * The codes the file's rows may carry: its code column's text and numbers, trimmed, as the field check reads a
 * code (rows not built yet are still in the source). Rows that fail the check are not written at all.
 */
function codesInFile(source: SourceData, mapping: FieldMapping): string[] {
  const column = mapping.code?.column;
  const codes = new Set<string>();
  if (column === undefined) return [];
  for (const r of source.records) {
    const value = r?.properties[column];
    // A NUL character is refused by the field check, and PostgreSQL's text cannot hold it: never sent
    if (typeof value === 'number' || (typeof value === 'string' && !value.includes('\0'))) codes.add(String(value).trim());
  }
  return [...codes];
}

/** The database refused what the checks let through (a constraint they did not foresee): nothing is written. */
function databaseRefused(file: string, reason: string): BundleProblem {
  return { severity: 'error', file, message: `the database refused the import, nothing was written: ${reason}`, kind: 'databaseRefused', params: { reason } };
}

function finish(report: ImportReport): ImportReport {
  const errors = report.problems.filter((p) => p.severity === 'error').length;
  const warnings = report.problems.length - errors;
  const problems = report.problems.length > MAX_PROBLEMS
    ? [...report.problems.slice(0, MAX_PROBLEMS), { severity: 'error' as const, file: report.file, message: `… and ${report.problems.length - MAX_PROBLEMS} more problems`, kind: 'moreProblems' as const, params: { count: report.problems.length - MAX_PROBLEMS } }]
    : report.problems;
  return { ...report, status: errors ? 'invalid' : report.status, problems, counts: { ...report.counts, errors, warnings } };
}

export function keyOf(layer: ImportLayer, r: ParsedRecord): RowKey {
  return Object.fromEntries(keyColumns(layer).map((c) => [c, String(r.values[c])]));
}

type Settled =
  | { crs: CrsInfo; from: 'given' | 'file' | 'detected'; note?: string }
  | { candidates: CrsCandidate[]; note: string }
  | { problem: BundleProblem };

/** What a file's CRS is settled from, besides the options: what the file states, a sample of its positions, the parks its rows name */
interface CrsEvidence {
  file: string;
  statedCrs?: SourceData['statedCrs'];
  positions: () => Position[];
  /** The first 50 different park codes the rows name (NamedParks) */
  parkCodes: string[];
}

/** The evidence of the source's first `rows` rows */
function evidenceOf(source: SourceData, mapping: FieldMapping, rows: number): CrsEvidence {
  const parks = new NamedParks(mapping);
  for (let i = 0; i < rows && parks.add(source.records[i]); i++);
  return {
    file: source.file, statedCrs: source.statedCrs, parkCodes: parks.codes(),
    positions: () => samplePositions(rows, (i) => source.records[i].geometry),
  };
}

/** The first 50 different park codes the rows name, row by row: where the data should be, for the CRS. */
class NamedParks {
  private readonly seen = new Set<string>();
  private readonly column: string | undefined;

  constructor(mapping: FieldMapping) {
    this.column = mapping.park_code?.column;
  }

  /** False once no more are taken */
  add(row: SourceRecord): boolean {
    if (this.column === undefined || this.seen.size >= 50) return false;
    const code = String(row.properties[this.column] ?? '');
    if (code) this.seen.add(code);
    return true;
  }

  codes(): string[] {
    return [...this.seen];
  }
}

/** The CRS: given, else stated, else detected from the positions. `q` asks the database where parks are (a transaction's, inside one). */
async function settleCrs(evidence: CrsEvidence, options: ImportFileOptions, repo: ReturnType<typeof createImportRepository>, q: Queryable): Promise<Settled> {
  const file = evidence.file;
  if (options.crs) {
    try {
      return { crs: resolveCrsChoice(options.crs), from: 'given' };
    } catch (err) {
      if (err instanceof UnknownCrsError) return { problem: { severity: 'error', file, field: 'crs', message: err.message, kind: 'crsUnknown', params: { crs: options.crs } } };
      throw err;
    }
  }
  const positions = evidence.positions();
  if (evidence.statedCrs) {
    try {
      const crs = resolveStatedCrs(evidence.statedCrs.text);
      return { crs, from: 'file' };
    } catch (err) {
      if (!(err instanceof UnknownCrsError)) throw err;
      const detected = detectCrs(positions);
      const best = detected.candidates[0];
      return {
        problem: {
          severity: 'error', file: `${file}${evidence.statedCrs.from.endsWith('.prj') ? `/${evidence.statedCrs.from}` : ''}`, field: 'crs',
          message: `${evidence.statedCrs.from} cannot be used: ${err.message}${best ? `; the numbers look like ${best.label}: import again with crs=${best.crs}` : ''}`,
          kind: 'statedCrsUnusable', params: { from: evidence.statedCrs.from, reason: err.message, ...(best && { likelyCrs: best.crs, likelyLabel: best.label }) },
        },
      };
    }
  }
  const hint = await findHint(evidence, options, repo, q);
  const detection = confirmByHint(detectCrs(positions, hint), hint);
  if (detection.chosen) return { crs: resolveCrsChoice(detection.chosen.crs), from: 'detected', note: `no coordinate system in the file: ${detection.note}` };
  return { candidates: detection.candidates, note: detection.note };
}

/** Where the data should be: the hint given, the parks its rows name, or the parks already stored. */
async function findHint(evidence: CrsEvidence, options: ImportFileOptions, repo: ReturnType<typeof createImportRepository>, q: Queryable): Promise<CrsHint | undefined> {
  const given = options.hint?.trim();
  if (given) {
    const m = /^(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)$/.exec(given);
    if (m) return { lonLat: [Number(m[1]), Number(m[2])], source: `the hint ${given}` };
    const [park] = await repo.findParkPositions([given], q);
    if (park) return { lonLat: [park.lon, park.lat], source: `park ${park.code}` };
  }
  if (evidence.parkCodes.length > 0) {
    const [park] = await repo.findParkPositions(evidence.parkCodes, q);
    if (park) return { lonLat: [park.lon, park.lat], source: `park ${park.code}, named in the data` };
  }
  const center = await repo.findParksCenter(q);
  // Only when the stored parks are close together: their middle then says which zone
  if (center && center.extent_km < 300) return { lonLat: [center.lon, center.lat], source: `the ${center.count} stored park(s)` };
  return undefined;
}

/** What the staged checks found, as problems and repairs of the records (staged in order, 1-based positions). */
function reportGeometry(
  staged: StagedChecks, records: ParsedRecord[], declared: Map<ParsedRecord, number>, repair: boolean, placement: boolean, problems: BundleProblem[],
): GeometryRepair[] {
  const { checks, overlaps, outside } = staged;
  const repairs: GeometryRepair[] = [];
  for (const c of checks) {
    const r = records[c.position - 1];
    const code = String(r.values.code);
    if (!c.valid) {
      const canRepair = c.repaired !== null;
      repairs.push({ ...r.at, code, reason: c.reason!, repairedAreaSqm: c.repaired_area_sqm ?? undefined, applied: repair && canRepair });
      if (repair && canRepair) {
        r.geometry = (JSON.parse(c.repaired!) as { coordinates: ParsedRecord['geometry'] }).coordinates;
        problems.push({ severity: 'warning', ...r.at, code, field: 'geometry', message: `was not valid (${c.reason}); repaired with ST_MakeValid to ${c.repaired_area_sqm!.toFixed(1)} m²`, kind: 'geometryRepaired', params: { reason: c.reason!, repairedAreaSqm: c.repaired_area_sqm! } });
      } else {
        problems.push({
          severity: 'error', ...r.at, code, field: 'geometry',
          message: `is not valid: ${c.reason}${canRepair ? `; ST_MakeValid would repair it (area then ${c.repaired_area_sqm!.toFixed(1)} m²): import again with repair=true to accept, or fix it in QGIS` : '; it cannot be repaired into a polygon'}`,
          ...(canRepair
            ? { kind: 'geometryInvalidRepairable' as const, params: { reason: c.reason!, repairedAreaSqm: c.repaired_area_sqm! } }
            : { kind: 'geometryInvalidUnrepairable' as const, params: { reason: c.reason! } }),
        });
      }
      continue;
    }
    const declaredSqm = declared.get(r);
    if (declaredSqm !== undefined && c.area_sqm !== null && Math.abs(c.area_sqm / declaredSqm - 1) > DECLARED_AREA_TOLERANCE) {
      problems.push({
        severity: 'warning', ...r.at, code, field: 'declared_area_sqm',
        message: `declares ${declaredSqm.toFixed(1)} m² but the shape measures ${c.area_sqm.toFixed(1)} m² (${((c.area_sqm / declaredSqm - 1) * 100).toFixed(1)} %): check the unit of the area column and the coordinate system`,
        kind: 'declaredAreaMismatch', params: { declaredSqm, measuredSqm: c.area_sqm, differenceShare: c.area_sqm / declaredSqm - 1 },
      });
    }
  }
  if (!placement) return repairs;
  const byCode = new Map(records.map((r) => [String(r.values.code), r]));
  for (const o of overlaps) {
    const r = byCode.get(o.code)!;
    problems.push({
      severity: 'warning', ...r.at, code: o.code, field: 'geometry',
      message: `overlaps ${o.other_incoming ? 'parcel' : 'the stored parcel'} ${o.other_code} by ${o.overlap_sqm.toFixed(1)} m²`,
      kind: o.other_incoming ? 'overlapsParcel' : 'overlapsStoredParcel', params: { otherCode: o.other_code, overlapSqm: o.overlap_sqm },
    });
  }
  for (const o of outside) {
    const r = byCode.get(o.code)!;
    problems.push({
      severity: 'warning', ...r.at, code: o.code, field: 'geometry',
      message: `${o.outside_sqm.toFixed(1)} m² (${((o.outside_sqm / o.area_sqm) * 100).toFixed(1)} %) lies outside its park ${o.park_code}`,
      kind: 'outsidePark', params: { parkCode: o.park_code, outsideSqm: o.outside_sqm, outsideShare: o.outside_sqm / o.area_sqm },
    });
  }
  return repairs;
}
