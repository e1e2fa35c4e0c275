import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { toXlsx } from './to-xlsx.js';
import { sampleBuildings } from './__fixtures__/sample-table.js';
import { hasGdal, ogrToGeoJson, writeTempFile } from '../test-support/gdal.js';

async function readSheet(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets[0];
}

describe('XLSX export', () => {
  it('has Chinese headers with units, numbers as numbers and dates as dates', async () => {
    const sheet = await readSheet(await toXlsx(sampleBuildings(), { sheetName: '建筑' }));
    expect(sheet.name).toBe('建筑');
    expect((sheet.getRow(1).values as unknown[]).slice(1, 7)).toEqual(['建筑代码', '园区代码', '宗地代码', '建筑类型', '层数(层)', '建筑面积(m²)']);
    const first = sheet.getRow(2);
    expect(first.getCell(2).value).toBe('安康高新区');
    expect(first.getCell(6).value).toBe(1234.5678);
    expect(first.getCell(8).value).toBeNull();
    expect(first.getCell(9).value).toEqual(new Date(Date.UTC(2020, 4, 1)));
    expect(first.getCell(10).value).toBe('是');
    expect(sheet.rowCount).toBe(4);
  });

  it('has English headers with lang=en', async () => {
    const sheet = await readSheet(await toXlsx(sampleBuildings(), { lang: 'en' }));
    expect(sheet.getRow(1).getCell(6).value).toBe('Floor area (m²)');
    expect(sheet.getRow(1).getCell(5).value).toBe('Floors');
  });

  it('writes coded values in words of the language, and an unknown code as it is', async () => {
    const zh = await readSheet(await toXlsx(sampleBuildings()));
    expect([2, 3, 4].map((r) => zh.getRow(r).getCell(4).value)).toEqual(['标准化厂房', '标准厂房', '其他']);
    const en = await readSheet(await toXlsx(sampleBuildings(), { lang: 'en' }));
    expect([2, 3, 4].map((r) => en.getRow(r).getCell(4).value)).toEqual(['Standard factory', '标准厂房', 'Other']);
  });

  it('writes text that starts like a formula as text: no formula in the file, text format on the cell', async () => {
    const bytes = await toXlsx(sampleBuildings());
    const zip = await JSZip.loadAsync(bytes);
    const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheetXml).not.toMatch(/<f[ >]/);
    const sheet = await readSheet(bytes);
    expect(sheet.getRow(2).getCell(3).value).toBe('=HYPERLINK("http://x")');
    expect(sheet.getRow(2).getCell(3).numFmt).toBe('@');
    expect(sheet.getRow(4).getCell(2).value).toBe('-1+1');
    expect(sheet.getRow(4).getCell(3).value).toBe('@SUM(A1)');
    expect(sheet.getRow(4).getCell(3).type).toBe(ExcelJS.ValueType.String);
  });

  it.runIf(hasGdal)('is read by GDAL with the Chinese headers and values intact', async () => {
    const read = ogrToGeoJson(writeTempFile('buildings.xlsx', await toXlsx(sampleBuildings())));
    expect(read.features).toHaveLength(3);
    expect(read.features[1].properties).toMatchObject({ 建筑代码: 'B2', 建筑类型: '标准厂房', '建筑面积(m²)': 10 });
  });
});
