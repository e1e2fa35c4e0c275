// The import report's problems in English, one sentence per kind (api/problem-params.ts): the server's
// wording, with numbers formatted and land areas also in mu (亩, the domain's unit).
import type { BundleLayer, ProblemSentences } from '../api/problem-params';
import { formatAreaSqm, formatCount, formatPercent, formatSqmAsMu } from '../format';
import { formatBytes } from '../import/import-helpers';

const LAYERS: Record<BundleLayer, string> = {
  regions: 'regions', parks: 'parks', parcels: 'parcels', buildings: 'buildings', units: 'units', enterprises: 'enterprises', land_rights: 'land rights', indicators: 'indicators',
};
const SINGULAR: Record<'regions' | 'parks' | 'parcels' | 'buildings' | 'enterprises', string> = {
  regions: 'region', parks: 'park', parcels: 'parcel', buildings: 'building', enterprises: 'enterprise',
};

const land = (sqm: number) => `${formatAreaSqm(sqm)} (${formatSqmAsMu(sqm)})`;
const signedPercent = (share: number) => `${share > 0 ? '+' : ''}${formatPercent(share)}`;
const ringAt = (p: { polygon: number; ring: number }) => `polygon ${p.polygon} ring ${p.ring}`;
const list = (items: readonly string[]) => items.join(', ') || 'none';

