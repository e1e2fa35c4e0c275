import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { openTestApp, TEST_ADMIN_TOKEN, type TestApp } from '../test-support/test-app.js';

// 分类调档 on the tiny fixture (gis-data/fixtures/tiny/README.md): A is graded (规上, alone in its pool),
// U is not (utility, D44).
const ADMIN_TOKEN = TEST_ADMIN_TOKEN;
const A = '91999901MA0000A19A';
const B = '91999901MA0000B23E';
const U = '919999015999999055';
const NOBODY = '91999901MA0000Y99X';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t?.dispose());

const get = (url: string) => t.get(url);
const post = (uscc: string, payload: unknown, token: string | null = ADMIN_TOKEN) =>
  t.send('POST', `/api/evaluations/${uscc}/adjustments`, payload, token);
const resultOf = async (uscc: string, query = '') =>
  (await get(`/api/evaluations?year=2025${query}`)).body.results.find((r: { uscc: string }) => r.uscc === uscc);

const adjustment = { year: 2025, grade: 'A', reason: '省级专精特新企业，县评价领导小组决定上调', by: '县经信局 王某' };

describe('manual grade adjustment (分类调档)', () => {
  it('shows every firm unadjusted at first: computedGrade equals grade, no adjustments', async () => {
    const { body } = await get('/api/evaluations?year=2025');
    for (const r of body.results) expect(r).toMatchObject({ computedGrade: r.grade, adjustments: [] });
  });

  it('refuses without the admin token (401) and with a wrong one', async () => {
    expect(await post(A, adjustment, null)).toMatchObject({ status: 401, type: expect.stringContaining('application/problem+json') });
    expect((await post(A, adjustment, 'wrong')).status).toBe(401);
    expect((await resultOf(A)).adjustments).toEqual([]);
  });

  it('refuses a grade the scheme does not have, naming "grade" (400)', async () => {
    for (const grade of ['E', 'A+', '']) {
      const res = await post(A, { ...adjustment, grade });
      expect(res).toMatchObject({ status: 400, type: expect.stringContaining('application/problem+json') });
      expect(res.body.detail).toMatch(/\bgrade\b/);
    }
  });

  it.each([
    ['an empty reason', { reason: '' }, 'reason'],
    ['a blank reason', { reason: '   ' }, 'reason'],
    ['no reason', { reason: undefined }, 'reason'],
    ['no author', { by: '' }, 'by'],
    ['no year', { year: undefined }, 'year'],
    ['an unknown field', { extra: 1 }, 'extra'],
  ])('refuses %s with 400 naming the field', async (_, change, field) => {
    const res = await post(A, { ...adjustment, ...change });
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain(field);
  });

  it('answers 404 for an unknown enterprise and for an unknown scheme', async () => {
    expect(await post(NOBODY, adjustment)).toMatchObject({ status: 404, body: { detail: expect.stringContaining(NOBODY) } });
    expect((await post(A, { ...adjustment, scheme: 'nope' })).status).toBe(404);
  });

  it('refuses a firm that is not graded that year (409), saying why', async () => {
    const res = await post(U, adjustment);
    expect(res).toMatchObject({ status: 409, body: { title: 'Conflict', detail: expect.stringContaining('not graded') } });
    expect(res.body.detail).toContain('excludedIndustry');
    expect((await post(A, { ...adjustment, year: 1999 })).status).toBe(409);
  });

  it('adjusts A, keeping the computed grade and who, when and why', async () => {
    const before = await resultOf(A);
    expect(before.grade).not.toBe('D');
    const started = Date.now();
    const res = await post(A, { ...adjustment, grade: 'D' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ uscc: A, year: 2025, schemeId: 'default', grade: 'D', gradeLabel: '整治提升类', computedGrade: before.grade, score: before.score, rank: before.rank });
    const after = await resultOf(A);
    expect(after).toMatchObject({ grade: 'D', gradeLabel: '整治提升类', computedGrade: before.grade, score: before.score, rank: before.rank });
    expect(after.adjustments).toEqual([{
      id: expect.any(Number), schemeVersion: 1, grade: 'D', fromGrade: before.grade, reason: adjustment.reason, by: adjustment.by,
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
    }]);
    expect(after.adjustmentsNotApplied).toEqual([]);
    expect(Math.abs(Date.parse(after.adjustments[0].at) - started)).toBeLessThan(60_000);
    // the others are untouched; the enterprise and its park show the adjusted grade too
    expect(await resultOf(B)).toMatchObject({ adjustments: [] });
    expect((await get(`/api/enterprises/${A}?year=2025`)).body.evaluation).toMatchObject({ grade: 'D', computedGrade: before.grade, adjustments: [expect.objectContaining({ grade: 'D' })] });
    expect((await get('/api/parks/T-PARK?year=2025')).body.properties.gradeCounts.D).toBe(1);
    // its parcel on the park map is coloured by the adjusted grade, and says it is one
    const p1 = (await get('/api/parks/T-PARK/parcels?year=2025')).body.features.find((f: { properties: { code: string } }) => f.properties.code === '999901001001GB00001');
    expect(p1.properties).toMatchObject({ holderGrade: 'D', holderComputedGrade: before.grade, holderGradeAdjusted: true });
    expect(p1.properties.holders).toEqual([expect.objectContaining({ uscc: A, grade: 'D', computedGrade: before.grade, gradeAdjusted: true })]);
  });

  it('lets the latest adjustment win and keeps every one in order', async () => {
    const res = await post(A, { ...adjustment, grade: 'A', reason: '复核后改为A类', by: '县评价领导小组' });
    expect(res.body).toMatchObject({ grade: 'A' });
    const after = await resultOf(A);
    expect(after.grade).toBe('A');
    expect(after.adjustments.map((a: { fromGrade: string; grade: string; by: string }) => `${a.fromGrade}→${a.grade} ${a.by}`))
      .toEqual([`${after.computedGrade}→D ${adjustment.by}`, 'D→A 县评价领导小组']);
  });

  it('keeps adjustments to their year and scheme', async () => {
    expect((await get(`/api/evaluations?year=2024`)).body.results.every((r: { adjustments: unknown[] }) => r.adjustments.length === 0)).toBe(true);
    const rows = await t.db.query<{ year: number; scheme_id: string; scheme_version: number; adjusted_by: string }>(
      'SELECT year, scheme_id, scheme_version, adjusted_by FROM grade_adjustments ORDER BY id');
    expect(rows).toEqual([
      { year: 2025, scheme_id: 'default', scheme_version: 1, adjusted_by: adjustment.by },
      { year: 2025, scheme_id: 'default', scheme_version: 1, adjusted_by: '县评价领导小组' },
    ]);
  });

  it('refuses an empty reason or author in the database itself', async () => {
    await expect(t.db.query(`INSERT INTO grade_adjustments (uscc, year, scheme_id, scheme_version, grade, reason, adjusted_by) VALUES ($1, 2025, 'default', 1, 'A', ' ', 'x')`, [A])).rejects.toThrow();
    await expect(t.db.query(`INSERT INTO grade_adjustments (uscc, year, scheme_id, scheme_version, grade, reason, adjusted_by) VALUES ($1, 2025, 'default', 1, 'A', 'x', '')`, [A])).rejects.toThrow();
    await expect(t.db.query(`INSERT INTO grade_adjustments (uscc, year, scheme_id, scheme_version, grade, reason, adjusted_by) VALUES ($1, 2025, 'default', 1, 'A', 'x', 'y')`, [NOBODY])).rejects.toThrow();
  });

  it('applies an adjustment only under the scheme version it was made under, and keeps it on record', async () => {
    const current = (await get('/api/schemes/default')).body;
    const saved = await t.send('PUT', '/api/schemes/default', current.scheme, ADMIN_TOKEN);
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(current.version + 1);
    const after = await resultOf(A);
    expect(after).toMatchObject({ grade: after.computedGrade, adjustments: [] });
    const kept = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM grade_adjustments WHERE scheme_version = $1", [current.version]);
    expect(kept[0].n).toBe(2);
    const res = await post(A, { ...adjustment, grade: 'B', reason: '新版本方案下复核', by: '县评价领导小组' });
    expect(res.body).toMatchObject({ grade: 'B', schemeVersion: current.version + 1 });
    expect((await resultOf(A)).adjustments).toHaveLength(1);
  });

  it('lists the adjustments of an earlier scheme version as not applied, with the version they were made under', async () => {
    const after = await resultOf(A);
    expect((await get('/api/evaluations?year=2025')).body.schemeVersion).toBe(2);
    expect(after.adjustmentsNotApplied.map((a: { grade: string; schemeVersion: number; status: string }) => `${a.grade} v${a.schemeVersion} ${a.status}`))
      .toEqual(['D v1 schemeVersionChanged', 'A v1 schemeVersionChanged']);
    expect((await get(`/api/enterprises/${A}?year=2025`)).body.evaluation).toMatchObject({
      schemeVersion: 2, adjustmentsNotApplied: [{ schemeVersion: 1, status: 'schemeVersionChanged' }, { schemeVersion: 1, status: 'schemeVersionChanged' }],
    });
  });

  it('is documented in OpenAPI', async () => {
    const { body } = await get('/api/docs/json');
    expect(body.paths['/api/evaluations/{uscc}/adjustments'].post.requestBody.content['application/json'].schema.required).toEqual(['year', 'grade', 'reason', 'by']);
    const undo = body.paths['/api/evaluations/{uscc}/adjustments/{id}/undo'].post;
    expect(undo.requestBody.content['application/json'].schema.required).toEqual(['by']);
    expect(undo.security).toEqual([{ bearer: [] }]);
    expect(undo.responses['200'].content['application/json'].schema.required).toEqual(expect.arrayContaining(['grade', 'computedGrade', 'adjustments', 'undone']));
  });
});

