import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ProblemParams as ServerProblemParams } from '../../../backend/src/bundle/problems';
import { FILE_SPECS } from '../../../backend/src/bundle/fields';
import synonyms from '../../../backend/src/import/synonyms.json';
import type { ProblemKind, ProblemParams, ProblemSentences } from '../api/problem-params';
import { problemSentencesEn } from '../i18n/problems-en';
import { ALLOWED_WORDS_ZH_CN, problemSentencesZhCN, validityReasonZhCN } from '../i18n/problems-zh-CN';
import { toProblemSentence } from './problem-sentence';

/** One example of every kind: the compiler insists on all of them, so a new kind needs its sentences and a golden line */
const EXAMPLES: { [K in ProblemKind]: ProblemParams[K] } = {
  geometryInvalidRepairable: { reason: 'Self-intersection[108.9012 32.7015]', repairedAreaSqm: 1234.56 },
  geometryInvalidUnrepairable: { reason: 'Too few points in geometry component[108.9 32.7]' },
  geometryInvalid: { reason: 'Ring Self-intersection[108.9 32.7]' },
  geometryRepaired: { reason: 'Self-intersection[108.9 32.7]', repairedAreaSqm: 13340 },
  overlapsParcel: { otherCode: '610902001001GB00002', overlapSqm: 12.34 },
  overlapsStoredParcel: { otherCode: '610902001001GB00003', overlapSqm: 1520.7 },
  outsidePark: { parkCode: 'P01', outsideSqm: 30, outsideShare: 0.0204 },
  declaredAreaMismatch: { declaredSqm: 13340, measuredSqm: 6670, differenceShare: -0.5 },
  geometryMissing: {},
  geometryNotPolygon: { geometryType: 'LineString' },
  geometryEmpty: {},
  polygonWithoutRings: { polygon: 2 },
  ringNotPositions: { polygon: 1, ring: 2 },
  ringTooShort: { polygon: 1, ring: 1, positions: 3 },
  positionNotNumbers: { polygon: 1, ring: 1, position: '["108.9",null]' },
  ringNotClosed: { polygon: 1, ring: 1 },
  coordinatesSwapped: { x: 32.701, y: 108.901 },
  coordinatesNotDegrees: { x: 584392.8, y: 3619835.6 },
  coordinatesOutsideChina: { x: 2.35, y: 48.85, lon: 2.35, lat: 48.85, crs: 'EPSG:4326' },
  required: {},
  notText: { valueType: 'object' },
  textTooLong: { lengthChars: 1200, maxChars: 1000 },
  codeHasWhiteSpace: { value: 'P01 001' },
  nulCharacter: {},
  notOneOf: { field: 'land_use', value: '住宅', allowed: ['industrial', 'warehouse', 'commercial', 'public', 'other'] },
  notNumber: { value: '一百' },
  notFiniteNumber: { value: '1e999' },
  notWholeNumber: { value: '3.5' },
  notPositive: { value: '0' },
  negative: { value: '-1' },
  notDate: { value: '2024/13' },
  notCalendarDate: { value: '2015-02-30' },
  notBoolean: { value: 'maybe' },
  formulaInjection: { value: '=HYPERLINK("http://evil.example")' },
  damagedText: { value: '示例\uFFFD公司' },
  duplicate: { key: '610902001001GB00002', firstFeature: 2 },
  usccMalformed: { value: '91999901MA0000A19' },
  usccCheckCharacter: { given: 'B', expected: 'A' },
  vacantUnitWithTenant: {},
  leaseEndsBeforeStart: { startOn: '2025-01-01', endOn: '2024-12-31' },
  unknownReference: { value: 'NO-SUCH-PARK', layer: 'parks' },
  requiredNotMapped: { columns: ['宗地号', '用地性质'] },
  mappedColumnMissing: { column: '信用代码', columns: ['统一社会信用代码', '企业名称'] },
  wrongLayer: { layer: 'parcels', guessedLayer: 'enterprises' },
  noRows: {},
  noGeometry: { layer: 'parcels' },
  geometryIgnored: { layer: 'enterprises' },
  rowTooLong: { lengthChars: 150012, maxChars: 100000 },
  zipUnreadable: { reason: 'End of data reached (data length = 200, asked index = 4294967295). Corrupted zip ?' },
  shapefilePartMissing: { part: '.shx', base: '宗地' },
  shapefileWithoutShp: { files: ['宗地.dbf', '宗地.shx', '宗地.prj'] },
  severalSourceLayers: { count: 2, what: 'feature table', layers: ['parcels', 'wells'] },
  sourceLayerNotFound: { chosen: 'roads', what: 'shapefile', layers: ['宗地', '建筑'] },
  fileUnreadable: { reason: 'unexpected end of file' },
  zipTooLarge: { unpackedBytes: 600 * 1024 ** 2, maxBytes: 512 * 1024 ** 2 },
  zipTooManyEntries: { entries: 150, maxEntries: 100 },
  zipEntryOutside: { entry: '../../etc/parcels.geojson' },
  zipEntryTooLarge: { entry: '宗地.geojson', declaredBytes: 1000 },
  zipEntryUnreadable: { entry: '宗地.shp', reason: 'Bug : uncompressed data size mismatch' },
  zipEntryDamaged: { entry: '宗地.dbf', unpackedBytes: 20480, declaredBytes: 20516 },
  notShapefile: { part: '.shx' },
  shapefilePartsDisagree: { part: '.dbf', count: 2, shapes: 4 },
  fileCutShort: { declaredBytes: 1340, actualBytes: 1300 },
  jsonInvalid: { reason: 'unexpected end of JSON input (is the file cut short?)', afterFeature: 2 },
  notGeoJson: {},
  dbfTooShort: { actualBytes: 12 },
  dbfHeaderDamaged: { headerBytes: 65535, actualBytes: 4200 },
  dbfCutShort: { records: 120, recordBytes: 86, actualBytes: 6000 },
  dbfFieldsDisagree: { fieldsBytes: 86, recordBytes: 90 },
  geoPackageUnreadable: { reason: 'Unable to open GeoPackage.' },
  noFeatureTable: {},
  kmlNotWellFormed: { reason: 'Opening and ending tag mismatch: "Placemark" != "Document"' },
  notKml: { rootElement: 'gpx' },
  fileEmpty: {},
  shapefilePartAlone: { part: '.shp' },
  zipWithoutData: { entries: 7, names: ['说明.docx', '宗地图.pdf', 'photos/1.jpg', 'photos/2.jpg', 'photos/3.jpg'] },
  oldExcelWorkbook: {},
  notGeoPackage: {},
  notZip: { ext: '.xlsx' },
  formatUnknown: {},
  fileNotOpened: { code: 'EACCES' },
  xlsxUnreadable: { reason: "Can't find end of central directory : is this a zip file ?" },
  noWorksheet: {},
  csvQuoteUnterminated: {},
  csvQuoteMalformed: {},
  csvTooManyFields: { expected: 5, parsed: 6 },
  crsDetected: { crs: 'EPSG:4524', label: 'CGCS2000 / 3-degree Gauss-Krüger zone 36' },
  crsUnknown: { crs: 'EPSG:9999' },
  crsWithoutDatumTransformation: { crs: 'EPSG:2381', label: 'Xian 1980 / 3-degree Gauss-Krüger CM 108E' },
  statedCrsUnusable: { from: 'parcels.prj', reason: 'not a coordinate system: "hello, world"', likelyCrs: 'EPSG:4524', likelyLabel: 'CGCS2000 / 3-degree Gauss-Krüger zone 36' },
  databaseRefused: { reason: 'duplicate key value violates unique constraint "parcels_pkey"' },
  moreProblems: { count: 2345 },
};

