import JSZip from 'jszip';
import type { CellValue, ExportColumn, ExportTable } from './headers.js';
import { extentOf, orientPolygon, toPolygons, type Extent, type PolygonRings } from './geometry.js';
import { toCsv } from './to-csv.js';

// ESRI Shapefile Technical Description (July 1998) and the dBase III file format. We write our own rather
// than use @mapbox/shp-write 0.4.3: its dbf writer stores each UTF-16 code unit as one byte (Chinese comes
// out as garbage), pads every text field to 254 bytes and leaves ring orientation as given.

const SHAPE_NULL = 0;
const SHAPE_POLYGON = 5;
/** WGS 84 lon/lat in the ESRI WKT dialect that ArcGIS and QGIS expect in a .prj. */
export const PRJ_WGS84 =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const MAX_TEXT_BYTES = 254;
const NUMBER_WIDTH = 20;
const INTEGER_WIDTH = 11;

/** Ring starts and points of one polygon record, rings oriented the shapefile way (outer clockwise). */
function polygonRecord(polygons: PolygonRings[]): { parts: number[]; points: number[][] } {
  const parts: number[] = [];
  const points: number[][] = [];
  for (const polygon of polygons) {
    for (const ring of orientPolygon(polygon, false)) {
      parts.push(points.length);
      for (const p of ring) points.push(p);
    }
  }
  return { parts, points };
}

function writeHeader(view: DataView, fileLengthBytes: number, shapeType: number, extent: Extent | null) {
  view.setInt32(0, 9994, false);
  view.setInt32(24, fileLengthBytes / 2, false);
  view.setInt32(28, 1000, true);
  view.setInt32(32, shapeType, true);
  if (extent) {
    view.setFloat64(36, extent.minX, true);
    view.setFloat64(44, extent.minY, true);
    view.setFloat64(52, extent.maxX, true);
    view.setFloat64(60, extent.maxY, true);
  }
}

/** The .shp and .shx of polygon geometries (null where a feature has none). */
export function toShpAndShx(geometries: (GeoJSON.Geometry | null)[]): { shp: Buffer; shx: Buffer } {
  const records = geometries.map((g) => {
    const polygons = toPolygons(g);
    return polygons.length ? { ...polygonRecord(polygons), extent: extentOf(polygons) } : null;
  });
  const contentBytes = records.map((r) => (r ? 44 + 4 * r.parts.length + 16 * r.points.length : 4));
  const shpLength = 100 + contentBytes.reduce((s, n) => s + 8 + n, 0);
  const shp = Buffer.alloc(shpLength);
  const shx = Buffer.alloc(100 + 8 * records.length);
  const shpView = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  const shxView = new DataView(shx.buffer, shx.byteOffset, shx.byteLength);
  const present = records.filter((r): r is NonNullable<typeof r> => r !== null);
  const extent = present.length ? present.reduce((e, r) => ({
    minX: Math.min(e.minX, r.extent.minX), minY: Math.min(e.minY, r.extent.minY),
    maxX: Math.max(e.maxX, r.extent.maxX), maxY: Math.max(e.maxY, r.extent.maxY),
  }), present[0].extent) : null;
  writeHeader(shpView, shpLength, SHAPE_POLYGON, extent);
  writeHeader(shxView, shx.length, SHAPE_POLYGON, extent);

  let offset = 100;
  records.forEach((r, i) => {
    shxView.setInt32(100 + 8 * i, offset / 2, false);
    shxView.setInt32(100 + 8 * i + 4, contentBytes[i] / 2, false);
    shpView.setInt32(offset, i + 1, false);
    shpView.setInt32(offset + 4, contentBytes[i] / 2, false);
    let at = offset + 8;
    if (!r) {
      shpView.setInt32(at, SHAPE_NULL, true);
    } else {
      shpView.setInt32(at, SHAPE_POLYGON, true);
      shpView.setFloat64(at + 4, r.extent.minX, true);
      shpView.setFloat64(at + 12, r.extent.minY, true);
      shpView.setFloat64(at + 20, r.extent.maxX, true);
      shpView.setFloat64(at + 28, r.extent.maxY, true);
      shpView.setInt32(at + 36, r.parts.length, true);
      shpView.setInt32(at + 40, r.points.length, true);
      at += 44;
      for (const start of r.parts) {
        shpView.setInt32(at, start, true);
        at += 4;
      }
      for (const [x, y] of r.points) {
        shpView.setFloat64(at, x, true);
        shpView.setFloat64(at + 8, y, true);
        at += 16;
      }
    }
    offset += 8 + contentBytes[i];
  });
  return { shp, shx };
}

/** A UTF-8 string cut to at most `maxBytes` bytes without splitting a character. */
export function truncateUtf8(text: string, maxBytes: number): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return bytes;
  let end = maxBytes;
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--; // back off continuation bytes
  return bytes.subarray(0, end);
}

interface DbfField {
  column: ExportColumn;
  type: 'C' | 'N' | 'D' | 'L';
  width: number;
  decimals: number;
  encode: (value: CellValue) => Buffer;
}

const padLeft = (text: string, width: number) => Buffer.from(text.length > width ? '*'.repeat(width) : text.padStart(width, ' '), 'latin1');

