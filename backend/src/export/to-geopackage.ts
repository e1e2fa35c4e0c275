import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { ExportColumn, ExportTable } from './headers.js';
import { extentOf, toPolygons } from './geometry.js';

type GeoPackageModule = typeof import('@ngageoint/geopackage');
interface Wkx {
  Geometry: { parseGeoJSON(geometry: GeoJSON.Geometry): unknown };
}
interface Loaded {
  gp: GeoPackageModule;
  /** The GeoJSON → WKB library @ngageoint/geopackage itself uses (not exported by it). */
  wkx: Wkx;
}

const require = createRequire(import.meta.url);
let loading: Promise<Loaded> | undefined;

/**
 * @ngageoint/geopackage, loaded on first use: importing it costs about a second, and without the optional
 * better-sqlite3 it logs a stack trace before falling back to sql.js (which is what we want). We silence
 * that one message, and hand sql.js its WebAssembly as bytes: left to itself it fetch()es a file path,
 * which Node's fetch refuses.
 */
export function loadGeoPackage(): Promise<Loaded> {
  loading ??= (async () => {
    const consoleError = console.error;
    console.error = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].startsWith('Unable to register SqliteAdapter')) return;
      consoleError(...args);
    };
    let gp: GeoPackageModule;
    try {
      gp = await import('@ngageoint/geopackage');
    } finally {
      console.error = consoleError;
    }
    const gpRequire = createRequire(require.resolve('@ngageoint/geopackage'));
    const initSqlJs = gpRequire('rtree-sql.js') as (options: { wasmBinary: Buffer }) => Promise<unknown>;
    const sqljs = gp.SqljsAdapter as unknown as { SQL?: unknown };
    sqljs.SQL ??= await initSqlJs({ wasmBinary: fs.readFileSync(gpRequire.resolve('rtree-sql.js/dist/sql-wasm.wasm')) });
    return { gp, wkx: gpRequire('wkx') as Wkx };
  })().catch((err) => {
    loading = undefined;
    throw err;
  });
  return loading;
}

const WGS84_SRS_ID = 4326;

function columnType(gp: GeoPackageModule, column: ExportColumn) {
  const t = gp.GeoPackageDataType;
  return { text: t.TEXT, number: t.DOUBLE, integer: t.INTEGER, date: t.DATE, boolean: t.BOOLEAN }[column.type];
}

/**
 * A polygon layer as a GeoPackage (OGC 12-128r18) with one feature table named `tableName`: MultiPolygon
 * geometry in EPSG:4326, one column per export column (the English key as name, the Chinese header as the
 * gpkg_data_columns title), the extent in gpkg_contents.
 */
export async function toGeoPackage(table: Pick<ExportTable, 'columns' | 'features'>, tableName: string): Promise<Buffer> {
  const { gp, wkx } = await loadGeoPackage();
  const geoPackage = await gp.GeoPackageAPI.create();
  try {
    const geometryColumns = new gp.GeometryColumns();
    geometryColumns.table_name = tableName;
    geometryColumns.column_name = 'geom';
    geometryColumns.geometry_type_name = 'MULTIPOLYGON';
    geometryColumns.z = 0;
    geometryColumns.m = 0;
    geometryColumns.srs_id = WGS84_SRS_ID;
    const columns = [
      gp.FeatureColumn.createPrimaryKeyColumn(0, 'fid'),
      gp.FeatureColumn.createGeometryColumn(1, 'geom', gp.GeometryType.MULTIPOLYGON, false, undefined),
      ...table.columns.map((c, i) => gp.FeatureColumn.createColumn(i + 2, c.key, columnType(gp, c), false, undefined)),
    ];
    const polygonsOf = table.features.map((f) => toPolygons(f.geometry));
    const extent = polygonsOf.reduce((e, p) => extentOf(p, e), { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity });
    const box = Number.isFinite(extent.minX) ? new gp.BoundingBox(extent.minX, extent.maxX, extent.minY, extent.maxY) : undefined;
    const dataColumns = table.columns.map((c) => {
      const d = new gp.DataColumns();
      d.table_name = tableName;
      d.column_name = c.key;
      d.name = c.key;
      d.title = c.unit ? `${c.zh}(${c.unit})` : c.zh;
      d.description = c.unit ? `${c.en} (${c.unit})` : c.en;
      return d;
    });
    geoPackage.createFeatureTable(tableName, geometryColumns, columns, box, WGS84_SRS_ID, dataColumns);

    const dao = geoPackage.getFeatureDao(tableName);
    const adapter = dao.connection.adapter;
    // One prepared INSERT for every row, in one transaction (dao.create would prepare one per row: 3× slower).
    const insert = adapter.prepareStatement(gp.SqliteQueryBuilder.buildInsert(`'${dao.gpkgTableName}'`, dao.newRow()));
    dao.connection.transaction(() => {
      table.features.forEach((feature, i) => {
        const row = dao.newRow();
        // Straight into the row's values: setValueWithColumnName turns a missing boolean into 0 (false) and
        // wants Date objects for DATE columns (throwing on null); GeoPackage stores DATE as 'YYYY-MM-DD' text.
        const values = (row as unknown as { values: Record<string, unknown> }).values;
        const polygons = polygonsOf[i];
        values.fid = i + 1;
        values.geom = null;
        if (polygons.length) {
          const data = new gp.GeometryData();
          data.setSrsId(WGS84_SRS_ID);
          data.setGeometry(wkx.Geometry.parseGeoJSON({ type: 'MultiPolygon', coordinates: polygons }) as Parameters<typeof data.setGeometry>[0]);
          row.geometry = data;
        }
        for (const c of table.columns) {
          const value = feature.properties[c.key];
          values[c.key] = typeof value === 'boolean' ? (value ? 1 : 0) : value ?? null;
        }
        adapter.bindAndInsert(insert, gp.SqliteQueryBuilder.buildUpdateOrInsertObject(row));
      });
    });
    adapter.closeStatement(insert);
    return Buffer.from(await geoPackage.export());
  } finally {
    geoPackage.close();
  }
}
