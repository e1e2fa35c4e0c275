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

  it('0012 moves the rows imports created out of import_rows into one list per import and layer', async () => {
    // The schema as 0011 left it, in a transaction that is rolled back: created rows were import_rows with a NULL before-image
    const moved = await t.db.transaction(async (tx) => {
      await tx.exec(`DROP TABLE import_created; ALTER TABLE import_rows ALTER COLUMN before DROP NOT NULL`);
      const [{ id }] = await tx.query<{ id: number }>(`INSERT INTO imports (source, counts, layer) VALUES ('a.geojson', '{}', 'parcels') RETURNING id`);
      await tx.query(
        `INSERT INTO import_rows (import_id, layer, key, before) VALUES
           ($1, 'parcels', '{"code": "P1"}', NULL), ($1, 'parcels', '{"code": "P2"}', NULL), ($1, 'parcels', '{"code": "P3"}', '{"code": "P3"}')`,
        [id]);
      await tx.exec(fs.readFileSync(path.join(migrationsDir, '0012_list_created_rows_per_import.sql'), 'utf8'));
      const created = await tx.query<{ keys: unknown[] }>(`SELECT keys FROM import_created WHERE import_id = $1 AND layer = 'parcels'`, [id]);
      const updated = await tx.query<{ key: unknown }>(`SELECT key FROM import_rows WHERE import_id = $1`, [id]);
      throw Object.assign(new Error('rollback'), { result: { created, updated } });
    }).catch((e: { result?: unknown }) => e.result);
    expect(moved).toEqual({
      created: [{ keys: expect.arrayContaining([{ code: 'P1' }, { code: 'P2' }]) }],
      updated: [{ key: { code: 'P3' } }],
    });
    expect((moved as { created: { keys: unknown[] }[] }).created[0].keys).toHaveLength(2);
  });
  it('0013 makes a parcel\'s land area the area of its shape on the spheroid, computed by the database', async () => {
    const result = await t.db.transaction(async (tx) => {
      await tx.exec(`INSERT INTO parks (code, name, geom) VALUES ('AREA-PARK', 'Area park', ST_Multi(ST_MakeEnvelope(109, 32.6, 109.1, 32.7, 4326)))`);
      await tx.exec(`INSERT INTO parcels (code, park_code, geom) VALUES ('AREA-1', 'AREA-PARK', ST_Multi(ST_Buffer(ST_MakePoint(109.05, 32.65)::geometry, 0.0005, 2)))`);
      const [inserted] = await tx.query<{ stored: number; measured: number }>(
        `SELECT land_area_sqm AS stored, ST_Area(geom::geography) AS measured FROM parcels WHERE code = 'AREA-1'`);
      await tx.query(`UPDATE parcels SET geom = ST_Multi(ST_Buffer(ST_Centroid(geom), 0.001, 2)) WHERE code = 'AREA-1'`);
      const [updated] = await tx.query<{ stored: number; measured: number }>(
        `SELECT land_area_sqm AS stored, ST_Area(geom::geography) AS measured FROM parcels WHERE code = 'AREA-1'`);
      await tx.exec('SAVEPOINT s');
      const refused = await tx.query(`UPDATE parcels SET land_area_sqm = 1 WHERE code = 'AREA-1'`).then(() => 'written', (e: Error) => e.message);
      throw Object.assign(new Error('rollback'), { result: { inserted, updated, refused } });
    }).catch((e: { result?: unknown }) => e.result) as { inserted: { stored: number; measured: number }; updated: { stored: number; measured: number }; refused: string };
    expect(result.inserted.stored).toBeGreaterThan(1000);
    expect(result.inserted.stored).toBe(result.inserted.measured);
    expect(result.updated.stored).toBeCloseTo(4 * result.inserted.stored, -2);
    expect(result.updated.stored).toBe(result.updated.measured);
    expect(result.refused).toMatch(/land_area_sqm/);
  });
});
