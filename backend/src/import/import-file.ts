import type { Database, Queryable } from '../db/database.js';
import { describeDatabaseError } from '../db/database.js';
import { DATUM_CAVEAT, UnknownCrsError, type CrsInfo } from '../bundle/crs.js';
import type { BundleProblem } from '../bundle/problems.js';
import { resolvePending } from '../bundle/load-bundle.js';
import type { ParsedRecord } from '../bundle/validate-bundle.js';
import { createBundleRepository } from '../repositories/bundle.repository.js';
import { createImportRepository, keyColumns, type RowKey, type StagedChecks } from '../repositories/import.repository.js';
import { stageAndCheck, type StagedImport } from './staged-checks.js';
import { readSource } from './read-source.js';
import { ImportReadError } from './safe-zip.js';
import { SourceLayerChoiceError } from './source-layers.js';
import type { SourceData, SourceInput, SourceLayer } from './source.js';
import { GEOMETRY_LAYERS, sourceSignature, suggestMapping, type FieldMapping, type ImportLayer } from './field-mapping.js';
import { confirmByHint, detectCrs, samplePositions, type CrsCandidate, type CrsHint } from './detect-crs.js';
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
 * Import one file into one layer: read it, settle its CRS, map its columns, check everything (also against
 * the database: references, geometry validity, overlaps, parcels outside their park) and, unless it is a
 * dry run or anything is wrong, write it in one transaction with the rows' previous state kept for undo.
 * The file comes as its bytes or, so a large one is not held whole in memory, as `{ path }` (GeoJSON is then
 * streamed); `fileName` names it in the report and tells its format when the content does not.
 */
