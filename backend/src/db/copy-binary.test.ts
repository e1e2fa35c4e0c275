import { describe, expect, it } from 'vitest';
import { COPY_BINARY_HEADER, COPY_BINARY_TRAILER, CopyBinary, copyBinaryStatements, isoDateToPgDays } from './copy-binary.js';
import { copyTextField } from './copy-text.js';
import { multiPolygonEwkbHex } from './wkb.js';

/** The fields of each row in binary COPY data without header or trailer: null, or the value's bytes as hex. */
function readRows(data: Buffer): (string | null)[][] {
  const rows: (string | null)[][] = [];
  let o = 0;
  while (o < data.length) {
    const count = data.readInt16BE(o);
    o += 2;
    const row: (string | null)[] = [];
    for (let i = 0; i < count; i++) {
      const length = data.readInt32BE(o);
      o += 4;
      row.push(length < 0 ? null : data.subarray(o, o + length).toString('hex'));
      o += Math.max(length, 0);
    }
    rows.push(row);
  }
  return rows;
}

/** numeric's binary form of one value, as [ndigits, weight, sign, dscale, ...digits]. */
function numericWords(value: number | string): number[] {
  const copy = new CopyBinary().row(1).numeric(value).finish();
  const field = Buffer.from(readRows(copy.pieces[0])[0][0]!, 'hex');
  const words = [field.readInt16BE(0), field.readInt16BE(2), field.readUInt16BE(4), field.readInt16BE(6)];
  for (let o = 8; o < field.length; o += 2) words.push(field.readUInt16BE(o));
  return words;
}

