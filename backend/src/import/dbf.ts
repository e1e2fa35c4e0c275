import { problemDetail, type ProblemDetail } from '../bundle/problems.js';

/**
 * A dBASE III table (the attributes of a Shapefile), decoded as UTF-8 or GBK. Chinese shapefiles come
 * in both: the .cpg says which when present; otherwise bytes that are not valid UTF-8 are GBK (codepage 936,
 * what ArcGIS and older QGIS write on Chinese Windows).
 */
export interface DbfTable {
  columns: string[];
  rows: Record<string, string | number | null>[];
  encoding: 'utf-8' | 'gbk';
  /** Why this encoding: the .cpg, the language-driver byte, or the bytes themselves */
  encodingReason: string;
}

/** `message` is English; `detail` says the same as data (ProblemParams' dbf… kinds) */
export class DbfError extends Error {
  constructor(message: string, readonly detail: ProblemDetail) {
    super(message);
  }
}

interface FieldDescriptor {
  name: string;
  type: string;
  length: number;
}

const GBK_CPG = /^(gbk|gb2312|gb18030|cp936|936|ansi 936|windows-936|cp_936)$/i;
const UTF8_CPG = /^(utf-?8|65001)$/i;
/** Language driver ids meaning codepage 936 (dBASE spec, ArcGIS) */
const GBK_LDIDS = new Set([0x4d, 0x7a]);

export function parseDbf(bytes: Buffer, cpg?: string): DbfTable {
  if (bytes.length < 32) throw new DbfError(`is ${bytes.length} bytes long; a .dbf header alone is 32`, problemDetail('dbfTooShort', { actualBytes: bytes.length }));
  const recordCount = bytes.readUInt32LE(4);
  const headerBytes = bytes.readUInt16LE(8);
  const recordBytes = bytes.readUInt16LE(10);
  if (headerBytes < 33 || headerBytes > bytes.length) {
    throw new DbfError(`has a header length of ${headerBytes} bytes in a file of ${bytes.length}; it is damaged`,
      problemDetail('dbfHeaderDamaged', { headerBytes, actualBytes: bytes.length }));
  }
  if (headerBytes + recordCount * recordBytes > bytes.length + 1) {
    throw new DbfError(`declares ${recordCount} records of ${recordBytes} bytes but is only ${bytes.length} bytes long; it is cut short`,
      problemDetail('dbfCutShort', { records: recordCount, recordBytes, actualBytes: bytes.length }));
  }
  const rawFields: { name: Buffer; type: string; length: number }[] = [];
  for (let offset = 32; offset + 32 <= headerBytes && bytes[offset] !== 0x0d; offset += 32) {
    const nameEnd = bytes.indexOf(0, offset);
    rawFields.push({
      name: bytes.subarray(offset, Math.min(nameEnd < 0 ? offset + 11 : nameEnd, offset + 11)),
      type: String.fromCharCode(bytes[offset + 11]),
      length: bytes[offset + 16],
    });
  }
  const fieldsBytes = rawFields.reduce((sum, f) => sum + f.length, 1);
  if (fieldsBytes !== recordBytes) {
    throw new DbfError(`its fields add up to ${fieldsBytes} bytes a record but the header says ${recordBytes}; it is damaged`,
      problemDetail('dbfFieldsDisagree', { fieldsBytes, recordBytes }));
  }

  const body = bytes.subarray(headerBytes, headerBytes + recordCount * recordBytes);
  // Names are cut at 10 bytes, often in the middle of a UTF-8 character: judge them without their last bytes
  const { encoding, reason } = chooseEncoding(cpg?.trim(), bytes[29], Buffer.concat([body, ...rawFields.map((f) => f.name.subarray(0, cutToWholeUtf8(f.name)))]));
  const decoder = new TextDecoder(encoding);
  const fields: FieldDescriptor[] = rawFields.map((f) => ({
    name: decoder.decode(encoding === 'utf-8' ? f.name.subarray(0, cutToWholeUtf8(f.name)) : f.name).trim(),
    type: f.type,
    length: f.length,
  }));

  const rows: Record<string, string | number | null>[] = [];
  for (let r = 0; r < recordCount; r++) {
    let offset = headerBytes + r * recordBytes;
    if (bytes[offset] === 0x2a) continue; // '*': deleted record
    offset += 1;
    const row: Record<string, string | number | null> = {};
    for (const f of fields) {
      const text = decoder.decode(bytes.subarray(offset, offset + f.length)).replace(/\0/g, '').trim();
      offset += f.length;
      row[f.name] = toValue(f.type, text);
    }
    rows.push(row);
  }
  return { columns: fields.map((f) => f.name), rows, encoding, encodingReason: reason };
}

function chooseEncoding(cpg: string | undefined, ldid: number, text: Buffer): { encoding: 'utf-8' | 'gbk'; reason: string } {
  const validUtf8 = isValidUtf8(text);
  if (cpg && UTF8_CPG.test(cpg)) {
    return validUtf8
      ? { encoding: 'utf-8', reason: `the .cpg says ${cpg}` }
      : { encoding: 'gbk', reason: `the .cpg says ${cpg} but the text is not valid UTF-8; read as GBK` };
  }
  if (cpg && GBK_CPG.test(cpg)) return { encoding: 'gbk', reason: `the .cpg says ${cpg}` };
  if (GBK_LDIDS.has(ldid)) return { encoding: 'gbk', reason: 'the .dbf language driver says codepage 936' };
  return validUtf8
    ? { encoding: 'utf-8', reason: 'no .cpg; the text is valid UTF-8' }
    : { encoding: 'gbk', reason: 'no .cpg; the text is not valid UTF-8, so GBK' };
}

/** Length of `bytes` without a UTF-8 sequence cut off at its end. */
function cutToWholeUtf8(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back];
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    if (b < 0x80) return bytes.length;
    const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return needed > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function toValue(type: string, text: string): string | number | null {
  if (text === '') return null;
  if (type === 'N' || type === 'F') {
    const n = Number(text);
    return Number.isFinite(n) ? n : text;
  }
  if (type === 'D' && /^0+$/.test(text)) return null;
  if (type === 'D' && /^\d{8}$/.test(text)) return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
  if (type === 'L') return /^[YyTt]$/.test(text) ? 'true' : /^[NnFf]$/.test(text) ? 'false' : null;
  return text;
}
