import path from 'node:path';
import type { SourceData } from './source.js';
import { ImportReadError, openZip } from './safe-zip.js';
import { readGeoJson } from './read-geojson.js';
import { readCsv, readXlsx } from './read-table.js';
import { readKml } from './read-kml.js';
import { readShapefileZip } from './read-shapefile.js';
import { readGeoPackage } from './read-geopackage.js';

export interface ReadOptions {
  /** Shapefile base name or GeoPackage table when the file holds several */
  sourceLayer?: string;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Read one uploaded file, whatever its format: by its content first (zip, SQLite, XML, JSON) and its name
 * second, so a wrong extension does not matter.
 */
export async function readSource(bytes: Buffer, fileName: string, options: ReadOptions = {}): Promise<SourceData> {
  const file = path.basename(fileName);
  const ext = path.extname(file).toLowerCase();
  if (bytes.length === 0) throw new ImportReadError(file, 'is empty (0 bytes)');
  if (ext === '.shp' || ext === '.shx' || ext === '.dbf') {
    throw new ImportReadError(file, 'is one part of a shapefile: zip the .shp, .shx, .dbf, .prj (and .cpg) together and import the .zip');
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const entries = await openZip(bytes, file);
    const names = entries.map((e) => e.name.toLowerCase());
    if (names.includes('[content_types].xml') || ext === '.xlsx') return readXlsx(bytes, file);
    if (names.some((n) => n.endsWith('.shp') || n.endsWith('.dbf') || n.endsWith('.shx'))) return readShapefileZip(entries, file, options.sourceLayer);
    const kmlEntry = entries.find((e) => e.name.toLowerCase().endsWith('.kml'));
    if (kmlEntry) return readKml(await kmlEntry.read(), `${file}/${kmlEntry.name}`, 'kmz');
    const single = entries.filter((e) => /\.(geojson|json|gpkg|csv)$/i.test(e.name));
    if (single.length === 1) return readSource(await single[0].read(), single[0].name, options);
    throw new ImportReadError(file, `is a zip of ${entries.length} file(s) (${entries.slice(0, 5).map((e) => e.name).join(', ')}) but no shapefile, KML or single GeoJSON/GeoPackage/CSV`);
  }
  if (bytes.subarray(0, 16).equals(SQLITE_MAGIC)) return readGeoPackage(bytes, file, options.sourceLayer);
  const head = bytes.subarray(0, 512).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<')) return readKml(bytes, file);
  if (head.startsWith('{') || ext === '.geojson' || ext === '.json') return readGeoJson(bytes, file);
  if (ext === '.xls') throw new ImportReadError(file, 'is an old Excel .xls workbook: save it as .xlsx or .csv');
  if (ext === '.gpkg') throw new ImportReadError(file, 'is not a GeoPackage (no SQLite header)');
  if (ext === '.kmz' || ext === '.zip' || ext === '.xlsx') throw new ImportReadError(file, 'is not a readable zip file');
  if (bytes.subarray(0, 4096).includes(0)) throw new ImportReadError(file, 'is a binary file of no format MuYield reads (GeoJSON, zipped Shapefile, KML/KMZ, GeoPackage, CSV, XLSX)');
  return readCsv(bytes, file);
}
