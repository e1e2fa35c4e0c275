import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { tinyBundleDir } from '../test-support/bundles.js';

/** GDAL is the independent party: it writes the files, the importer reads them back (test-support/gdal.ts). */
export { hasGdal } from '../test-support/gdal.js';
export const NO_GDAL_MESSAGE = 'ogr2ogr (GDAL) is not installed: the tests of files written by GDAL are skipped (apt-get install gdal-bin)';

const dirs: string[] = [];
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'muyield-import-'));
  dirs.push(dir);
  return dir;
}
export function removeTempDirs() {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

/**
 * The tiny fixture's four parcels as a park office would send them: Chinese column names, 用途 in words,
 * area in 亩 (the geometry's, for the declared-area check).
 */
export function chineseParcelsGeoJson(edit?: (features: GeoJSON.Feature[]) => void): GeoJSON.FeatureCollection {
  const json = JSON.parse(fs.readFileSync(path.join(tinyBundleDir, 'parcels.geojson'), 'utf8')) as GeoJSON.FeatureCollection;
  const features = json.features.map((f) => {
    const p = f.properties!;
    return {
      type: 'Feature' as const,
      properties: { 宗地号: p.code, 园区编号: p.park_code, 用途: '工业', 供地日期: p.supplied_on ? String(p.supplied_on).replace(/-/g, '/') : null },
      geometry: f.geometry,
    };
  });
  edit?.(features);
  return { type: 'FeatureCollection', features };
}

/** Write `geojson` and convert it with ogr2ogr; returns the output path. */
/** Two wells as points, lon/lat: a second layer beside the parcels in files of several layers. */
export function wellsGeoJson(): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { 编号: 'W1' }, geometry: { type: 'Point', coordinates: [108.95, 34.27] } },
      { type: 'Feature', properties: { 编号: 'W2' }, geometry: { type: 'Point', coordinates: [108.96, 34.28] } },
    ],
  };
}

export function ogr2ogr(geojson: GeoJSON.FeatureCollection, driver: string, outName: string, args: string[] = []): string {
  const dir = tempDir();
  const src = path.join(dir, 'source.geojson');
  fs.writeFileSync(src, JSON.stringify(geojson));
  const out = path.join(dir, outName);
  execFileSync('ogr2ogr', ['-f', driver, ...args, out, src], { stdio: 'pipe' });
  return out;
}

/** A zipped shapefile written by GDAL; `drop` removes parts (".prj", ".shx", …) before zipping. */
export async function shapefileZip(geojson: GeoJSON.FeatureCollection, args: string[] = [], drop: string[] = []): Promise<Buffer> {
  const shp = ogr2ogr(geojson, 'ESRI Shapefile', 'parcels.shp', args);
  const dir = path.dirname(shp);
  const zip = new JSZip();
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith('parcels.') || drop.some((d) => name.endsWith(d))) continue;
    zip.file(name, fs.readFileSync(path.join(dir, name)));
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export interface RawZipEntry {
  name: string;
  /** Deflated (method 8) or stored (method 0) bytes */
  data: Buffer;
  method: 0 | 8;
  crc32: number;
  /** What the headers claim, which a hostile zip may set to anything */
  declaredSize: number;
}

/** A zip written byte by byte, so tests can lie in it (sizes, names) as hostile zips do. */
export function rawZip(entries: RawZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc32 >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc32 >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const centralBytes = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralBytes, end]);
}

/** `bytes` of zeros deflated without ever holding them: ~1 KB out per MB in. */
export async function deflatedZeros(bytes: number): Promise<{ data: Buffer; crc32: number }> {
  const zlib = await import('node:zlib');
  const chunk = Buffer.alloc(1024 * 1024);
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  let crc = 0;
  for (let written = 0; written < bytes; written += chunk.length) {
    const piece = chunk.subarray(0, Math.min(chunk.length, bytes - written));
    crc = zlib.crc32(piece, crc);
    if (!deflate.write(piece)) await new Promise((r) => deflate.once('drain', r));
  }
  await new Promise((r) => deflate.end(r));
  return { data: Buffer.concat(out), crc32: crc };
}
