import fs from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import type { Database, Queryable } from './database.js';
import { copyPieces, copyStatement } from './copy-text.js';
import { CopyBinary, copyBinaryStatements } from './copy-binary.js';

/** PGlite copies from a blob it holds whole in memory: one COPY per this many characters (or bytes) of rows */
const PGLITE_COPY_PIECE_CHARS = 8 << 20;

/** A blob part of a Buffer's bytes, without copying them */
const blobPart = (piece: Buffer) => new Uint8Array(piece.buffer, piece.byteOffset, piece.byteLength) as Uint8Array<ArrayBuffer>;

function wrap(q: PGlite | Transaction): Queryable {
  return {
    async savepoint(fn) {
      if (q instanceof PGlite) return q.transaction((tx) => fn(wrap(tx)));
      await q.exec('SAVEPOINT muyield_savepoint');
      try {
        const result = await fn(wrap(q));
        await q.exec('RELEASE SAVEPOINT muyield_savepoint');
        return result;
      } catch (err) {
        await q.exec('ROLLBACK TO SAVEPOINT muyield_savepoint');
        throw err;
      }
    },
    async query<Row>(sql: string, params: unknown[] = []) {
      const result = await q.query<Row>(sql, params);
      return result.rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
    async copyFrom(table, columns, rows) {
      if (rows instanceof CopyBinary) {
        // Each COPY (a statement per ~8 MiB of whole rows) with its own header and trailer
        const statement = copyStatement(table, columns, "'/dev/blob'", 'binary');
        for (const data of copyBinaryStatements(rows, PGLITE_COPY_PIECE_CHARS)) await q.query(statement, [], { blob: new Blob(data.map(blobPart)) });
        return rows.rows;
      }
      const counter = { rows: 0 };
      const statement = copyStatement(table, columns, "'/dev/blob'");
      // One COPY per ~8 MiB: the pieces of a CopyText (1 MiB each) are put together up to that
      let parts: BlobPart[] = [];
      let size = 0;
      for (const piece of copyPieces(rows, counter, PGLITE_COPY_PIECE_CHARS)) {
        parts.push(typeof piece === 'string' ? piece : blobPart(piece));
        size += piece.length;
        if (size < PGLITE_COPY_PIECE_CHARS) continue;
        await q.query(statement, [], { blob: new Blob(parts) });
        parts = [];
        size = 0;
      }
      if (parts.length) await q.query(statement, [], { blob: new Blob(parts) });
      return counter.rows;
    },
  };
}

/** PGlite keeps one connection: run one operation at a time so a transaction never interleaves. */
class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(fn, fn);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

/**
 * Open (or create) the embedded database kept in `dataDir`. Always a folder: PostGIS cannot be created
 * in an in-memory PGlite ("extension is not available").
 */
export async function openPgliteDatabase(dataDir: string): Promise<Database> {
  fs.mkdirSync(dataDir, { recursive: true });
  const pg = new PGlite(dataDir, { extensions: { postgis } });
  await pg.waitReady;
  const base = wrap(pg);
  const queue = new SerialQueue();
  return {
    kind: 'embedded',
    query: (sql, params) => queue.run(() => base.query(sql, params)),
    exec: (sql) => queue.run(() => base.exec(sql)),
    copyFrom: (table, columns, rows) => queue.run(() => base.copyFrom(table, columns, rows)),
    savepoint: (fn) => queue.run(() => base.savepoint(fn)),
    transaction: (fn) => queue.run(() => pg.transaction((tx) => fn(wrap(tx)))),
    close: () => queue.run(() => pg.close()),
  };
}