function allSentences(sentences: ProblemSentences): string {
  return (Object.keys(EXAMPLES) as ProblemKind[])
    .map((kind) => `${kind}: ${toProblemSentence({ kind, params: EXAMPLES[kind], message: '(the server’s English)' }, sentences)}`)
    .join('\n') + '\n';
}

describe('a report problem said from its kind and params', () => {
  it('has the same kinds and params as the server sends (backend/src/bundle/problems.ts)', () => {
    expectTypeOf<ProblemParams>().toEqualTypeOf<ServerProblemParams>();
    expect(Object.keys(problemSentencesZhCN).sort()).toEqual(Object.keys(EXAMPLES).sort());
    expect(Object.keys(problemSentencesEn).sort()).toEqual(Object.keys(EXAMPLES).sort());
  });

  it('says an overlap with a stored parcel in Chinese, its area in m²', () => {
    const overlap = { kind: 'overlapsStoredParcel', params: { otherCode: 'P01-001', overlapSqm: 12.34 }, message: 'overlaps the stored parcel P01-001 by 12.3 m²' };
    expect(toProblemSentence(overlap, problemSentencesZhCN)).toBe('与已入库的宗地 P01-001 重叠 12.3 m²');
    expect(toProblemSentence({ ...overlap, params: { otherCode: 'P01-001', overlapSqm: 15203.4 } }, problemSentencesEn)).toBe('overlaps the stored parcel P01-001 by 15,203 m²');
  });

  it('gives land areas in m² and 亩 and the difference as a signed percentage', () => {
    const problem = { kind: 'declaredAreaMismatch', params: { declaredSqm: 13340, measuredSqm: 6670, differenceShare: -0.5 }, message: '…' };
    expect(toProblemSentence(problem, problemSentencesZhCN)).toBe('申报面积 13,340 m²（20.0 亩），图形量得 6,670 m²（10.0 亩），相差 -50.0 %：请检查面积列的单位（m²、亩、公顷）和坐标系');
    expect(toProblemSentence({ ...problem, params: { declaredSqm: 1000, measuredSqm: 1123, differenceShare: 0.123 } }, problemSentencesEn))
      .toBe('declares 1,000 m² (1.5 亩) but the shape measures 1,123 m² (1.7 亩) (+12.3 %): check the unit of the area column and the coordinate system');
  });

  it('gives the share of a parcel outside its park as a percentage', () => {
    expect(toProblemSentence({ kind: 'outsidePark', params: { parkCode: 'P01', outsideSqm: 30, outsideShare: 0.0204 }, message: '…' }, problemSentencesZhCN))
      .toBe('有 30.0 m²（占本宗地的 2.0 %）位于所属园区 P01 的边界之外');
  });

  it('keeps PostGIS’s reason as data inside the Chinese sentence, its name translated when known', () => {
    expect(validityReasonZhCN('Self-intersection[108.9012 32.7015]')).toBe('自相交，位置 108.9012 32.7015');
    expect(validityReasonZhCN('Something new[1 2]')).toBe('Something new[1 2]');
    expect(toProblemSentence({ kind: 'geometryInvalidRepairable', params: { reason: 'Self-intersection[108.9 32.7]', repairedAreaSqm: 1234.56 }, message: '…' }, problemSentencesZhCN))
      .toBe('图形无效（自相交，位置 108.9 32.7）。可用 ST_MakeValid 修复，修复后面积 1,235 m²（1.9 亩）：勾选下方“用 ST_MakeValid 修复无效几何”后再检查，或在 QGIS 中改正后重新导入');
  });

  it('says field values in Chinese with the value quoted', () => {
    expect(toProblemSentence({ kind: 'notCalendarDate', params: { value: '2015-02-30' }, message: '"2015-02-30" is not a calendar date' }, problemSentencesZhCN))
      .toBe('“2015-02-30”不是真实存在的日期');
  });

  it('says which part of a shapefile is not one: the .shp or its index (.shx)', () => {
    const notShapefile = (part: string) => ({ kind: 'notShapefile', params: { part }, message: '…' });
    expect(toProblemSentence(notShapefile('.shp'), problemSentencesZhCN)).toMatch(/^不是 Shapefile 的图形文件（\.shp）：文件头不是以 9994 开头/);
    expect(toProblemSentence(notShapefile('.shx'), problemSentencesZhCN)).toMatch(/^不是 Shapefile 的索引文件（\.shx）：/);
    expect(toProblemSentence(notShapefile('.shp'), problemSentencesEn)).toMatch(/^is not a shapefile \(its header does not start with 9994\)/);
    expect(toProblemSentence(notShapefile('.shx'), problemSentencesEn)).toMatch(/^is not a shapefile index \(its header does not start with 9994\)/);
  });

  it('offers the allowed values in the Chinese words the server reads as them, else as the values', () => {
    expect(toProblemSentence({ kind: 'notOneOf', params: { field: 'land_use', value: '住宅', allowed: ['industrial', 'warehouse'] }, message: '…' }, problemSentencesZhCN))
      .toBe('“住宅”不是允许的值，可选：工业、仓储');
    expect(toProblemSentence({ kind: 'notOneOf', params: { field: 'kind', value: '车间', allowed: ['factory', 'warehouse'] }, message: '…' }, problemSentencesZhCN))
      .toBe('“车间”不是允许的值，可选：厂房、仓库');
    expect(toProblemSentence({ kind: 'notOneOf', params: { field: 'grade', value: 'E', allowed: ['A', 'B'] }, message: '…' }, problemSentencesZhCN))
      .toBe('“E”不是允许的值，可选：A、B');
    const valueWords = synonyms.values as Record<string, Record<string, string>>;
    for (const spec of Object.values(FILE_SPECS).flat()) {
      if (typeof spec.type !== 'object') continue;
      for (const value of spec.type.oneOf) expect(valueWords[spec.name]?.[ALLOWED_WORDS_ZH_CN[spec.name]?.[value]], `${spec.name}: ${value}`).toBe(value);
    }
  });

  it('falls back to the server’s message without a kind, for a kind it does not know, or params that do not fit', () => {
    expect(toProblemSentence({ message: 'a vacant unit cannot have a tenant' }, problemSentencesZhCN)).toBe('a vacant unit cannot have a tenant');
    expect(toProblemSentence({ kind: 'somethingNewer', params: {}, message: 'newer English' }, problemSentencesZhCN)).toBe('newer English');
    expect(toProblemSentence({ kind: 'toString', params: {}, message: 'not an own sentence' }, problemSentencesZhCN)).toBe('not an own sentence');
    expect(toProblemSentence({ kind: 'notOneOf', params: { value: 'x' }, message: 'params of another version' }, problemSentencesZhCN)).toBe('params of another version');
    expect(toProblemSentence({ kind: 'noRows', message: 'holds no rows or features' }, problemSentencesZhCN)).toBe('holds no rows or features');
  });

  it('says every kind in Chinese and in English (golden files)', async () => {
    await expect(allSentences(problemSentencesZhCN)).toMatchFileSnapshot('./__golden__/problem-sentences.zh-CN.txt');
    await expect(allSentences(problemSentencesEn)).toMatchFileSnapshot('./__golden__/problem-sentences.en.txt');
    expect(allSentences(problemSentencesZhCN)).not.toContain('(the server’s English)');
    expect(allSentences(problemSentencesEn)).not.toContain('(the server’s English)');
  });
});
