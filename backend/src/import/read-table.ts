import fs from 'node:fs';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { decodeCsvChunks, NotUtf8Error, type CsvEncoding } from '../bundle/decode-table.js';
import type { SourceData, SourceInput, SourceRecord } from './source.js';
import { ImportReadError } from './safe-zip.js';
import type { BundleProblem } from '../bundle/problems.js';

const LON_COLUMN = /^(lon|lng|long|longitude|经度|x|x坐标|东经)$/i;
const LAT_COLUMN = /^(lat|latitude|纬度|y|y坐标|北纬)$/i;

/** Read size when streaming a CSV file, bytes (fs's default). */
const CSV_CHUNK_BYTES = 64 * 1024;
/**
 * Text papaparse is given first, characters: it tells the line ending from the first 1 MiB of its first
 * chunk and the delimiter from that chunk's first ten rows, so this chunk is as large as the part of the
 * whole text it looked at when it was given the whole text.
 */
const FIRST_TEXT_CHARS = 1024 * 1024;

export type ByteChunks = Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

/**
 * CSV (UTF-8 with or without BOM, or GBK), with a point geometry when it has lon/lat or x/y columns.
 * Given a path, the file is decoded and parsed chunk by chunk, never whole in memory; a file that
 * turns out not to be UTF-8 (anywhere in it) is read again from its first byte as GBK.
 */
export function readCsv(input: SourceInput, file: string): Promise<SourceData> {
  return readCsvChunks(() => (Buffer.isBuffer(input) ? [input] : fs.createReadStream(input.path, { highWaterMark: CSV_CHUNK_BYTES })), file);
}

/** readCsv of the bytes `open` gives, chunk by chunk; `open` is called a second time when they are not UTF-8. */
export async function readCsvChunks(open: () => ByteChunks, file: string): Promise<SourceData> {
  try {
    return await parseCsvText(decodeCsvChunks(open(), 'utf-8'), file, 'utf-8');
  } catch (err) {
    if (!(err instanceof NotUtf8Error)) throw err;
  }
  return parseCsvText(decodeCsvChunks(open(), 'gbk'), file, 'gbk');
}

function parseCsvText(text: AsyncIterable<string>, file: string, encoding: CsvEncoding): Promise<SourceData> {
  return new Promise<SourceData>((resolve, reject) => {
    const records: SourceRecord[] = [];
    const problems: BundleProblem[] = [];
    let columns: string[] = [];
    // Data rows (the header not counted) of the chunks already parsed
    let rowsBefore = 0;
    Papa.parse<Record<string, string>>(Readable.from(withFirstChunkAtLeast(text, FIRST_TEXT_CHARS)), {
      header: true,
      skipEmptyLines: false,
      transformHeader: (h) => h.trim(),
      chunk: (results) => {
        const fields = results.meta.fields ?? [];
        const headerInChunk = columns.length === 0 && fields.length > 0;
        // Rows papaparse parsed from this chunk, the header included: not the chunk's last line when it may go on in the next chunk
        const rowsInChunk = results.data.length + (headerInChunk ? 1 : 0);
        for (const e of results.errors) {
          if (e.code === 'TooFewFields' || e.code === 'UndetectableDelimiter') continue;
          // A quote error counts rows from the start of its chunk, the header included (a field-count error, data rows from the start of
          // the file); one in the unfinished last line is found again when that line is parsed whole with the next chunk
          if (e.type === 'Quotes' && (e.row ?? 0) >= rowsInChunk) continue;
          const dataRow = e.type === 'Quotes' ? rowsBefore + (e.row ?? 0) - (headerInChunk ? 1 : 0) : (e.row ?? 0);
          problems.push({ severity: 'error', file, row: dataRow + 2, message: e.message });
        }
        results.data.forEach((values, i) => {
          if (!Object.values(values).some((v) => v != null && String(v).trim() !== '')) return;
          records.push({ row: rowsBefore + i + 2, properties: trimAll(values), geometry: null });
        });
        rowsBefore += results.data.length;
        if (headerInChunk) columns = fields.filter((c) => c !== '');
      },
      complete: () => resolve(withPoints({ file, format: 'csv', columns, records, encoding, problems })),
      error: reject,
    });
  });
}

/** The same text, with its small chunks joined until the first is at least `chars` long (or the text ends). */
async function* withFirstChunkAtLeast(text: AsyncIterable<string>, chars: number): AsyncGenerator<string> {
  let first: string[] | undefined = [];
  let firstChars = 0;
  for await (const chunk of text) {
    if (!first) {
      yield chunk;
      continue;
    }
    first.push(chunk);
    firstChars += chunk.length;
    if (firstChars >= chars) {
      yield first.join('');
      first = undefined;
    }
  }
  if (first && firstChars > 0) yield first.join('');
}

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
 * with one is read again whole, so such a cell reads as "=<cell holding the formula>" as before.
 */
export async function readXlsx(input: SourceInput, file: string): Promise<SourceData> {
  let streamed: SourceData | 'has a shared formula';
  try {
    streamed = await readFirstSheetStreamed(input, file);
  } catch (err) {
    if (err instanceof ImportReadError) throw err;
    throw new ImportReadError(file, `is not a readable .xlsx workbook (${(err as Error).message})`);
  }
  if (streamed !== 'has a shared formula') return streamed;
  return readXlsxWhole(Buffer.isBuffer(input) ? input : await fs.promises.readFile(input.path), file);
}

async function readFirstSheetStreamed(input: SourceInput, file: string): Promise<SourceData | 'has a shared formula'> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Buffer.isBuffer(input) ? Readable.from([input]) : input.path, {
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
  if (sharedFormula) return 'has a shared formula';
  if (!table) throw new ImportReadError(file, 'has no worksheet');
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
    throw new ImportReadError(file, `is not a readable .xlsx workbook (${(err as Error).message})`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportReadError(file, 'has no worksheet');
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

function trimAll(values: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) {
    if (k === '__parsed_extra') continue;
    out[k] = v == null ? '' : fromTextFormula(String(v).trim());
  }
  return out;
}

const TEXT_FORMULA = /^="((?:[^"]|"")*)"$/;

/**
 * `="0123"` → `0123`: a formula that is only a string constant, the way a CSV keeps a code as text in Excel
 * and LibreOffice (our CSV export writes codes so, export/to-csv.ts). Any other formula is left as it is and
 * refused later (field-mapping.ts); a constant that itself looks like a formula (`="=1+1"`) is refused too.
 */
export function fromTextFormula(cell: string): string {
  const m = TEXT_FORMULA.exec(cell);
  return m ? m[1].replace(/""/g, '"') : cell;
}

/** Points from a lon/lat (经度/纬度) or x/y column pair, when the table has one. */
function withPoints(data: SourceData): SourceData {
  const lon = data.columns.find((c) => LON_COLUMN.test(c));
  const lat = data.columns.find((c) => LAT_COLUMN.test(c));
  if (!lon || !lat) return data;
  for (const r of data.records) {
    const x = Number(r.properties[lon]);
    const y = Number(r.properties[lat]);
    if (r.properties[lon] !== '' && r.properties[lat] !== '' && Number.isFinite(x) && Number.isFinite(y)) {
      r.geometry = { type: 'Point', coordinates: [x, y] };
    }
  }
  return data;
}
