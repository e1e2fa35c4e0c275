import type { LayerName } from './fields.js';

/**
 * What each kind of problem says, as data: the values its sentence needs, raw (areas in m², shares as
 * fractions, coordinates as given), so a client can say it in its own language (the import wizard's
 * zh-CN and en templates); `message` says the same in English for the CLI and the API's English users.
 */
export interface ProblemParams {
  // Geometry checked by PostGIS (import-file.ts, load-bundle.ts). reason: PostGIS's ST_IsValidReason, e.g. "Self-intersection[108.9 32.7]"
  geometryInvalidRepairable: { reason: string; repairedAreaSqm: number };
  geometryInvalidUnrepairable: { reason: string };
  geometryInvalid: { reason: string };
  geometryRepaired: { reason: string; repairedAreaSqm: number };
  overlapsParcel: { otherCode: string; overlapSqm: number };
  overlapsStoredParcel: { otherCode: string; overlapSqm: number };
  /** outsideShare: outsideSqm ÷ the parcel's area */
  outsidePark: { parkCode: string; outsideSqm: number; outsideShare: number };
  /** differenceShare: measured ÷ declared − 1 */
  declaredAreaMismatch: { declaredSqm: number; measuredSqm: number; differenceShare: number };
  // Geometry's structure and coordinates (parse-geojson.ts, crs.ts); polygon and ring 1-based; x, y as the file has them
  geometryMissing: Record<string, never>;
  geometryNotPolygon: { geometryType: string };
  geometryEmpty: Record<string, never>;
  polygonWithoutRings: { polygon: number };
  ringNotPositions: { polygon: number; ring: number };
  ringTooShort: { polygon: number; ring: number; positions: number };
  positionNotNumbers: { polygon: number; ring: number; position: string };
  ringNotClosed: { polygon: number; ring: number };
  coordinatesSwapped: { x: number; y: number };
  coordinatesNotDegrees: { x: number; y: number };
  coordinatesOutsideChina: { x: number; y: number; lon: number; lat: number; crs: string };
  // One value (fields.ts parseField, field-mapping.ts applyMapping); value: the text as given
  required: Record<string, never>;
  notText: { valueType: string };
  textTooLong: { lengthChars: number; maxChars: number };
  codeHasWhiteSpace: { value: string };
  nulCharacter: Record<string, never>;
  /** field: the bundle field whose values these are (land_use, status …) */
  notOneOf: { field: string; value: string; allowed: string[] };
  notNumber: { value: string };
  notFiniteNumber: { value: string };
  notWholeNumber: { value: string };
  notPositive: { value: string };
  negative: { value: string };
  notDate: { value: string };
  notCalendarDate: { value: string };
  notBoolean: { value: string };
  formulaInjection: { value: string };
  damagedText: { value: string };
  // Across rows (validate-bundle.ts, load-bundle.ts); key: the identity's values joined by " / "
  duplicate: { key: string; firstRow?: number; firstFeature?: number };
  usccMalformed: { value: string };
  usccCheckCharacter: { given: string; expected: string };
  vacantUnitWithTenant: Record<string, never>;
  leaseEndsBeforeStart: { startOn: string; endOn: string };
  unknownReference: { value: string; layer: 'regions' | 'parks' | 'parcels' | 'buildings' | 'enterprises' };
  // The file and its mapping (field-mapping.ts, build-records.ts)
  requiredNotMapped: { columns: string[] };
  mappedColumnMissing: { column: string; columns: string[] };
  wrongLayer: { layer: LayerName; guessedLayer: LayerName };
  noRows: Record<string, never>;
  noGeometry: { layer: LayerName };
  geometryIgnored: { layer: LayerName };
  rowTooLong: { lengthChars: number; maxChars: number };
  // Reading the file (safe-zip.ts, read-shapefile.ts, source-layers.ts, import-file.ts)
  zipUnreadable: { reason: string };
  shapefilePartMissing: { part: string; base: string };
  /** files: the shapefile parts the zip holds without their .shp */
  shapefileWithoutShp: { files: string[] };
  /** what: 'shapefile', 'file' (of a zip) or 'feature table' (of a GeoPackage); layers: their names */
  severalSourceLayers: { count: number; what: string; layers: string[] };
  sourceLayerNotFound: { chosen: string; what: string; layers: string[] };
  /** reason: a reader library's own failure on the file (import-file.ts), or shpjs's on a .shp (read-shapefile.ts) */
  fileUnreadable: { reason: string };
  /** unpackedBytes: what the zip's entries declare together */
  zipTooLarge: { unpackedBytes: number; maxBytes: number };
  zipTooManyEntries: { entries: number; maxEntries: number };
  zipEntryOutside: { entry: string };
  /** declaredBytes: the entry's unpacked size as its header declares it */
  zipEntryTooLarge: { entry: string; declaredBytes: number };
  /** reason: the unpacker's (JSZip's) */
  zipEntryUnreadable: { entry: string; reason: string };
  zipEntryDamaged: { entry: string; unpackedBytes: number; declaredBytes: number };
  /** part: '.shp' or '.shx', whose first four bytes are not the shapefile file code 9994 */
  notShapefile: { part: string };
  /** part: '.shx' (count: shapes it indexes) or '.dbf' (count: its records) */
  shapefilePartsDisagree: { part: string; count: number; shapes: number };
  fileCutShort: { declaredBytes: number; actualBytes: number };
  /** reason: the JSON parser's; afterFeature: the last feature read whole */
  jsonInvalid: { reason: string; afterFeature?: number };
  notGeoJson: Record<string, never>;
  // A shapefile's .dbf (dbf.ts); sizes in bytes as the file has them
  dbfTooShort: { actualBytes: number };
  dbfHeaderDamaged: { headerBytes: number; actualBytes: number };
  dbfCutShort: { records: number; recordBytes: number; actualBytes: number };
  /** fieldsBytes: the fields' lengths added up, with the deletion flag's byte */
  dbfFieldsDisagree: { fieldsBytes: number; recordBytes: number };
  // GeoPackage and KML (read-geopackage.ts, read-kml.ts); reason: the reader library's
  geoPackageUnreadable: { reason: string };
  noFeatureTable: Record<string, never>;
  kmlNotWellFormed: { reason: string };
  /** rootElement: the XML's root element, without its angle brackets */
  notKml: { rootElement: string };
  // What the upload is (read-source.ts, read-xlsx.ts, read-table.ts)
  fileEmpty: Record<string, never>;
  /** part: the extension of the part uploaded alone, '.shp', '.shx' or '.dbf' */
  shapefilePartAlone: { part: string };
  /** entries: how many files the zip holds; names: the first few of them */
  zipWithoutData: { entries: number; names: string[] };
  oldExcelWorkbook: Record<string, never>;
  notGeoPackage: Record<string, never>;
  /** ext: the file's extension, '.kmz', '.zip' or '.xlsx', whose content is not a zip */
  notZip: { ext: string };
  formatUnknown: Record<string, never>;
  /** code: the operating system's error code (ENOENT, EACCES …), else its message */
  fileNotOpened: { code: string };
  /** reason: exceljs's */
  xlsxUnreadable: { reason: string };
  noWorksheet: Record<string, never>;
  csvQuoteUnterminated: Record<string, never>;
  csvQuoteMalformed: Record<string, never>;
  /** expected: the header's columns; parsed: the row's fields */
  csvTooManyFields: { expected: number; parsed: number };
  // The coordinate system (import-file.ts); crs: a code such as EPSG:4545, label its name
  crsDetected: { crs: string; label: string };
  crsUnknown: { crs: string };
  /** 西安80 / 北京54 converted without the local seven-parameter transformation (crs.ts DATUM_CAVEAT) */
  crsWithoutDatumTransformation: { crs: string; label: string };
  /** from: the file that states it (parcels.prj); likelyCrs: what the numbers look like, when they look like one */
  statedCrsUnusable: { from: string; reason: string; likelyCrs?: string; likelyLabel?: string };
  databaseRefused: { reason: string };
  moreProblems: { count: number };
}

