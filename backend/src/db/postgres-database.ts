import postgres from 'postgres';
import { once } from 'node:events';
import { CopyRefusedError, type CopyValue, type Database, type Queryable } from './database.js';
import { copyPieces, copyStatement, type CopyText } from './copy-text.js';
import { CopyBinary, copyBinaryStatements } from './copy-binary.js';

type Sql = postgres.Sql | postgres.TransactionSql;

/** COPY text queued for the socket before the producer waits for the server, bytes */
const COPY_AHEAD_BYTES = 8 << 20;

function wrap(sql: Sql, inTransaction: boolean): Queryable {
  return {
    async query<Row>(text: string, params: unknown[] = [], options: { prepare?: boolean } = {}) {
      const rows = await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: Boolean(options.prepare) && params.length > 0 });
      return rows as unknown as Row[];
    },
    async exec(text: string) {
      await sql.unsafe(text);
    },
    // Outside a transaction the COPY gets one of its own, on one connection (see copyFrom)
    copyFrom: (table, columns, rows) => inTransaction
      ? copyFrom(sql as postgres.TransactionSql, table, columns, rows)
      : (sql as postgres.Sql).begin((tx) => copyFrom(tx, table, columns, rows)) as Promise<number>,
    savepoint: <T>(fn: (q: Queryable) => Promise<T>) => (inTransaction
      ? (sql as postgres.TransactionSql).savepoint((sp) => fn(wrap(sp, true)))
      : (sql as postgres.Sql).begin((tx) => fn(wrap(tx, true)))) as Promise<T>,
  };
}

/**
 * COPY … FROM STDIN on the transaction's connection, the text produced piece by piece while the socket sends
 * the previous ones (up to COPY_AHEAD_BYTES ahead), so node and the server work at once. Binary COPY data
 * (CopyBinary) is made beforehand: it is sent in one statement, between the header and the trailer.
 */
async function copyFrom(sql: postgres.TransactionSql, table: string, columns: string[], rows: Iterable<CopyValue[]> | CopyText | CopyBinary): Promise<number> {
  const counter = { rows: 0 };
  const binary = rows instanceof CopyBinary;
  const statement = copyStatement(table, columns, 'STDIN', binary ? 'binary' : 'text');
  const pieces = binary ? copyBinaryStatements(rows)[0] : copyPieces(rows, counter);
  if (binary) counter.rows = rows.rows;
  const writable = await sql.unsafe(statement).writable();
  let refused: Error | undefined; // the server's refusal while the rows are sent (postgres.js destroys the stream)
  writable.on('error', (err) => {
    refused ??= err;
  });
  try {
    for (const piece of pieces) {
      if (refused) throw refused;
      writable.write(typeof piece === 'string' ? Buffer.from(piece) : piece);
      // Up to COPY_AHEAD_BYTES queued, let the socket send while the next piece is produced (the event loop
      // must turn for it to), so node and the server work at once; beyond, wait for the server to catch up.
      if (writable.writableLength > COPY_AHEAD_BYTES) await once(writable, 'drain');
      else await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (refused) throw refused;
  } catch (err) {
    if (!writable.destroyed) writable.destroy(err as Error); // CopyFail: the server abandons the COPY
    throw err;
  }
  // postgres.js 3.4.9 never finishes the stream when the server refuses the COPY after the last piece
  // (porsager/postgres#1173, its message is lost). A query sent behind the COPY on the same connection, once
  // CopyDone is written (the stream's _final), settles either way: it fails in the transaction the refusal aborted.
  const writer = writable as typeof writable & { _final: (callback: (err?: Error | null) => void) => void };
  const sendDone = writer._final.bind(writer);
  const doneSent = new Promise<void>((resolve) => {
    writer._final = (callback) => {
      sendDone(callback);
      resolve();
    };
  });
  const finished = new Promise<void>((resolve, reject) => {
    writable.once('error', reject);
    writable.end((err?: Error | null) => (err ? reject(err) : resolve()));
  });
  await Promise.race([
    finished,
    doneSent.then(() => sql.unsafe('SELECT 1')).then(() => finished, () => {
      throw new CopyRefusedError(`the server refused the rows copied into ${table} (postgres.js does not pass on its message: porsager/postgres#1173)`);
    }),
  ]);
  return counter.rows;
}

export async function openPostgresDatabase(url: string): Promise<Database> {
  const sql = postgres(url, {
    max: 10,
    onnotice: () => undefined,
    // Keep numbers as numbers where they fit; numeric and bigint stay strings and are cast in SQL.
    // JIT off: on the evaluation's whole-province queries PostgreSQL spent 1–2.4 s compiling (PostGIS
    // functions inflate the cost estimates past jit_above_cost) to run 2.4 s of work (bench/README.md).
    connection: { application_name: 'muyield', jit: 'off' },
  });
  await sql`select 1`;
  const base = wrap(sql, false);
  return {
    kind: 'postgres',
    query: base.query,
    exec: base.exec,
    copyFrom: base.copyFrom,
    savepoint: base.savepoint,
    transaction: (fn) => sql.begin((tx) => fn(wrap(tx, true))) as Promise<never>,
    close: () => sql.end({ timeout: 5 }),
  };
}
