// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../api/import-types';
import { renderWithLocale } from '../test-support/render';
import { ReportStep } from './ReportStep';

afterEach(cleanup);

/** What the server answers for a parcels file with a bad date, a bow-tie and a parcel over a stored one (problem-kinds.integration.test.ts) */
const report: ImportReport = {
  status: 'invalid', file: '宗地.geojson', format: 'geojson', layer: 'parcels', columns: ['code', 'park_code', 'supplied_on'],
  counts: { rows: 3, valid: 2, insert: 1, update: 1, errors: 2, warnings: 2 },
  problems: [
    {
      severity: 'error', file: '宗地.geojson', feature: 1, code: 'P01-001', field: 'supplied_on',
      message: '"2015-02-30" is not a calendar date', kind: 'notCalendarDate', params: { value: '2015-02-30' },
    },
    {
      severity: 'error', file: '宗地.geojson', feature: 2, code: 'P01-002', field: 'geometry',
      message: 'is not valid: Self-intersection[108.91 32.7]; ST_MakeValid would repair it (area then 1234.6 m²): import again with repair=true to accept, or fix it in QGIS',
      kind: 'geometryInvalidRepairable', params: { reason: 'Self-intersection[108.91 32.7]', repairedAreaSqm: 1234.56 },
    },
    {
      severity: 'warning', file: '宗地.geojson', feature: 3, code: 'P01-901', field: 'geometry',
      message: 'overlaps the stored parcel P01-004 by 12.3 m²', kind: 'overlapsStoredParcel', params: { otherCode: 'P01-004', overlapSqm: 12.34 },
    },
    // A problem said in English only (no kind): shown as the server wrote it
    { severity: 'warning', file: '宗地.geojson', message: 'EPSG:4326+swap: the axes were swapped on reading' },
  ],
  repairs: [{ file: '宗地.geojson', feature: 2, code: 'P01-002', reason: 'Self-intersection[108.91 32.7]', repairedAreaSqm: 1234.56, applied: false }],
};

function show(locale: 'zh-CN' | 'en') {
  renderWithLocale(<ReportStep report={report} repair={false} busy={false} onRepairChange={() => {}} onCommit={() => {}} />, locale);
  const sentences = (severity: 'errors' | 'warnings') =>
    within(screen.getByTestId(`report-${severity}`)).getAllByTestId('problem-sentence').map((s) => s.textContent);
  return { errors: sentences('errors'), warnings: sentences('warnings') };
}

describe('the report step says each problem in the reader’s language', () => {
  it('in Chinese by default: the date, the invalid shape with its repair in m² and 亩, the overlap; English where there is no kind', () => {
    const { errors, warnings } = show('zh-CN');
    expect(errors).toEqual([
      '“2015-02-30”不是真实存在的日期',
      '图形无效（自相交，位置 108.91 32.7）。可用 ST_MakeValid 修复，修复后面积 1,235 m²（1.9 亩）：勾选下方“用 ST_MakeValid 修复无效几何”后再检查，或在 QGIS 中改正后重新导入',
    ]);
    expect(warnings).toEqual(['与已入库的宗地 P01-004 重叠 12.3 m²', 'EPSG:4326+swap: the axes were swapped on reading']);
    const overlap = within(screen.getByTestId('report-warnings')).getAllByTestId('problem')[0];
    expect(overlap.textContent).toBe('宗地重叠 宗地.geojson · 第 3 个要素 · 编号 P01-901 · 字段 geometry: 与已入库的宗地 P01-004 重叠 12.3 m²');
    expect(overlap.getAttribute('data-problem-kind')).toBe('overlapsStoredParcel');
  });

  it('in English when chosen, from the same kinds and params', () => {
    const { errors, warnings } = show('en');
    expect(errors[0]).toBe('"2015-02-30" is not a calendar date');
    expect(errors[1]).toMatch(/^is not valid: Self-intersection\[108\.91 32\.7\]\. ST_MakeValid can repair it \(area then 1,235 m² \(1\.9 mu\)\)/);
    expect(warnings[0]).toBe('overlaps the stored parcel P01-004 by 12.3 m²');
  });
});
