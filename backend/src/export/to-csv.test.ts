import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { isReadAsNumberBySpreadsheets, toCsv } from './to-csv.js';
import { toDecimalText } from './cells.js';
import { LAYER_COLUMNS, type ExportTable } from './headers.js';
import { fromTextFormula, readCsv } from '../import/read-table.js';
import { sampleBuildings } from './__fixtures__/sample-table.js';
import { hasGdal, ogrToGeoJson, writeTempFile } from '../test-support/gdal.js';

/** Parks whose codes are all digits (one with a leading zero), or digits a spreadsheet reads as a number or date. */
function parksWithCodes(): Pick<ExportTable, 'columns' | 'features'> {
  const keys = ['code', 'name', 'region_code', 'region_name', 'level', 'leading_industries', 'year'];
  const columns = keys.map((k) => LAYER_COLUMNS.parks.find((c) => c.key === k)!);
  return {
    columns,
    features: [
      { geometry: null, properties: { code: '0610', name: '示例园区', region_code: '610902', region_name: '示例县', level: null, leading_industries: null, year: 2025 } },
      { geometry: null, properties: { code: '919999015999999055', name: '园区,2', region_code: '12E5', region_name: '县', level: 'P-01', leading_industries: '1-2', year: 2026 } },
    ],
  };
}

const parse = (bytes: Buffer) => Papa.parse<string[]>(bytes.toString('utf8').slice(1), { skipEmptyLines: true }).data;

