import Papa from 'papaparse';
import ExcelJS from 'exceljs';

export type TableRow = Record<string, string>;
/** A record with the spreadsheet row it came from (header = row 1). */
export interface TableRecord {
  rowNumber: number;
  values: TableRow;
}
export interface Table {
  header: string[];
  records: TableRecord[];
  errors: { row: number; message: string }[];
}

export type CsvEncoding = 'utf-8' | 'gbk';

/** CSV text: UTF-8 (with or without BOM) when it decodes cleanly, otherwise GBK (Excel on Chinese Windows). */
export function decodeCsvText(bytes: Buffer): { text: string; encoding: CsvEncoding } {
  if (hasUtf8Bom(bytes)) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'gbk' };
  }
}

/** Thrown by decodeCsvChunks(…, 'utf-8') at the first bytes that are not UTF-8 (and no BOM said it was): read the file again as GBK. */
export class NotUtf8Error extends Error {
  constructor() {
    super('the text is not UTF-8');
  }
}

/**
 * decodeCsvText chunk by chunk, for a file too large to hold: the same decisions, but the caller makes the
 * last one. As 'utf-8': after a UTF-8 BOM the rest is UTF-8 whatever it holds (bad bytes become U+FFFD);
 * without one, strict UTF-8, throwing NotUtf8Error where the bytes stop being UTF-8, which may be
 * after many chunks of text were yielded; the caller then drops what it made of them and reads the
 * file again as 'gbk'. A character split between two chunks is decoded whole (`stream: true`).
 */
export async function* decodeCsvChunks(chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>, encoding: CsvEncoding): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined = encoding === 'gbk' ? new TextDecoder('gbk') : undefined;
  // The BOM is told from the first three bytes, which may come in more than one chunk
  let head = Buffer.alloc(0);
  const decode = (bytes?: Uint8Array): string => {
    try {
      return bytes ? decoder!.decode(bytes, { stream: true }) : decoder!.decode();
    } catch (err) {
      if (err instanceof TypeError && decoder!.fatal) throw new NotUtf8Error();
      throw err;
    }
  };
  const chooseDecoder = (): Uint8Array => {
    const bom = hasUtf8Bom(head);
    decoder = new TextDecoder('utf-8', { fatal: !bom });
    return bom ? head.subarray(3) : head;
  };
  for await (let chunk of chunks) {
    if (!decoder) {
      head = Buffer.concat([head, chunk]);
      if (head.length < 3) continue;
      chunk = chooseDecoder();
    }
    const text = decode(chunk);
    if (text !== '') yield text;
  }
  if (!decoder) {
    const text = decode(chooseDecoder());
    if (text !== '') yield text;
  }
  const rest = decode();
  if (rest !== '') yield rest;
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

export function parseCsv(bytes: Buffer): Table {
  const { text } = decodeCsvText(bytes);
  const parsed = Papa.parse<TableRow>(text, {
    header: true,
    skipEmptyLines: false,
    transformHeader: (h) => h.trim(),
    transform: (v) => v.trim(),
  });
  // papaparse records are 0-based; the spreadsheet row is record + 2 (header is row 1)
  const records = parsed.data
    .map((values, i) => ({ rowNumber: i + 2, values }))
    .filter((r) => Object.values(r.values).some((v) => v !== '' && v != null));
  const errors = parsed.errors
    .filter((e) => e.code !== 'TooFewFields' || records.some((r) => r.rowNumber === (e.row ?? 0) + 2))
    .map((e) => ({ row: (e.row ?? 0) + 2, message: e.message }));
  return { header: parsed.meta.fields ?? [], records, errors };
}

/** First sheet of an .xlsx, header row first; every cell read as text. */
export async function parseXlsx(bytes: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { header: [], records: [], errors: [] };
  const header: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    header[col - 1] = cellText(cell.value).trim();
  });
  const records: TableRecord[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const record: TableRow = {};
    let empty = true;
    header.forEach((name, i) => {
      const text = cellText(row.getCell(i + 1).value).trim();
      if (text !== '') empty = false;
      record[name] = text;
    });
    if (!empty) records.push({ rowNumber: r, values: record });
  }
  return { header, records, errors: [] };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    return '';
  }
  return String(value);
}
