// What each kind of import problem says, as data: a mirror of ProblemParams in backend/src/bundle/problems.ts
// (a test checks the two are the same type). Areas in m², shares as fractions (0.12 = 12 %), coordinates as
// the file has them; the wizard says them in zh-CN or en (i18n/problems-*.ts).
import type { ImportLayer } from './import-types';

/** The bundle's layers: the importable ones and the regions */
export type BundleLayer = ImportLayer | 'regions';

export interface ProblemParams {
  geometryInvalidRepairable: { reason: string; repairedAreaSqm: number };
  geometryInvalidUnrepairable: { reason: string };
  geometryInvalid: { reason: string };
  geometryRepaired: { reason: string; repairedAreaSqm: number };
  overlapsParcel: { otherCode: string; overlapSqm: number };
  overlapsStoredParcel: { otherCode: string; overlapSqm: number };
  outsidePark: { parkCode: string; outsideSqm: number; outsideShare: number };
  declaredAreaMismatch: { declaredSqm: number; measuredSqm: number; differenceShare: number };
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
  required: Record<string, never>;
  notText: { valueType: string };
  textTooLong: { lengthChars: number; maxChars: number };
  codeHasWhiteSpace: { value: string };
  nulCharacter: Record<string, never>;
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
  duplicate: { key: string; firstRow?: number; firstFeature?: number };
  usccMalformed: { value: string };
  usccCheckCharacter: { given: string; expected: string };
  vacantUnitWithTenant: Record<string, never>;
  leaseEndsBeforeStart: { startOn: string; endOn: string };
  unknownReference: { value: string; layer: 'regions' | 'parks' | 'parcels' | 'buildings' | 'enterprises' };
  requiredNotMapped: { columns: string[] };
  mappedColumnMissing: { column: string; columns: string[] };
  wrongLayer: { layer: BundleLayer; guessedLayer: BundleLayer };
  noRows: Record<string, never>;
  noGeometry: { layer: BundleLayer };
  geometryIgnored: { layer: BundleLayer };
  rowTooLong: { lengthChars: number; maxChars: number };
  zipUnreadable: { reason: string };
  shapefilePartMissing: { part: string; base: string };
  shapefileWithoutShp: { files: string[] };
  severalSourceLayers: { count: number; what: string; layers: string[] };
  sourceLayerNotFound: { chosen: string; what: string; layers: string[] };
  fileUnreadable: { reason: string };
  zipTooLarge: { unpackedBytes: number; maxBytes: number };
  zipTooManyEntries: { entries: number; maxEntries: number };
  zipEntryOutside: { entry: string };
  zipEntryTooLarge: { entry: string; declaredBytes: number };
  zipEntryUnreadable: { entry: string; reason: string };
  zipEntryDamaged: { entry: string; unpackedBytes: number; declaredBytes: number };
  notShapefile: { part: string };
  shapefilePartsDisagree: { part: string; count: number; shapes: number };
  fileCutShort: { declaredBytes: number; actualBytes: number };
  jsonInvalid: { reason: string; afterFeature?: number };
  notGeoJson: Record<string, never>;
  dbfTooShort: { actualBytes: number };
  dbfHeaderDamaged: { headerBytes: number; actualBytes: number };
  dbfCutShort: { records: number; recordBytes: number; actualBytes: number };
  dbfFieldsDisagree: { fieldsBytes: number; recordBytes: number };
  geoPackageUnreadable: { reason: string };
  noFeatureTable: Record<string, never>;
  kmlNotWellFormed: { reason: string };
  notKml: { rootElement: string };
  fileEmpty: Record<string, never>;
  shapefilePartAlone: { part: string };
  zipWithoutData: { entries: number; names: string[] };
  oldExcelWorkbook: Record<string, never>;
  notGeoPackage: Record<string, never>;
  notZip: { ext: string };
  formatUnknown: Record<string, never>;
  fileNotOpened: { code: string };
  xlsxUnreadable: { reason: string };
  noWorksheet: Record<string, never>;
  csvQuoteUnterminated: Record<string, never>;
  csvQuoteMalformed: Record<string, never>;
  csvTooManyFields: { expected: number; parsed: number };
  crsDetected: { crs: string; label: string };
  crsUnknown: { crs: string };
  crsWithoutDatumTransformation: { crs: string; label: string };
  statedCrsUnusable: { from: string; reason: string; likelyCrs?: string; likelyLabel?: string };
  databaseRefused: { reason: string };
  moreProblems: { count: number };
}

export type ProblemKind = keyof ProblemParams;

/** One sentence per kind, in one language. */
export type ProblemSentences = { [K in ProblemKind]: (params: ProblemParams[K]) => string };