describe('undoing a manual grade adjustment', () => {
  const undo = (uscc: string, id: number, payload: unknown = { by: '县经信局 李某', reason: '录入有误' }, token: string | null = ADMIN_TOKEN) =>
    t.send('POST', `/api/evaluations/${uscc}/adjustments/${id}/undo`, payload, token);
  const current = async () => (await resultOf(A)).adjustments as { id: number; grade: string }[];

  it('refuses without the admin token (401) and changes nothing', async () => {
    const [latest] = await current();
    expect(await undo(A, latest.id, undefined, null)).toMatchObject({ status: 401 });
    expect(await current()).toEqual([expect.objectContaining({ id: latest.id })]);
  });

  it('refuses an undo without who (400 naming "by")', async () => {
    const [latest] = await current();
    for (const payload of [{}, { by: '' }, { by: '  ' }]) {
      const res = await undo(A, latest.id, payload);
      expect(res.status).toBe(400);
      expect(res.body.detail).toContain('by');
    }
  });

  it('answers 404 for an adjustment that does not exist or is not this firm\'s', async () => {
    const [latest] = await current();
    expect(await undo(B, latest.id)).toMatchObject({ status: 404, body: { kind: 'notFound', params: { what: 'adjustment' } } });
    expect((await undo(A, 999_999)).status).toBe(404);
  });

  it('undoes it: the computed grade stands again, the park counts follow, and the record keeps who undid it, when and why', async () => {
    const [latest] = await current();
    const before = await resultOf(A);
    const countsBefore = (await get('/api/parks/T-PARK?year=2025')).body.properties.gradeCounts;
    const started = Date.now();
    const res = await undo(A, latest.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      uscc: A, year: 2025, schemeId: 'default', schemeVersion: 2, grade: before.computedGrade, computedGrade: before.computedGrade, adjustments: [],
      undone: { id: latest.id, grade: 'B', undoneBy: '县经信局 李某', undoReason: '录入有误' },
    });
    const after = await resultOf(A);
    expect(after).toMatchObject({ grade: after.computedGrade, adjustments: [] });
    const undone = after.adjustmentsNotApplied.find((a: { id: number }) => a.id === latest.id);
    expect(undone).toMatchObject({ status: 'undone', grade: 'B', schemeVersion: 2, undoneBy: '县经信局 李某', undoReason: '录入有误' });
    expect(Math.abs(Date.parse(undone.undoneAt) - started)).toBeLessThan(60_000);
    const countsAfter = (await get('/api/parks/T-PARK?year=2025')).body.properties.gradeCounts;
    expect(countsAfter.B).toBe(countsBefore.B - 1);
    expect(countsAfter[after.computedGrade]).toBe(countsBefore[after.computedGrade] + 1);
    const rows = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM grade_adjustments WHERE id = $1 AND undone_by IS NOT NULL', [latest.id]);
    expect(rows[0].n).toBe(1);
  });

  it('refuses to undo it twice (409, saying who undid it)', async () => {
    const undone = (await resultOf(A)).adjustmentsNotApplied.find((a: { status: string }) => a.status === 'undone');
    const res = await undo(A, undone.id);
    expect(res).toMatchObject({ status: 409, body: { kind: 'adjustmentUndone', params: { undoneBy: '县经信局 李某' } } });
  });

  it('refuses to undo an adjustment of an earlier scheme version (409): it does not apply', async () => {
    const old = (await resultOf(A)).adjustmentsNotApplied.find((a: { status: string }) => a.status === 'schemeVersionChanged');
    const res = await undo(A, old.id);
    expect(res).toMatchObject({ status: 409, body: { kind: 'adjustmentOfOtherSchemeVersion', params: { schemeVersion: 1, currentVersion: 2 } } });
  });

  it('lets the earlier adjustment apply again when the later one is undone', async () => {
    const computed = (await resultOf(A)).computedGrade;
    const toB = (await post(A, { ...adjustment, grade: 'B', reason: '第一次', by: '甲' })).body.adjustments.at(-1);
    const toC = (await post(A, { ...adjustment, grade: 'C', reason: '第二次', by: '乙' })).body.adjustments.at(-1);
    expect(toC).toMatchObject({ grade: 'C', fromGrade: 'B' });
    expect((await undo(A, toC.id, { by: '丙' })).body).toMatchObject({ grade: 'B', undone: { id: toC.id, undoReason: null } });
    expect((await resultOf(A)).adjustments).toEqual([expect.objectContaining({ id: toB.id, grade: 'B', fromGrade: computed })]);
    expect((await undo(A, toB.id, { by: '丙' })).body).toMatchObject({ grade: computed, adjustments: [] });
  });

  it('exports the computed grade, the adjusted one, and why, who and when, in CSV and XLSX; nothing once undone', async () => {
    const csvRowOf = async (lang: 'zh' | 'en') => {
      const res = await t.app.inject({ method: 'GET', url: `/api/export/evaluations?format=csv&year=2025&lang=${lang}` });
      const rows = Papa.parse<Record<string, string>>(res.body.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
      return rows.find((r) => Object.values(r).includes(A))!;
    };
    const computed = (await resultOf(A)).computedGrade;
    const made = (await post(A, { ...adjustment, grade: 'D', reason: '环保督察整改未完成', by: '县经信局 赵某' })).body.adjustments.at(-1);
    expect(await csvRowOf('zh')).toMatchObject({
      '档次': 'D', '测算档次': computed, '调档后档次': 'D', '调档理由': '环保督察整改未完成', '调档人': '县经信局 赵某', '调档时间': made.at,
    });
    expect(await csvRowOf('en')).toMatchObject({ 'Grade': 'D', 'Computed grade': computed, 'Adjusted grade': 'D', 'Adjustment reason': '环保督察整改未完成', 'Adjusted by': '县经信局 赵某', 'Adjusted at': made.at });
    const xlsx = await t.app.inject({ method: 'GET', url: '/api/export/evaluations?format=xlsx&year=2025' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const row = sheet.getSheetValues().slice(2).find((r) => (r as unknown[]).includes(A)) as unknown[];
    const cell = (header: string) => row[headers.indexOf(header) + 1];
    expect([cell('测算档次'), cell('调档后档次'), cell('调档理由'), cell('调档人'), cell('调档时间')]).toEqual([computed, 'D', '环保督察整改未完成', '县经信局 赵某', made.at]);

    await undo(A, made.id, { by: '丙' });
    expect(await csvRowOf('zh')).toMatchObject({ '档次': computed, '测算档次': computed, '调档后档次': '', '调档理由': '', '调档人': '', '调档时间': '' });
  });

  it('says why an adjustment is refused in a form the app can put in words: kind and params', async () => {
    expect((await post(A, { ...adjustment, grade: 'E' })).body).toMatchObject({ kind: 'gradeNotInScheme', params: { grade: 'E', grades: ['A', 'B', 'C', 'D'] } });
    expect((await post(U, adjustment)).body).toMatchObject({ kind: 'notGraded', params: { reason: 'excludedIndustry' } });
    expect((await post(NOBODY, adjustment)).body).toMatchObject({ kind: 'notFound', params: { what: 'enterprise', code: NOBODY } });
  });
});