export async function importFile(db: Database, input: SourceInput, fileName: string, options: ImportFileOptions): Promise<ImportReport> {
  const progress = options.onProgress ?? (() => undefined);
  const { layer } = options;
  const repo = createImportRepository(db);
  const empty = { rows: 0, valid: 0, insert: 0, update: 0, errors: 0, warnings: 0 };
  const base: ImportReport = { status: 'invalid', file: fileName, layer, columns: [], counts: empty, problems: [], repairs: [] };

  progress(`reading ${fileName}`);
  let source: SourceData;
  try {
    source = await readSource(input, fileName, { sourceLayer: options.sourceLayer });
  } catch (err) {
    // A reader library's own failure on a malformed file is still the file's fault, not the server's
    const problem: BundleProblem = err instanceof ImportReadError
      ? { severity: 'error', file: err.file, ...(err instanceof SourceLayerChoiceError && { field: 'sourceLayer' }), message: err.message.slice(err.file.length + 2), ...err.detail }
      : { severity: 'error', file: fileName, message: `cannot be read: ${(err as Error).message}`, kind: 'fileUnreadable', params: { reason: (err as Error).message } };
    return finish({ ...base, sourceLayers: err instanceof SourceLayerChoiceError ? err.sourceLayers : undefined, problems: [problem] });
  }
  const report: ImportReport = {
    ...base, file: source.file, format: source.format, sourceLayer: source.layerName, sourceLayers: source.sourceLayers, encoding: source.encoding, columns: source.columns,
    counts: { ...empty, rows: source.records.length },
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
  if (GEOMETRY_LAYERS.includes(layer) && source.records.some((r) => r.geometry)) {
    progress('settling the coordinate system');
    const settled = await settleCrs(source, options, mapping, repo);
    if ('problem' in settled) return finish({ ...report, problems: [...source.problems, settled.problem] });
    if ('candidates' in settled) {
      return { ...report, status: 'needsCrs', crsCandidates: settled.candidates, crsNote: settled.note, problems: source.problems };
    }
    crs = settled.crs;
    report.crs = { code: crs.code, label: crs.label, from: settled.from, caveat: crs.caveat };
    if (settled.note) source.problems.push({ severity: 'warning', file: source.file, message: settled.note, kind: 'crsDetected', params: { crs: crs.code, label: crs.label } });
    if (crs.caveat) {
      const caveat = { severity: 'warning', file: source.file, message: `${crs.code}: ${crs.caveat}` } as const;
      source.problems.push(crs.caveat === DATUM_CAVEAT ? { ...caveat, kind: 'crsWithoutDatumTransformation', params: { crs: crs.code, label: crs.label } } : caveat);
    }
  }

  const builder = startBuildRecords(source, layer, mapping, crs, { consumeSource: true });
  const problems = builder.problems;
  const checkable = !problems.some((p) => p.severity === 'error' && p.row === undefined && p.feature === undefined);
  report.problems = problems;
  // One transaction from the checks to the write. With geometry, the rows are staged for PostGIS batch by
  // batch: node builds and checks the next batch while PostgreSQL checks this one and, for parcels being
  // committed, writes it (staged-checks.ts). Anything wrong, or a dry run: the transaction is rolled back.
  const staging = checkable && crs !== undefined && (layer === 'parks' || layer === 'parcels' || layer === 'buildings') ? layer : undefined;
  const nothingToCommit = new Error('nothing to commit');
  try {
    report.importId = await db.transaction(async (tx) => {
      const id = options.dryRun || problems.some((p) => p.severity === 'error') ? undefined : await repo.insertImport(tx, {
        fileName: source.file, layer, format: source.format, crs: crs?.code ?? null, counts: { rows: report.counts.rows },
      });
      let staged: StagedImport | undefined;
      if (staging) {
        progress(`checking ${source.records.length} rows and staging their geometry for PostGIS`);
        staged = await stageAndCheck(repo, tx, builder, {
          layer: staging, repair: Boolean(options.repair), minSqm: MIN_REPORTED_SQM, declaredTolerance: DECLARED_AREA_TOLERANCE,
          writeAs: id !== undefined && staging === 'parcels' ? { importId: id, fields: fieldsWritten, codes: codesInFile(source, mapping) } : undefined,
          problems, total: source.records.length, batchRows: options.batchRows, onProgress: (step) => progress(`checking geometry with PostGIS: ${step}`),
        });
      } else progress(`checking ${source.records.length} rows`);
      const built = builder.finish();
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
    if (err !== nothingToCommit) problems.push(databaseRefused(source.file, describeDatabaseError(err)));
  }
  labelColumns(problems, mapping);
  if (report.importId === undefined) return finish(options.dryRun ? { ...report, status: 'dryRun' } : report);
  return finish({ ...report, status: 'committed' });
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

async function settleCrs(source: SourceData, options: ImportFileOptions, mapping: FieldMapping, repo: ReturnType<typeof createImportRepository>): Promise<Settled> {
  const file = source.file;
  if (options.crs) {
    try {
      return { crs: resolveCrsChoice(options.crs), from: 'given' };
    } catch (err) {
      if (err instanceof UnknownCrsError) return { problem: { severity: 'error', file, field: 'crs', message: err.message, kind: 'crsUnknown', params: { crs: options.crs } } };
      throw err;
    }
  }
  const positions = samplePositions(source.records.length, (i) => source.records[i].geometry);
  if (source.statedCrs) {
    try {
      const crs = resolveStatedCrs(source.statedCrs.text);
      return { crs, from: 'file' };
    } catch (err) {
      if (!(err instanceof UnknownCrsError)) throw err;
      const detected = detectCrs(positions);
      const best = detected.candidates[0];
      return {
        problem: {
          severity: 'error', file: `${file}${source.statedCrs.from.endsWith('.prj') ? `/${source.statedCrs.from}` : ''}`, field: 'crs',
          message: `${source.statedCrs.from} cannot be used: ${err.message}${best ? `; the numbers look like ${best.label}: import again with crs=${best.crs}` : ''}`,
          kind: 'statedCrsUnusable', params: { from: source.statedCrs.from, reason: err.message, ...(best && { likelyCrs: best.crs, likelyLabel: best.label }) },
        },
      };
    }
  }
  const hint = await findHint(source, options, mapping, repo);
  const detection = confirmByHint(detectCrs(positions, hint), hint);
  if (detection.chosen) return { crs: resolveCrsChoice(detection.chosen.crs), from: 'detected', note: `no coordinate system in the file: ${detection.note}` };
  return { candidates: detection.candidates, note: detection.note };
}

/** Where the data should be: the hint given, the parks its rows name, or the parks already stored. */
async function findHint(source: SourceData, options: ImportFileOptions, mapping: FieldMapping, repo: ReturnType<typeof createImportRepository>): Promise<CrsHint | undefined> {
  const given = options.hint?.trim();
  if (given) {
    const m = /^(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)$/.exec(given);
    if (m) return { lonLat: [Number(m[1]), Number(m[2])], source: `the hint ${given}` };
    const [park] = await repo.findParkPositions([given]);
    if (park) return { lonLat: [park.lon, park.lat], source: `park ${park.code}` };
  }
  const parkColumn = mapping.park_code?.column;
  if (parkColumn) {
    const codes = [...new Set(source.records.map((r) => String(r.properties[parkColumn] ?? '')).filter(Boolean))].slice(0, 50);
    const [park] = await repo.findParkPositions(codes);
    if (park) return { lonLat: [park.lon, park.lat], source: `park ${park.code}, named in the data` };
  }
  const center = await repo.findParksCenter();
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
