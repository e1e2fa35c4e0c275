// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportRecord, ImportReport } from '../api/import-types';
import { renderWithLocale } from '../test-support/render';
import { ImportWizard } from './ImportWizard';

// MapLibre needs WebGL, which jsdom lacks: the preview map is replaced by a recorder.
const maps = vi.hoisted(() => ({ created: [] as { options: Record<string, unknown>; data: unknown[] }[] }));
vi.mock('maplibre-gl', () => {
  class FakeMap {
    record: { options: Record<string, unknown>; data: unknown[] };
    constructor(options: Record<string, unknown>) {
      this.record = { options, data: [] };
      maps.created.push(this.record);
    }
    getSource() {
      return { setData: (data: unknown) => this.record.data.push(data) };
    }
    loaded() {
      return true;
    }
    fitBounds() {
      return this;
    }
    remove() {}
  }
  return { default: { Map: FakeMap } };
});

/** XMLHttpRequest at the http boundary: each send waits until the test answers it. */
class FakeXhr {
  static sent: FakeXhr[] = [];
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown;
  status = 0;
  statusText = '';
  responseText = '';
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
  }
  send(body: unknown) {
    this.body = body;
    FakeXhr.sent.push(this);
  }
  abort() {
    this.onabort?.();
  }
  progress(loaded: number, total: number) {
    act(() => this.upload.onprogress?.({ lengthComputable: true, loaded, total }));
  }
  async answer(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    await act(async () => this.onload?.());
  }
  get query() {
    return Object.fromEntries(new URL(this.url, 'http://localhost').searchParams);
  }
}

const history: ImportRecord[] = [
  { id: 7, fileName: '宗地.geojson', bundleName: null, layer: 'parcels', format: 'geojson', crs: 'EPSG:4326', status: 'committed', counts: { rows: 1, insert: 1, update: 0 }, importedAt: '2026-11-25T10:00:00.000Z', undoneAt: null, rowsTouched: 1, created: 1, updated: 0, layers: [{ layer: 'parcels', rows: 1, created: 1, updated: 0 }] },
  { id: 1, fileName: 'ankang', bundleName: 'ankang', layer: null, format: null, crs: null, status: 'committed', counts: {}, importedAt: '2026-11-20T10:00:00.000Z', undoneAt: null, rowsTouched: 0, created: 0, updated: 0, layers: [] },
];
let fetchCalls: { url: string; init?: RequestInit }[] = [];
let undoAnswer: () => Response;

function stubFetch() {
  fetchCalls = [];
  undoAnswer = () => Response.json({ id: 7, status: 'undone', layer: 'parcels', fileName: '宗地.geojson', restored: 0, deleted: 1 });
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    fetchCalls.push({ url, init });
    if (url === '/api/imports') return Response.json({ imports: history });
    if (url.endsWith('/undo')) return undoAnswer();
    return new Response('not found', { status: 404 });
  }));
}

