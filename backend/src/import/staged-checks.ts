import type { Queryable } from '../db/database.js';
import { describeDatabaseError, isDataRefusal } from '../db/database.js';
import type { BundleProblem } from '../bundle/problems.js';
import { CopyText } from '../db/copy-text.js';
import { CopyBinary } from '../db/copy-binary.js';
import { addParcelCopyRow, stagingValues, type ImportRepository, type StagedChecks } from '../repositories/import.repository.js';
import type { ParsedRecord } from '../bundle/validate-bundle.js';
import { ROWS_NOT_READ_YET, type RecordBuilder } from './build-records.js';
import { findOverlapCandidates, LonLatBoxes } from './overlap-candidates.js';
import { multiPolygonEwkbHex } from '../db/wkb.js';

/** Rows staged, checked and (parcels) written per batch: small enough that PostgreSQL's work on one batch
 * overlaps node's building of the next, large enough that the statements per batch do not add up. */
export const STAGING_BATCH_ROWS = 16_384;
/** The first batch is this small, the next ones twice as large up to STAGING_BATCH_ROWS: PostgreSQL waits for
 * the first batch to be built, so the sooner it comes the sooner both work. */
const FIRST_BATCH_ROWS = 2048;
/** Rows built between turns of the event loop, so the batch's statements are sent and answered meanwhile. */
const ROWS_PER_TURN = 64;

export interface StagingOptions {
  layer: 'parks' | 'parcels' | 'buildings';
  /** Apply ST_MakeValid to invalid geometry (the rows then written are repaired) */
  repair: boolean;
  /** Overlaps and reaches outside the park smaller than this are not reported, m² */
  minSqm: number;
  /** A declared area further than this share from the measured one is reported */
  declaredTolerance: number;
  /** Parcels only: write each batch into parcels as soon as it is checked, under this import's id … */
  writeAs?: {
    importId: number;
    fields: readonly string[];
    /**
     * Parcels: every code the file's rows may carry (those stored are updated, the others COPYed straight in),
     * asked for only when the table holds parcels. Not given (a file still being read): each row is COPYed
     * straight in, and a batch holding a stored code is refused and staged.
     */
    codes?: () => readonly string[];
  };
  /** … as long as nothing is wrong so far (the import is then not committed, so nothing more is written) */
  problems: readonly BundleProblem[];
  /** Rows in the file, for the progress steps (not known while the file is still being read) */
  total?: number;
  /** Rows per batch; STAGING_BATCH_ROWS unless given */
  batchRows?: number;
  onProgress: (step: string) => void;
}

export interface StagedImport extends StagedChecks {
  /** Rows COPYed into the staging table */
  staged: number;
  /** New parcels COPYed straight into parcels (and kept there, unless the transaction is rolled back) */
  copied: number;
  /** Staged rows whose key had a row in the table before the import */
  existing: number;
  /** The database refused to write a batch (a constraint the checks did not foresee): the import must not commit */
  writeRefused?: string;
  /**
   * New parcels into an empty table: its indexes and foreign keys were dropped while the rows went in, and this
   * builds them again. The transaction must not commit before it has run (and must not commit if it fails).
   */
  buildDeferred?: () => Promise<void>;
}

/**
 * An import's rows through PostGIS, batch by batch, in the caller's transaction. Node builds and checks the rows
 * of a batch (RecordBuilder) and makes them into COPY text; PostgreSQL takes the batch while node builds the next
 * (2 cores: node's checks and PostgreSQL's geometry and index work are about as long).
 * - New parcels of an import being committed, while nothing is wrong, are COPYed straight into parcels: its CHECK
 *   makes sure each shape is valid, its foreign key that the park exists, and the area is generated. Into an empty
 *   table, its indexes other than the key and its foreign keys are dropped first and made again once every row is
 *   in (`buildDeferred`, before the commit): the reference check names a row's unknown park meanwhile. Their codes
 *   are listed for undo, then their declared areas and the reach outside their park are checked. Should the
 *   database refuse the batch, it is rolled back to its savepoint and its rows take the staged way below.
 * - Every other row is COPYed into the staging table, where PostgreSQL checks it (validity and declared areas, the
 *   repair when asked, for parcels the reach outside their park) and counts the rows it replaces; parcels being
 *   committed are then written from there with their before-images.
 * Then the overlaps: candidate pairs from the rows' bounding boxes (overlap-candidates.ts) checked in PostGIS.
 */
