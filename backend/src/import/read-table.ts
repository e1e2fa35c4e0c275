import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { decodeCsvText } from '../bundle/decode-table.js';
import type { SourceData, SourceRecord } from './source.js';
import { ImportReadError } from './safe-zip.js';
import type { BundleProblem } from '../bundle/problems.js';

const LON_COLUMN = /^(lon|lng|long|longitude|经度|x|x坐标|东经)$/i;
const LAT_COLUMN = /^(lat|latitude|纬度|y|y坐标|北纬)$/i;

/** CSV (UTF-8 with or without BOM, or GBK), with a point geometry when it has lon/lat or x/y columns. */
export function readCsv(bytes: Buffer, file: string): SourceData {
  const { text, encoding } = decodeCsvText(bytes);
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: false, transformHeader: (h) => h.trim() });
  const problems: BundleProblem[] = parsed.errors
    .filter((e) => e.code !== 'TooFewFields' && e.code !== 'UndetectableDelimiter')
    .map((e) => ({ severity: 'error' as const, file, row: (e.row ?? 0) + 2, message: e.message }));
  const columns = (parsed.meta.fields ?? []).filter((c) => c !== '');
  const records: SourceRecord[] = [];
  parsed.data.forEach((values, i) => {
    if (!Object.values(values).some((v) => v != null && String(v).trim() !== '')) return;
    records.push({ row: i + 2, properties: trimAll(values), geometry: null });
  });
  return withPoints({ file, format: 'csv', columns, records, encoding, problems });
}

/**
 * First sheet of an .xlsx, header row first. A cell holding a formula is read as "=FORMULA", not its
 * cached result: the result may be stale or missing, and text starting with "=" is refused later
 * (formula injection when the data goes back out to a spreadsheet).
 */
export async function readXlsx(bytes: Buffer, file: string): Promise<SourceData> {
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
