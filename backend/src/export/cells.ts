import type { CellValue, ExportColumn, ExportLang } from './headers.js';
import { wordOf } from './value-words.js';

/**
 * Text a spreadsheet would take for a formula (OWASP "CSV injection"): =, +, -, @, or a tab or carriage
 * return that some programs strip before looking again.
 */
export function isFormulaLike(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

/** A number rounded to `decimals` and written without trailing zeros or exponent (for CSV and dBase). */
export function toDecimalText(value: number, decimals: number | undefined): string {
  if (decimals == null) return String(value);
  const rounded = Number(value.toFixed(decimals));
  // toFixed never uses an exponent below 1e21; String() would for |x| < 1e-6
  const fixed = (Object.is(rounded, -0) ? 0 : rounded).toFixed(decimals);
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}

const BOOLEAN_WORDS: Record<ExportLang, [string, string]> = { zh: ['是', '否'], en: ['true', 'false'] };

/**
 * A cell as text for CSV: numbers rounded, booleans and coded values in words (unless `codes`, for files
 * programs read back), missing as empty; formulas not guarded here.
 */
export function toCellText(column: ExportColumn, value: CellValue, lang: ExportLang, codes = false): string {
  if (value == null) return '';
  if (typeof value === 'boolean') return BOOLEAN_WORDS[lang][value ? 0 : 1];
  if (typeof value === 'number') return toDecimalText(value, column.type === 'integer' ? 0 : column.decimals);
  return codes ? value : wordOf(column.words, value, lang);
}