function dbfField(column: ExportColumn, values: CellValue[]): DbfField {
  switch (column.type) {
    case 'integer':
      return { column, type: 'N', width: INTEGER_WIDTH, decimals: 0, encode: (v) => padLeft(typeof v === 'number' ? v.toFixed(0) : '', INTEGER_WIDTH) };
    case 'number': {
      const decimals = column.decimals ?? 6;
      // `|| 0`: a value that rounds to zero from below would be written "-0.00"
      return { column, type: 'N', width: NUMBER_WIDTH, decimals, encode: (v) => padLeft(typeof v === 'number' ? (Number(v.toFixed(decimals)) || 0).toFixed(decimals) : '', NUMBER_WIDTH) };
    }
    case 'date':
      return { column, type: 'D', width: 8, decimals: 0, encode: (v) => Buffer.from(typeof v === 'string' ? v.replace(/-/g, '').slice(0, 8).padEnd(8, ' ') : ' '.repeat(8), 'latin1') };
    case 'boolean':
      return { column, type: 'L', width: 1, decimals: 0, encode: (v) => Buffer.from(v === true ? 'T' : v === false ? 'F' : '?', 'latin1') };
    case 'text': {
      const encoded = values.map((v) => (v == null ? null : truncateUtf8(String(v), MAX_TEXT_BYTES)));
      const width = Math.max(1, ...encoded.map((b) => b?.length ?? 0));
      return { column, type: 'C', width, decimals: 0, encode: (v) => {
        const out = Buffer.alloc(width, 0x20);
        if (v != null) truncateUtf8(String(v), width).copy(out);
        return out;
      } };
    }
  }
}

/** The .dbf of the features' attributes, text in UTF-8 (declared by the .cpg beside it). */
export function toDbf(columns: readonly ExportColumn[], rows: Record<string, CellValue>[], now = new Date()): Buffer {
  const fields = columns.map((c) => dbfField(c, rows.map((r) => r[c.key] ?? null)));
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + fields.reduce((s, f) => s + f.width, 0);
  const out = Buffer.alloc(headerLength + recordLength * rows.length + 1);
  out.writeUInt8(0x03, 0); // dBase III without memo
  out.writeUInt8(now.getUTCFullYear() - 1900, 1);
  out.writeUInt8(now.getUTCMonth() + 1, 2);
  out.writeUInt8(now.getUTCDate(), 3);
  out.writeUInt32LE(rows.length, 4);
  out.writeUInt16LE(headerLength, 8);
  out.writeUInt16LE(recordLength, 10);
  fields.forEach((f, i) => {
    const at = 32 + 32 * i;
    if (!/^[A-Za-z][A-Za-z0-9_]{0,9}$/.test(f.column.shp)) throw new Error(`dBase field name "${f.column.shp}" must be 1–10 ASCII letters, digits or _`);
    out.write(f.column.shp, at, 'latin1');
    out.write(f.type, at + 11, 'latin1');
    out.writeUInt8(f.width, at + 16);
    out.writeUInt8(f.decimals, at + 17);
  });
  out.writeUInt8(0x0d, headerLength - 1);
  let at = headerLength;
  for (const row of rows) {
    out.writeUInt8(0x20, at++); // not deleted
    for (const f of fields) {
      f.encode(row[f.column.key] ?? null).copy(out, at);
      at += f.width;
    }
  }
  out.writeUInt8(0x1a, at);
  return out;
}

/** Which dBase field holds which column: the sidecar `<name>.fields.csv` in every Shapefile zip. */
export function toFieldsCsv(columns: readonly ExportColumn[]): Buffer {
  return toCsv({
    columns: [
      { key: 'shp', shp: 'shp', zh: 'Shapefile字段', en: 'shapefile_field', type: 'text' },
      { key: 'key', shp: 'key', zh: 'GeoJSON/GeoPackage字段', en: 'geojson_field', type: 'text' },
      { key: 'zh', shp: 'zh', zh: '中文表头', en: 'header_zh', type: 'text' },
      { key: 'en', shp: 'en', zh: '英文表头', en: 'header_en', type: 'text' },
      { key: 'type', shp: 'type', zh: '类型', en: 'type', type: 'text' },
    ],
    features: columns.map((c) => ({
      geometry: null,
      properties: { shp: c.shp, key: c.key, zh: c.unit ? `${c.zh}(${c.unit})` : c.zh, en: c.unit ? `${c.en} (${c.unit})` : c.en, type: c.type },
    })),
  }, { lang: 'en', guardFormulas: false });
}

/**
 * A polygon layer as a zipped Shapefile: .shp, .shx, .dbf (UTF-8), .cpg ("UTF-8"), .prj (WGS 84) and a
 * .fields.csv naming the column behind each ≤10-character field. Text longer than 254 bytes is cut.
 */
export async function toShapefileZip(table: Pick<ExportTable, 'columns' | 'features'>, baseName: string): Promise<Buffer> {
  const { shp, shx } = toShpAndShx(table.features.map((f) => f.geometry));
  const zip = new JSZip();
  zip.file(`${baseName}.shp`, shp);
  zip.file(`${baseName}.shx`, shx);
  zip.file(`${baseName}.dbf`, toDbf(table.columns, table.features.map((f) => f.properties)));
  zip.file(`${baseName}.prj`, PRJ_WGS84);
  zip.file(`${baseName}.cpg`, 'UTF-8');
  zip.file(`${baseName}.fields.csv`, toFieldsCsv(table.columns));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
