/**
 * PostgreSQL's COPY text format (https://www.postgresql.org/docs/15/sql-copy.html, "Text Format"): one line
 * per row, columns separated by a tab, NULL as \N, and backslash, newline, carriage return and tab escaped
 * with a backslash. Each value is given in its column's text input form (a date as 2024-05-01, a geometry
 * as hex (E)WKB); numbers and booleans are written as PostgreSQL reads them.
 */
export type CopyValue = string | number | boolean | null | undefined;

const SPECIAL = /[\\\n\r\t]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One value as a COPY text field: NULL for null and undefined (an empty string stays an empty field). */
export function copyTextField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  if (value.includes('\0')) throw new Error(`a text value holds a NUL character, which PostgreSQL cannot store: ${JSON.stringify(value.slice(0, 40))}`);
  return SPECIAL.test(value) ? value.replace(/[\\\n\r\t]/g, (c) => ESCAPES[c]) : value;
}

/** One row as a COPY text line, newline included. */
export function copyTextLine(values: CopyValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) line += (i ? '\t' : '') + copyTextField(values[i]);
  return `${line}\n`;
}

/** `COPY table (columns) FROM source`, its names checked; in the text format unless told binary (copy-binary.ts). */
export function copyStatement(table: string, columns: string[], source: string, format: 'text' | 'binary' = 'text'): string {
  return `COPY ${checkIdentifier(table)} (${columns.map(checkIdentifier).join(', ')}) FROM ${source}${format === 'binary' ? ' (FORMAT binary)' : ''}`;
}

/** A table or column name for COPY's column list: only plain lower-case identifiers, never from input. */
export function checkIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain identifier: ${JSON.stringify(name)}`);
  return name;
}

/**
 * The rows as COPY text in pieces of about `pieceChars` characters (so a large COPY is sent as it is
 * produced, not built whole first).
 */
export function* copyTextPieces(rows: Iterable<CopyValue[]>, counter: { rows: number }, pieceChars = 1 << 20): Generator<string> {
  let piece = '';
  for (const row of rows) {
    piece += copyTextLine(row);
    counter.rows++;
    if (piece.length >= pieceChars) {
      yield piece;
      piece = '';
    }
  }
  if (piece) yield piece;
}

/**
 * Rows made into COPY text ahead of the COPY, one at a time as they are built (so the text is ready when the
 * connection is free, and building it overlaps the server's work on what came before): UTF-8 bytes written
 * line by line into buffers of about `pieceBytes` (a string grown line by line and turned into bytes per
 * piece cost ~0.9 s of node's time per 200 000 parcels, most of it flattening the string). copyFrom takes it
 * in place of rows.
 */
export class CopyText {
  readonly pieces: Buffer[] = [];
  rows = 0;
  private buffer: Buffer;
  private used = 0;

  constructor(private readonly pieceBytes = 1 << 20) {
    this.buffer = Buffer.allocUnsafe(pieceBytes);
  }

  add(values: CopyValue[]): void {
    const line = copyTextLine(values);
    // A UTF-8 character is at most 3 bytes per UTF-16 unit: check the room before writing
    if (this.used + 3 * line.length > this.buffer.length) {
      this.flush();
      if (3 * line.length > this.buffer.length) {
        this.pieces.push(Buffer.from(line));
        this.rows++;
        return;
      }
    }
    this.used += this.buffer.write(line, this.used);
    this.rows++;
  }

  /** The text in pieces, the last one included. */
  finish(): this {
    this.flush();
    return this;
  }

  private flush(): void {
    if (this.used === 0) return;
    this.pieces.push(this.buffer.subarray(0, this.used));
    this.buffer = Buffer.allocUnsafe(this.pieceBytes);
    this.used = 0;
  }
}

/** copyFrom's rows as text pieces: the rows' own, or those of a CopyText made beforehand (counted there). */
export function copyPieces(rows: Iterable<CopyValue[]> | CopyText, counter: { rows: number }, pieceChars?: number): Iterable<string | Buffer> {
  if (rows instanceof CopyText) {
    counter.rows += rows.finish().rows;
    return rows.pieces;
  }
  return copyTextPieces(rows, counter, pieceChars);
}
