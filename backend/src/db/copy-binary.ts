import type { MultiPolygonCoordinates } from '../bundle/parse-geojson.js';
import { multiPolygonWkbBytes, writeMultiPolygonWkb } from './wkb.js';

/**
 * PostgreSQL's binary COPY format (https://www.postgresql.org/docs/15/sql-copy.html, "Binary Format"): a
 * header, then per row an int16 field count and per field an int32 length (-1: NULL) and the value in its
 * type's binary form (its send/recv functions), then an int16 -1. Big-endian throughout, except inside a
 * geometry (EWKB says its own byte order). The server reads these without parsing text: COPY of 200 000
 * parcels into a plain table took 0.33 s this way, 1.20 s as text (hex EWKB, numerics and dates parsed).
 */

/** The signature 'PGCOPY\n\377\r\n\0', flags 0 (no OIDs), a header extension of 0 bytes */
export const COPY_BINARY_HEADER: Buffer = Buffer.from([0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0, 0, 0, 0, 0]);
/** A field count of -1 ends the data */
export const COPY_BINARY_TRAILER: Buffer = Buffer.from([0xff, 0xff]);

// numeric's sign word (src/include/utils/numeric.h … NUMERIC_NEG etc., src/backend/utils/adt/numeric.c)
const NUMERIC_POS = 0x0000;
const NUMERIC_NEG = 0x4000;
const NUMERIC_NAN = 0xc000;
const NUMERIC_PINF = 0xd000;
const NUMERIC_NINF = 0xf000;
const NUMERIC_DSCALE_MAX = 0x3fff;
/** A decimal number as numeric's text input reads it (without the spaces, spellings of infinity and NaN's cases it also takes) */
const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
/** Days from 1970-01-01 to 2000-01-01, PostgreSQL's date epoch */
const DAYS_1970_TO_2000 = 10_957;
/**
 * A day number date_recv refuses ("date out of range", SQLSTATE 22008, as date_in refuses '0000-01-01'): a date
 * PostgreSQL's text input would not take is sent as this, so the COPY is refused as the text one was. Not
 * INT32_MIN or INT32_MAX, which are -infinity and infinity.
 */
const REFUSED_DAY = -0x7fffffff;
/** A safe integer's base-10000 digits, lowest first (numericInteger): one array for all, so none is made per value */
const GROUPS = [0, 0, 0, 0];

/**
 * Rows made into binary COPY data ahead of the COPY, one at a time as they are built (as CopyText does for
 * text): each row written field by field into buffers of about `pieceBytes`, pieces holding whole rows only
 * (a row larger than a piece gets a buffer of its own size). A row is `row(fieldCount)` then that many fields,
 * each written by its column's type: `copy.row(3).text('A-01').numeric(4660.5).date(null)`. Each encoder writes
 * the value PostgreSQL's text input would store from what copyTextField writes for it. The header and trailer
 * are not in the pieces: they go around each COPY statement's data (copyBinaryStatements), as PGlite cuts a large
 * COPY into several statements. copyFrom takes it in place of rows.
 */
export class CopyBinary {
  readonly pieces: Buffer[] = [];
  rows = 0;
  private buffer: Buffer;
  private used = 0;
  /** Where the row being written starts in the buffer */
  private rowStart = 0;
  /** Fields the row being written still needs */
  private fieldsLeft = 0;
  /** Where the value of the field written last starts in the buffer */
  private valueStart = 0;

  constructor(private readonly pieceBytes = 1 << 20) {
    this.buffer = Buffer.allocUnsafe(pieceBytes);
  }

  /** Starts a row of `fields` fields; the row is complete (and counted) once they are written. */
  row(fields: number): this {
    if (this.fieldsLeft !== 0) throw new Error(`a row of binary COPY data started while the previous one still needs ${this.fieldsLeft} fields`);
    if (!Number.isInteger(fields) || fields < 1 || fields > 0x7fff) throw new RangeError(`a row of ${fields} fields`);
    this.rowStart = this.used;
    this.room(2);
    this.used = this.buffer.writeInt16BE(fields, this.used);
    this.fieldsLeft = fields;
    return this;
  }

