// Shapes of the single-file import API (backend/src/import/import-file.ts, repositories/import.repository.ts).

export const IMPORT_LAYERS = ['parks', 'parcels', 'buildings', 'units', 'enterprises', 'land_rights', 'indicators'] as const;
export type ImportLayer = (typeof IMPORT_LAYERS)[number];

/** Units a source column may be in; the server converts them to the unit in the field's name. */
export const SOURCE_UNITS = ['sqm', 'mu', 'hectare', 'sqkm', 'yuan', 'wan_yuan', 'yi_yuan'] as const;
export type SourceUnit = (typeof SOURCE_UNITS)[number];

export interface ColumnMapping {
  column: string;
  unit?: SourceUnit;
}
/** Bundle field → source column */
export type FieldMapping = Record<string, ColumnMapping>;

export interface ImportProblem {
  severity: 'error' | 'warning';
  file: string;
  /** Spreadsheet row: the header is row 1 */
  row?: number;
  /** 1-based GeoJSON feature */
  feature?: number;
  code?: string;
  field?: string;
  /** English, as the server says it */
  message: string;
  /** What the problem is, with the values its sentence needs (see problem-params.ts); absent for problems said in English only */
  kind?: string;
  params?: Record<string, unknown>;
}

export interface CrsCandidate {
  /** What to send back as `crs` */
  crs: string;
  label: string;
  confidence: 'high' | 'medium' | 'low';
  reason: string;
  caveat?: string;
  /** [west, south, east, north], degrees */
  bboxLonLat: [number, number, number, number];
  centroidLonLat: [number, number];
  distanceFromHintKm?: number;
}

export interface GeometryRepair {
  file: string;
  row?: number;
  feature?: number;
  code?: string;
  reason: string;
  /** Area after ST_MakeValid, m² */
  repairedAreaSqm?: number;
  applied: boolean;
}

/** One layer of a file that can hold several: a shapefile in a zip, a GeoPackage feature table. */
export interface SourceLayer {
  /** What to send back as `sourceLayer` */
  name: string;
  /** As the file declares it: Polygon, MultiPolygon, Point, … */
  geometryType?: string;
  count?: number;
}

export interface ImportReport {
  status: 'needsCrs' | 'invalid' | 'dryRun' | 'committed';
  importId?: number;
  file: string;
  format?: string;
  layer: ImportLayer;
  sourceLayer?: string;
  /** Every layer of a zip of shapefiles or a GeoPackage; several and none chosen: invalid, a problem on field sourceLayer */
  sourceLayers?: SourceLayer[];
  encoding?: string;
  crs?: { code: string; label: string; from: 'given' | 'file' | 'detected'; caveat?: string };
  crsCandidates?: CrsCandidate[];
  crsNote?: string;
  columns: string[];
  signature?: string;
  mapping?: FieldMapping;
  mappingFrom?: 'given' | 'remembered' | 'suggested';
  unmappedColumns?: string[];
  /** On rows that exist, the fields the import writes (those mapped; 'geometry' for the shape) … */
  fieldsWritten?: string[];
  /** … and those it leaves as stored. New rows take every field, with the defaults. */
  fieldsKept?: string[];
  counts: { rows: number; valid: number; insert: number; update: number; errors: number; warnings: number };
  problems: ImportProblem[];
  repairs: GeometryRepair[];
}

/** What the person chose for one upload: the query of POST /api/imports. */
export interface ImportParams {
  layer: ImportLayer;
  fileName: string;
  dryRun: boolean;
  /** The shapefile or GeoPackage table to read when the file holds several */
  sourceLayer?: string;
  crs?: string;
  repair?: boolean;
  mapping?: FieldMapping;
}

/** What an import wrote to one layer; created and updated are null for a load recorded before they were counted. */
export interface ImportLayerCounts {
  layer: string;
  rows: number;
  created: number | null;
  updated: number | null;
}

export interface ImportRecord {
  id: number;
  /** The file or bundle name, never a path on the server. */
  fileName: string;
  bundleName: string | null;
  /** null for a whole-bundle load, which cannot be undone */
  layer: ImportLayer | null;
  format: string | null;
  crs: string | null;
  status: 'committed' | 'undone';
  /** As recorded: a single file's { rows, insert, update }, a bundle's per layer. */
  counts: Record<string, unknown>;
  importedAt: string;
  undoneAt: string | null;
  rowsTouched: number;
  /** Rows created and updated, all layers (null when not recorded), and per layer. */
  created: number | null;
  updated: number | null;
  layers: ImportLayerCounts[];
}

export interface ImportList {
  imports: ImportRecord[];
}

export interface UndoResult {
  id: number;
  status: 'undone';
  layer: ImportLayer;
  fileName: string;
  restored: number;
  deleted: number;
}