describe('CopyBinary (PostgreSQL binary COPY data)', () => {
  it('has the header and trailer of the format: signature, no flags, no header extension; a field count of -1', () => {
    expect(COPY_BINARY_HEADER.toString('latin1')).toBe('PGCOPY\n\xff\r\n\0\0\0\0\0\0\0\0\0');
    expect(COPY_BINARY_TRAILER.readInt16BE(0)).toBe(-1);
  });

  it('writes a row as its field count, then each field\'s length (-1 for NULL) and bytes: text as UTF-8, int4, float8 and boolean big-endian', () => {
    const copy = new CopyBinary().row(6).text('地块').null().int4(-2).float8(0.1).boolean(true).text('').finish();
    expect(copy.rows).toBe(1);
    expect(copy.pieces[0].toString('hex')).toBe([
      '0006',
      '00000006', Buffer.from('地块').toString('hex'),
      'ffffffff',
      '00000004', 'fffffffe',
      '00000008', '3fb999999999999a',
      '00000001', '01',
      '00000000',
    ].join(''));
  });

  it('writes -0 as the float8 0, as the text COPY (String(-0) is "0")', () => {
    expect(readRows(new CopyBinary().row(1).float8(-0).finish().pieces[0])).toEqual([['0000000000000000']]);
  });

  it('writes numerics as numeric\'s text input reads String(n): base-10000 digits, the first one\'s weight, sign, scale', () => {
    expect(numericWords(4660.5)).toEqual([2, 0, 0, 1, 4660, 5000]);
    expect(numericWords(58110169)).toEqual([2, 1, 0, 0, 5811, 169]);
    expect(numericWords(0.001)).toEqual([1, -1, 0, 3, 10]);
    expect(numericWords(1e21)).toEqual([1, 5, 0, 0, 10]); // "1e+21": 10 × 10000^5, scale 0
    expect(numericWords(-12.5)).toEqual([2, 0, 0x4000, 1, 12, 5000]);
    expect(numericWords(-120000)).toEqual([1, 1, 0x4000, 0, 12]); // trailing zero digits are not stored
    expect(numericWords(0)).toEqual([0, 0, 0, 0]);
    expect(numericWords(-0)).toEqual([0, 0, 0, 0]);
    expect(numericWords(1.5e-7)).toEqual([1, -2, 0, 8, 15]); // "1.5e-7": 0.00000015, 15 × 10000^-2
    expect(numericWords('1.50')).toEqual([2, 0, 0, 2, 1, 5000]); // a string's scale is kept
    expect(numericWords('-0.000')).toEqual([0, 0, 0, 3]); // zero has no sign
    expect(numericWords(NaN)).toEqual([0, 0, 0xc000, 0]);
    expect(numericWords(Infinity)).toEqual([0, 0, 0xd000, 0]);
    expect(numericWords(-Infinity)).toEqual([0, 0, 0xf000, 0]);
    expect(() => numericWords('12,5')).toThrow(/is not a decimal number/);
  });

  it('writes a date as days since 2000-01-01, and a date PostgreSQL refuses as a day it refuses too', () => {
    expect(['2000-01-01', '1999-12-31', '2024-02-29', '0001-01-01', '9999-12-31'].map(isoDateToPgDays)).toEqual([0, -1, 8825, -730119, 2921939]);
    // year 0 passes the bundle's field check (Date.UTC reads it as 1900) but not date_in
    for (const refused of ['0000-01-01', '2023-02-29', '1900-02-29', '2024-04-31', '2024-13-01', '2024-00-10']) {
      expect(isoDateToPgDays(refused)).toBeLessThan(-2451545); // below 4713-11-24 BC, the first day PostgreSQL has
    }
    expect(() => isoDateToPgDays('2024-5-1')).toThrow(/not a date in the form YYYY-MM-DD/);
  });

  it('keeps each row whole in one piece, a row larger than a piece in a buffer of its own, and every row in order', () => {
    const copy = new CopyBinary(64);
    const expected: (string | null)[][] = [];
    for (let i = 0; i < 300; i++) {
      const s = i === 150 ? '长'.repeat(200) : `第${i}行`.repeat(i % 7);
      copy.row(3).int4(i).text(s).null();
      expected.push([Buffer.from([i >> 24, (i >> 16) & 255, (i >> 8) & 255, i & 255]).toString('hex'), Buffer.from(s).toString('hex'), null]);
    }
    copy.finish();
    expect(copy.rows).toBe(300);
    expect(copy.pieces.length).toBeGreaterThan(50);
    expect(copy.pieces.some((p) => p.length > 600)).toBe(true);
    // Each piece parses alone into whole rows
    expect(copy.pieces.flatMap(readRows)).toEqual(expected);
  });

  it('gives the bytes of the value written last, which stay as they are while more rows are written (a shape\'s EWKB, kept instead of its coordinates)', () => {
    const copy = new CopyBinary(96);
    const shapes: { ewkb: Buffer; coordinates: [number, number][][][] }[] = [];
    for (let i = 0; i < 40; i++) {
      const x = 108 + i / 1000;
      const coordinates: [number, number][][][] = [[[[x, 32.7], [x + 0.001, 32.7], [x + 0.001, 32.701], [x, 32.7]]]];
      copy.row(2).text(`P-${i}`).multiPolygon(coordinates);
      shapes.push({ ewkb: copy.lastValue(), coordinates });
    }
    copy.finish();
    // Rows moved to new buffers as the pieces filled: each view still holds its own shape
    expect(copy.pieces.length).toBeGreaterThan(10);
    for (const { ewkb, coordinates } of shapes) expect(ewkb.toString('hex')).toBe(multiPolygonEwkbHex(coordinates));
    expect(copy.pieces.flatMap(readRows).map((r) => r[1])).toEqual(shapes.map((s) => s.ewkb.toString('hex')));
  });

  it('groups whole pieces into COPY statements of at most so many bytes (a larger piece alone), each between the header and the trailer', () => {
    const copy = new CopyBinary(100);
    for (let i = 0; i < 100; i++) copy.row(1).text(i === 40 ? 'x'.repeat(500) : `row ${i}`);
    const statements = copyBinaryStatements(copy, 250);
    expect(statements.length).toBeGreaterThan(3);
    for (const data of statements) {
      expect(data[0]).toBe(COPY_BINARY_HEADER);
      expect(data[data.length - 1]).toBe(COPY_BINARY_TRAILER);
      const rows = data.slice(1, -1);
      const bytes = rows.reduce((n, p) => n + p.length, 0);
      expect(rows.length === 1 || bytes <= 250).toBe(true);
    }
    expect(statements.flatMap((data) => data.slice(1, -1)).flatMap(readRows).map((r) => Buffer.from(r[0]!, 'hex').toString())).toEqual(
      Array.from({ length: 100 }, (_, i) => (i === 40 ? 'x'.repeat(500) : `row ${i}`)));
    expect(copyBinaryStatements(new CopyBinary())).toEqual([[COPY_BINARY_HEADER, COPY_BINARY_TRAILER]]);
  });

  it('refuses a NUL character as the text COPY does, fields outside a row, a row short of its fields, and a number int4 cannot hold', () => {
    const nul = (() => { try { copyTextField('a\0b'); } catch (err) { return (err as Error).message; } })();
    expect(() => new CopyBinary().row(1).text('a\0b')).toThrow(nul);
    expect(() => new CopyBinary().text('a')).toThrow(/outside a row/);
    expect(() => new CopyBinary().row(1).text('a').text('b')).toThrow(/beyond its field count/);
    expect(() => new CopyBinary().row(2).text('a').finish()).toThrow(/still needs 1 fields/);
    expect(() => new CopyBinary().row(2).text('a').row(1)).toThrow(/still needs 1 fields/);
    expect(() => new CopyBinary().row(1).int4(2 ** 31)).toThrow(/not an int4/);
    expect(() => new CopyBinary().row(1).int4(1.5)).toThrow(/not an int4/);
  });
});
