import ExcelJS from 'exceljs';
import { headerOf, type ExportColumn, type ExportLang, type ExportTable } from './headers.js';
import { isFormulaLike } from './cells.js';
import { wordOf } from './value-words.js';

export interface XlsxOptions {
  lang?: ExportLang;
  sheetName?: string;
}

const BOOLEAN_WORDS: Record<ExportLang, [string, string]> = { zh: ['是', '否'], en: ['true', 'false'] };
/** Excel's text format: a cell formatted "@" stays text even when someone edits it later. */
const TEXT_FORMAT = '@';

function numberFormat(column: ExportColumn): string | undefined {
  if (column.type === 'integer') return '0';
  if (column.type === 'number' && column.decimals != null) return column.decimals === 0 ? '0' : `0.${'#'.repeat(column.decimals)}`;
  return undefined;
}

function toExcelValue(column: ExportColumn, value: unknown, lang: ExportLang): ExcelJS.CellValue {
  if (value == null || value === '') return null;
  if (typeof value === 'boolean') return BOOLEAN_WORDS[lang][value ? 0 : 1];
  if (column.type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d));
  }
  return typeof value === 'string' ? wordOf(column.words, value, lang) : (value as number);
}

/**
 * A table as an .xlsx workbook of one sheet: headers in the language asked for (with units), numbers as
 * numbers, dates as dates. Text is always written as a text cell, never as a formula; text that starts
 * like a formula (= + - @) also gets the text format, so editing the cell does not turn it into one.
 */
export async function toXlsx(table: Pick<ExportTable, 'columns' | 'features' | 'layer'>, options: XlsxOptions = {}): Promise<Buffer> {
  const lang = options.lang ?? 'zh';
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'MuYield 亩均';
  const sheet = workbook.addWorksheet((options.sheetName ?? table.layer).replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = table.columns.map((c) => {
    const header = headerOf(c, lang);
    const numFmt = numberFormat(c) ?? (c.type === 'date' ? 'yyyy-mm-dd' : undefined);
    return { header, key: c.key, width: Math.min(40, Math.max(10, [...header].length * 2)), ...(numFmt ? { style: { numFmt } } : {}) };
  });
  sheet.getRow(1).font = { bold: true };
  for (const { properties } of table.features) {
    const row = sheet.addRow(table.columns.map((c) => toExcelValue(c, properties[c.key], lang)));
    table.columns.forEach((c, i) => {
      const value = properties[c.key];
      if (typeof value === 'string' && isFormulaLike(value)) row.getCell(i + 1).numFmt = TEXT_FORMAT;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