export const problemSentencesEn: ProblemSentences = {
  geometryInvalidRepairable: (p) =>
    `is not valid: ${p.reason}. ST_MakeValid can repair it (area then ${land(p.repairedAreaSqm)}): tick "Repair invalid geometry with ST_MakeValid" below and check again, or fix it in QGIS`,
  geometryInvalidUnrepairable: (p) => `is not valid: ${p.reason}; it cannot be repaired into a polygon: redraw it in QGIS`,
  geometryInvalid: (p) => `is not valid: ${p.reason} (a self-intersection usually means a bow-tie or a ring drawn twice; fix it in QGIS or with ST_MakeValid)`,
  geometryRepaired: (p) => `was not valid (${p.reason}); repaired with ST_MakeValid to ${land(p.repairedAreaSqm)}`,
  overlapsParcel: (p) => `overlaps parcel ${p.otherCode} of this file by ${formatAreaSqm(p.overlapSqm)}`,
  overlapsStoredParcel: (p) => `overlaps the stored parcel ${p.otherCode} by ${formatAreaSqm(p.overlapSqm)}`,
  outsidePark: (p) => `${formatAreaSqm(p.outsideSqm)} (${formatPercent(p.outsideShare)} of the parcel) lies outside its park ${p.parkCode}`,
  declaredAreaMismatch: (p) =>
    `declares ${land(p.declaredSqm)} but the shape measures ${land(p.measuredSqm)} (${signedPercent(p.differenceShare)}): check the unit of the area column and the coordinate system`,
  geometryMissing: () => 'is missing: a Polygon or MultiPolygon is required',
  geometryNotPolygon: (p) => `is a ${p.geometryType}; a Polygon or MultiPolygon is required`,
  geometryEmpty: () => 'is empty',
  polygonWithoutRings: (p) => `polygon ${p.polygon} has no rings`,
  ringNotPositions: (p) => `${ringAt(p)} is not an array of positions`,
  ringTooShort: (p) => `${ringAt(p)} has ${p.positions} positions; a ring needs at least 4 (the last repeating the first)`,
  positionNotNumbers: (p) => `${ringAt(p)} has a position that is not a pair of numbers: ${p.position}`,
  ringNotClosed: (p) => `${ringAt(p)} is not closed: its last position must repeat the first`,
  coordinatesSwapped: (p) => `coordinates (${p.x}, ${p.y}) fall outside China but inside it with the axes swapped: write longitude first, then latitude`,
  coordinatesNotDegrees: (p) =>
    `coordinates (${p.x}, ${p.y}) are not degrees: they look like projected metres (e.g. CGCS2000 Gauss-Krüger); choose the coordinate system, e.g. EPSG:4545 (3° CM 108°E, Ankang) or EPSG:4524 (zone 36 with prefix)`,
  coordinatesOutsideChina: (p) => `coordinates (${p.x}, ${p.y}) (→ lon/lat ${p.lon.toFixed(5)}, ${p.lat.toFixed(5)} from ${p.crs}) fall outside China; check the coordinate system`,
  required: () => 'is required',
  notText: (p) => `expected text, got ${p.valueType}`,
  textTooLong: (p) => `is ${formatCount(p.lengthChars)} characters long; at most ${formatCount(p.maxChars)}`,
  codeHasWhiteSpace: (p) => `"${p.value}" contains white space`,
  nulCharacter: () => 'holds a NUL character (U+0000), which the database cannot store: remove it',
  notOneOf: (p) => `"${p.value}" is not one of ${list(p.allowed)}`,
  notNumber: (p) => `"${p.value}" is not a number`,
  notFiniteNumber: (p) => `"${p.value}" is not a finite number`,
  notWholeNumber: (p) => `"${p.value}" is not a whole number`,
  notPositive: (p) => `${p.value} must be greater than 0`,
  negative: (p) => `${p.value} must not be negative`,
  notDate: (p) => `"${p.value}" is not a date in the form YYYY-MM-DD`,
  notCalendarDate: (p) => `"${p.value}" is not a calendar date`,
  notBoolean: (p) => `"${p.value}" is not true/false (是/否, 1/0)`,
  formulaInjection: (p) => `"${p.value}" looks like a spreadsheet formula; refused (formula injection): enter the value itself`,
  damagedText: (p) => `"${p.value}" holds damaged characters (� or 锟斤拷): GBK text was read as UTF-8 before the file was saved; export it again from the original`,
  duplicate: (p) => `duplicate of ${p.firstRow !== undefined ? `row ${p.firstRow}` : `feature ${p.firstFeature}`}: ${p.key} must be unique`,
  usccMalformed: (p) => `"${p.value}" is not a 统一社会信用代码: 18 characters of 0-9 and A-Z without I, O, S, V, Z`,
  usccCheckCharacter: (p) => `check character is ${p.given}, GB 32100-2015 gives ${p.expected}; kept as given`,
  vacantUnitWithTenant: () => 'a vacant unit cannot have a tenant; set status to leased or clear the tenant',
  leaseEndsBeforeStart: (p) => `lease ends (${p.endOn}) before it starts (${p.startOn})`,
  unknownReference: (p) => `"${p.value}" points nowhere: no such ${SINGULAR[p.layer]} in the bundle or the database`,
  requiredNotMapped: (p) => `is required but no column maps to it (columns: ${list(p.columns)}); choose a column for it under Columns`,
  mappedColumnMissing: (p) => `is mapped to the column "${p.column}", which the file does not have (columns: ${list(p.columns)})`,
  wrongLayer: (p) => `the columns look like ${LAYERS[p.guessedLayer]} rather than ${LAYERS[p.layer]}: was the wrong layer chosen?`,
  noRows: () => 'holds no rows or features',
  noGeometry: (p) => `has no geometry; ${LAYERS[p.layer]} need Polygon or MultiPolygon shapes (a Shapefile, GeoPackage, KML or GeoJSON)`,
  geometryIgnored: (p) => `${LAYERS[p.layer]} have no geometry in MuYield; the shapes or points in the file are ignored`,
  rowTooLong: (p) => `is ${formatCount(p.lengthChars)} characters long; a row may hold at most ${formatCount(p.maxChars)}; skipped`,
  zipUnreadable: (p) => `is not a readable zip file (${p.reason}): it may be damaged or cut short; zip it again`,
  shapefilePartMissing: (p) => `is missing: a shapefile needs ${p.base}.shp, ${p.base}.shx and ${p.base}.dbf (and a .prj for its coordinate system), zipped together`,
  shapefileWithoutShp: (p) => `holds ${list(p.files)} but no .shp: the geometry file is missing`,
  severalSourceLayers: (p) => `holds ${p.count} ${p.what}s (${list(p.layers)}); nothing was read: choose one`,
  sourceLayerNotFound: (p) => `has no ${p.what} "${p.chosen}"; it has ${list(p.layers)}`,
  fileUnreadable: (p) => `cannot be read: ${p.reason}`,
  zipTooLarge: (p) => `would unpack to ${formatBytes(p.unpackedBytes)}; at most ${formatBytes(p.maxBytes)} are accepted (a zip bomb?)`,
  zipTooManyEntries: (p) => `holds ${formatCount(p.entries)} entries; at most ${formatCount(p.maxEntries)} are accepted`,
  zipEntryOutside: (p) => `entry "${p.entry}" points outside the archive (path traversal); refused`,
  zipEntryTooLarge: (p) => `entry "${p.entry}" unpacks to more than the ${formatBytes(p.declaredBytes)} its header declares (a zip bomb?); refused`,
  zipEntryUnreadable: (p) => `entry "${p.entry}" cannot be unpacked (${p.reason}): the zip may be damaged or cut short; zip it again`,
  zipEntryDamaged: (p) =>
    `entry "${p.entry}" unpacks to ${formatCount(p.unpackedBytes)} bytes but its header declares ${formatCount(p.declaredBytes)}; the zip is damaged: zip it again`,
  notShapefile: (p) =>
    `is not a shapefile${p.part === '.shx' ? ' index' : ''} (its header does not start with 9994): it may be damaged or merely renamed; export it again from the GIS`,
  shapefilePartsDisagree: (p) =>
    `${p.part === '.shx' ? `indexes ${formatCount(p.count)} shapes` : `has ${formatCount(p.count)} records`} but the .shp holds ${formatCount(p.shapes)}; the files do not belong together: zip the parts of one export`,
  fileCutShort: (p) => `its header says ${formatCount(p.declaredBytes)} bytes but it has ${formatCount(p.actualBytes)}; it is cut short or damaged`,
  jsonInvalid: (p) => `is not valid JSON${p.afterFeature !== undefined ? ` after feature ${p.afterFeature}` : ''}: ${p.reason}`,
  notGeoJson: () => 'is not a GeoJSON FeatureCollection or Feature',
  dbfTooShort: (p) => `is ${formatCount(p.actualBytes)} bytes long; a .dbf header alone is 32 bytes: it is cut short or damaged; export it again from the GIS`,
  dbfHeaderDamaged: (p) => `has a header length of ${formatCount(p.headerBytes)} bytes in a file of ${formatCount(p.actualBytes)}; it is damaged: export it again from the GIS`,
  dbfCutShort: (p) =>
    `declares ${formatCount(p.records)} records of ${formatCount(p.recordBytes)} bytes but is only ${formatCount(p.actualBytes)} bytes long; it is cut short: export it again and zip it`,
  dbfFieldsDisagree: (p) => `its fields add up to ${formatCount(p.fieldsBytes)} bytes a record but the header says ${formatCount(p.recordBytes)}; it is damaged: export it again from the GIS`,
  geoPackageUnreadable: (p) => `is not a readable GeoPackage (${p.reason}): it may be damaged or cut short; export it again from the GIS`,
  noFeatureTable: () => 'has no feature table (a table with geometry): export a layer with its geometry; a table without geometry imports as CSV or XLSX',
  kmlNotWellFormed: (p) => `is not well-formed KML (${p.reason}): it may be damaged or cut short; export it again`,
  notKml: (p) => `is XML but not KML (root element <${p.rootElement}>, not <kml>): check it was exported as KML`,
  fileEmpty: () => 'is empty (0 bytes): export it again and upload it',
  shapefilePartAlone: (p) => `is one part of a shapefile (${p.part}): zip the .shp, .shx, .dbf, .prj (and .cpg) together and import the .zip`,
  zipWithoutData: (p) =>
    `is a zip of ${formatCount(p.entries)} file(s) (${list(p.names)}${p.entries > p.names.length ? ', …' : ''}) but no shapefile, KML, GeoJSON, GeoPackage or CSV`,
  oldExcelWorkbook: () => 'is an old Excel .xls workbook: save it as .xlsx or .csv',
  notGeoPackage: () => 'is not a GeoPackage (no SQLite header): export it again from the GIS',
  notZip: (p) => `is named ${p.ext} but is not a zip file: it may be damaged or cut short; ${p.ext === '.xlsx' ? 'save it as .xlsx again' : 'export or zip it again'}`,
  formatUnknown: () => 'is a binary file of no format MuYield reads (GeoJSON, zipped Shapefile, KML/KMZ, GeoPackage, CSV, XLSX)',
  fileNotOpened: (p) => `cannot be read (${p.code}): upload it again; if that fails too, ask the administrator`,
  xlsxUnreadable: (p) => `is not a readable .xlsx workbook (${p.reason}): open it and save it as .xlsx or .csv again`,
  noWorksheet: () => 'has no worksheet: put the data on the first sheet',
  csvQuoteUnterminated: () => 'a quoted value is never closed: everything after its opening " was read as that value; check the quotes of this row',
  csvQuoteMalformed: () => 'a quoted value has characters after its closing quote; a quote inside a value is written twice ("")',
  csvTooManyFields: (p) => `has ${formatCount(p.parsed)} values but the header ${formatCount(p.expected)} columns: a value with a comma and no quotes around it?`,
  crsDetected: (p) => `no coordinate system in the file: the numbers look like ${p.label} (${p.crs}); check the data lands where it should`,
  crsWithoutDatumTransformation: (p) =>
    `${p.crs} (${p.label}) converted without the local seven-parameter datum transformation: positions may be off by up to ~100 m; ask the land bureau for CGCS2000 data`,
  crsUnknown: (p) => `unknown or unsupported coordinate system "${p.crs}"`,
  statedCrsUnusable: (p) => `${p.from} cannot be used (${p.reason})${p.likelyCrs ? `; the numbers look like ${p.likelyLabel ?? p.likelyCrs}: choose ${p.likelyCrs} and check again` : ''}`,
  databaseRefused: (p) => `the database refused the import, nothing was written: ${p.reason}`,
  moreProblems: (p) => `… and ${formatCount(p.count)} more problems`,
};