const counts = { rows: 2, valid: 2, insert: 1, update: 1, errors: 0, warnings: 2 };
const dryRun: ImportReport = {
  status: 'dryRun', file: '宗地.geojson', format: 'geojson', layer: 'parcels', encoding: 'UTF-8',
  crs: { code: 'EPSG:4524', label: 'CGCS2000 / 3-degree Gauss-Kruger zone 36', from: 'given' },
  columns: ['宗地号', '园区', '面积亩', '备注'], signature: '0123456789abcdef0123456789abcdef',
  mapping: { code: { column: '宗地号' }, park_code: { column: '园区' }, declared_area_sqm: { column: '面积亩', unit: 'mu' } },
  mappingFrom: 'suggested', unmappedColumns: ['备注'], counts,
  fieldsWritten: ['park_code', 'geometry'], fieldsKept: ['land_use', 'supplied_on'],
  problems: [
    { severity: 'warning', file: '宗地.geojson', feature: 1, code: 'P01-901', field: 'geometry', message: 'overlaps the stored parcel P01-001 by 12.0 m²' },
    { severity: 'warning', file: '宗地.geojson', feature: 2, code: 'P01-902', field: 'geometry', message: '30.0 m² (2.0 %) lies outside its park P01' },
  ],
  repairs: [],
};
const needsCrs: ImportReport = {
  ...dryRun, status: 'needsCrs', crs: undefined, problems: [], counts: { ...counts, warnings: 0 }, crsNote: 'eastings without a zone',
  crsCandidates: [
    { crs: 'EPSG:4524', label: 'CGCS2000 zone 36', confidence: 'medium', reason: 'near the stored parks', bboxLonLat: [108.99, 32.68, 109.01, 32.7], centroidLonLat: [109, 32.69], distanceFromHintKm: 3 },
    { crs: 'EPSG:4545', label: 'CGCS2000 CM 108E', confidence: 'low', reason: 'zone without prefix', bboxLonLat: [110.2, 32.6, 110.3, 32.7], centroidLonLat: [110.25, 32.65], distanceFromHintKm: 120 },
  ],
};
const invalidGeometry: ImportReport = {
  ...dryRun, status: 'invalid', counts: { ...counts, errors: 2, warnings: 0 },
  problems: [
    { severity: 'error', file: '宗地.geojson', feature: 2, code: 'P01-902', field: 'geometry', message: 'is not valid: Self-intersection[108.91 32.70]; ST_MakeValid would repair it' },
    { severity: 'error', file: '宗地.geojson', row: 5, field: 'uscc', message: '"91610900X" is not a valid code' },
  ],
  repairs: [{ file: '宗地.geojson', feature: 2, code: 'P01-902', reason: 'Self-intersection[108.91 32.70]', repairedAreaSqm: 1234.4, applied: false }],
};

const file = () => new File(['{"type":"FeatureCollection","features":[]}'], '宗地.geojson', { type: 'application/geo+json' });

function open(locale: 'zh-CN' | 'en' = 'zh-CN') {
  const onClose = vi.fn();
  renderWithLocale(<ImportWizard reference={null} onClose={onClose} />, locale);
  return { onClose };
}

async function upload(token = 'secret') {
  fireEvent.change(screen.getByTestId('import-token'), { target: { value: token } });
  fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file()] } });
  fireEvent.click(screen.getByTestId('import-check'));
  return FakeXhr.sent.at(-1)!;
}

