import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeCsvChunks, decodeCsvText, NotUtf8Error } from '../bundle/decode-table.js';
import { readCsv, readCsvChunks } from './read-table.js';
import { readXlsx, readXlsxStreamed } from './read-xlsx.js';
import { readSource } from './read-source.js';
import { removeTempDirs, tempDir } from './test-fixtures.js';

afterAll(removeTempDirs);

/** The size of the chunks a CSV is read from disk in (read-table.ts), bytes. */
const CHUNK_BYTES = 64 * 1024;

function onDisk(name: string, bytes: Buffer): { path: string } {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, bytes);
  return { path: file };
}

function inChunksOf(bytes: Buffer, size: number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return chunks;
}

async function decodeInChunks(bytes: Buffer, size: number): Promise<{ text: string; encoding: 'utf-8' | 'gbk' }> {
  let text = '';
  try {
    for await (const t of decodeCsvChunks(inChunksOf(bytes, size), 'utf-8')) text += t;
    return { text, encoding: 'utf-8' };
  } catch (err) {
    if (!(err instanceof NotUtf8Error)) throw err;
  }
  text = '';
  for await (const t of decodeCsvChunks(inChunksOf(bytes, size), 'gbk')) text += t;
  return { text, encoding: 'gbk' };
}

/** `rows` data rows of "code,名称,lon,lat" (the 名称 makes every row hold multi-byte characters). */
function parcelRows(rows: number, from = 0): string {
  let text = '';
  for (let i = from; i < from + rows; i++) text += `P${i},宗地${i},${(108 + i / 1e6).toFixed(6)},34.25\n`;
  return text;
}

describe('decoding a CSV chunk by chunk', () => {
  const samples: Record<string, Buffer> = {
    'UTF-8': Buffer.from('代码,名称\nA,安康\n'),
    'UTF-8 with BOM': Buffer.from('\uFEFF代码,名称\nA,安康\n'),
    'a BOM, then bytes that are not UTF-8 (kept as UTF-8, U+FFFD)': Buffer.concat([Buffer.from('\uFEFF代码\n'), iconv.encode('安康\n', 'gbk')]),
    GBK: iconv.encode('代码,名称\nA,安康高新区\n', 'gbk'),
    'UTF-8 cut off inside its last character': Buffer.from('代码\n安康').subarray(0, -1),
    'one byte': Buffer.from('a'),
    'two bytes of a BOM': Buffer.from([0xef, 0xbb]),
    empty: Buffer.alloc(0),
  };
  for (const [name, bytes] of Object.entries(samples)) {
    it(`decides as decodeCsvText does, wherever the chunks split: ${name}`, async () => {
      const whole = decodeCsvText(bytes);
      for (const size of [1, 2, 3, 5, bytes.length || 1]) expect(await decodeInChunks(bytes, size), `chunks of ${size}`).toEqual(whole);
    });
  }
});