export async function stageAndCheck(repo: ImportRepository, tx: Queryable, builder: RecordBuilder, options: StagingOptions): Promise<StagedImport> {
  const { layer, writeAs } = options;
  const placement = layer === 'parcels';
  const batchRows = options.batchRows ?? STAGING_BATCH_ROWS;
  const boxes = new LonLatBoxes();
  const codes = new Set<string>();
  let duplicate = false;
  let position = 0;
  // Parcels being committed: which of the file's codes are stored tells new rows (COPYed straight in) from those
  // to update (none, when the table held no parcels); a row whose code is not among them is COPYed and, if it
  // exists after all, refused and staged
  const tableHeldParcels = placement && writeAs ? await repo.hasParcels(tx) : true;
  const stored = placement && writeAs ? new Set(tableHeldParcels && writeAs.codes ? await repo.findStoredParcelCodes(tx, writeAs.codes()) : []) : undefined;
  // New parcels into an empty table: its other indexes and its foreign keys are built once every row is in
  const deferred = placement && writeAs && !tableHeldParcels ? await repo.deferParcelIndexes(tx) : undefined;
  if (deferred) options.onProgress('the parcels table is empty: its indexes and foreign keys are built once every row is in');
  /** The code of each row COPYed straight into parcels, by position */
  const written: string[] = [];

  const stagingLine = (r: ParsedRecord, at: number, ewkb: string) =>
    stagingValues(layer, { position: at, declared_sqm: builder.declaredAreaSqm.get(r) ?? null, ewkb, values: r.values });

  /**
   * The next batch of rows, built and checked a few dozen at a time with a turn of the event loop between,
   * and made into COPY text as they are built: new parcels for the table itself (`direct`, their records kept
   * until the batch is done, should it be staged after all), the other rows for the staging table.
   */
  let size = Math.min(FIRST_BATCH_ROWS, batchRows);
  const nextBatch = async () => {
    const staged = new CopyText();
    const direct = { copy: new CopyBinary(), rows: [] as { position: number; code: string; declaredSqm: number | null; record: ParsedRecord; ewkb: Buffer }[] };
    const from = position + 1;
    const rows = size;
    size = Math.min(2 * size, batchRows);
    while (staged.rows + direct.rows.length < rows) {
      const next = builder.records.next();
      if (next.done) break;
      if (next.value === ROWS_NOT_READ_YET) {
        // Every row read so far is built: the file is still being read (read-geojson.ts, early rows)
        await builder.more();
        continue;
      }
      const r = next.value;
      const code = String(r.values.code);
      if (codes.has(code)) duplicate = true; // refused when the builder finishes; nothing more is written
      codes.add(code);
      boxes.addMultiPolygon(r.geometry!);
      ++position;
      if (stored && !stored.has(code)) {
        addParcelCopyRow(direct.copy, r.values, r.geometry!);
        // Should the batch be staged after all, the shape is what the COPY data holds (its EWKB): the coordinates
        // go now, before they live long enough to be copied out of the young generation of node's heap
        direct.rows.push({ position, code, declaredSqm: builder.declaredAreaSqm.get(r) ?? null, record: r, ewkb: direct.copy.lastValue() });
        r.geometry = undefined;
      } else {
        staged.add(stagingLine(r, position, multiPolygonEwkbHex(r.geometry!)));
        // Parcels are written from the staging table: their shapes need not stay in node's heap as well
        if (placement) r.geometry = undefined;
      }
      if ((staged.rows + direct.rows.length) % ROWS_PER_TURN === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return { from, to: position, staged, direct };
  };
  type Batch = Awaited<ReturnType<typeof nextBatch>>;

  const result: StagedImport = { checks: [], overlaps: [], outside: [], staged: 0, copied: 0, existing: 0 };
  let writing = writeAs !== undefined;
  const clean = () => !duplicate && !options.problems.some((p) => p.severity === 'error');

  /** The batch's new parcels into parcels, checked; false when they must be staged instead. */
  const copyNew = async (direct: Batch['direct']): Promise<boolean> => {
    writing &&= clean();
    if (!writing || !writeAs) return false;
    try {
      const { checks, outside } = await repo.copyNewParcels(tx, writeAs.importId, direct.copy, direct.rows, options);
      result.checks.push(...checks);
      result.outside.push(...outside);
      for (const row of direct.rows) written[row.position] = row.code;
      result.copied += direct.rows.length;
      return true;
    } catch (err) {
      // A shape, park or value the database refused: the staged checks and write find which, and say it.
      // Anything else (a wrong statement, a lost connection) is not the data's fault and ends the import.
      if (isDataRefusal(err)) return false;
      throw err;
    }
  };

  /** PostgreSQL's part of one batch. */
  const checkAndWrite = async ({ from, to, staged, direct }: Batch) => {
    if (direct.rows.length > 0 && !(await copyNew(direct))) {
      for (const row of direct.rows) staged.add(stagingLine(row.record, row.position, row.ewkb.toString('hex')));
    }
    if (staged.rows === 0) return;
    result.staged += await repo.stageRows(tx, layer, staged);
    const { checks, outside } = await repo.checkStagedBatch(tx, from, to, { repair: options.repair, placement, minSqm: options.minSqm, declaredTolerance: options.declaredTolerance });
    result.checks.push(...checks);
    result.outside.push(...outside);
    const existing = await repo.countStagedExisting(tx, layer, from, to);
    result.existing += existing;
    const unrepaired = checks.some((c) => !c.valid && !(options.repair && c.repaired !== null));
    writing &&= clean() && !unrepaired;
    if (!writing || !writeAs) return;
    try {
      await repo.writeStagedParcelsBatch(tx, writeAs.importId, from, to, writeAs.fields, existing);
    } catch (err) {
      writing = false;
      result.writeRefused = describeDatabaseError(err);
    }
  };

  await repo.createStaging(tx);
  let batch = await nextBatch();
  while (batch.to >= batch.from) {
    const { from, to } = batch;
    options.onProgress(`rows ${from}–${to}${options.total === undefined ? ' (the file still being read)' : ` of ${options.total}`}: staging, checking${writing ? ', writing' : ''}`);
    // PostgreSQL takes this batch and checks (and writes) it while node builds the next
    const work = checkAndWrite(batch);
    // Its failure is thrown below, once the next batch is built; until then it must not count as unhandled
    work.catch(() => undefined);
    try {
      batch = await nextBatch();
    } finally {
      await work;
    }
  }
  if (deferred) {
    // Every row is in: while the import is sure to commit so far, PostgreSQL builds the indexes while node finds
    // the overlap candidates and finishes its checks (the statements after wait for it on the connection)
    const indexes = writing ? deferred.buildIndexes() : undefined;
    if (indexes) {
      indexes.catch(() => undefined); // its failure is thrown where the commit waits for it
      // postgres.js sends a query from a setImmediate of its own, queued a few microtasks from now: a timer fires
      // after it, so the statements are on their way before node's work below, not after it
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
    }
    result.buildDeferred = async () => {
      await (indexes ?? deferred.buildIndexes());
      await deferred.addForeignKeys();
    };
  }
  if (!placement || position === 0) return result;
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  options.onProgress(`${count(result.copied, 'new parcel', 'new parcels')} copied straight into parcels, ${count(result.staged, 'row', 'rows')} staged`);
  // In the order of the rows, whichever way each went
  result.checks.sort((a, b) => a.position - b.position);
  result.outside.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

  options.onProgress('checking overlaps');
  const extent = boxes.extent();
  // Parcels being committed into a table that held none (stored is empty) can meet only each other
  const storedBoxes = extent && tableHeldParcels ? await repo.listStoredParcelBoxes(tx, extent, writeAs?.importId) : [];
  result.overlaps = await repo.findStagedOverlaps(tx, options.minSqm, findOverlapCandidates(boxes, storedBoxes), (p) => written[p]);
  return result;
}
