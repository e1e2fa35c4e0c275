/** One thing wrong (or doubtful) in a bundle, located so a person can find and fix it. */
export interface BundleProblem {
  severity: 'error' | 'warning';
  file: string;
  /** Spreadsheet row number: the header is row 1, the first record row 2. */
  row?: number;
  /** 1-based position of a GeoJSON feature in its FeatureCollection. */
  feature?: number;
  /** The record's code, when it has one. */
  code?: string;
  field?: string;
  message: string;
}

export function formatProblem(p: BundleProblem): string {
  const where = [
    p.file,
    p.row !== undefined ? `row ${p.row}` : undefined,
    p.feature !== undefined ? `feature ${p.feature}` : undefined,
    p.code ? `(${p.code})` : undefined,
    p.field ? `field "${p.field}"` : undefined,
  ].filter(Boolean).join(' ');
  return `${p.severity === 'error' ? 'error' : 'warning'}: ${where}: ${p.message}`;
}

export class BundleInvalidError extends Error {
  constructor(readonly problems: BundleProblem[]) {
    const errors = problems.filter((p) => p.severity === 'error');
    super(`the bundle has ${errors.length} error(s); nothing was written`);
  }
}
