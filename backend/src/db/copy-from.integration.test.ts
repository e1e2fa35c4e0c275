import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { CopyText, copyTextLine } from './copy-text.js';
import { CopyBinary, copyBinaryStatements } from './copy-binary.js';
import { isDataRefusal } from './database.js';
import { multiPolygonEwkbHex } from './wkb.js';
import type { MultiPolygonCoordinates } from '../bundle/parse-geojson.js';

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

/** Deterministic random numbers in [0, 1) (mulberry32), so a failing value can be found again */
function randomFrom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** A finite double of any exponent, from 64 random bits: denormals, 1e308 and everything between. */
function anyDouble(random: () => number): number {
  const bits = Buffer.alloc(8);
  for (;;) {
    bits.writeUInt32BE(Math.floor(random() * 2 ** 32), 0);
    bits.writeUInt32BE(Math.floor(random() * 2 ** 32), 4);
    const x = bits.readDoubleBE(0);
    if (Number.isFinite(x)) return x;
  }
}

const SQUARE: MultiPolygonCoordinates = [[[[108.123456789012, 34.1], [108.2, 34.1], [108.2, 34.2], [108.123456789012, 34.2], [108.123456789012, 34.1]]]];
const TWO_WITH_HOLE: MultiPolygonCoordinates = [
  [[[108, 32], [108.01, 32], [108.01, 32.01], [108, 32.01], [108, 32]], [[108.002, 32.002], [108.002, 32.004], [108.004, 32.004], [108.002, 32.002]]],
  [[[109, 33], [109.5, 33], [109.5, 33.5], [109, 33]]],
];

