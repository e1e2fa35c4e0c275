import { formatProblem } from '../bundle/problems.js';
import type { ImportReport } from './import-file.js';

/** The report as lines for a terminal: what was read, how, what is wrong, and what was (or would be) written. */
export function formatImportReport(report: ImportReport): { out: string[]; err: string[] } {
  const err: string[] = [];
  const out: string[] = [];
  const source = [report.file, report.format, report.sourceLayer && `layer ${report.sourceLayer}`, report.encoding && `text ${report.encoding}`].filter(Boolean).join(', ');
  err.push(`read ${source}: ${report.counts.rows} rows`);
  if (report.mapping) {
    const pairs = Object.entries(report.mapping).map(([field, m]) => `${m.column}${m.unit ? ` (${m.unit})` : ''} → ${field}`);
    err.push(`columns (${report.mappingFrom}): ${pairs.join(', ') || 'none'}`);
    if (report.unmappedColumns?.length) err.push(`columns not imported: ${report.unmappedColumns.join(', ')}`);
  }
  if (report.crs) err.push(`coordinate system (${report.crs.from}): ${report.crs.code} ${report.crs.label}`);
  for (const p of report.problems) err.push(formatProblem(p));
  if (report.status === 'needsCrs') {
    err.push(`the coordinate system is not certain: ${report.crsNote}`);
    for (const c of report.crsCandidates ?? []) {
      err.push(`  --crs ${c.crs.padEnd(16)} ${c.confidence.padEnd(6)} ${c.label}: centre ${c.centroidLonLat[0].toFixed(5)}, ${c.centroidLonLat[1].toFixed(5)}${c.distanceFromHintKm !== undefined ? `, ${c.distanceFromHintKm.toFixed(0)} km from the hint` : ''} (${c.reason})`);
    }
    err.push('nothing was written; run again with --crs CODE');
    return { out, err };
  }
  if (report.counts.update && report.fieldsKept?.length) {
    err.push(`rows that exist: writes ${report.fieldsWritten?.join(', ')}; keeps as stored ${report.fieldsKept.join(', ')}`);
  }
  const counts = `${report.counts.insert} new, ${report.counts.update} updated ${report.layer}; ${report.counts.warnings} warning(s)`;
  if (report.status === 'invalid') err.push(`${report.counts.errors} error(s) in ${report.file}; nothing was written`);
  else if (report.status === 'dryRun') out.push(`dry run, nothing written; would import ${counts}`);
  else out.push(`imported ${report.file} as import ${report.importId}: ${counts} (undo: POST /api/imports/${report.importId}/undo)`);
  return { out, err };
}
