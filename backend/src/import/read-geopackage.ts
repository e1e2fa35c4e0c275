import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { SourceData, SourceLayer, SourceRecord } from './source.js';
import { ImportReadError } from './safe-zip.js';
import { problemDetail } from '../bundle/problems.js';
import { chooseSourceLayer } from './source-layers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type GeoPackageModule = any;
let loading: Promise<GeoPackageModule> | undefined;

/**
 * @ngageoint/geopackage, loaded on first use: it takes ~1 s and prints a console.error about the optional
 * better-sqlite3 at import, so it is hushed here. It then runs on sql.js, which we start with the wasm bytes
 * (its own loader tries fetch() on a file path in Node and fails).
 */
function loadGeoPackage(): Promise<GeoPackageModule> {
  loading ??= (async () => {
    const consoleError = console.error;
    console.error = (...args: unknown[]) => {
      if (!String(args[0]).includes('better-sqlite3')) consoleError(...args);
    };
    try {
      const gp = await import('@ngageoint/geopackage');
      const require = createRequire(createRequire(import.meta.url).resolve('@ngageoint/geopackage'));
      const initSqlJs = require('rtree-sql.js');
      gp.SqljsAdapter.SQL ??= await initSqlJs({ wasmBinary: fs.readFileSync(require.resolve('rtree-sql.js/dist/sql-wasm.wasm')) });
      return gp;
    } finally {
      console.error = consoleError;
    }
  })();
  return loading;
}

/** A GeoPackage: the named feature table, or the only one (several and none named: SourceLayerChoiceError). */
export async function readGeoPackage(bytes: Buffer, file: string, tableName?: string): Promise<SourceData> {
  const gp = await loadGeoPackage();
  let geoPackage;
  try {
    geoPackage = await gp.GeoPackageAPI.open(new Uint8Array(bytes));
  } catch (err) {
    throw new ImportReadError(file, `is not a readable GeoPackage (${(err as Error).message})`, problemDetail('geoPackageUnreadable', { reason: (err as Error).message }));
  }
  try {
    const tables: string[] = geoPackage.getFeatureTables();
    if (tables.length === 0) throw new ImportReadError(file, 'has no feature table', problemDetail('noFeatureTable', {}));
    const sourceLayers = tables.map((name) => describeTable(geoPackage, name));
    const table = chooseSourceLayer(file, sourceLayers, tableName, 'feature table').name;
    const dao = geoPackage.getFeatureDao(table);
    const geometryColumn: string = dao.getGeometryColumnName();
    const srs = dao.srs as { organization?: string; organization_coordsys_id?: number; definition?: string } | undefined;
    const records: SourceRecord[] = [];
    let columns: string[] = [];
    let n = 0;
    for (const raw of dao.queryForEach()) {
      const row = dao.getRow(raw);
      n += 1;
      if (columns.length === 0) columns = (row.columnNames as string[]).filter((c) => c !== geometryColumn && c !== 'fid');
      const properties: Record<string, unknown> = {};
      for (const c of columns) properties[c] = (raw as Record<string, unknown>)[c];
      const geometry = row.geometry && !row.geometry.empty ? row.geometry.toGeoJSON() : null;
      records.push({ feature: n, properties, geometry });
    }
    const code = srs?.organization && srs.organization_coordsys_id && srs.organization_coordsys_id > 0
      ? `${srs.organization.toUpperCase()}:${srs.organization_coordsys_id}` : undefined;
    const stated = code && code !== 'EPSG:0' ? code : srs?.definition && srs.definition !== 'undefined' ? srs.definition : undefined;
    return {
      file, format: 'geopackage', layerName: table, sourceLayers, columns, records,
      statedCrs: stated ? { text: stated, from: `the GeoPackage table "${table}"` } : undefined,
      problems: [],
    };
  } finally {
    geoPackage.close();
  }
}

/** OGC names as GeoPackage declares them (gpkg_geometry_columns, upper case) → the names GeoJSON uses. */
const GEOMETRY_TYPE_NAMES: Record<string, string> = {
  GEOMETRY: 'Geometry', POINT: 'Point', LINESTRING: 'LineString', POLYGON: 'Polygon', MULTIPOINT: 'MultiPoint',
  MULTILINESTRING: 'MultiLineString', MULTIPOLYGON: 'MultiPolygon', GEOMETRYCOLLECTION: 'GeometryCollection',
};

/** A feature table's declared geometry type and its row count (SELECT COUNT(*): cheap in SQLite). */
function describeTable(geoPackage: GeoPackageModule, name: string): SourceLayer {
  const dao = geoPackage.getFeatureDao(name);
  const declared = String(dao.geometryType ?? '').toUpperCase();
  return { name, geometryType: GEOMETRY_TYPE_NAMES[declared] ?? (declared || undefined), count: dao.getCount() };
}
