import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { listMigrationFiles, migrate, MigrationError, migrationsDir } from './migrate.js';

let t: TestDatabase;
let dir: string;
beforeAll(async () => {
  t = await openTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'muyield-migrations-'));
  for (const f of listMigrationFiles()) fs.copyFileSync(path.join(migrationsDir, f), path.join(dir, f));
});
afterAll(async () => {
  await t?.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('migrations', () => {
  it('apply nothing twice', async () => {
    expect(await migrate(t.db)).toEqual([]);
  });

  it('stop at a failing file, name it and the database error, and leave no trace of it', async () => {
    fs.writeFileSync(path.join(dir, '9998_create_scratch.sql'), 'CREATE TABLE scratch_ok (id int);');
    fs.writeFileSync(path.join(dir, '9999_break_things.sql'), 'CREATE TABLE scratch_bad (id int);\nSELECT no_such_function();');
    const error = await migrate(t.db, { dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).message).toMatch(/^migration 9999_break_things\.sql failed: function no_such_function\(\) does not exist/);
    const tables = await t.db.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_name LIKE 'scratch%' ORDER BY 1`);
    expect(tables.map((r) => r.name)).toEqual(['scratch_ok']);
    const recorded = await t.db.query<{ version: string }>(`SELECT version FROM schema_migrations WHERE version >= '9998' ORDER BY 1`);
    expect(recorded.map((r) => r.version)).toEqual(['9998']);
  });

  it('refuse a file whose name is not NNNN_verb_object.sql', () => {
    fs.writeFileSync(path.join(dir, 'add stuff.sql'), '');
    expect(() => listMigrationFiles(dir)).toThrow(/add stuff\.sql does not match NNNN_verb_object\.sql/);
  });
});
