import { parseShp } from 'shpjs';
import { parseDbf, DbfError } from './dbf.js';
import type { SourceData, SourceLayer, SourceRecord } from './source.js';
import { ImportReadError, type ZipEntry } from './safe-zip.js';
import { problemDetail } from '../bundle/problems.js';
import { chooseSourceLayer } from './source-layers.js';

const SHAPEFILE_PARTS = ['.shp', '.shx', '.dbf', '.prj', '.cpg'] as const;

/**
 * A zipped Shapefile: .shp, .shx and .dbf are required (ESRI's specification), .prj and .cpg optional.
 * Coordinates stay as the file has them; the .prj is read by the caller (shpjs would reproject with proj4,
 * which does not know the Chinese Gauss-Krüger names).
 */
export async function readShapefileZip(entries: ZipEntry[], file: string, layerName?: string): Promise<SourceData> {
  const byBase = new Map<string, Map<string, ZipEntry>>();
  for (const e of entries) {
    const lower = e.name.toLowerCase();
    const ext = SHAPEFILE_PARTS.find((x) => lower.endsWith(x));
    if (!ext) continue;
    const base = e.name.slice(0, -ext.length);
    if (!byBase.has(base)) byBase.set(base, new Map());
    byBase.get(base)!.set(ext, e);
  }
  const layers = [...byBase.entries()].filter(([, parts]) => parts.has('.shp'));
  if (layers.length === 0) {
    const orphans = [...byBase.values()].flatMap((p) => [...p.values()].map((e) => e.name));
    throw new ImportReadError(file, orphans.length
      ? `holds ${orphans.join(', ')} but no .shp: the geometry file is missing`
      : 'holds no .shp file: zip the .shp, .shx, .dbf, .prj (and .cpg) of one layer together',
      problemDetail('shapefileWithoutShp', { files: orphans }));
  }
  const sourceLayers = await Promise.all(layers.map(([base, parts]) => describeShapefile(base, parts.get('.shx'))));
  const chosen = layers[sourceLayers.indexOf(chooseSourceLayer(file, sourceLayers, layerName, 'shapefile'))];
  const [base, parts] = chosen;
  const shortBase = base.split('/').pop()!;
  for (const required of ['.shx', '.dbf'] as const) {
    if (!parts.has(required)) {
      throw new ImportReadError(
        `${file}/${shortBase}${required}`, `is missing: a shapefile needs ${shortBase}.shp, ${shortBase}.shx and ${shortBase}.dbf (and a .prj for its coordinate system)`,
        problemDetail('shapefilePartMissing', { part: required, base: shortBase }),
      );
    }
  }
  const shp = await parts.get('.shp')!.read();
  const shx = await parts.get('.shx')!.read();
  const dbfBytes = await parts.get('.dbf')!.read();
  const prj = parts.has('.prj') ? (await parts.get('.prj')!.read()).toString('utf8').trim() : undefined;
  const cpg = parts.has('.cpg') ? (await parts.get('.cpg')!.read()).toString('latin1').trim() : undefined;

  const shpFile = `${file}/${shortBase}.shp`;
  if (shp.length < 100 || shp.readInt32BE(0) !== 9994) throw new ImportReadError(shpFile, 'is not a shapefile (its header does not start with 9994)', problemDetail('notShapefile', { part: '.shp' }));
  if (shx.length < 100 || shx.readInt32BE(0) !== 9994) throw new ImportReadError(`${file}/${shortBase}.shx`, 'is not a shapefile index (its header does not start with 9994)', problemDetail('notShapefile', { part: '.shx' }));
  const declaredShpBytes = shp.readInt32BE(24) * 2;
  if (declaredShpBytes !== shp.length) {
    throw new ImportReadError(shpFile, `its header says ${declaredShpBytes} bytes but it has ${shp.length}; it is cut short or damaged`,
      problemDetail('fileCutShort', { declaredBytes: declaredShpBytes, actualBytes: shp.length }));
  }
  const indexCount = (shx.length - 100) / 8;

  let geometries: unknown[];
  try {
    geometries = parseShp(shp) as unknown[];
  } catch (err) {
    throw new ImportReadError(shpFile, `cannot be read: ${(err as Error).message}`, problemDetail('fileUnreadable', { reason: (err as Error).message }));
  }
  let table;
  try {
    table = parseDbf(dbfBytes, cpg);
  } catch (err) {
    if (err instanceof DbfError) throw new ImportReadError(`${file}/${shortBase}.dbf`, err.message, err.detail);
    throw err;
  }
  if (indexCount !== geometries.length) {
    throw new ImportReadError(`${file}/${shortBase}.shx`, `indexes ${indexCount} shapes but the .shp holds ${geometries.length}; the files do not belong together`,
      problemDetail('shapefilePartsDisagree', { part: '.shx', count: indexCount, shapes: geometries.length }));
  }
  if (table.rows.length !== geometries.length) {
    throw new ImportReadError(`${file}/${shortBase}.dbf`, `has ${table.rows.length} records but the .shp holds ${geometries.length} shapes; the files do not belong together`,
      problemDetail('shapefilePartsDisagree', { part: '.dbf', count: table.rows.length, shapes: geometries.length }));
  }
  const records: SourceRecord[] = geometries.map((geometry, i) => ({ feature: i + 1, properties: table.rows[i], geometry: geometry ?? null }));
  return {
    file,
    format: 'shapefile',
    layerName: base,
    sourceLayers,
    columns: table.columns,
    records,
    statedCrs: prj ? { text: prj, from: `${shortBase}.prj` } : undefined,
    encoding: `${table.encoding} (${table.encodingReason})`,
    problems: [],
  };
}

/** ESRI shapefile technical description (1998), table 1: shape type codes, named as GDAL names them. */
const SHAPE_TYPES: Record<number, string> = {
  0: 'None', 1: 'Point', 3: 'LineString', 5: 'Polygon', 8: 'MultiPoint',
  11: 'Point Z', 13: 'LineString Z', 15: 'Polygon Z', 18: 'MultiPoint Z',
  21: 'Point M', 23: 'LineString M', 25: 'Polygon M', 28: 'MultiPoint M', 31: 'MultiPatch',
};

/**
 * A shapefile's name, shape type and count from its index alone (.shx: a 100-byte header like the .shp's,
 * then 8 bytes per shape), so listing the layers of a zip does not unpack their geometry or attributes.
 */
async function describeShapefile(base: string, shx: ZipEntry | undefined): Promise<SourceLayer> {
  if (!shx) return { name: base };
  const bytes = await shx.read();
  if (bytes.length < 100 || bytes.readInt32BE(0) !== 9994) return { name: base };
  const layer: SourceLayer = { name: base, geometryType: SHAPE_TYPES[bytes.readInt32LE(32)] };
  if ((bytes.length - 100) % 8 === 0) layer.count = (bytes.length - 100) / 8;
  return layer;
}
