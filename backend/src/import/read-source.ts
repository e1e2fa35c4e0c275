import fs from 'node:fs';
import path from 'node:path';
import type { EarlyRows, SourceData, SourceInput, SourceLayer } from './source.js';
import { problemDetail } from '../bundle/problems.js';
import { ImportReadError, openZip, type ZipEntry } from './safe-zip.js';
import { chooseSourceLayer } from './source-layers.js';
import { readGeoJson } from './read-geojson.js';
import { readCsv } from './read-table.js';
import { readXlsx } from './read-xlsx.js';
import { readKml } from './read-kml.js';
import { readShapefileZip } from './read-shapefile.js';
import { readGeoPackage } from './read-geopackage.js';

export interface ReadOptions {
  /** Shapefile base name, GeoPackage table, or a file's path in a zip of several, when the file holds several */
  sourceLayer?: string;
  /** Offer the rows read so far once this many are read, where the format is streamed (GeoJSON): see readGeoJson */
  early?: EarlyRows;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** How much of the start of a file the format is told from, bytes. */
const HEAD_BYTES = 4096;
/** Read size when streaming a file, bytes (fs's default 64 KiB; larger chunks did not parse faster). */
const STREAM_CHUNK_BYTES = 64 * 1024;

/**
 * Read one uploaded file, whatever its format: by its content first (zip, SQLite, XML, JSON) and its name
 * second, so a wrong extension does not matter. Given a path, only the first bytes are read to tell the
 * format; GeoJSON, CSV and XLSX are then streamed, the other formats are read whole where their library
 * needs the bytes.
 */
export async function readSource(input: SourceInput, fileName: string, options: ReadOptions = {}): Promise<SourceData> {
  const file = path.basename(fileName);
  const ext = path.extname(file).toLowerCase();
  const head = await readHead(input, file);
  if (head.length === 0) throw new ImportReadError(file, 'is empty (0 bytes)', problemDetail('fileEmpty', {}));
  if (ext === '.shp' || ext === '.shx' || ext === '.dbf') {
    throw new ImportReadError(file, 'is one part of a shapefile: zip the .shp, .shx, .dbf, .prj (and .cpg) together and import the .zip',
      problemDetail('shapefilePartAlone', { part: ext }));
  }
  if (head[0] === 0x50 && head[1] === 0x4b) {
    const entries = await openUploadedZip(input, file, ext);
    if (entries === 'xlsx') return readXlsx(input, file);
    const names = entries.map((e) => e.name.toLowerCase());
    if (names.some((n) => n.endsWith('.shp') || n.endsWith('.dbf') || n.endsWith('.shx'))) return readShapefileZip(entries, file, options.sourceLayer);
    const readable = entries.filter((e) => DATA_FILE_IN_ZIP.test(e.name));
    if (readable.length === 0) {
      const names = entries.slice(0, 5).map((e) => e.name);
      throw new ImportReadError(file, `is a zip of ${entries.length} file(s) (${names.join(', ')}) but no shapefile, KML, GeoJSON, GeoPackage or CSV`,
        problemDetail('zipWithoutData', { entries: entries.length, names }));
    }
    if (readable.length === 1) return readZipEntry(readable[0], file, options);
    return readOneOfSeveral(readable, file, options.sourceLayer);
  }
  if (head.subarray(0, 16).equals(SQLITE_MAGIC)) return readGeoPackage(await readWhole(input), file, options.sourceLayer);
  const text = head.subarray(0, 512).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('<')) return readKml(await readWhole(input), file);
  if (text.startsWith('{') || ext === '.geojson' || ext === '.json') return readGeoJson(readChunks(input), file, options.early);
  if (ext === '.xls') throw new ImportReadError(file, 'is an old Excel .xls workbook: save it as .xlsx or .csv', problemDetail('oldExcelWorkbook', {}));
  if (ext === '.gpkg') throw new ImportReadError(file, 'is not a GeoPackage (no SQLite header)', problemDetail('notGeoPackage', {}));
  if (ext === '.kmz' || ext === '.zip' || ext === '.xlsx') throw new ImportReadError(file, 'is not a readable zip file', problemDetail('notZip', { ext }));
  if (head.includes(0)) {
    throw new ImportReadError(file, 'is a binary file of no format MuYield reads (GeoJSON, zipped Shapefile, KML/KMZ, GeoPackage, CSV, XLSX)', problemDetail('formatUnknown', {}));
  }
  return readCsv(input, file);
}

/**
 * The entries of a zip, checked (safe-zip.ts), or 'xlsx' for a workbook: that is read by its own reader,
 * streamed from the file, so the zip's bytes read here to list it are let go first.
 */
async function openUploadedZip(input: SourceInput, file: string, ext: string): Promise<ZipEntry[] | 'xlsx'> {
  const entries = await openZip(await readWhole(input), file);
  const isWorkbook = ext === '.xlsx' || entries.some((e) => e.name.toLowerCase() === '[content_types].xml');
  return isWorkbook ? 'xlsx' : entries;
}

/** Files of a zip (or KMZ) that are read as a layer; a .json is taken for GeoJSON. */
const DATA_FILE_IN_ZIP = /\.(geojson|json|kml|gpkg|csv)$/i;

/** One file of a zip, as if uploaded alone; a KML keeps the zip's name in its own (`a.kmz/doc.kml`). */
function readZipEntry(entry: ZipEntry, zipFile: string, options: ReadOptions): Promise<SourceData> {
  if (entry.name.toLowerCase().endsWith('.kml')) return entry.read().then((bytes) => readKml(bytes, `${zipFile}/${entry.name}`, 'kmz'));
  return entry.read().then((bytes) => readSource(bytes, entry.name, options));
}

/**
 * A zip of several GeoJSON, KML, GeoPackage or CSV files (a KMZ of several KML): each file is a layer named
 * by its path in the zip, listed without unpacking any (so no geometry type or count: that would mean parsing
 * every file), and only the one `sourceLayer` names is read. As with shapefiles, a bare file name is enough
 * when no other file in the zip has it.
 */
async function readOneOfSeveral(readable: ZipEntry[], zipFile: string, sourceLayer: string | undefined): Promise<SourceData> {
  const sourceLayers: SourceLayer[] = readable.map((e) => ({ name: e.name }));
  const chosen = readable[sourceLayers.indexOf(chooseSourceLayer(zipFile, sourceLayers, sourceLayer, 'file'))];
  // The choice is spent on the zip: a GeoPackage chosen from it that holds several tables lists its own
  const data = await readZipEntry(chosen, zipFile, {});
  return { ...data, layerName: chosen.name, sourceLayers };
}

async function readHead(input: SourceInput, file: string): Promise<Buffer> {
  if (Buffer.isBuffer(input)) return input.subarray(0, HEAD_BYTES);
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(input.path, 'r');
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new ImportReadError(file, `cannot be read (${code})`, problemDetail('fileNotOpened', { code }));
  } finally {
    await handle?.close();
  }
}

function readWhole(input: SourceInput): Promise<Buffer> {
  return Buffer.isBuffer(input) ? Promise.resolve(input) : fs.promises.readFile(input.path);
}

function readChunks(input: SourceInput): Iterable<Uint8Array> | AsyncIterable<Uint8Array> {
  return Buffer.isBuffer(input) ? [input] : fs.createReadStream(input.path, { highWaterMark: STREAM_CHUNK_BYTES });
}