  null(): this {
    this.field(0);
    this.used = this.buffer.writeInt32BE(-1, this.used);
    return this.fieldDone();
  }

  /** text (and varchar): UTF-8. A NUL character is refused, as copyTextField refuses it. */
  text(value: string | null | undefined): this {
    if (value === null || value === undefined) return this.null();
    if (value.includes('\0')) throw new Error(`a text value holds a NUL character, which PostgreSQL cannot store: ${JSON.stringify(value.slice(0, 40))}`);
    // A UTF-8 character is at most 3 bytes per UTF-16 unit
    this.field(3 * value.length);
    const bytes = this.buffer.write(value, this.used + 4);
    this.buffer.writeInt32BE(bytes, this.used);
    this.used += 4 + bytes;
    return this.fieldDone();
  }

  boolean(value: boolean | null | undefined): this {
    if (value === null || value === undefined) return this.null();
    this.field(1);
    this.used = this.buffer.writeInt32BE(1, this.used);
    this.used = this.buffer.writeUInt8(value ? 1 : 0, this.used);
    return this.fieldDone();
  }

  /** int4: a whole number from -2^31 to 2^31 - 1; any other number is refused here. */
  int4(value: number | null | undefined): this {
    if (value === null || value === undefined) return this.null();
    if (!Number.isInteger(value) || value < -0x80000000 || value > 0x7fffffff) throw new RangeError(`${value} is not an int4`);
    this.field(4);
    this.used = this.buffer.writeInt32BE(4, this.used);
    this.used = this.buffer.writeInt32BE(value, this.used);
    return this.fieldDone();
  }

  /** float8: the double itself; -0 as 0, which is what the text '0' (String(-0)) gives. */
  float8(value: number | null | undefined): this {
    if (value === null || value === undefined) return this.null();
    this.field(8);
    this.used = this.buffer.writeInt32BE(8, this.used);
    this.used = this.buffer.writeDoubleBE(value === 0 ? 0 : value, this.used);
    return this.fieldDone();
  }

  /**
   * date from 'YYYY-MM-DD' (what the bundle's date fields hold, fields.ts): int32 days since 2000-01-01. A day
   * PostgreSQL's text input refuses (year 0, a 30 February) is sent as a day number the server refuses too.
   */
  date(value: string | null | undefined): this {
    if (value === null || value === undefined) return this.null();
    this.field(4);
    this.used = this.buffer.writeInt32BE(4, this.used);
    this.used = this.buffer.writeInt32BE(isoDateToPgDays(value), this.used);
    return this.fieldDone();
  }

