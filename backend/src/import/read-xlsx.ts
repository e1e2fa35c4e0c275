import fs from 'node:fs';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { problemDetail } from '../bundle/problems.js';
import type { SourceData, SourceInput, SourceRecord } from './source.js';
import { ImportReadError } from './safe-zip.js';
import { withPoints } from './read-table.js';

/** A streamed worksheet row: exceljs's Row, as the streaming reader gives it. */
type StreamedRow = ExcelJS.Row;

/**
 * First sheet of an .xlsx, header row first. A cell holding a formula is read as "=FORMULA", not its
 * cached result: the result may be stale or missing, and text starting with "=" is refused later
 * (formula injection when the data goes back out to a spreadsheet).
 *
 * Read with exceljs's streaming reader, row by row, so the workbook is never whole in memory. One case
 * it cannot read as the whole-workbook reader does: a cell filled down from a shared formula, which the
 * streaming reader gives with an empty formula (it keeps no link to the cell that holds it); a workbook
 * with one is read again whole, so such a cell reads as "=<cell holding the formula>" as before. So is a
 * file the streaming reader fails on: the whole-workbook reader may read it, or else says why as before.
 */
export async function readXlsx(input: SourceInput, file: string): Promise<SourceData> {
  const streamed = await readXlsxStreamed(input, file).catch(() => undefined);
  return streamed ?? readXlsxWhole(Buffer.isBuffer(input) ? input : await fs.promises.readFile(input.path), file);
}

/** readXlsx by the streaming reader alone; undefined for a workbook it cannot read as the whole-workbook reader does. */
export async function readXlsxStreamed(input: SourceInput, file: string): Promise<SourceData | undefined> {
  const reader = new Utf8SafeWorkbookReader(Buffer.isBuffer(input) ? Readable.from([input]) : input.path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell a date from a number (the cell's number format)
    styles: 'cache',
    // Kept, a hyperlink would take the cell's text away from its value
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let table: { header: string[]; records: SourceRecord[] } | undefined;
  let sharedFormula = false;
  const text = (value: ExcelJS.CellValue): string => {
    if (isSharedFormulaCopy(value)) sharedFormula = true;
    return cellText(value).trim();
  };
  for await (const worksheet of reader) {
    const wanted = !table && isFirstSheet(reader, worksheet);
    const header: string[] = [];
    const records: SourceRecord[] = [];
    // Every row is read, also of the sheets not wanted: the reader moves on to the next part of the zip only then
    for await (const row of worksheet as AsyncIterable<StreamedRow>) {
      if (!wanted || sharedFormula) continue;
      if (row.number === 1) {
        row.eachCell({ includeEmpty: true }, (cell, col) => {
          header[col - 1] = text(cell.value);
        });
        continue;
      }
      const properties: Record<string, string> = {};
      let empty = true;
      header.forEach((name, i) => {
        if (!name) return;
        const value = text(row.getCell(i + 1).value);
        if (value !== '') empty = false;
        properties[name] = value;
      });
      if (!empty) records.push({ row: row.number, properties, geometry: null });
    }
    if (wanted) table = { header, records };
  }
  if (sharedFormula || !table) return undefined;
  return withPoints({ file, format: 'xlsx', columns: table.header.filter(Boolean), records: table.records, problems: [] });
}

/** The streaming reader's workbook part (xl/workbook.xml), untyped: its sheets in tab order. */
interface StreamedWorkbookModel {
  model?: { sheets?: { id: number }[] };
}

/**
 * The sheet the whole-workbook reader takes first: the first in xl/workbook.xml (the tabs' order), which
 * need not be sheet1.xml; when the zip gives its sheets before the workbook part, the first sheet given.
 */
function isFirstSheet(reader: unknown, worksheet: unknown): boolean {
  const first = (reader as StreamedWorkbookModel).model?.sheets?.[0];
  return !first || String((worksheet as { id: unknown }).id) === String(first.id);
}

/** A cell of a shared formula other than the one holding it: the streaming reader gives it an empty formula. */
function isSharedFormulaCopy(value: ExcelJS.CellValue): boolean {
  return value != null && typeof value === 'object' && 'formula' in value && !value.formula;
}

/** readXlsx with the whole workbook in memory (exceljs's model of every cell). */
async function readXlsxWhole(bytes: Buffer, file: string): Promise<SourceData> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new ImportReadError(file, `is not a readable .xlsx workbook (${(err as Error).message})`, problemDetail('xlsxUnreadable', { reason: (err as Error).message }));
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportReadError(file, 'has no worksheet', problemDetail('noWorksheet', {}));
  const header: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    header[col - 1] = cellText(cell.value).trim();
  });
  const records: SourceRecord[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const properties: Record<string, string> = {};
    let empty = true;
    header.forEach((name, i) => {
      if (!name) return;
      const text = cellText(row.getCell(i + 1).value).trim();
      if (text !== '') empty = false;
      properties[name] = text;
    });
    if (!empty) records.push({ row: r, properties, geometry: null });
  }
  return withPoints({ file, format: 'xlsx', columns: header.filter(Boolean), records, problems: [] });
}


type WorkbookReaderInput = ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookReader>[0];
type WorkbookReaderOptions = ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookReader>[1];
type WorkbookReaderInternals = Record<'_parseSharedStrings' | '_parseStyles' | '_parseWorkbook' | '_parseWorksheet', (this: unknown, ...args: unknown[]) => unknown>;
const readerMethods = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as WorkbookReaderInternals;

/**
 * exceljs 4.4's streaming reader decodes each inflated chunk of a part on its own (utils/browser-buffer-decode.js,
 * one TextDecoder without `stream: true`), so a character split between two 16 KiB chunks becomes U+FFFD: about
 * one Chinese name in a thousand (exceljs issues #2063, #2084, #2316, fix PR #1665 unmerged). Here its parts reach
 * the XML parser as text decoded across chunk boundaries: the shared strings, styles (number formats such as
 * yyyy"年"m"月") and workbook parts by their zip entry's own decoder, the worksheets through decodeUtf8Chunks.
 */
class Utf8SafeWorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  constructor(input: WorkbookReaderInput, options: WorkbookReaderOptions) {
    super(input, options);
    const self = this as unknown as WorkbookReaderInternals;
    self._parseSharedStrings = (entry: unknown) => readerMethods._parseSharedStrings.call(this, asText(entry));
    self._parseStyles = (entry: unknown) => readerMethods._parseStyles.call(this, asText(entry));
    self._parseWorkbook = (entry: unknown) => readerMethods._parseWorkbook.call(this, asText(entry));
    self._parseWorksheet = (chunks: unknown, sheetNo: unknown) => readerMethods._parseWorksheet.call(this, decodeUtf8Chunks(chunks as AsyncIterable<Buffer | string>), sheetNo);
  }
}

/** A zip entry's stream, made to give text (Node's StringDecoder keeps a split character for the next chunk). */
function asText(entry: unknown): unknown {
  (entry as Readable).setEncoding('utf8');
  return entry;
}

async function* decodeUtf8Chunks(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text !== '') yield text;
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('formula' in value && value.formula) return `=${value.formula}`;
    if ('sharedFormula' in value && value.sharedFormula) return `=${value.sharedFormula}`;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value);
}