export type ProblemKind = keyof ProblemParams;

/** A kind with its params, to spread into a problem: `{ ...where, message, ...problemDetail('noRows', {}) }`. */
export type ProblemDetail = { [K in ProblemKind]: { kind: K; params: ProblemParams[K] } }[ProblemKind];

export function problemDetail<K extends ProblemKind>(kind: K, params: ProblemParams[K]): { kind: K; params: ProblemParams[K] } {
  return { kind, params };
}

/** Where a problem is. */
export interface ProblemLocation {
  file: string;
  /** Spreadsheet row number: the header is row 1, the first record row 2. */
  row?: number;
  /** 1-based position of a GeoJSON feature in its FeatureCollection. */
  feature?: number;
  /** The record's code, when it has one. */
  code?: string;
  field?: string;
}

/**
 * One thing wrong (or doubtful) in a bundle, located so a person can find and fix it; with its kind and
 * params where a client can say it in another language (see ProblemParams), else the English message only.
 */
export type BundleProblem = ProblemLocation & { severity: 'error' | 'warning'; message: string } & (ProblemDetail | { kind?: undefined; params?: undefined });

export function formatProblem(p: BundleProblem): string {
  const where = [
    p.file,
    p.row !== undefined ? `row ${p.row}` : undefined,
    p.feature !== undefined ? `feature ${p.feature}` : undefined,
    p.code ? `(${p.code})` : undefined,
    p.field ? `field "${p.field}"` : undefined,
  ].filter(Boolean).join(' ');
  return `${p.severity === 'error' ? 'error' : 'warning'}: ${where}: ${p.message}`;
}

export class BundleInvalidError extends Error {
  constructor(readonly problems: BundleProblem[]) {
    const errors = problems.filter((p) => p.severity === 'error');
    super(`the bundle has ${errors.length} error(s); nothing was written`);
  }
}
