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

/** CSV text: UTF-8 (with or without BOM) when it decodes cleanly, otherwise GBK (Excel on Chinese Windows). */
export function decodeCsvText(bytes: Buffer): { text: string; encoding: 'utf-8' | 'gbk' } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'gbk' };
  }
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