  /**
   * numeric from a number (as its text String(n) would be read: 4660.5, 1e+21 as 1000000000000000000000,
   * 1e-7 as 0.0000001) or a decimal string (its scale kept: '1.50' stays 1.50), in numeric's binary form: int16
   * base-10000 digit count, int16 weight of the first digit, uint16 sign, int16 display scale, the digits.
   */
  numeric(value: number | string | null | undefined): this {
    if (value === null || value === undefined) return this.null();
    if (typeof value === 'number' && Number.isSafeInteger(value)) return this.numericInteger(value);
    const text = String(value);
    if (text === 'NaN') return this.numericSpecial(NUMERIC_NAN);
    if (text === 'Infinity' || text === '+Infinity') return this.numericSpecial(NUMERIC_PINF);
    if (text === '-Infinity') return this.numericSpecial(NUMERIC_NINF);
    const m = DECIMAL.exec(text);
    if (!m || (m[2] === '' && !m[3])) throw new Error(`${JSON.stringify(text.slice(0, 40))} is not a decimal number`);
    const [, sign, whole, fraction = '', exponentText] = m;
    const exponent = exponentText === undefined ? 0 : Number(exponentText);
    // numeric_in: the scale is the digits after the point less the exponent, never below 0
    const dscale = Math.max(0, fraction.length - exponent);
    const digits = whole + fraction; // the value is digits × 10^(exponent - fraction.length)
    let first = 0;
    while (first < digits.length && digits.charCodeAt(first) === 0x30) first++;
    let end = digits.length;
    while (end > first && digits.charCodeAt(end - 1) === 0x30) end--;
    if (first === end) return this.numericHeader(0, 0, NUMERIC_POS, dscale); // zero has no sign
    /** The power of ten of the last nonzero digit, and of the first */
    const lowestPower = exponent - fraction.length + (digits.length - end);
    const highestPower = lowestPower + (end - first - 1);
    // Base-10000 digit g stands for the decimal powers 4g to 4g + 3
    const weight = Math.floor(highestPower / 4);
    const lowestGroup = Math.floor(lowestPower / 4);
    if (weight > 0x7fff || lowestGroup < -0x8000 || dscale > NUMERIC_DSCALE_MAX) throw new RangeError(`${text.slice(0, 40)} is beyond numeric's range`);
    this.numericHeader(weight - lowestGroup + 1, weight, sign === '-' ? NUMERIC_NEG : NUMERIC_POS, dscale);
    for (let g = weight; g >= lowestGroup; g--) {
      let group = 0;
      for (let p = 4 * g + 3; p >= 4 * g; p--) {
        const at = first + (highestPower - p);
        group = group * 10 + (at >= first && at < end ? digits.charCodeAt(at) - 0x30 : 0);
      }
      this.used = this.buffer.writeUInt16BE(group, this.used);
    }
    return this.fieldDone();
  }

  /** geometry: a lon/lat MultiPolygon as little-endian EWKB with its SRID (what the hex EWKB of text COPY spells). */
  multiPolygon(coordinates: MultiPolygonCoordinates | null | undefined, srid = 4326): this {
    if (coordinates === null || coordinates === undefined) return this.null();
    const bytes = multiPolygonWkbBytes(coordinates, srid);
    this.field(bytes);
    this.used = this.buffer.writeInt32BE(bytes, this.used);
    this.used = writeMultiPolygonWkb(coordinates, this.buffer, this.used, srid);
    return this.fieldDone();
  }

  /**
   * The bytes of the value written last (a view of the data, which stays as it is): e.g. a geometry's EWKB, so
   * the caller need not keep its coordinates should it need the shape again.
   */
  lastValue(): Buffer {
    return this.buffer.subarray(this.valueStart, this.used);
  }

  /** The rows in pieces, the last one included. */
  finish(): this {
    if (this.fieldsLeft !== 0) throw new Error(`the last row of binary COPY data still needs ${this.fieldsLeft} fields`);
    if (this.used === 0) return this;
    this.pieces.push(this.buffer.subarray(0, this.used));
    // The rest of the buffer is room for rows added afterwards
    this.buffer = this.buffer.subarray(this.used);
    this.used = 0;
    this.rowStart = 0;
    return this;
  }

  /** A safe integer (|n| < 2^53: 4 base-10000 digits at most) by arithmetic, as its text String(n) would be read. */
  private numericInteger(value: number): this {
    if (value === 0) return this.numericHeader(0, 0, NUMERIC_POS, 0);
    let rest = Math.abs(value);
    let count = 0;
    while (rest > 0) {
      const digit = rest % 10_000;
      GROUPS[count++] = digit;
      rest = (rest - digit) / 10_000; // exact: a multiple of 10 000 below 2^53
    }
    let lowest = 0;
    while (GROUPS[lowest] === 0) lowest++; // trailing zero digits are not stored
    this.numericHeader(count - lowest, count - 1, value < 0 ? NUMERIC_NEG : NUMERIC_POS, 0);
    for (let i = count - 1; i >= lowest; i--) this.used = this.buffer.writeUInt16BE(GROUPS[i], this.used);
    return this.fieldDone();
  }

  private numericSpecial(sign: number): this {
    return this.numericHeader(0, 0, sign, 0);
  }

