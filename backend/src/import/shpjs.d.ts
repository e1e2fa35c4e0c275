// shpjs 6 ships no types; only what read-shapefile.ts uses.
declare module 'shpjs' {
  /** Shapes of a .shp as GeoJSON geometries (null for null shapes), reprojected only when a prj is given. */
  export function parseShp(shp: ArrayBuffer | ArrayBufferView, prj?: string | false): unknown[];
}