beforeEach(() => {
  FakeXhr.sent = [];
  maps.created = [];
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  stubFetch();
  sessionStorage.clear();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the import wizard: choosing and uploading', () => {
  it('opens as a labelled modal dialog with the layer chosen first and focused', () => {
    open();
    const dialog = screen.getByRole('dialog', { name: '导入单个文件' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(screen.getByLabelText('数据图层'));
    expect(screen.getByLabelText('管理员令牌')).toBeTruthy();
    expect((screen.getByTestId('import-check') as HTMLButtonElement).disabled).toBe(true);
  });

  it('uploads the file as a dry run with the token as Bearer, never in the URL, keeping it for this tab', async () => {
    open();
    fireEvent.change(screen.getByTestId('import-layer'), { target: { value: 'parcels' } });
    const xhr = await upload('s3cret');
    expect(xhr.method).toBe('POST');
    expect(xhr.query).toEqual({ layer: 'parcels', fileName: '宗地.geojson', dryRun: 'true' });
    expect(xhr.url).not.toContain('s3cret');
    expect(xhr.headers.authorization).toBe('Bearer s3cret');
    expect(xhr.body).toBeInstanceOf(File);
    expect(sessionStorage.getItem('muyield.adminToken')).toBe('s3cret');
    expect(screen.getByTestId('import-chosen').textContent).toMatch(/^宗地\.geojson（\d+ B）$/);
  });

  it('shows real upload progress, then an indeterminate bar while the server checks', async () => {
    open();
    const xhr = await upload();
    xhr.progress(250, 1000);
    expect(screen.getByTestId('import-progress').textContent).toBe('已上传 25 %');
    expect(screen.getByRole('progressbar').getAttribute('value')).toBe('25');
    xhr.progress(1000, 1000);
    expect(screen.getByTestId('import-progress').textContent).toBe('服务器正在检查…');
    expect(screen.getByRole('progressbar').hasAttribute('value')).toBe(false);
    await xhr.answer(200, dryRun);
    expect(screen.queryByTestId('import-progress')).toBeNull();
    expect(screen.getByTestId('import-step-title').textContent).toContain('字段对应');
  });

  it('takes a dropped file', () => {
    open();
    fireEvent.drop(screen.getByTestId('import-dropzone'), { dataTransfer: { files: [file()] } });
    expect(screen.getByTestId('import-chosen').textContent).toContain('宗地.geojson');
  });

  it.each([
    ['zh-CN', 401, '需要管理员令牌（401）'],
    ['zh-CN', 403, '令牌不对或服务器未开启写入（403）'],
    ['zh-CN', 413, '文件太大（413）'],
    ['en', 401, 'The admin token is required (401)'],
    ['en', 403, 'Wrong token, or writes are off on this server (403)'],
    ['en', 413, 'The file is too large (413)'],
  ] as const)('explains a %s %i with the server’s own problem details', async (locale, status, text) => {
    open(locale);
    const xhr = await upload();
    await xhr.answer(status, { type: 'about:blank', title: 'Request too large', status, detail: `the upload was refused (${status})` });
    const failure = screen.getByTestId('import-failure');
    expect(failure.textContent).toContain(text);
    expect(failure.textContent).toContain(`the upload was refused (${status})`);
    expect(screen.getByTestId('import-step-title').textContent).toContain(locale === 'en' ? 'File' : '选择文件');
  });
});

describe('the import wizard: a lost connection', () => {
  it('says the server cannot be reached and stays on the first step', async () => {
    open();
    const xhr = await upload();
    await act(async () => xhr.onerror?.());
    expect(screen.getByTestId('import-failure').textContent).toContain('连不上服务器，请检查网络后重试。');
    expect(screen.getByTestId('import-failure').getAttribute('data-status')).toBe('0');
    expect((screen.getByTestId('import-check') as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('the import wizard: coordinate system', () => {
  it('shows the ranked candidates on the preview map and checks again with the one chosen', async () => {
    open();
    await (await upload()).answer(200, needsCrs);
    expect(screen.getByTestId('crs-needed').textContent).toContain('eastings without a zone');
    const candidates = screen.getAllByTestId('crs-candidate');
    expect(candidates.map((c) => c.getAttribute('data-crs'))).toEqual(['EPSG:4524', 'EPSG:4545']);
    expect(candidates[0].textContent).toContain('中心 109.00000, 32.69000');
    expect(candidates[0].textContent).toContain('距参考位置 3 km');
    const map = maps.created.at(-1)!;
    const source = (map.options.style as { sources: Record<string, { data: { features: unknown[] } }> }).sources['crs-candidates'];
    expect(source.data.features).toHaveLength(4);
    expect(map.options.bounds).toEqual([108.99, 32.6, 110.3, 32.7]);

    fireEvent.click(within(candidates[1]).getByRole('radio'));
    fireEvent.click(screen.getByTestId('crs-apply'));
    const again = FakeXhr.sent.at(-1)!;
    expect(again.query).toMatchObject({ crs: 'EPSG:4545', dryRun: 'true' });
    await again.answer(200, { ...dryRun, crs: { code: 'EPSG:4545', label: 'CGCS2000 CM 108E', from: 'given' } });
    expect(screen.getByTestId('crs-used').textContent).toContain('EPSG:4545');
  });

  it('takes a typed CRS code', async () => {
    open();
    await (await upload()).answer(200, needsCrs);
    fireEvent.change(screen.getByTestId('crs-code'), { target: { value: 'EPSG:4326+swap' } });
    fireEvent.click(screen.getByTestId('crs-apply'));
    expect(FakeXhr.sent.at(-1)!.query.crs).toBe('EPSG:4326+swap');
  });
});

describe('the import wizard: column mapping', () => {
  it('shows the suggested mapping with units and the columns left out', async () => {
    open('en');
    await (await upload()).answer(200, dryRun);
    expect(screen.getByTestId('mapping-from').textContent).toBe('suggested by the synonyms table');
    // Each field by its name in the language, its id beside it as code.
    expect((screen.getByLabelText('Code code') as HTMLSelectElement).value).toBe('宗地号');
    expect((screen.getByLabelText("Column's unit: Declared area") as HTMLSelectElement).value).toBe('mu');
    expect(screen.getByTestId('unmapped-columns').textContent).toBe('Columns not imported: 备注');
    expect(screen.queryByTestId('mapping-errors')).toBeNull();
  });

  it('says when the check found errors, before the report', async () => {
    open();
    await (await upload()).answer(422, invalidGeometry);
    expect(screen.getByTestId('mapping-errors').textContent).toBe('检查发现 2 个错误，详见下一步的检查报告。');
  });

  it('sends an edited mapping, with the unit, as the mapping parameter', async () => {
    open();
    await (await upload()).answer(200, dryRun);
    const next = screen.getByTestId('mapping-next') as HTMLButtonElement;
    fireEvent.change(screen.getByLabelText('列的单位: 申报面积'), { target: { value: 'hectare' } });
    expect(next.disabled).toBe(true);
    expect(screen.getByText('对应已修改，请重新检查后再继续。')).toBeTruthy();
    fireEvent.click(screen.getByTestId('mapping-apply'));
    const xhr = FakeXhr.sent.at(-1)!;
    expect(JSON.parse(xhr.query.mapping)).toEqual({
      code: { column: '宗地号' }, park_code: { column: '园区' }, declared_area_sqm: { column: '面积亩', unit: 'hectare' },
    });
    await xhr.answer(200, { ...dryRun, mappingFrom: 'given', mapping: JSON.parse(xhr.query.mapping) });
    expect(screen.getByTestId('import-step-title').textContent).toContain('字段对应');
    expect((screen.getByTestId('mapping-next') as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('the import wizard: report and commit', () => {
  async function toReport(report: ImportReport, locale: 'zh-CN' | 'en' = 'zh-CN') {
    open(locale);
    await (await upload()).answer(200, report);
    fireEvent.click(screen.getByTestId('mapping-next'));
  }

  it('gives the counts with units and every warning with where it is and what kind', async () => {
    await toReport(dryRun);
    expect(screen.getByTestId('report-status').textContent).toBe('检查通过，尚未写入');
    expect(screen.getByTestId('count-rows').textContent).toBe('2 行');
    expect(screen.getByTestId('count-insert').textContent).toBe('1 条');
    expect(screen.getByTestId('report-fields').textContent).toBe('已有的行：写入 park_code、geometry；保留原值 land_use、supplied_on');
    const warnings = within(screen.getByTestId('report-warnings')).getAllByTestId('problem');
    expect(warnings.map((w) => w.getAttribute('data-kind'))).toEqual(['overlap', 'outsidePark']);
    expect(warnings[0].textContent).toContain('宗地.geojson · 第 1 个要素 · 编号 P01-901 · 字段 geometry');
    expect(warnings[1].textContent).toContain('lies outside its park P01');
  });

  it('lists invalid geometry with its reason and checks again with repair=true when asked', async () => {
    await toReport(invalidGeometry, 'en');
    expect(screen.getByTestId('report-status').textContent).toBe('Errors: cannot be imported (nothing was written)');
    expect((screen.getByTestId('import-commit') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('report-fields').textContent).toBe('Rows that exist: writes park_code, geometry; keeps as stored land_use, supplied_on');
    const errors = within(screen.getByTestId('report-errors')).getAllByTestId('problem');
    expect(errors[1].textContent).toContain('row 5');
    expect(errors[1].textContent).toContain('field uscc');
    expect(screen.getByTestId('repair').textContent).toContain('reason: Self-intersection[108.91 32.70]');
    expect(screen.getByTestId('repair').textContent).toContain('area after repair 1,234 m²');
    fireEvent.click(screen.getByLabelText('Repair invalid geometry with ST_MakeValid'));
    const xhr = FakeXhr.sent.at(-1)!;
    expect(xhr.query).toMatchObject({ repair: 'true', dryRun: 'true' });
    await xhr.answer(200, { ...dryRun, repairs: [{ ...invalidGeometry.repairs[0], applied: true }] });
    expect(screen.getByTestId('import-step-title').textContent).toContain('Report');
    expect((screen.getByTestId('repair-checkbox') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByTestId('repair').textContent).toContain('repaired');
  });

  it('commits with dryRun=false and the same choices, shows the record and reloads the history', async () => {
    await toReport(dryRun);
    await waitFor(() => expect(screen.getAllByTestId('history-item')).toHaveLength(2));
    const listsBefore = fetchCalls.filter((c) => c.url === '/api/imports').length;
    fireEvent.click(screen.getByTestId('import-commit'));
    const xhr = FakeXhr.sent.at(-1)!;
    expect(xhr.query).toEqual({ layer: 'parcels', fileName: '宗地.geojson', dryRun: 'false' });
    await xhr.answer(200, { ...dryRun, status: 'committed', importId: 8 });
    expect(screen.getByTestId('import-record').textContent).toBe('导入记录 #8：宗地.geojson · 新增 1，更新 1');
    await waitFor(() => expect(fetchCalls.filter((c) => c.url === '/api/imports').length).toBe(listsBefore + 1));
  });
});

/** What the server answers for a GeoPackage of two tables when none was chosen (source-layers.integration.test.ts). */
const twoTables: ImportReport = {
  status: 'invalid', file: '园区.gpkg', layer: 'parcels', columns: [], counts: { rows: 0, valid: 0, insert: 0, update: 0, errors: 1, warnings: 0 },
  sourceLayers: [{ name: 'parcels', geometryType: 'Polygon', count: 4 }, { name: 'wells', geometryType: 'Point', count: 2 }],
  problems: [{
    severity: 'error', file: '园区.gpkg', field: 'sourceLayer',
    message: 'holds 2 feature tables, parcels (Polygon, 4 features), wells (Point, 2 features); nothing was read: choose one with sourceLayer= (HTTP) or --source-layer (CLI)',
  }],
  repairs: [],
};
const parcelsTable: ImportReport = { ...dryRun, file: '园区.gpkg', format: 'geopackage', sourceLayer: 'parcels', sourceLayers: twoTables.sourceLayers };

describe('the import wizard: a file of several layers', () => {
  it('stays on the first step and lists the layers with geometry type and count, focused, until one is picked', async () => {
    open();
    await (await upload()).answer(422, twoTables);
    expect(screen.getByTestId('import-step-title').textContent).toContain('选择文件');
    expect(screen.getByTestId('source-layers-asked').textContent).toBe('这个文件包含 2 个图层：请选择要导入的一个，再上传检查（尚未写入任何数据）。');
    const options = screen.getAllByTestId('source-layer-option') as HTMLInputElement[];
    expect(options.map((o) => o.value)).toEqual(['parcels', 'wells']);
    expect(options.map((o) => o.closest('label')!.textContent)).toEqual(['parcelsPolygon，4 个要素', 'wellsPoint，2 个要素']);
    expect(document.activeElement).toBe(options[0]);
    expect(options.some((o) => o.checked)).toBe(false);
    expect((screen.getByTestId('import-check') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('step-mapping') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('step-report') as HTMLButtonElement).disabled).toBe(true);
  });

  it('checks again with the picked layer as sourceLayer, and commits with it', async () => {
    open();
    await (await upload()).answer(422, twoTables);
    fireEvent.click(screen.getByLabelText(/^wells/));
    fireEvent.click(screen.getByLabelText(/^parcels/));
    expect(screen.queryByTestId('source-layers-asked')).toBeNull();
    fireEvent.click(screen.getByTestId('import-check'));
    const dry = FakeXhr.sent.at(-1)!;
    expect(dry.query).toEqual({ layer: 'parcels', fileName: '宗地.geojson', dryRun: 'true', sourceLayer: 'parcels' });
    await dry.answer(200, parcelsTable);
    expect(screen.getByTestId('import-step-title').textContent).toContain('字段对应');
    fireEvent.click(screen.getByTestId('mapping-next'));
    expect(screen.getByText(/图层 parcels/)).toBeTruthy();
    fireEvent.click(screen.getByTestId('import-commit'));
    expect(FakeXhr.sent.at(-1)!.query).toEqual({ layer: 'parcels', fileName: '宗地.geojson', dryRun: 'false', sourceLayer: 'parcels' });
  });

  it('offers the list again after a check; another layer starts without the previous one’s mapping', async () => {
    open('en');
    await (await upload()).answer(422, twoTables);
    expect(screen.getByTestId('source-layers-asked').textContent).toBe('This file holds 2 layers: choose the one to import, then check again (nothing has been written).');
    expect(screen.getByLabelText(/^wells/).closest('label')!.textContent).toBe('wellsPoint, 2 features');
    fireEvent.click(screen.getByLabelText(/^parcels/));
    fireEvent.click(screen.getByTestId('import-check'));
    await FakeXhr.sent.at(-1)!.answer(200, parcelsTable);
    fireEvent.change(screen.getByLabelText("Column's unit: Declared area"), { target: { value: 'hectare' } });
    fireEvent.click(screen.getByTestId('mapping-apply'));
    expect(FakeXhr.sent.at(-1)!.query.mapping).toBeDefined();
    await FakeXhr.sent.at(-1)!.answer(200, parcelsTable);
    fireEvent.click(screen.getByTestId('step-choose'));
    expect((screen.getByLabelText(/^parcels/) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByLabelText(/^wells/));
    fireEvent.click(screen.getByTestId('import-check'));
    expect(FakeXhr.sent.at(-1)!.query).toEqual({ layer: 'parcels', fileName: '宗地.geojson', dryRun: 'true', sourceLayer: 'wells' });
  });

  it('shows no choice for a file of one layer', async () => {
    open();
    await (await upload()).answer(200, { ...parcelsTable, sourceLayers: [{ name: 'parcels', geometryType: 'Polygon', count: 4 }] });
    fireEvent.click(screen.getByTestId('step-choose'));
    expect(screen.queryByTestId('source-layers')).toBeNull();
  });

  it('lists the files of a zip of several GeoJSON by their path, without facts, and sends the path picked', async () => {
    // What the server answers for such a zip (backend/src/import/zip-of-several-files.integration.test.ts)
    const twoFiles: ImportReport = {
      ...twoTables, file: 'layers.zip',
      sourceLayers: [{ name: 'parcels.geojson' }, { name: '其他/wells.geojson' }],
      problems: [{ ...twoTables.problems[0], file: 'layers.zip', message: 'holds 2 files, parcels.geojson, 其他/wells.geojson; nothing was read: choose one with sourceLayer= (HTTP) or --source-layer (CLI)' }],
    };
    open();
    await (await upload()).answer(422, twoFiles);
    expect(screen.getByTestId('source-layers-asked').textContent).toBe('这个文件包含 2 个图层：请选择要导入的一个，再上传检查（尚未写入任何数据）。');
    const options = screen.getAllByTestId('source-layer-option') as HTMLInputElement[];
    expect(options.map((o) => o.closest('label')!.textContent)).toEqual(['parcels.geojson', '其他/wells.geojson']);
    fireEvent.click(screen.getByLabelText(/^其他\/wells/));
    fireEvent.click(screen.getByTestId('import-check'));
    expect(FakeXhr.sent.at(-1)!.query).toMatchObject({ dryRun: 'true', sourceLayer: '其他/wells.geojson' });
  });
});

describe('the import history', () => {
  it('lists imports and undoes a single-file import only after a confirmation', async () => {
    open();
    fireEvent.change(screen.getByTestId('import-token'), { target: { value: 'tok' } });
    await waitFor(() => expect(screen.getAllByTestId('history-item')).toHaveLength(2));
    const [single, bundle] = screen.getAllByTestId('history-item');
    expect(within(bundle).queryByTestId('history-undo')).toBeNull();
    fireEvent.click(within(single).getByTestId('history-undo'));
    expect(screen.getByTestId('undo-confirm').textContent).toContain('撤销导入 #7（宗地.geojson）？');
    fireEvent.click(screen.getByTestId('undo-no'));
    expect(fetchCalls.some((c) => c.url.endsWith('/undo'))).toBe(false);
    fireEvent.click(within(single).getByTestId('history-undo'));
    fireEvent.click(screen.getByTestId('undo-yes'));
    await waitFor(() => expect(screen.getByTestId('undo-done').textContent).toBe('已撤销导入 #7：恢复 0 行，删除 1 行'));
    const undo = fetchCalls.find((c) => c.url === '/api/imports/7/undo')!;
    expect(undo.init?.method).toBe('POST');
    expect((undo.init?.headers as Record<string, string>).authorization).toBe('Bearer tok');
  });

  it('shows a refused undo (409) with the server’s reason', async () => {
    undoAnswer = () => new Response(JSON.stringify({ type: 'about:blank', title: 'Conflict', status: 409, detail: 'import 7 cannot be undone: later import(s) 8 wrote the same data' }), { status: 409, headers: { 'content-type': 'application/problem+json' } });
    open('en');
    await waitFor(() => expect(screen.getAllByTestId('history-item')).toHaveLength(2));
    fireEvent.click(screen.getAllByTestId('history-undo')[0]);
    fireEvent.click(screen.getByTestId('undo-yes'));
    await waitFor(() => expect(screen.getByTestId('import-failure').textContent).toContain('Cannot be done (409).'));
    expect(screen.getByTestId('import-failure').textContent).toContain('later import(s) 8 wrote the same data');
  });
});

describe('the import wizard with the keyboard', () => {
  it('closes on Escape without the key reaching the page', () => {
    const onWindowKey = vi.fn();
    window.addEventListener('keydown', onWindowKey);
    const { onClose } = open();
    fireEvent.keyDown(screen.getByTestId('import-layer'), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onWindowKey).not.toHaveBeenCalled();
    window.removeEventListener('keydown', onWindowKey);
  });

  it('closes on Escape and brings Tab back inside even when focus fell to the page', () => {
    const { onClose } = open();
    (document.activeElement as HTMLElement).blur();
    fireEvent.keyDown(document.body, { key: 'Tab' });
    expect(document.activeElement).toBe(screen.getByTestId('import-close'));
    (document.activeElement as HTMLElement).blur();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('keeps Tab inside the dialog', () => {
    open();
    const close = screen.getByTestId('import-close');
    const refresh = screen.getByTestId('history-refresh');
    refresh.focus();
    fireEvent.keyDown(refresh, { key: 'Tab' });
    expect(document.activeElement).toBe(close);
    fireEvent.keyDown(close, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(refresh);
  });
});
