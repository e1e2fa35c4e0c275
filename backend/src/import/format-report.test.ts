import { describe, expect, it } from 'vitest';
import { formatImportReport } from './format-report.js';
import type { ImportReport } from './import-file.js';

const report = (over: Partial<ImportReport>): ImportReport => ({
  status: 'dryRun', file: '企业.csv', format: 'csv', layer: 'enterprises', columns: ['信用代码', '企业名称'],
  counts: { rows: 3, valid: 3, insert: 1, update: 2, errors: 0, warnings: 0 }, problems: [], repairs: [], ...over,
});

describe('formatImportReport: the CLI report', () => {
  it('says which fields an update writes and which it keeps, when the file updates rows', () => {
    const { out, err } = formatImportReport(report({ fieldsWritten: ['uscc', 'name'], fieldsKept: ['industry_code', 'above_scale'] }));
    expect(err).toContain('rows that exist: writes uscc, name; keeps as stored industry_code, above_scale');
    expect(out).toEqual(['dry run, nothing written; would import 1 new, 2 updated enterprises; 0 warning(s)']);
  });

  it('says nothing of kept fields when no row exists yet or every field is written', () => {
    const inserts = formatImportReport(report({ counts: { rows: 1, valid: 1, insert: 1, update: 0, errors: 0, warnings: 0 }, fieldsWritten: ['uscc', 'name'], fieldsKept: ['status'] }));
    const whole = formatImportReport(report({ fieldsWritten: ['uscc', 'name', 'status'], fieldsKept: [] }));
    for (const { err } of [inserts, whole]) expect(err.some((l) => l.startsWith('rows that exist'))).toBe(false);
  });
});