describe('CSV export', () => {
  it('starts with a UTF-8 BOM so Excel reads Chinese, and has Chinese headers with units', () => {
    const bytes = toCsv(sampleBuildings());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parse(bytes)[0]).toEqual(['建筑代码', '园区代码', '宗地代码', '建筑类型', '层数(层)', '建筑面积(m²)', '基底面积(m²)', '建筑高度(m)', '竣工日期', '示意数据']);
  });

  it('has English headers with lang=en, units in English, booleans in words of the language', () => {
    const rows = parse(toCsv(sampleBuildings(), { lang: 'en' }));
    expect(rows[0].slice(0, 6)).toEqual(['Building code', 'Park code', 'Parcel code', 'Kind', 'Floors', 'Floor area (m²)']);
    expect(rows.map((r) => r[9])).toEqual(['Illustrative', 'true', 'false', 'false']);
    expect(parse(toCsv(sampleBuildings())).map((r) => r[9])).toEqual(['示意数据', '是', '否', '否']);
  });

  it('writes coded values in words of the language (an unknown code as it is), and codes for programs', () => {
    expect(parse(toCsv(sampleBuildings())).map((r) => r[3])).toEqual(['建筑类型', '标准化厂房', '标准厂房', '其他']);
    expect(parse(toCsv(sampleBuildings(), { lang: 'en' })).map((r) => r[3])).toEqual(['Kind', 'Standard factory', '标准厂房', 'Other']);
    expect(parse(toCsv(sampleBuildings(), { lang: 'en', guardFormulas: false })).map((r) => r[3])).toEqual(['Kind', 'standard_factory', '标准厂房', 'other']);
    const statuses = LAYER_COLUMNS.units.filter((c) => c.key === 'status');
    const units = { columns: statuses, features: ['leased', 'vacant', 'reserved'].map((status) => ({ geometry: null, properties: { status } })) };
    expect(parse(toCsv(units)).flat()).toEqual(['出租状态', '已出租', '空置', '已预留']);
    expect(parse(toCsv(units, { lang: 'en' })).flat()).toEqual(['Letting status', 'Leased', 'Vacant', 'Reserved']);
    const groups = LAYER_COLUMNS.evaluations.filter((c) => ['group', 'reason', 'grade_label'].includes(c.key));
    const evaluation = { columns: groups, features: [{ geometry: null, properties: { group: 'aboveScale', reason: 'belowMinLand', grade_label: '优先发展类' } }] };
    expect(parse(toCsv(evaluation))[1]).toEqual(['规上企业', '用地不足参评门槛', '优先发展类']);
    expect(parse(toCsv(evaluation, { lang: 'en' }))[1]).toEqual(['Above scale', 'Land below the threshold', 'Priority development']);
    const roles = { columns: LAYER_COLUMNS.land_rights.filter((c) => c.key === 'role'), features: [{ geometry: null, properties: { role: 'tenant' } }] };
    expect(parse(toCsv(roles, { lang: 'en' }))[1]).toEqual(['Tenant']);
  });

  it('quotes commas and quotes, leaves missing values empty, rounds numbers to the column decimals', () => {
    const rows = parse(toCsv(sampleBuildings()));
    expect(rows[2]).toEqual(['B2', 'P,"2"', '', '标准厂房', '1', '10', '10', '8', '', '否']);
    expect(rows[1].slice(5, 9)).toEqual(['1234.57', '400', '', '2020-05-01']);
    expect(rows[3].slice(5, 8)).toEqual(['0', '1000000000', '12.35']);
  });

  it('puts an apostrophe before text that a spreadsheet would run as a formula, never before numbers', () => {
    const rows = parse(toCsv(sampleBuildings()));
    expect(rows[1][2]).toBe(`'=HYPERLINK("http://x")`);
    expect(rows[3][1]).toBe(`'-1+1`);
    expect(rows[3][2]).toBe(`'@SUM(A1)`);
    expect(parse(toCsv(sampleBuildings(), { guardFormulas: false }))[3][2]).toBe('@SUM(A1)');
  });

  it('writes codes a spreadsheet would take for numbers as text formulas ="…", only in text columns and only for spreadsheets', () => {
    const parks = parksWithCodes();
    const lines = toCsv(parks).toString('utf8').slice(1).split('\r\n');
    // RFC 4180 quoting doubles the formula's quotes: the cell itself is ="0610"
    expect(lines[1]).toBe('"=""0610""",示例园区,"=""610902""",示例县,,,2025');
    expect(parse(toCsv(parks))[2]).toEqual(['="919999015999999055"', '园区,2', '="12E5"', '县', 'P-01', '="1-2"', '2026']);
    expect(parse(toCsv(parks, { guardFormulas: false }))[1].slice(0, 3)).toEqual(['0610', '示例园区', '610902']);
    const long = { ...parks, features: [{ geometry: null, properties: { code: '1'.repeat(256) } }] };
    expect(parse(toCsv(long))[1][0]).toBe('1'.repeat(256)); // longer than Excel takes in a formula: left plain
  });

  it('tells the texts a spreadsheet would turn into numbers or dates from the others', () => {
    for (const t of ['919999015999999055', '0123', '610902', '12E5', '1.5', '3/4', '1-2', '12:30', '50%']) expect(isReadAsNumberBySpreadsheets(t), t).toBe(true);
    for (const t of ['999901001001GB00001', '91999901MA0000A19A', 'P-01', '-1', '=1', '', ' 1', '1 2', '安康']) expect(isReadAsNumberBySpreadsheets(t), t).toBe(false);
  });

  it('is read back by our CSV importer to the same values, codes without their ="…"', async () => {
    const parks = parksWithCodes();
    const read = await readCsv(toCsv(parks, { lang: 'en' }), 'parks.csv');
    expect(read.problems).toEqual([]);
    expect(read.records.map((r) => r.properties['Park code'])).toEqual(['0610', '919999015999999055']);
    expect(read.records.map((r) => r.properties['County code'])).toEqual(['610902', '12E5']);
    expect(read.records[1].properties).toMatchObject({ Park: '园区,2', Level: 'P-01', 'Leading industries': '1-2' });
  });

  it('reads a text formula back as its text, and leaves every other formula for the importer to refuse', () => {
    expect(fromTextFormula('="0123"')).toBe('0123');
    expect(fromTextFormula('="a""b"')).toBe('a"b');
    expect(fromTextFormula('=""')).toBe('');
    expect(fromTextFormula('="=1+1"')).toBe('=1+1');
    expect(fromTextFormula('="1"&"2"')).toBe('="1"&"2"');
    expect(fromTextFormula('=HYPERLINK("x")')).toBe('=HYPERLINK("x")');
    expect(fromTextFormula('0123')).toBe('0123');
  });

  it('writes decimals without exponent or trailing zeros', () => {
    expect(toDecimalText(100, 0)).toBe('100');
    expect(toDecimalText(100, 4)).toBe('100');
    expect(toDecimalText(0.000001, 4)).toBe('0');
    expect(toDecimalText(-0.00001, 2)).toBe('0');
    expect(toDecimalText(13.333333333, 4)).toBe('13.3333');
    expect(toDecimalText(1e-7, undefined)).toBe('1e-7');
  });

  it.runIf(hasGdal)('is read by GDAL with the Chinese headers and values intact', () => {
    const read = ogrToGeoJson(writeTempFile('buildings.csv', toCsv(sampleBuildings())));
    expect(read.features).toHaveLength(3);
    expect(read.features[0].properties).toMatchObject({ 建筑代码: 'B1', 园区代码: '安康高新区', '建筑面积(m²)': '1234.57' });
    expect(read.features[1].properties).toMatchObject({ 园区代码: 'P,"2"', 建筑类型: '标准厂房' });
  });
});
