import fs from 'node:fs';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { decodeCsvChunks, NotUtf8Error, type CsvEncoding } from '../bundle/decode-table.js';
import type { SourceData, SourceInput, SourceRecord } from './source.js';
import { problemDetail, type BundleProblem, type ProblemDetail } from '../bundle/problems.js';

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

/** papaparse's errors as data; one of another code keeps its English message only */
function csvErrorDetail(e: Papa.ParseError): ProblemDetail | Record<string, never> {
  if (e.code === 'MissingQuotes') return problemDetail('csvQuoteUnterminated', {});
  if (e.code === 'InvalidQuotes') return problemDetail('csvQuoteMalformed', {});
  // papaparse 5: "Too many fields: expected 3 fields but parsed 4"
  const counts = e.code === 'TooManyFields' ? /expected (\d+) fields but parsed (\d+)/.exec(e.message) : null;
  return counts ? problemDetail('csvTooManyFields', { expected: Number(counts[1]), parsed: Number(counts[2]) }) : {};
}

function parseCsvText(text: AsyncIterable<string>, file: string, encoding: CsvEncoding): Promise<SourceData> {
  return new Promise<SourceData>((resolve, reject) => {
    const records: SourceRecord[] = [];
    const problems: BundleProblem[] = [];
    let fields: string[] = [];
    // Data rows (the header not counted) of the chunks already parsed
    let rowsBefore = 0;
    Papa.parse<Record<string, string>>(Readable.from(withFirstChunkAtLeast(text, FIRST_TEXT_CHARS)), {
      header: true,
      skipEmptyLines: false,
      transformHeader: (h) => h.trim(),
      chunk: (results) => {
        const headerInChunk = fields.length === 0 && (results.meta.fields ?? []).length > 0;
        // A copy: papaparse fills the same array in place when the header comes
        fields = [...(results.meta.fields ?? [])];
        // Rows papaparse parsed from this chunk, the header included: not the chunk's last line when it may go on in the next chunk
        const rowsInChunk = results.data.length + (headerInChunk ? 1 : 0);
        for (const e of results.errors) {
          if (e.code === 'TooFewFields' || e.code === 'UndetectableDelimiter') continue;
          // A quote error counts rows from the start of its chunk, the header included (a field-count error, data rows from the start of
          // the file); one in the unfinished last line is found again when that line is parsed whole with the next chunk
          if (e.type === 'Quotes' && (e.row ?? 0) >= rowsInChunk) continue;
          const dataRow = e.type === 'Quotes' ? rowsBefore + (e.row ?? 0) - (headerInChunk ? 1 : 0) : (e.row ?? 0);
          problems.push({ severity: 'error', file, row: dataRow + 2, message: e.message, ...csvErrorDetail(e) });
        }
        results.data.forEach((values, i) => {
          if (!Object.values(values).some((v) => v != null && String(v).trim() !== '')) return;
          records.push({ row: rowsBefore + i + 2, properties: trimAll(values), geometry: null });
        });
        rowsBefore += results.data.length;
      },
      complete: () => resolve(withPoints({ file, format: 'csv', columns: fields.filter((c) => c !== ''), records, encoding, problems })),
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
export function withPoints(data: SourceData): SourceData {
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
