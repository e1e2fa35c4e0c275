import type { Database } from '../db/database.js';
import { describeDatabaseError } from '../db/database.js';
import { createBundleRepository, WRITE_ORDER, type LayerWrites } from '../repositories/bundle.repository.js';
import { toFileName } from './file-name.js';
import type { BundleFiles } from './read-bundle-files.js';
import { BundleInvalidError, problemDetail, type BundleProblem } from './problems.js';
import { validateBundle, type ParsedBundle, type PendingReference } from './validate-bundle.js';
import type { LayerName } from './fields.js';
import { appendTo } from '../domain/collections.js';

export interface LoadReport {
  /** The bundle's file or folder name, without its path. */
  source: string;
  bundleName: string | null;
  crs: string;
  dryRun: boolean;
  /** Records per file that were (or, in a dry run, would be) written. */
  counts: Record<LayerName, number>;
  /** After a load (not a dry run): per layer, the rows it created and the rows it updated. */
  written?: Record<LayerName, LayerWrites>;
  warnings: BundleProblem[];
}

export interface LoadOptions {
  dryRun?: boolean;
  onProgress?: (step: string) => void;
}

/**
 * Validate a bundle against itself and the database, then write it in one transaction: every
 * problem is reported with its file, row or feature and field, and one error means nothing is written.
 * Codes are the identity, so loading the same bundle twice leaves the same database.
 */
export async function loadBundle(db: Database, input: BundleFiles, options: LoadOptions = {}): Promise<LoadReport> {
  const progress = options.onProgress ?? (() => undefined);
  progress('reading and checking files');
  const { bundle, problems, pending } = await validateBundle(input);
  const repo = createBundleRepository(db);

  progress('checking references against the database');
  problems.push(...(await resolvePending(repo, pending)));
  progress('checking geometry with PostGIS');
  problems.push(...(await checkGeometry(repo, bundle)));

  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new BundleInvalidError(problems);

  const counts = Object.fromEntries(WRITE_ORDER.map((l) => [l, bundle.layers[l].length])) as Record<LayerName, number>;
  const fileName = toFileName(input.source);
  const report: LoadReport = {
    source: fileName,
    bundleName: bundle.name,
    crs: bundle.crs.code,
    dryRun: Boolean(options.dryRun),
    counts,
    warnings: problems.filter((p) => p.severity === 'warning'),
  };
  if (options.dryRun) return report;

  const written = {} as Record<LayerName, LayerWrites>;
  try {
    await db.transaction(async (tx) => {
      await repo.upsertDatasets(tx, bundle.datasets);
      for (const layer of WRITE_ORDER) {
        const records = bundle.layers[layer];
        const existing = await repo.countExisting(tx, layer, records);
        written[layer] = { created: records.length - existing, updated: existing };
        if (records.length === 0) continue;
        progress(`writing ${layer} (${records.length})`);
        await repo.upsertLayer(tx, layer, records);
      }
      if (bundle.scheme) await repo.upsertScheme(tx, bundle.scheme);
      const recorded = Object.fromEntries(WRITE_ORDER.map((l) => [l, { rows: counts[l], ...written[l] }])) as Record<LayerName, { rows: number } & LayerWrites>;
      await repo.recordImport(tx, fileName, bundle.name, recorded);
    });
  } catch (err) {
    // A constraint the checks above did not foresee: still all-or-nothing, still explained.
    throw new BundleInvalidError([
      { severity: 'error', file: fileName, message: `the database refused the bundle, nothing was written: ${describeDatabaseError(err)}` },
    ]);
  }
  return { ...report, written };
}

export async function resolvePending(repo: ReturnType<typeof createBundleRepository>, pending: PendingReference[]): Promise<BundleProblem[]> {
  const problems: BundleProblem[] = [];
  const byLayer = new Map<PendingReference['layer'], PendingReference[]>();
  for (const p of pending) appendTo(byLayer, p.layer, p);
  for (const [layer, refs] of byLayer) {
    const existing = await repo.findExistingCodes(layer, [...new Set(refs.map((r) => r.code))]);
    for (const ref of refs) {
      if (existing.has(ref.code)) continue;
      problems.push({
        severity: 'error',
        ...ref.at,
        message: `"${ref.code}" points nowhere: no such ${layer.replace(/s$/, '')} in the bundle or the database`,
        ...problemDetail('unknownReference', { value: ref.code, layer }),
      });
    }
  }
  return problems;
}

async function checkGeometry(repo: ReturnType<typeof createBundleRepository>, bundle: ParsedBundle): Promise<BundleProblem[]> {
  const problems: BundleProblem[] = [];
  for (const layer of ['regions', 'parks', 'parcels', 'buildings'] as const) {
    const records = bundle.layers[layer];
    const invalid = await repo.findInvalidGeometries(records.map((r) => r.geometry));
    for (const { position, reason } of invalid) {
      const r = records[position - 1];
      problems.push({
        severity: 'error',
        ...r.at,
        code: String(r.values.code),
        field: 'geometry',
        message: `is not valid: ${reason} (a self-intersection usually means a bow-tie or a ring drawn twice; fix it in QGIS or with ST_MakeValid)`,
        ...problemDetail('geometryInvalid', { reason }),
      });
    }
  }
  return problems;
}
