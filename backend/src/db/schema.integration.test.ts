import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { openTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { tables } from './schema.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(() => t?.dispose());

describe('the database schema', () => {
  it('matches its drizzle mirror, table by table and column by column', async () => {
    for (const table of Object.values(tables) as PgTable[]) {
      const config = getTableConfig(table);
      const rows = await t.db.query<{ column_name: string; is_nullable: string }>(
        `SELECT column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY column_name`,
        [config.name],
      );
      const inDatabase = rows.map((r) => `${r.column_name}${r.is_nullable === 'NO' ? ' not null' : ''}`).sort();
      const inMirror = config.columns.map((c) => `${c.name}${c.notNull ? ' not null' : ''}`).sort();
      expect({ table: config.name, columns: inMirror }).toEqual({ table: config.name, columns: inDatabase });
    }
  });

  it('types and indexes every geometry column as SRID 4326 with GiST', async () => {
    const columns = await t.db.query<{ f_table_name: string; srid: number; type: string }>(
      `SELECT f_table_name, srid, type FROM geometry_columns WHERE f_table_schema = 'public' ORDER BY 1`,
    );
    expect(columns).toEqual(['buildings', 'parcels', 'parks', 'regions'].map((name) => ({ f_table_name: name, srid: 4326, type: 'MULTIPOLYGON' })));
    const indexes = await t.db.query<{ tablename: string }>(`SELECT tablename FROM pg_indexes WHERE indexdef LIKE '%USING gist%' ORDER BY 1`);
    expect(indexes.map((i) => i.tablename)).toEqual(expect.arrayContaining(['buildings', 'parcels', 'parks', 'regions']));
  });

  it('records every migration it applied', async () => {
    const rows = await t.db.query<{ file: string }>('SELECT file FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.file)).toContain('0002_create_core_tables.sql');
  });
});
