import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportMissingTool } from '../test-support/missing-tool.js';
import { openTestApp, type TestApp } from '../test-support/test-app.js';
import { fromTextFormula } from '../import/read-table.js';

// LibreOffice as the independent reader of the spreadsheets we export (issue 5: "exports open in GDAL and in
// LibreOffice"): each file goes through `soffice --headless --convert-to csv` and we read what Calc made of it.

const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'pipe', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
})();
const NO_SOFFICE_MESSAGE = 'LibreOffice (soffice) is not installed: the tests opening exports in LibreOffice are skipped (apt-get install --no-install-recommends libreoffice-calc-nogui)';

/** Calc's CSV filter options: comma (44), double quote (34), UTF-8 (76), from line 1 (StarOffice filter option string). */
const CSV_OPTIONS = '44,34,76,1';
/** What the guarded cell holds in the database: a formula a spreadsheet would run if it took it as one. */
const FORMULA_NAME = '=2*3';
const FORMULA_USCC = '91999901MA0000A19A';

let t: TestApp;
let work: string;
beforeAll(async () => {
  t = await openTestApp();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'muyield-soffice-'));
  await t.db.query('UPDATE enterprises SET name = $1 WHERE uscc = $2', [FORMULA_NAME, FORMULA_USCC]);
});
afterAll(async () => {
  await t?.dispose();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

async function download(url: string): Promise<Buffer> {
  const res = await t.app.inject({ method: 'GET', url });
  expect(res.statusCode, url).toBe(200);
  return res.rawPayload;
}

/**
 * Open `files` in LibreOffice Calc and save each as UTF-8 CSV; returns the rows of each, by file name. A private
 * profile (-env:UserInstallation) per call, so tests running at the same time do not share a locked one.
 */
function openInCalc(files: Record<string, Buffer>, inputFilter?: string): Record<string, string[][]> {
  const dir = fs.mkdtempSync(path.join(work, 'run-'));
  const inputs = Object.entries(files).map(([name, bytes]) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    return file;
  });
  const out = path.join(dir, 'out');
  execFileSync('soffice', [
    `-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--norestore',
    ...(inputFilter ? [`--infilter=${inputFilter}`] : []),
    '--convert-to', `csv:Text - txt - csv (StarCalc):${CSV_OPTIONS}`, '--outdir', out, ...inputs,
  ], { stdio: 'pipe', timeout: 120_000 });
  const result: Record<string, string[][]> = {};
  for (const name of Object.keys(files)) {
    const csv = path.join(out, `${path.parse(name).name}.csv`);
    expect(fs.existsSync(csv), `LibreOffice wrote no ${csv}`).toBe(true);
    result[name] = Papa.parse<string[]>(fs.readFileSync(csv, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  }
  return result;
}

/** Rows as objects by header, as Calc saw them. */
const byHeader = (rows: string[][]) => rows.slice(1).map((r) => Object.fromEntries(rows[0].map((h, i) => [h, r[i]])));

/** The API's own CSV, parsed without any spreadsheet: what the cells are meant to say. */
async function apiCsvRows(url: string): Promise<string[][]> {
  return Papa.parse<string[]>((await download(url)).toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
}

/** A workbook holding FORMULA_NAME as a real formula: what Calc does with one that is not guarded. */
async function workbookWithFormula(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('企业').addRows([['企业名称'], [{ formula: FORMULA_NAME.slice(1) }]]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const LAYERS = {
  parcels: '/api/export/parcels?format=',
  enterprises: '/api/export/enterprises?format=',
  indicators: '/api/export/indicators?year=2025&format=',
} as const;
type Layer = keyof typeof LAYERS;

describe.runIf(hasSoffice)('exports opened in LibreOffice Calc', () => {
  const meant = {} as Record<Layer, string[][]>;
  let fromXlsx: Record<string, string[][]>;
  let fromCsv: Record<string, string[][]>;

  beforeAll(async () => {
    const xlsx: Record<string, Buffer> = { 'control-formula.xlsx': await workbookWithFormula() };
    const csv: Record<string, Buffer> = {};
    for (const [layer, url] of Object.entries(LAYERS) as [Layer, string][]) {
      meant[layer] = await apiCsvRows(`${url}csv`);
      xlsx[`${layer}.xlsx`] = await download(`${url}xlsx`);
      csv[`${layer}.csv`] = await download(`${url}csv`);
    }
    // The same CSV without the exporter's apostrophe: proves Calc would run the formula if it were not guarded
    csv['control-unguarded.csv'] = Buffer.from(csv['enterprises.csv'].toString('utf8').replace(`'${FORMULA_NAME}`, FORMULA_NAME));
    // The same CSV with the code written plain (the cell "=""…""" unwrapped): proves Calc takes it for a number
    csv['control-plain-code.csv'] = Buffer.from(csv['enterprises.csv'].toString('utf8').replace(/"=""(\d+)"""/g, '$1'));
    // Two runs of Calc: the CSV filter (UTF-8, comma) must not be forced on the workbooks
    fromXlsx = openInCalc(xlsx);
    fromCsv = openInCalc(csv, `CSV:${CSV_OPTIONS}`);
  }, 300_000);

  it('XLSX: Chinese headers with units, every row and every value as the export meant them', () => {
    expect(fromXlsx['parcels.xlsx'][0]).toEqual(expect.arrayContaining(['宗地代码', '用地面积(m²)', '用地面积(亩)', '计划投资(万元)', '约定亩均税收(万元/亩)']));
    expect(fromXlsx['indicators.xlsx'][0]).toEqual(expect.arrayContaining(['税收(万元)', '综合能耗(吨标准煤)', '用电量(千瓦时)']));
    for (const layer of Object.keys(LAYERS) as Layer[]) {
      // The exporter's CSV guards the formula-like name with an apostrophe and codes with ="…"; the workbook holds both as text
      const expected = meant[layer].map((row) => row.map((cell) => (cell === `'${FORMULA_NAME}` ? FORMULA_NAME : fromTextFormula(cell))));
      expect({ layer, rows: fromXlsx[`${layer}.xlsx`] }).toEqual({ layer, rows: expected });
    }
    expect(fromXlsx['parcels.xlsx']).toHaveLength(1 + 4);
    expect(fromXlsx['enterprises.xlsx']).toHaveLength(1 + 5);
    const parcel = byHeader(fromXlsx['parcels.xlsx'])[0];
    expect(parcel).toMatchObject({ 宗地代码: '999901001001GB00001', '用地面积(亩)': '59.9659', 园区名称: '示例工业集中区' });
    const taxes = Object.fromEntries(byHeader(fromXlsx['indicators.xlsx']).map((r) => [r['统一社会信用代码'], r['税收(万元)']]));
    expect(taxes).toMatchObject({ '91999901MA0000B23E': '-20', '91999901MA0000A19A': '900', '919999015999999055': '5' });
  });

  it('XLSX: a name that looks like a formula stays text, where a real formula cell is computed', () => {
    const names = byHeader(fromXlsx['enterprises.xlsx']).map((r) => r['企业名称']);
    expect(names).toContain(FORMULA_NAME);
    expect(fromXlsx['control-formula.xlsx']).toEqual([['企业名称'], ['6']]);
  });

  it('CSV: Chinese headers with units, every row, and the values as the export meant them', () => {
    for (const layer of Object.keys(LAYERS) as Layer[]) {
      const rows = fromCsv[`${layer}.csv`];
      expect({ layer, header: rows[0], count: rows.length }).toEqual({ layer, header: meant[layer][0], count: meant[layer].length });
      // Every cell, codes written as ="…" shown as their text (the last test)
      expect({ layer, rows }).toEqual({ layer, rows: meant[layer].map((row) => row.map(fromTextFormula)) });
    }
    expect(fromCsv['parcels.csv'][0]).toEqual(expect.arrayContaining(['用地面积(m²)', '用地面积(亩)', '约定亩均税收(万元/亩)']));
  });

  it('CSV: the guarded formula stays text in Calc, where the same cell without the apostrophe is computed', () => {
    const guarded = byHeader(fromCsv['enterprises.csv']).find((r) => r['统一社会信用代码'] === FORMULA_USCC);
    expect(guarded?.['企业名称']).toBe(`'${FORMULA_NAME}`);
    const unguarded = byHeader(fromCsv['control-unguarded.csv']).find((r) => r['统一社会信用代码'] === FORMULA_USCC);
    expect(unguarded?.['企业名称']).toBe('6');
  });

  // A plain CSV cannot say "text": Calc (like Excel) read an all-digit code as a number and rounded it
  // (9.19999015999999E+017) until the exporter wrote such codes as ="…" (export/to-csv.ts).
  it('CSV: an all-digit 统一社会信用代码 stays as written, where the same cell written plain becomes a rounded number', () => {
    expect(meant.enterprises.map((r) => r[0])).toContain('="919999015999999055"');
    const codes = byHeader(fromCsv['enterprises.csv']).map((r) => r['统一社会信用代码']);
    expect(codes).toContain('919999015999999055');
    const plain = byHeader(fromCsv['control-plain-code.csv']).map((r) => r['统一社会信用代码']);
    expect(plain).toContain('9.19999015999999E+017');
    expect(plain).not.toContain('919999015999999055');
  });
});

reportMissingTool(hasSoffice, 'exports opened in LibreOffice Calc', NO_SOFFICE_MESSAGE);
