// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportRecord } from '../api/import-types';
import { renderWithLocale } from '../test-support/render';
import { ImportHistoryList } from './ImportHistoryList';

afterEach(cleanup);

const at = '2026-11-20T10:00:00.000Z';
const base = { format: null, crs: null, status: 'committed' as const, importedAt: at, undoneAt: null, rowsTouched: 0, bundleName: null };
const records: ImportRecord[] = [
  {
    ...base, id: 9, fileName: '企业.csv', layer: 'enterprises', format: 'csv', counts: { rows: 3, insert: 1, update: 2 },
    created: 1, updated: 2, layers: [{ layer: 'enterprises', rows: 3, created: 1, updated: 2 }],
  },
  {
    ...base, id: 2, fileName: 'ankang', bundleName: '安康市工业集中区演示数据', layer: null, counts: {},
    created: 640, updated: 12,
    layers: [
      { layer: 'regions', rows: 10, created: 10, updated: 0 },
      { layer: 'parks', rows: 12, created: 0, updated: 12 },
      { layer: 'parcels', rows: 628, created: 628, updated: 0 },
      { layer: 'indicators', rows: 2, created: 2, updated: 0 },
    ],
  },
  {
    ...base, id: 1, fileName: 'ankang', bundleName: null, layer: null, counts: { parks: 12, parcels: 628 },
    created: null, updated: null,
    layers: [{ layer: 'parks', rows: 12, created: null, updated: null }, { layer: 'parcels', rows: 628, created: null, updated: null }],
  },
];

function renderList(locale: 'zh-CN' | 'en' = 'zh-CN') {
  renderWithLocale(
    <ImportHistoryList history={{ status: 'ready', imports: records }} undoState={{ status: 'idle' }} onUndo={vi.fn()} onRefresh={vi.fn()} />,
    locale,
  );
  return screen.getAllByTestId('history-item');
}

describe('ImportHistoryList', () => {
  it('gives a bundle load its rows created and updated, in all and layer by layer', () => {
    const [, bundle] = renderList();
    expect(within(bundle).getByTestId('history-counts').textContent).toBe('新增 640，更新 12');
    expect(within(bundle).getByTestId('history-layers').textContent).toBe('县区 新增 10 · 园区 更新 12 · 宗地 新增 628 · 企业指标 新增 2');
    expect(bundle.textContent).toContain('数据包 安康市工业集中区演示数据');
  });

  it('gives a single file its counts, and a load recorded before they were counted the rows it wrote', () => {
    const [single, , old] = renderList();
    expect(within(single).getByTestId('history-counts').textContent).toBe('新增 1，更新 2');
    expect(within(single).queryByTestId('history-layers')).toBeNull();
    expect(single.textContent).toMatch(/^#9 企业\.csv · 企业 · csv · /);
    expect(within(old).getByTestId('history-counts').textContent).toBe('写入 640 行');
    expect(within(old).getByTestId('history-layers').textContent).toBe('园区 12 行 · 宗地 628 行');
  });

  it('speaks English', () => {
    const [, bundle, old] = renderList('en');
    expect(within(bundle).getByTestId('history-counts').textContent).toBe('640 new, 12 updated');
    expect(within(bundle).getByTestId('history-layers').textContent).toBe('Counties 10 new · Parks 12 updated · Parcels 628 new · Indicators 2 new');
    expect(within(old).getByTestId('history-counts').textContent).toBe('640 rows written');
  });
});