describe('the streaming CSV reader', () => {
  it('reads a GBK CSV by path as by bytes: rows, encoding, problems', async () => {
    const bytes = iconv.encode('统一社会信用代码,企业名称,状态\n91999901MA0000A19A,安康富硒茶业,在营\n\n91999901MA0000B27B,"汉滨, 新材料",停产,多余\n', 'gbk');
    const byBytes = await readCsv(bytes, '企业.csv');
    const byPath = await readCsv(onDisk('企业.csv', bytes), '企业.csv');
    expect(byPath).toEqual(byBytes);
    expect(byPath).toMatchObject({ format: 'csv', encoding: 'gbk', columns: ['统一社会信用代码', '企业名称', '状态'] });
    expect(byPath.records.map((r) => [r.row, r.properties])).toEqual([
      [2, { 统一社会信用代码: '91999901MA0000A19A', 企业名称: '安康富硒茶业', 状态: '在营' }],
      [4, { 统一社会信用代码: '91999901MA0000B27B', 企业名称: '汉滨, 新材料', 状态: '停产' }],
    ]);
    expect(byPath.problems).toEqual([{ severity: 'error', file: '企业.csv', row: 4, message: 'Too many fields: expected 3 fields but parsed 4', kind: 'csvTooManyFields', params: { expected: 3, parsed: 4 } }]);
  });

  it('tells a GBK file whose first byte that is not UTF-8 comes after many chunks, and reads it whole as GBK', async () => {
    const asciiRows = 20_000;
    const head = Buffer.from(`code,name,lon,lat\n${Array.from({ length: asciiRows }, (_, i) => `P${i},plot ${i},108.9,34.2\n`).join('')}`);
    expect(head.length).toBeGreaterThan(8 * CHUNK_BYTES);
    const bytes = Buffer.concat([head, iconv.encode('P-last,安康,108.9,34.2\n', 'gbk')]);
    expect(decodeCsvText(bytes).encoding).toBe('gbk');
    const read = await readCsv(onDisk('late-gbk.csv', bytes), 'late-gbk.csv');
    expect(read.encoding).toBe('gbk');
    expect(read.records).toHaveLength(asciiRows + 1);
    expect(read.records.at(-1)).toEqual({ row: asciiRows + 2, properties: { code: 'P-last', name: '安康', lon: '108.9', lat: '34.2' }, geometry: { type: 'Point', coordinates: [108.9, 34.2] } });
  });

  it('keeps a file with a UTF-8 BOM as UTF-8 even when bytes far into it are not (as decodeCsvText)', async () => {
    const bytes = Buffer.concat([Buffer.from(`\uFEFFcode,name\n${parcelRows(20_000).replace(/,108.*$/gm, '')}`), iconv.encode('P-last,安康\n', 'gbk')]);
    const read = await readCsv(onDisk('bom.csv', bytes), 'bom.csv');
    expect(read.encoding).toBe('utf-8');
    expect(read.records.at(-1)?.properties).toEqual({ code: 'P-last', name: decodeCsvText(bytes).text.split('\n').at(-2)!.split(',')[1] });
  });

  it('reads characters split between two chunks whole, UTF-8 and GBK', async () => {
    for (const encoding of ['utf-8', 'gbk'] as const) {
      const encode = (text: string) => (encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8'));
      // Pad with ASCII so that a 名 (2 bytes in GBK, 3 in UTF-8) starts one byte before the first chunk ends
      const header = encode('代码,名称\n');
      const padding = 'x'.repeat(CHUNK_BYTES - header.length - 1 - 'P0,'.length);
      const bytes = Buffer.concat([header, encode(`P0,${padding}名称\nP1,${'名'.repeat(40_000)}\n`)]);
      expect(bytes.subarray(CHUNK_BYTES - 1, CHUNK_BYTES + 1).toString(encoding === 'gbk' ? 'latin1' : 'utf8')).not.toMatch(/^[\x00-\x7f]+$/);
      const read = await readCsv(onDisk(`split-${encoding}.csv`, bytes), `split-${encoding}.csv`);
      expect(read.encoding).toBe(encoding);
      expect(read.records.map((r) => r.properties)).toEqual([{ 代码: 'P0', 名称: `${padding}名称` }, { 代码: 'P1', 名称: '名'.repeat(40_000) }]);
      expect(read.problems).toEqual([]);
    }
  });

  it('numbers rows, skips empty ones and reports problems the same from a large file read in many chunks', async () => {
    // Over the first 1 MiB of text papaparse is given at once, so the rows below are parsed in later chunks
    const before = 40_000;
    const text = `code,name,lon,lat\n${parcelRows(before)}\n,,,\nP-extra,多余,108.1,34.1,extra\n${parcelRows(10, before)}Q,"unterminated\n`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(20 * CHUNK_BYTES);
    const byPath = await readCsv(onDisk('large.csv', Buffer.from(text)), 'large.csv');
    const inSmallChunks = await readCsvChunks(() => inChunksOf(Buffer.from(text), 1000), 'large.csv');
    expect(inSmallChunks).toEqual(byPath);
    expect(byPath.records).toHaveLength(before + 1 + 10 + 1);
    expect(byPath.records[0]).toEqual({ row: 2, properties: { code: 'P0', name: '宗地0', lon: '108.000000', lat: '34.25' }, geometry: { type: 'Point', coordinates: [108, 34.25] } });
    // Rows before + 2 and + 3 are empty (a blank line, then commas only), + 4 has a fifth field
    const extraRow = before + 4;
    expect(byPath.records[before]).toMatchObject({ row: extraRow, properties: { code: 'P-extra', name: '多余', lon: '108.1', lat: '34.1' } });
    expect(byPath.records[before + 1]).toMatchObject({ row: extraRow + 1, properties: { code: `P${before}` } });
    expect(byPath.records.at(-1)).toEqual({ row: extraRow + 11, properties: { code: 'Q', name: 'unterminated' }, geometry: null });
    expect(byPath.problems).toEqual([
      { severity: 'error', file: 'large.csv', row: extraRow, message: 'Too many fields: expected 4 fields but parsed 5', kind: 'csvTooManyFields', params: { expected: 4, parsed: 5 } },
      { severity: 'error', file: 'large.csv', row: extraRow + 11, message: 'Quoted field unterminated', kind: 'csvQuoteUnterminated', params: {} },
    ]);
  });

  it('gives an unterminated quote the row it starts on, in a small file too', async () => {
    const read = await readCsv(Buffer.from('a,b\n1,2\n3,"open\n4,5\n'), 'quote.csv');
    expect(read.problems).toEqual([{ severity: 'error', file: 'quote.csv', row: 3, message: 'Quoted field unterminated', kind: 'csvQuoteUnterminated', params: {} }]);
    expect(read.records.map((r) => r.row)).toEqual([2, 3]);
  });

  it('gives quote errors their rows after a header line longer than the first chunk of text', async () => {
    // Row 2 is parsed in the same chunk as the header (the first holds no whole line), row 1003 at the end
    const text = `${'h'.repeat(1_100_000)},b\n"bad"x",y\n${'x,y\n'.repeat(1000)}q,"open\n`;
    const read = await readCsvChunks(() => inChunksOf(Buffer.from(text), CHUNK_BYTES), 'long-header.csv');
    expect(read.records).toHaveLength(1002);
    expect(read.records[0]).toMatchObject({ row: 2, properties: { b: 'y' } });
    expect(read.problems).toEqual([
      { severity: 'error', file: 'long-header.csv', row: 2, message: 'Trailing quote on quoted field is malformed', kind: 'csvQuoteMalformed', params: {} },
      { severity: 'error', file: 'long-header.csv', row: 1003, message: 'Quoted field unterminated', kind: 'csvQuoteUnterminated', params: {} },
    ]);
  });

  it('strips the ="…" a spreadsheet keeps a code as text with, read from a path', async () => {
    const read = await readSource(onDisk('codes.csv', Buffer.from('代码,名称\n="0610",="a""b"\n')), 'codes.csv');
    expect(read.records[0].properties).toEqual({ 代码: '0610', 名称: 'a"b' });
  });
});

/** A workbook holding every kind of cell value the importer reads as text, on its first sheet. */
async function variedWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业');
  sheet.addRow(['代码', '名称', '', '金额', '日期', '在营', '经度', '纬度', '公式']);
  sheet.addRow(['A1', '安康', 'no header', 12.5, new Date(Date.UTC(2023, 5, 30)), true, 108.9, 34.2, { formula: 'D2*2', result: 25 }]);
  sheet.addRow([]);
  sheet.addRow(['A2', { richText: [{ text: '汉' }, { font: { bold: true }, text: '滨' }] }, null, { formula: 'SUM(1,2)', result: 3 }, null, false, null, null, { formula: 'HYPERLINK("http://evil.example","点我")', result: '点我' }]);
  sheet.addRow(['A3', { text: '链接', hyperlink: 'https://example.org' }, null, { error: '#N/A' }]);
  sheet.getRow(7).values = ['A7', '安康'];
  workbook.addWorksheet('第二页').addRow(['other', 'sheet']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('the streaming XLSX reader', () => {
  it('reads the first sheet by path as by bytes, formula cells as =FORMULA', async () => {
    const bytes = await variedWorkbook();
    const byPath = await readSource(onDisk('企业.xlsx', bytes), '企业.xlsx');
    expect(byPath).toEqual(await readSource(bytes, '企业.xlsx'));
    // Read by the streaming reader, not by the whole-workbook reader it falls back on
    expect(await readXlsxStreamed(onDisk('企业.xlsx', bytes), '企业.xlsx')).toEqual(byPath);
    expect(byPath).toMatchObject({ format: 'xlsx', columns: ['代码', '名称', '金额', '日期', '在营', '经度', '纬度', '公式'], problems: [] });
    const empty = { 代码: '', 名称: '', 金额: '', 日期: '', 在营: '', 经度: '', 纬度: '', 公式: '' };
    expect(byPath.records).toEqual([
      { row: 2, properties: { 代码: 'A1', 名称: '安康', 金额: '12.5', 日期: '2023-06-30', 在营: 'true', 经度: '108.9', 纬度: '34.2', 公式: '=D2*2' }, geometry: { type: 'Point', coordinates: [108.9, 34.2] } },
      { row: 4, properties: { ...empty, 代码: 'A2', 名称: '汉滨', 金额: '=SUM(1,2)', 在营: 'false', 公式: '=HYPERLINK("http://evil.example","点我")' }, geometry: null },
      { row: 5, properties: { ...empty, 代码: 'A3', 名称: '链接', 金额: '#N/A' }, geometry: null },
      { row: 7, properties: { ...empty, 代码: 'A7', 名称: '安康' }, geometry: null },
    ]);
  });

  it('reads a cell filled down from a shared formula as the whole-workbook reader did (=the cell holding it)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('s');
    sheet.addRow(['a', 'b']);
    sheet.addRow([1, { formula: 'A2*2', result: 2, shareType: 'shared', ref: 'B2:B3' }]);
    sheet.addRow([2, { sharedFormula: 'B2', result: 4 }]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const read = await readXlsx(onDisk('shared.xlsx', bytes), 'shared.xlsx');
    expect(read.records.map((r) => r.properties)).toEqual([{ a: '1', b: '=A2*2' }, { a: '2', b: '=B2' }]);
    expect(await readXlsxStreamed(onDisk('shared.xlsx', bytes), 'shared.xlsx')).toBeUndefined();
  });

  it('reads the first sheet in tab order, also when that is not the first sheet in the zip', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('一').addRows([['sheet'], ['sheet1.xml']]);
    workbook.addWorksheet('二').addRows([['sheet'], ['sheet2.xml']]);
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    // Tab order is the order of <sheet> in xl/workbook.xml: move 二 (sheet2.xml) in front, as dragging its tab does
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    const sheets = workbookXml.match(/<sheet [^>]*\/>/g)!;
    expect(sheets).toHaveLength(2);
    zip.file('xl/workbook.xml', workbookXml.replace(sheets.join(''), [sheets[1], sheets[0]].join('')));
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const read = await readXlsxStreamed(onDisk('tabs.xlsx', bytes), 'tabs.xlsx');
    expect(read?.records.map((r) => r.properties)).toEqual([{ sheet: 'sheet2.xml' }]);
  });

  it('reads Chinese text whole where exceljs\'s streaming reader splits it between 16 KiB chunks (shared and inline strings)', async () => {
    const names = Array.from({ length: 3000 }, (_, i) => `安康高新区第${i}号标准化厂房`);
    for (const useSharedStrings of [true, false]) {
      const file = path.join(tempDir(), `names-${useSharedStrings}.xlsx`);
      const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings });
      const sheet = writer.addWorksheet('厂房');
      sheet.addRow(['名称']).commit();
      for (const name of names) sheet.addRow([name]).commit();
      await writer.commit();
      const read = await readXlsxStreamed({ path: file }, 'names.xlsx');
      expect(read?.records.map((r) => r.properties.名称), `useSharedStrings: ${useSharedStrings}`).toEqual(names);
    }
  });

  it('refuses a zip that is no workbook, naming the file', async () => {
    const notAWorkbook = Buffer.from('PK\u0003\u0004 this is no zip at all');
    const read = readXlsx(onDisk('bad.xlsx', notAWorkbook), 'bad.xlsx');
    await expect(read).rejects.toThrow(/^bad\.xlsx: is not a readable \.xlsx workbook/);
    await expect(read).rejects.toMatchObject({ detail: { kind: 'xlsxUnreadable', params: { reason: expect.any(String) } } });
  });
});
