import type { CopyText, CopyValue } from './copy-text.js';
import type { CopyBinary } from './copy-binary.js';

export type { CopyValue } from './copy-text.js';

/**
 * One database interface over the embedded PGlite + PostGIS and a real PostgreSQL + PostGIS
 * (postgres.js). SQL uses $1, $2 … placeholders on both.
 */
export interface Queryable {
  /**
   * `prepare`: a statement run many times on one connection (an import's per-batch statements) is parsed and
   * planned once there, and sent without first asking the server its parameter types: with postgres.js that
   * asking is a round trip per statement, which waits for node's turn while node builds the next batch. On
   * PGlite it changes nothing.
   */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[], options?: { prepare?: boolean }): Promise<Row[]>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Many rows into `table (columns)` with COPY: `COPY … FROM STDIN` on PostgreSQL, streamed as the rows are
   * produced; on the embedded PGlite a COPY from a blob per ~8 MiB of rows. Each value in its column's text
   * input form (copy-text.ts); null and undefined are NULL. Table and column names are plain identifiers
   * from the code, never from input. The rows may come made into COPY text beforehand (CopyText), or into
   * binary COPY data (CopyBinary: `COPY … (FORMAT binary)`, each statement's data between the header and the
   * trailer). Returns the number of rows.
   */
  copyFrom(table: string, columns: string[], rows: Iterable<CopyValue[]> | CopyText | CopyBinary): Promise<number>;
  /**
   * The callback's statements under a savepoint of the transaction: when it fails, they are undone, the
   * transaction goes on as it was before, and the error is thrown. (postgres.js dooms a transaction any of whose
   * statements failed, even when a plain ROLLBACK TO SAVEPOINT followed: use this instead.) Outside a
   * transaction, the callback gets one of its own.
   */
  savepoint<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
}

export interface Database extends Queryable {
  readonly kind: 'embedded' | 'postgres';
  /** All or nothing: the callback's queries commit together or not at all. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The server refused rows copied in (COPY) without saying why: postgres.js loses its message (porsager/postgres#1173). */
export class CopyRefusedError extends Error {}

/**
 * Whether the database refused the data itself — a value it cannot read or a constraint it breaks (SQLSTATE
 * classes 22 and 23), or a COPY refused without a message — rather than the statement being wrong or the
 * connection failing: what a caller may answer by taking the rows another way.
 */
export function isDataRefusal(err: unknown): boolean {
  if (err instanceof CopyRefusedError) return true;
  const code = sqlState(err);
  return code !== undefined && (code.startsWith('22') || code.startsWith('23'));
}

/** The SQLSTATE of a database error (postgres.js and PGlite both keep it as `code`), e.g. '55P03' lock not available. */
export function sqlState(err: unknown): string | undefined {
  const code = err && typeof err === 'object' ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** A database error, with the server's message and code kept for the caller. */
export function describeDatabaseError(err: unknown): string {
  if (err && typeof err === 'object') {
    const e = err as { message?: string; detail?: string; hint?: string; code?: string };
    return [e.message, e.detail, e.hint].filter(Boolean).join(' — ') + (e.code ? ` (SQLSTATE ${e.code})` : '');
  }
  return String(err);
}
