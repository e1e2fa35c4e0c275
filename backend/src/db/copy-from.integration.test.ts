import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { CopyText, copyTextLine } from './copy-text.js';
import { isDataRefusal } from './database.js';
import { multiPolygonEwkbHex } from '../import/wkb.js';

// Runs on the embedded PGlite (unit project) and on a real PostgreSQL (integration, TEST_DATABASE_URL)
let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(() => t?.dispose());

const AWKWARD = [
  'plain', '', 'it\'s "quoted"', 'tab\there', 'line\nbreak', 'carriage\rreturn', 'back\\slash', '\\N', '\\.', '西安高新技术产业开发区 A-01 地块',
  'ends with a backslash\\', '\t\n\\ all at once',
];

describe('copyFrom (COPY into a table)', () => {
  it('stores awkward text exactly: quotes, tabs, newlines, backslashes, \\N and \\. as text, Chinese', async () => {
    const rows = await t.db.transaction(async (tx) => {
      await tx.exec('CREATE TEMP TABLE copied (n int, s text) ON COMMIT DROP');
      const count = await tx.copyFrom('copied', ['n', 's'], AWKWARD.map((s, i) => [i, s]));
      expect(count).toBe(AWKWARD.length);
      return tx.query<{ n: number; s: string }>('SELECT n, s FROM copied ORDER BY n');
    });
    expect(rows.map((r) => r.s)).toEqual(AWKWARD);
  });

  it('takes rows made into COPY text beforehand (CopyText): pieces cut between lines, a line longer than a piece, Chinese text whole', async () => {
    const text = new CopyText(64); // bytes per piece: every few rows a new one
    const expected: string[] = [];
    for (let i = 0; i < 200; i++) {
      const s = i === 100 ? `长${'行'.repeat(100)}` : `${AWKWARD[i % AWKWARD.length]} 第${i}行`;
      expected.push(s);
      text.add([i, s]);
    }
    const rows = await t.db.transaction(async (tx) => {
      await tx.exec('CREATE TEMP TABLE prepared (n int, s text) ON COMMIT DROP');
      expect(await tx.copyFrom('prepared', ['n', 's'], text)).toBe(200);
      return tx.query<{ n: number; s: string }>('SELECT n, s FROM prepared ORDER BY n');
    });
    expect(text.pieces.length).toBeGreaterThan(50);
    expect(rows.map((r) => r.s)).toEqual(expected);
  });

  it('tells NULL from the empty string, and writes numbers, booleans, dates and numerics as PostgreSQL reads them', async () => {
    const rows = await t.db.transaction(async (tx) => {
      await tx.exec('CREATE TEMP TABLE typed (s text, n numeric, f float8, b boolean, d date) ON COMMIT DROP');
      await tx.copyFrom('typed', ['s', 'n', 'f', 'b', 'd'], [
        [null, 1e21, 0.1, true, '2024-02-29'],
        ['', -12.5, 2.5, false, null],
        [undefined, null, 1 / 3, null, '1999-12-31'],
      ]);
      return tx.query<Record<string, unknown>>(`SELECT s, s IS NULL AS s_null, n::text AS n, f, b, d::text AS d FROM typed ORDER BY d NULLS LAST`);
    });
    expect(rows).toEqual([
      { s: null, s_null: true, n: '1000000000000000000000', f: 1 / 3, b: null, d: '1999-12-31' },
      { s: null, s_null: true, n: '1000000000000000000000', f: 0.1, b: true, d: '2024-02-29' },
      { s: '', s_null: false, n: '-12.5', f: 2.5, b: false, d: null },
    ].map((r, i) => (i === 0 ? { ...r, n: null } : r)));
  });

  it('reads a geometry column from hex EWKB with its SRID and the same doubles', async () => {
    const square = [[[[108.123456789012, 34.1], [108.2, 34.1], [108.2, 34.2], [108.123456789012, 34.2], [108.123456789012, 34.1]]]] as [number, number][][][];
    const [row] = await t.db.transaction(async (tx) => {
      await tx.exec('CREATE TEMP TABLE shapes (g geometry) ON COMMIT DROP');
      await tx.copyFrom('shapes', ['g'], [[multiPolygonEwkbHex(square)]]);
      return tx.query<{ srid: number; type: string; x: number }>('SELECT ST_SRID(g) AS srid, GeometryType(g) AS type, ST_XMin(g) AS x FROM shapes');
    });
    expect(row).toEqual({ srid: 4326, type: 'MULTIPOLYGON', x: 108.123456789012 });
  });

  it('copies many rows (several pieces: over 8 MiB of text, PGlite copies it in two blobs) and works outside a transaction', async () => {
    await t.db.exec('CREATE TABLE copy_many (n int, s text)');
    const count = await t.db.copyFrom('copy_many', ['n', 's'], (function* () {
      for (let i = 0; i < 250_000; i++) yield [i, `行 ${i}\t${'x'.repeat(i % 50)}`];
    })());
    expect(count).toBe(250_000);
    const [r] = await t.db.query<{ n: number; sum: string; last: string }>(
      `SELECT count(*)::int AS n, sum(n)::text AS sum, max(s) FILTER (WHERE n = 249999) AS last FROM copy_many`);
    expect(r).toEqual({ n: 250_000, sum: String((249_999 * 250_000) / 2), last: `行 249999\t${'x'.repeat(249_999 % 50)}` });
    await t.db.exec('DROP TABLE copy_many');
  });

  // postgres.js loses the server's message when the refusal comes after the last row (porsager/postgres#1173)
  it('refuses a value of the wrong type, and the transaction writes nothing', async () => {
    await t.db.exec('CREATE TABLE copy_refused (n int)');
    await expect(t.db.transaction(async (tx) => {
      await tx.query('INSERT INTO copy_refused VALUES (1)');
      await tx.copyFrom('copy_refused', ['n'], [[2], ['not a number']]);
    })).rejects.toThrow(/invalid input syntax for type integer: "not a number"|the server refused the rows copied into copy_refused/);
    // the connection is usable afterwards
    expect(await t.db.query<{ n: number }>('SELECT 1 AS n')).toEqual([{ n: 1 }]);
    expect(await t.db.query('SELECT * FROM copy_refused')).toEqual([]);
    await t.db.exec('DROP TABLE copy_refused');
  });

  it('refuses a bad first row of many while the rest is still being sent, and the transaction writes nothing', async () => {
    await t.db.exec('CREATE TABLE copy_refused_early (n int, s text)');
    await expect(t.db.transaction(async (tx) => {
      await tx.copyFrom('copy_refused_early', ['n', 's'], (function* () {
        yield ['first', 'x'];
        for (let i = 0; i < 300_000; i++) yield [i, 'padding padding padding padding'];
      })());
    })).rejects.toThrow(/invalid input syntax for type integer: "first"|the server refused the rows copied into copy_refused_early/);
    expect(await t.db.query('SELECT * FROM copy_refused_early')).toEqual([]);
    expect(await t.db.query<{ n: number }>('SELECT 1 AS n')).toEqual([{ n: 1 }]);
    await t.db.exec('DROP TABLE copy_refused_early');
  });

  it('under a savepoint, a refused COPY (after its last row, or early) is undone and the transaction commits the rest', async () => {
    await t.db.exec('CREATE TABLE copy_savepoint (n int CHECK (n > 0))');
    const outcomes = await t.db.transaction(async (tx) => {
      await tx.query('INSERT INTO copy_savepoint VALUES (1)');
      // Refused by the data (a CHECK), which isDataRefusal tells from a wrong statement
      const said = (err: unknown) => (isDataRefusal(err) ? 'refused' : `not the data: ${String(err)}`);
      const late = await tx.savepoint((sp) => sp.copyFrom('copy_savepoint', ['n'], [[2], [3], [-4]])).then(() => 'written', said);
      const early = await tx.savepoint((sp) => sp.copyFrom('copy_savepoint', ['n'], (function* () {
        yield [-5];
        for (let i = 6; i < 100_000; i++) yield [i];
      })())).then(() => 'written', said);
      const wrong = await tx.savepoint((sp) => sp.copyFrom('copy_savepoint', ['no_such_column'], [[1]])).then(() => 'written', said);
      const kept = await tx.savepoint((sp) => sp.copyFrom('copy_savepoint', ['n'], [[7], [8]]));
      await tx.query('INSERT INTO copy_savepoint VALUES (9)');
      return { late, early, wrong, kept };
    });
    expect(outcomes).toEqual({ late: 'refused', early: 'refused', wrong: expect.stringMatching(/^not the data: .*no_such_column/), kept: 2 });
    expect((await t.db.query<{ n: number }>('SELECT n FROM copy_savepoint ORDER BY n')).map((r) => r.n)).toEqual([1, 7, 8, 9]);
    await t.db.exec('DROP TABLE copy_savepoint');
  });

  it('refuses table or column names that are not plain identifiers, and NUL characters, before sending anything', async () => {
    await expect(t.db.copyFrom('copy_x; DROP TABLE parks', ['n'], [[1]])).rejects.toThrow(/not a plain identifier/);
    await expect(t.db.copyFrom('parks', ['code"'], [['x']])).rejects.toThrow(/not a plain identifier/);
    expect(() => copyTextLine(['a\0b'])).toThrow(/NUL character/);
  });
});