describe('copyFrom with binary COPY data (CopyBinary)', () => {
  it('stores every type as the text COPY of the same values stores it: text (Chinese, awkward), boolean, int4, float8, date, numeric, geometry, NULL', async () => {
    type Row = [number, string | null, boolean | null, number | null, string | null, number | string | null, MultiPolygonCoordinates | null];
    const values: Row[] = [
      [1, '西安高新技术产业开发区 A-01 地块', true, 0.1, '2024-02-29', 4660.5, SQUARE],
      [2, '\t\n\\ all at once', false, -1 / 3, '0001-01-01', -58110169, TWO_WITH_HOLE],
      [3, '', null, -0, '9999-12-31', '1.50', SQUARE],
      [4, null, null, null, null, null, null],
      ...AWKWARD.map((s, i): Row => [10 + i, s, i % 2 === 0, i * 1e300, '1999-12-31', 1e21 * (i - 5), TWO_WITH_HOLE]),
    ];
    const copy = new CopyBinary(64);
    for (const [n, s, b, f, d, x, g] of values) copy.row(7).int4(n).text(s).boolean(b).float8(f).date(d).numeric(x).multiPolygon(g);
    const read = `SELECT n, s, s IS NULL AS s_null, b, f::text AS f, d::text AS d, x::text AS x, encode(ST_AsEWKB(g, 'NDR'), 'hex') AS g FROM __T__ ORDER BY n`;
    const { binary, text } = await t.db.transaction(async (tx) => {
      await tx.exec(`CREATE TEMP TABLE typed_binary (n int, s text, b boolean, f float8, d date, x numeric, g geometry(MultiPolygon, 4326)) ON COMMIT DROP;
                     CREATE TEMP TABLE typed_text (LIKE typed_binary) ON COMMIT DROP`);
      expect(await tx.copyFrom('typed_binary', ['n', 's', 'b', 'f', 'd', 'x', 'g'], copy)).toBe(values.length);
      await tx.copyFrom('typed_text', ['n', 's', 'b', 'f', 'd', 'x', 'g'], values.map(([n, s, b, f, d, x, g]) => [n, s, b, f, d, x, g && multiPolygonEwkbHex(g)]));
      return { binary: await tx.query(read.replace('__T__', 'typed_binary')), text: await tx.query(read.replace('__T__', 'typed_text')) };
    });
    expect(binary).toEqual(text);
    expect(binary.slice(0, 4)).toEqual([
      { n: 1, s: '西安高新技术产业开发区 A-01 地块', s_null: false, b: true, f: '0.1', d: '2024-02-29', x: '4660.5', g: multiPolygonEwkbHex(SQUARE) },
      { n: 2, s: '\t\n\\ all at once', s_null: false, b: false, f: '-0.3333333333333333', d: '0001-01-01', x: '-58110169', g: multiPolygonEwkbHex(TWO_WITH_HOLE) },
      { n: 3, s: '', s_null: false, b: null, f: '0', d: '9999-12-31', x: '1.50', g: multiPolygonEwkbHex(SQUARE) },
      { n: 4, s: null, s_null: true, b: null, f: null, d: null, x: null, g: null },
    ]);
  });

  it('writes numerics, dates and doubles exactly as PostgreSQL\'s own text input reads them (20 000 random values each)', async () => {
    const random = randomFrom(20_240_501);
    const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
    const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
    const numbers: (number | string)[] = [
      58110169, 4660.5, 0.001, 1e21, -1e21, 0, -0, 1e-7, 1.5e-7, 123e-20, 5e-324, -Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE,
      Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 53, 2 ** 70, 9999, 10000, 10001, 99999999, 0.0001, 0.00001, 12345.6789, NaN, Infinity, -Infinity,
      '1.50', '-0.000', '0012.3400', '.5', '5.', '+7', '1.2345e-3', '98765.4321e+3', '1e0', '-0e5', '10000.00000', '0.00010000',
    ];
    while (numbers.length < 20_000) {
      const kind = random();
      const sign = random() < 0.3 ? -1 : 1;
      if (kind < 0.3) numbers.push(anyDouble(random));
      else if (kind < 0.5) numbers.push(sign * Math.floor(random() * 10 ** Math.floor(random() * 25)));
      else if (kind < 0.75) numbers.push(sign * Math.round(random() * 10 ** Math.floor(random() * 12)) / 10 ** Math.floor(random() * 8)); // money, areas
      else if (kind < 0.9) numbers.push(sign * random() * 10 ** (Math.floor(random() * 60) - 30));
      else numbers.push(`${pick(['', '-', '+'])}${digits(Math.floor(random() * 12))}.${digits(1 + Math.floor(random() * 12))}${pick(['', `e${Math.floor(random() * 40) - 20}`])}`);
    }
    const DAY_MS = 86_400_000;
    const first = Date.UTC(2000, 0, 1) - 730_119 * DAY_MS; // 0001-01-01
    const dates = Array.from({ length: 20_000 }, () => new Date(first + Math.floor(random() * (730_119 + 2_921_940)) * DAY_MS).toISOString().slice(0, 10));
    dates.push('0001-01-01', '9999-12-31', '2000-02-29', '1900-03-01', '2100-02-28', '0004-02-29', '0400-02-29', '1999-12-31');
    const doubles = [...Array.from({ length: 20_000 }, () => anyDouble(random)), -0, 0, NaN, Infinity, -Infinity, Number.MIN_VALUE, Number.MAX_VALUE];

    const copy = new CopyBinary();
    const count = Math.max(numbers.length, dates.length, doubles.length);
    for (let i = 0; i < count; i++) copy.row(4).int4(i).numeric(numbers[i]).date(dates[i]).float8(doubles[i]);
    const differing = await t.db.transaction(async (tx) => {
      await tx.exec('CREATE TEMP TABLE exact (i int, x numeric, d date, f float8, x_text text, d_text text, f_text text) ON COMMIT DROP');
      await tx.copyFrom('exact', ['i', 'x', 'd', 'f'], copy);
      await tx.query(`UPDATE exact e SET x_text = v.x, d_text = v.d, f_text = v.f FROM unnest($1::int[], $2::text[], $3::text[], $4::text[]) AS v(i, x, d, f) WHERE v.i = e.i`,
        [Array.from({ length: count }, (_, i) => i), numbers.map(String), dates, doubles.map(String)]);
      // As text, numeric shows its scale too (1.50 is not 1.5); float8 shows -0
      return tx.query<{ i: number }>(`SELECT i, x::text AS x, x_text, d::text AS d, d_text, f::text AS f, f_text FROM exact
        WHERE x::text IS DISTINCT FROM x_text::numeric::text OR d IS DISTINCT FROM d_text::date OR f::text IS DISTINCT FROM f_text::float8::text ORDER BY i LIMIT 10`);
    });
    expect(differing).toEqual([]);
  });

  it('copies more rows than one PGlite statement takes (several COPY statements, each with its header and trailer) and works outside a transaction', async () => {
    const copy = new CopyBinary();
    for (let i = 0; i < 250_000; i++) copy.row(2).int4(i).text(`行 ${i}\t${'x'.repeat(i % 50)}`);
    expect(copyBinaryStatements(copy, 8 << 20).length).toBeGreaterThan(1);
    await t.db.exec('CREATE TABLE copy_many_binary (n int, s text)');
    expect(await t.db.copyFrom('copy_many_binary', ['n', 's'], copy)).toBe(250_000);
    const [r] = await t.db.query<{ n: number; sum: string; last: string }>(
      `SELECT count(*)::int AS n, sum(n)::text AS sum, max(s) FILTER (WHERE n = 249999) AS last FROM copy_many_binary`);
    expect(r).toEqual({ n: 250_000, sum: String((249_999 * 250_000) / 2), last: `行 249999\t${'x'.repeat(249_999 % 50)}` });
    await t.db.exec('DROP TABLE copy_many_binary');
  });

  it('under a savepoint, a refused binary COPY (a CHECK or foreign key in a later piece or statement or in the first row, a date PostgreSQL has not) is a data refusal and is undone', async () => {
    await t.db.exec(`CREATE TABLE copy_binary_parent (code text PRIMARY KEY);
                     INSERT INTO copy_binary_parent VALUES ('P');
                     CREATE TABLE copy_binary_refused (n int CHECK (n > 0), parent text REFERENCES copy_binary_parent (code), d date)`);
    type Bad = { n?: number; parent?: string; d?: string };
    const rows = (count: number, bad?: Bad & { at: number }) => {
      const copy = new CopyBinary(1024); // many pieces
      for (let i = 1; i <= count; i++) {
        const b: Bad = bad?.at === i ? bad : {};
        copy.row(3).int4(b.n ?? i).text(b.parent ?? 'P').date(b.d ?? '2024-05-01');
      }
      return copy;
    };
    const outcomes = await t.db.transaction(async (tx) => {
      await tx.query(`INSERT INTO copy_binary_refused VALUES (1, 'P', NULL)`);
      const said = (err: unknown) => (isDataRefusal(err) ? 'refused' : `not the data: ${String(err)}`);
      const copy = (rowsToCopy: CopyBinary, columns = ['n', 'parent', 'd']) =>
        tx.savepoint((sp) => sp.copyFrom('copy_binary_refused', columns, rowsToCopy)).then(() => 'written', said);
      // The last row of 5 000 (PGlite: one statement of several pieces) …
      const check = await copy(rows(5000, { at: 5000, n: -1 }));
      const foreignKey = await copy(rows(5000, { at: 4000, parent: 'NO-SUCH-PARENT' }));
      const yearZero = await copy(rows(5000, { at: 4999, d: '0000-01-01' }));
      // … and the last of 600 000 (PGlite: its earlier statements were written, then undone with the savepoint)
      const late = await copy(rows(600_000, { at: 600_000, n: -1 }));
      // … and the first of 600 000 (PostgreSQL: refused while the rest is still being sent)
      const early = await copy(rows(600_000, { at: 1, n: -1 }));
      const wrong = await copy(rows(2), ['n', 'no_such_column', 'd']);
      const kept = await copy(rows(3));
      return { check, foreignKey, yearZero, late, early, wrong, kept };
    });
    expect(outcomes).toEqual({ check: 'refused', foreignKey: 'refused', yearZero: 'refused', late: 'refused', early: 'refused', wrong: expect.stringMatching(/^not the data: .*no_such_column/), kept: 'written' });
    expect(await t.db.query('SELECT n, parent, d::text AS d FROM copy_binary_refused ORDER BY n, d NULLS FIRST')).toEqual([
      { n: 1, parent: 'P', d: null }, { n: 1, parent: 'P', d: '2024-05-01' }, { n: 2, parent: 'P', d: '2024-05-01' }, { n: 3, parent: 'P', d: '2024-05-01' },
    ]);
    expect(await t.db.query<{ n: number }>('SELECT 1 AS n')).toEqual([{ n: 1 }]);
    await t.db.exec('DROP TABLE copy_binary_refused; DROP TABLE copy_binary_parent');
  });
});
