import type { Queryable } from '../db/database.js';
import { describeDatabaseError } from '../db/database.js';
import type { BundleProblem } from '../bundle/problems.js';
import { CopyText } from '../db/copy-text.js';
import { stagingValues, type ImportRepository, type StagedChecks } from '../repositories/import.repository.js';
import type { RecordBuilder } from './build-records.js';
import { findOverlapCandidates, LonLatBoxes } from './overlap-candidates.js';
import { multiPolygonEwkbHex } from './wkb.js';

/** Rows staged, checked and (parcels) written per batch: small enough that PostgreSQL's work on one batch
 * overlaps node's building of the next, large enough that the statements per batch do not add up. */
export const STAGING_BATCH_ROWS = 16_384;
/** The first batch is this small, the next ones twice as large up to STAGING_BATCH_ROWS: PostgreSQL waits for
 * the first batch to be built, so the sooner it comes the sooner both work. */
const FIRST_BATCH_ROWS = 2048;
/** Rows built between turns of the event loop, so the batch's statements are sent and answered meanwhile. */
const ROWS_PER_TURN = 512;

export interface StagingOptions {
  layer: 'parks' | 'parcels' | 'buildings';
  /** Apply ST_MakeValid to invalid geometry (the rows then written are repaired) */
  repair: boolean;
  /** Overlaps and reaches outside the park smaller than this are not reported, m² */
  minSqm: number;
  /** A declared area further than this share from the measured one is reported */
  declaredTolerance: number;
  /** Parcels only: write each batch into parcels as soon as it is checked, under this import's id … */
  writeAs?: { importId: number; fields: readonly string[] };
  /** … as long as nothing is wrong so far (the import is then not committed, so nothing more is written) */
  problems: readonly BundleProblem[];
  /** Rows in the file, for the progress steps */
  total: number;
  /** Rows per batch; STAGING_BATCH_ROWS unless given */
  batchRows?: number;
  onProgress: (step: string) => void;
}

export interface StagedImport extends StagedChecks {
  staged: number;
  /** Staged rows whose key had a row in the table before the import */
  existing: number;
  /** The database refused to write a batch (a constraint the checks did not foresee): the import must not commit */
  writeRefused?: string;
}

/**
 * An import's rows through PostGIS, batch by batch, in the caller's transaction. Node builds and checks the rows
 * of a batch (RecordBuilder), COPYs them into the staging table, and builds the next batch while PostgreSQL
 * checks this one (validity and declared areas, the repair when asked, for parcels the reach outside their park),
 * counts the rows it replaces and, for parcels being committed, writes it with its before-images. The two
 * processes work at once (2 cores: node's checks and PostgreSQL's geometry and index work are about as long).
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

  /**
   * The next batch of rows, built and checked a few hundred at a time with a turn of the event loop between,
   * and made into COPY text as they are built.
   */
  let size = Math.min(FIRST_BATCH_ROWS, batchRows);
  const nextBatch = async (): Promise<{ from: number; to: number; text: CopyText }> => {
    const text = new CopyText();
    const from = position + 1;
    const rows = size;
    size = Math.min(2 * size, batchRows);
    while (text.rows < rows) {
      const next = builder.records.next();
      if (next.done) break;
      const r = next.value;
      const code = String(r.values.code);
      if (codes.has(code)) duplicate = true; // refused when the builder finishes; nothing more is written
      codes.add(code);
      boxes.addMultiPolygon(r.geometry!);
      text.add(stagingValues(layer, { position: ++position, declared_sqm: builder.declaredAreaSqm.get(r) ?? null, ewkb: multiPolygonEwkbHex(r.geometry!), values: r.values }));
      // Parcels are written from the staging table: their shapes need not stay in node's heap as well
      if (placement) r.geometry = undefined;
      if (text.rows % ROWS_PER_TURN === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return { from, to: position, text };
  };

  const result: StagedImport = { checks: [], overlaps: [], outside: [], staged: 0, existing: 0 };
  let writing = writeAs !== undefined;
  /** PostgreSQL's part of one batch. */
  const checkAndWrite = async (from: number, to: number) => {
    const { checks, outside } = await repo.checkStagedBatch(tx, from, to, { repair: options.repair, placement, minSqm: options.minSqm, declaredTolerance: options.declaredTolerance });
    result.checks.push(...checks);
    result.outside.push(...outside);
    const existing = await repo.countStagedExisting(tx, layer, from, to);
    result.existing += existing;
    const unrepaired = checks.some((c) => !c.valid && !(options.repair && c.repaired !== null));
    writing &&= !duplicate && !unrepaired && !options.problems.some((p) => p.severity === 'error');
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
  while (batch.text.rows > 0) {
    const { from, to } = batch;
    options.onProgress(`rows ${from}–${to} of ${options.total}: staging, checking${writing ? ', writing' : ''}`);
    // PostgreSQL takes this batch (COPY) and checks it while node builds the next
    const work = repo.stageRows(tx, layer, batch.text).then((staged) => {
      result.staged += staged;
      return checkAndWrite(from, to);
    });
    // Its failure is thrown below, once the next batch is built; until then it must not count as unhandled
    work.catch(() => undefined);
    try {
      batch = await nextBatch();
    } finally {
      await work;
    }
  }
  if (!placement || result.staged === 0) return result;

  options.onProgress('checking overlaps');
  const extent = boxes.extent();
  const stored = extent ? await repo.listStoredParcelBoxes(tx, extent) : [];
  result.overlaps = await repo.findStagedOverlaps(tx, options.minSqm, findOverlapCandidates(boxes, stored));
  return result;
}
