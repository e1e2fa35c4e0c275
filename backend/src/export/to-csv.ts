import { headerOf, type ExportLang, type ExportTable } from './headers.js';
import { isFormulaLike, toCellText } from './cells.js';

const BOM = '\uFEFF';

export interface CsvOptions {
  lang?: ExportLang;
  /**
   * For people opening the file in a spreadsheet (default true; off for bundle files, which only programs read):
   * text cells that look like formulas get an apostrophe, codes a spreadsheet would take for numbers are
   * written as text formulas (see `asSpreadsheetText`), coded values are written in words (headers.ts `words`).
   */
  guardFormulas?: boolean;
}

/** RFC 4180 quoting: only when the cell holds a quote, comma or line break. */
function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Text that Excel or LibreOffice Calc would turn into a number or date when opening a CSV: all digits
 * (919999015999999055 becomes 9.19999015999999E+017, 0123 becomes 123), or digits with the signs of
 * decimals, exponents, percent, dates and times (12E5, 3/4, 1-2). Starts with a digit, so never formula-like.
 */
export function isReadAsNumberBySpreadsheets(text: string): boolean {
  return /^\d[\d.,:/%eE+-]*$/.test(text);
}

/** Excel refuses a text constant longer than this inside a formula, characters ("Text values in formulas are limited to 255 characters"). */
const FORMULA_TEXT_MAX_CHARS = 255;

/**
 * A cell a spreadsheet must show as text, exactly: `="919999015999999055"`, a formula whose result is that
 * string. A plain CSV cannot say "text" otherwise: quoting does not (Excel ignores it, Calc only with a
 * non-default import option), and a leading tab or invisible character stays in the value when it is copied.
 * The formula is only written around text of `isReadAsNumberBySpreadsheets` (digits and punctuation, no quote),
 * so it is a constant that runs nothing; our CSV reader (import/read-table.ts) takes `="…"` back as the text.
 * Checked by opening the export in LibreOffice Calc (http/export-libreoffice.integration.test.ts); Excel's
 * way of keeping leading zeros in CSV is the same formula.
 */
function asSpreadsheetText(text: string): string {
  return `="${text}"`;
}

/**
 * A table as CSV: UTF-8 with a BOM (so Excel on Chinese Windows does not read it as GBK), CRLF line ends,
 * a header row in the language asked for, numbers rounded to each column's decimals.
 */
export function toCsv(table: Pick<ExportTable, 'columns' | 'features'>, options: CsvOptions = {}): Buffer {
  const lang = options.lang ?? 'zh';
  const guard = options.guardFormulas ?? true;
  const lines: string[] = [table.columns.map((c) => quote(headerOf(c, lang))).join(',')];
  for (const { properties } of table.features) {
    lines.push(table.columns.map((c) => {
      const text = toCellText(c, properties[c.key] ?? null, lang, !guard);
      if (!guard || c.type !== 'text') return quote(text);
      if (isFormulaLike(text)) return quote(`'${text}`);
      return quote(isReadAsNumberBySpreadsheets(text) && text.length <= FORMULA_TEXT_MAX_CHARS ? asSpreadsheetText(text) : text);
    }).join(','));
  }
  return Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8');
}
