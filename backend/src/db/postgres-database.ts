import postgres from 'postgres';
import type { Database, Queryable } from './database.js';

type Sql = postgres.Sql | postgres.TransactionSql;

function wrap(sql: Sql): Queryable {
  return {
    async query<Row>(text: string, params: unknown[] = []) {
      const rows = await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[]);
      return rows as unknown as Row[];
    },
    async exec(text: string) {
      await sql.unsafe(text);
    },
  };
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
  const base = wrap(sql);
  return {
    kind: 'postgres',
    query: base.query,
    exec: base.exec,
    transaction: (fn) => sql.begin((tx) => fn(wrap(tx))) as Promise<never>,
    close: () => sql.end({ timeout: 5 }),
  };
}