  /** The field's length and numeric's header; the caller writes the `ndigits` digits after it (and ends the field) unless there are none. */
  private numericHeader(ndigits: number, weight: number, sign: number, dscale: number): this {
    this.field(8 + 2 * ndigits);
    this.used = this.buffer.writeInt32BE(8 + 2 * ndigits, this.used);
    this.used = this.buffer.writeInt16BE(ndigits, this.used);
    this.used = this.buffer.writeInt16BE(weight, this.used);
    this.used = this.buffer.writeUInt16BE(sign, this.used);
    this.used = this.buffer.writeInt16BE(dscale, this.used);
    return ndigits === 0 ? this.fieldDone() : this;
  }

  /** Room for a field of up to `valueBytes` bytes and its length word, in a row that was started. */
  private field(valueBytes: number): void {
    if (this.fieldsLeft === 0) throw new Error('a field of binary COPY data written outside a row (row(fieldCount) first), or beyond its field count');
    this.room(4 + valueBytes);
    this.valueStart = this.used + 4;
  }

  private fieldDone(): this {
    if (--this.fieldsLeft === 0) this.rows++;
    return this;
  }

  /**
   * `bytes` more room in the buffer. When it has not that much, the rows written so far become a piece and the
   * row being written moves to a new buffer (larger than a piece when the row needs it).
   */
  private room(bytes: number): void {
    if (this.used + bytes <= this.buffer.length) return;
    const partial = this.buffer.subarray(this.rowStart, this.used);
    if (this.rowStart > 0) this.pieces.push(this.buffer.subarray(0, this.rowStart));
    const next = Buffer.allocUnsafe(Math.max(this.pieceBytes, 2 * (partial.length + bytes)));
    partial.copy(next, 0);
    this.buffer = next;
    this.used = partial.length;
    this.rowStart = 0;
  }
}

/**
 * The data of the COPY statements that take these rows: whole pieces grouped up to `statementBytes` each (a
 * larger piece alone), each group between the header and the trailer. At least one statement, of no rows when
 * there are none (a COPY of no rows still fires the table's statement triggers, as the text one does).
 */
export function copyBinaryStatements(copy: CopyBinary, statementBytes = Infinity): Buffer[][] {
  const statements: Buffer[][] = [];
  let group: Buffer[] = [];
  let size = 0;
  for (const piece of copy.finish().pieces) {
    if (group.length > 0 && size + piece.length > statementBytes) {
      statements.push([COPY_BINARY_HEADER, ...group, COPY_BINARY_TRAILER]);
      group = [];
      size = 0;
    }
    group.push(piece);
    size += piece.length;
  }
  if (group.length > 0 || statements.length === 0) statements.push([COPY_BINARY_HEADER, ...group, COPY_BINARY_TRAILER]);
  return statements;
}

/**
 * An ISO date's day number for date_recv: days since 2000-01-01 on the proleptic Gregorian calendar, as date_in
 * reads 'YYYY-MM-DD' (years 1 to 9999). A date it refuses (year 0, a day the month has not) gives REFUSED_DAY.
 */
export function isoDateToPgDays(iso: string): number {
  // Read by character codes, as fields.ts's hasDateForm: a regular expression's match per date was a sixth of
  // the time making 200 000 parcels into binary COPY data, and most of its garbage
  const year = digitsValue(iso, 0, 4);
  const month = digitsValue(iso, 5, 7);
  const day = digitsValue(iso, 8, 10);
  if (iso.length !== 10 || iso.charCodeAt(4) !== 0x2d || iso.charCodeAt(7) !== 0x2d || Number.isNaN(year + month + day)) {
    throw new Error(`${JSON.stringify(iso.slice(0, 40))} is not a date in the form YYYY-MM-DD`);
  }
  if (year === 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return REFUSED_DAY;
  return daysFromCivil(year, month, day) - DAYS_1970_TO_2000;
}

/** The number the ASCII digits text[start, end) write, or NaN when one of them is not a digit (or missing). */
function digitsValue(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (!(digit >= 0 && digit <= 9)) return NaN;
    n = n * 10 + digit;
  }
  return n;
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms", days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}
