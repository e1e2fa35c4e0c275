import { describe, expect, it } from 'vitest';
import { DbfError, parseDbf } from './dbf.js';

/**
 * A dBASE III table of one character field, written byte by byte (header 32 bytes, 32 per field, 0x0D;
 * then per record a deletion flag and the field), so a test can damage it where it likes.
 */
function dbfOf(values: string[], fieldBytes = 10): Buffer {
  const headerBytes = 32 + 32 + 1;
  const recordBytes = 1 + fieldBytes;
  const bytes = Buffer.alloc(headerBytes + values.length * recordBytes + 1, 0x20);
  bytes.fill(0, 0, headerBytes);
  bytes[0] = 0x03;
  bytes.writeUInt32LE(values.length, 4);
  bytes.writeUInt16LE(headerBytes, 8);
  bytes.writeUInt16LE(recordBytes, 10);
  bytes.write('NAME', 32, 'latin1');
  bytes[32 + 11] = 'C'.charCodeAt(0);
  bytes[32 + 16] = fieldBytes;
  bytes[64] = 0x0d;
  values.forEach((v, i) => bytes.write(v, headerBytes + i * recordBytes + 1, 'utf8'));
  bytes[bytes.length - 1] = 0x1a;
  return bytes;
}

function failure(bytes: Buffer): DbfError {
  try {
    parseDbf(bytes);
  } catch (err) {
    if (err instanceof DbfError) return err;
    throw err;
  }
  throw new Error('parseDbf read a damaged .dbf');
}

describe('a damaged .dbf is refused with its kind and the numbers that show the damage', () => {
  const whole = dbfOf(['P01', 'P02', 'P03']);

  it('reads the undamaged table it is damaged from', () => {
    expect(parseDbf(whole).rows).toEqual([{ NAME: 'P01' }, { NAME: 'P02' }, { NAME: 'P03' }]);
  });

  it('too short for its own header', () => {
    expect(failure(whole.subarray(0, 20))).toMatchObject({
      message: 'is 20 bytes long; a .dbf header alone is 32', detail: { kind: 'dbfTooShort', params: { actualBytes: 20 } },
    });
  });

  it('a header length beyond the end of the file', () => {
    const damaged = Buffer.from(whole);
    damaged.writeUInt16LE(5000, 8);
    expect(failure(damaged)).toMatchObject({
      message: `has a header length of 5000 bytes in a file of ${whole.length}; it is damaged`,
      detail: { kind: 'dbfHeaderDamaged', params: { headerBytes: 5000, actualBytes: whole.length } },
    });
  });

  it('records cut off at the end', () => {
    const cut = whole.subarray(0, whole.length - 12);
    expect(failure(cut)).toMatchObject({
      message: `declares 3 records of 11 bytes but is only ${cut.length} bytes long; it is cut short`,
      detail: { kind: 'dbfCutShort', params: { records: 3, recordBytes: 11, actualBytes: cut.length } },
    });
  });

  it('fields that do not add up to the record length the header gives', () => {
    const damaged = Buffer.from(whole);
    damaged.writeUInt16LE(9, 10);
    expect(failure(damaged)).toMatchObject({
      message: 'its fields add up to 11 bytes a record but the header says 9; it is damaged',
      detail: { kind: 'dbfFieldsDisagree', params: { fieldsBytes: 11, recordBytes: 9 } },
    });
  });
});
