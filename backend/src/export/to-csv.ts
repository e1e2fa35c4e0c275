import { headerOf, type ExportLang, type ExportTable } from './headers.js';
import { isFormulaLike, toCellText } from './cells.js';

const BOM = '\uFEFF';

export interface CsvOptions {
  lang?: ExportLang;
  /** Prefix text cells that look like formulas with an apostrophe (default true; off for bundle files). */
  guardFormulas?: boolean;
}

/** RFC 4180 quoting: only when the cell holds a quote, comma or line break. */
function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
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
      const text = toCellText(c, properties[c.key] ?? null, lang);
      return quote(guard && c.type === 'text' && isFormulaLike(text) ? `'${text}` : text);
    }).join(','));
  }
  return Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8');
}
