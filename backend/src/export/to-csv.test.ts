import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { toCsv } from './to-csv.js';
import { toDecimalText } from './cells.js';
import { sampleBuildings } from './__fixtures__/sample-table.js';
import { hasGdal, ogrToGeoJson, writeTempFile } from '../test-support/gdal.js';

const parse = (bytes: Buffer) => Papa.parse<string[]>(bytes.toString('utf8').slice(1), { skipEmptyLines: true }).data;

describe('CSV export', () => {
  it('starts with a UTF-8 BOM so Excel reads Chinese, and has Chinese headers with units', () => {
    const bytes = toCsv(sampleBuildings());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parse(bytes)[0]).toEqual(['建筑代码', '园区代码', '宗地代码', '建筑类型', '层数(层)', '建筑面积(m²)', '基底面积(m²)', '建筑高度(m)', '竣工日期', '示意数据']);
  });

  it('has English headers with lang=en, booleans in words of the language', () => {
    const rows = parse(toCsv(sampleBuildings(), { lang: 'en' }));
    expect(rows[0].slice(0, 6)).toEqual(['Building code', 'Park code', 'Parcel code', 'Kind', 'Floors (层)', 'Floor area (m²)']);
    expect(rows.map((r) => r[9])).toEqual(['Illustrative', 'true', 'false', 'false']);
    expect(parse(toCsv(sampleBuildings())).map((r) => r[9])).toEqual(['示意数据', '是', '否', '否']);
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
