import fs from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import type { Database, Queryable } from './database.js';

function wrap(q: PGlite | Transaction): Queryable {
  return {
    async query<Row>(sql: string, params: unknown[] = []) {
      const result = await q.query<Row>(sql, params);
      return result.rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
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
    transaction: (fn) => queue.run(() => pg.transaction((tx) => fn(wrap(tx)))),
    close: () => queue.run(() => pg.close()),
  };
}
