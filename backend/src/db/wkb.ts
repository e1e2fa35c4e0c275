import type { MultiPolygonCoordinates } from '../bundle/parse-geojson.js';

/**
 * Lon/lat MultiPolygon coordinates as base64 OGC WKB (little-endian, 2D): what PostGIS parses several
 * times faster than GeoJSON text (ST_GeomFromWKB(decode(…, 'base64'))), with the same doubles.
 */
export function multiPolygonWkbBase64(coordinates: MultiPolygonCoordinates): string {
  return multiPolygonWkb(coordinates).toString('base64');
}

/**
 * Lon/lat MultiPolygon coordinates as hex EWKB with SRID 4326: the text form PostgreSQL's geometry type
 * reads directly (a geometry column in COPY, or '…'::geometry), so no function call is needed to parse it.
 */
export function multiPolygonEwkbHex(coordinates: MultiPolygonCoordinates, srid = 4326): string {
  return multiPolygonWkb(coordinates, srid).toString('hex');
}

/** WKB of a MultiPolygon, little-endian, 2D; EWKB with the SRID flag (0x20000000) when an SRID is given. */
function multiPolygonWkb(coordinates: MultiPolygonCoordinates, srid?: number): Buffer {
  const b = Buffer.allocUnsafe(multiPolygonWkbBytes(coordinates, srid));
  writeMultiPolygonWkb(coordinates, b, 0, srid);
  return b;
}

/** The length of a MultiPolygon's WKB as writeMultiPolygonWkb writes it, bytes. */
export function multiPolygonWkbBytes(coordinates: MultiPolygonCoordinates, srid?: number): number {
  let size = srid === undefined ? 9 : 13;
  for (const polygon of coordinates) {
    size += 9;
    for (const ring of polygon) size += 4 + ring.length * 16;
  }
  return size;
}

/**
 * A MultiPolygon's WKB (little-endian, 2D; EWKB with the SRID flag 0x20000000 when an SRID is given) written
 * into `target` at `offset`, which must have multiPolygonWkbBytes of room: the bytes a geometry takes in a
 * binary COPY, written in place. Returns the offset after it.
 */
export function writeMultiPolygonWkb(coordinates: MultiPolygonCoordinates, target: Buffer, offset: number, srid?: number): number {
  const b = target;
  let o = b.writeUInt8(1, offset);
  if (srid === undefined) o = b.writeUInt32LE(6, o); // MultiPolygon
  else {
    o = b.writeUInt32LE(6 | 0x20000000, o); // MultiPolygon with an SRID
    o = b.writeUInt32LE(srid, o);
  }
  o = b.writeUInt32LE(coordinates.length, o);
  for (const polygon of coordinates) {
    o = b.writeUInt8(1, o);
    o = b.writeUInt32LE(3, o); // Polygon
    o = b.writeUInt32LE(polygon.length, o);
    for (const ring of polygon) {
      o = b.writeUInt32LE(ring.length, o);
      for (const [x, y] of ring) {
        o = b.writeDoubleLE(x, o);
        o = b.writeDoubleLE(y, o);
      }
    }
  }
  return o;
}
