// 分类调档 in a real Chromium: in the demo park with the most firms, a planner finds a graded firm that
// colours parcels (the main holder of at least one) with the search box, moves its grade with the form
// (new grade, reason, name, admin token), and sees the new grade explained (computed → adjusted, who,
// why) on the firm, on its parcel's holders, in the park's grade counts, the parcel legend and the park's
// list of adjustments; then undoes it and sees the computed grade back everywhere, the undo on record.
// Against MUYIELD_URL if set (then ADMIN_TOKEN must be its token; the undone adjustment stays on its record,
// so the journey counts what was there before), else a server started here with an admin token.
// Screenshots go to test-results/browser/.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationList, ParcelCollection } from '../src/api/park-types';
import type { Grade, ParkCollection } from '../src/api/types';
import { zhCN } from '../src/i18n/zh-CN';
import { type BrowserSession, openBrowserSession, SCREENSHOT_DIR } from './support/browser-session';
import type { Server } from './support/muyield-server';

const VIEWPORT = { width: 1440, height: 900 };
const ADMIN_TOKEN = process.env.ADMIN_TOKEN ?? 'muyield-e2e-admin-token';
const REASON = '省级专精特新企业，经县评价领导小组研究决定调整档次';
const ADJUSTER = '县经信局 王某（浏览器测试）';
const UNDOER = '县经信局 李某（浏览器测试）';
const LOCAL_DATE_TIME = /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/;

describe('a grade adjustment made and undone in Chromium', () => {
  let session: BrowserSession | undefined;
  let server: Server | undefined;
  let page: Page;
  let pageErrors: string[] = [];
  let park: { code: string; name: string; year: number };
  let firm: { uscc: string; name: string; grade: Grade; parcelCode: string; mainHolderOf: number };
  let newGrade: Grade;
  let before: { counts: Record<string, string>; legend: Record<string, number>; adjusted: number; notApplied: number };

  const api = async <T>(path: string) => (await (await fetch(`${server!.baseUrl}${path}`)).json()) as T;
  const text = async (testId: string) => (await page.getByTestId(testId).first().textContent()) ?? '';
  /** The park panel's firms per grade, as shown ("3 家"). */
  const gradeCounts = async () =>
    Object.fromEntries(
      await page.locator('[data-testid=park-grade-counts] .grade-count').evaluateAll((items) =>
        items.map((i) => [i.getAttribute('data-grade'), i.textContent?.replace(/^[A-D]/, '').trim() ?? '']),
      ),
    ) as Record<string, string>;
  /** The park legend's parcels per class of the main holder's grade ("12 宗" → 12). */
  const legendCounts = async () =>
    Object.fromEntries(
      await page.locator('[data-testid=park-legend] li[data-class]').evaluateAll((items) =>
        items.map((i) => [i.getAttribute('data-class'), Number(i.querySelector('.legend-count')?.textContent?.replace(/\D/g, '') ?? 'NaN')]),
      ),
    ) as Record<string, number>;
  const openFirmDetails = async () => {
    await expect.poll(() => text('details-title'), { timeout: 30_000 }).toBe(firm.name);
    await page.getByTestId('grade-adjustments').waitFor({ state: 'visible', timeout: 30_000 });
  };

  beforeAll(async () => {
    session = await openBrowserSession({ viewport: VIEWPORT, serverEnv: { ADMIN_TOKEN } });
    ({ server, page, pageErrors } = session);
    const parks = await api<ParkCollection>('/api/parks');
    const chosen = parks.features.map((f) => f.properties).sort((a, b) => b.enterpriseCount - a.enterpriseCount)[0];
    park = { code: chosen.code, name: chosen.name, year: chosen.year! };
    const parcels = await api<ParcelCollection>(`/api/parks/${park.code}/parcels?year=${park.year}`);
    const evaluations = await api<EvaluationList>(`/api/evaluations?year=${park.year}&park=${park.code}`);
    // The firm that colours the most parcels: its adjustment shows in the legend's counts.
    const mainHolderOf = new Map<string, number>();
    for (const p of parcels.features) {
      const uscc = p.properties.holderGradeUscc;
      if (uscc) mainHolderOf.set(uscc, (mainHolderOf.get(uscc) ?? 0) + 1);
    }
    const [uscc, count] = [...mainHolderOf].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    const line = evaluations.results.find((r) => r.uscc === uscc)!;
    expect(line).toMatchObject({ eligible: true, adjustments: [] });
    const parcelCode = parcels.features.find((p) => p.properties.holderGradeUscc === uscc)!.properties.code;
    firm = { uscc, name: line.name!, grade: line.grade!, parcelCode, mainHolderOf: count };
    newGrade = firm.grade === 'A' ? 'D' : 'A';
    before = {
      counts: {},
      legend: {},
      adjusted: evaluations.results.filter((r) => r.adjustments?.length).length,
      notApplied: evaluations.results.reduce((n, r) => n + (r.adjustmentsNotApplied?.length ?? 0), 0),
    };
  });

  afterAll(() => session?.close());

  it('finds the firm with the search box, its grade the computed one and the form offered', async () => {
    await page.goto(`${server!.baseUrl}/?park=${park.code}`);
    await session!.waitForReady();
    await expect.poll(() => text('park-name'), { timeout: 30_000 }).toBe(park.name);
    await page.locator('[data-testid=park-legend] li[data-class]').first().waitFor({ state: 'visible', timeout: 60_000 });
    await expect.poll(() => text('park-adjustments'), { timeout: 30_000 }).toContain(
      before.adjusted + before.notApplied === 0 ? zhCN.adjust.listEmpty : zhCN.adjust.listCount(before.adjusted, before.notApplied),
    );
    before = { ...before, counts: await gradeCounts(), legend: await legendCounts() };

    await page.getByTestId('search-input').fill(firm.uscc);
    const hit = page.locator(`[data-testid=search-hit][data-code="${firm.uscc}"]`);
    await hit.waitFor({ state: 'visible', timeout: 15_000 });
    await hit.click();
    await openFirmDetails();
    expect(await text('detail-grade')).toContain(`${firm.grade} 档`);
    expect(await page.getByTestId('adjust-mark').count()).toBe(0);
    expect(await text('grade-adjustments')).toContain('本年度未调档');
  });

  it('refuses an incomplete form on the spot, then stores the adjustment and explains the new grade everywhere', async () => {
    await page.getByTestId('adjust-open').click();
    await page.getByTestId('adjust-submit').click();
    expect(await text('adjust-form-errors')).toContain('请填写调档理由');
    await page.getByTestId('adjust-grade').selectOption(newGrade);
    await page.getByTestId('adjust-reason').fill(REASON);
    await page.getByTestId('adjust-by').fill(ADJUSTER);
    await page.getByTestId('adjust-token').fill('not-the-token');
    await page.getByTestId('adjust-submit').click();
    await expect.poll(() => text('adjust-failure'), { timeout: 15_000 }).toContain('管理员令牌不正确或未填写');

    await page.getByTestId('adjust-token').fill(ADMIN_TOKEN);
    await page.getByTestId('adjust-submit').click();
    await expect.poll(() => text('adjust-done'), { timeout: 30_000 }).toContain(`已调档：${firm.grade} → ${newGrade}`);
    // The firm: the new grade, marked, with who, when and why.
    await expect.poll(() => text('detail-grade'), { timeout: 30_000 }).toContain(`${newGrade} 档`);
    expect(await text('adjust-mark')).toContain(`${firm.grade} → ${newGrade} 调档`);
    const record = await text('grade-adjustments');
    expect(record).toContain(`测算档次 ${firm.grade} 档，经分类调档为 ${newGrade} 档`);
    expect(record).toContain(ADJUSTER);
    expect(record).toContain(REASON);
    expect(record).toMatch(LOCAL_DATE_TIME);
    expect(page.url()).not.toContain(ADMIN_TOKEN);
    const fromApi = (await api<EvaluationList>(`/api/evaluations?year=${park.year}&park=${park.code}`)).results.find((r) => r.uscc === firm.uscc)!;
    expect(fromApi).toMatchObject({ grade: newGrade, computedGrade: firm.grade, adjustments: [expect.objectContaining({ by: ADJUSTER, reason: REASON })] });
    // The parcel colours follow: the parcels it is main holder of move to the new grade's class.
    await expect.poll(legendCounts, { timeout: 30_000 }).toMatchObject({
      [firm.grade]: before.legend[firm.grade] - firm.mainHolderOf,
      [newGrade]: before.legend[newGrade] + firm.mainHolderOf,
    });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'adjustment-made.png') });

    // Its parcel's holders mark it, unfolding to who and why.
    await page.getByTestId('enterprise-details').getByRole('button', { name: firm.parcelCode }).click();
    await expect.poll(() => text('details-title'), { timeout: 30_000 }).toBe(firm.parcelCode);
    const holderMark = page.getByTestId('parcel-holders').getByTestId('adjust-mark');
    await holderMark.locator('summary').click();
    expect(await holderMark.textContent()).toContain(`${firm.grade} → ${newGrade} 调档`);
    expect(await holderMark.textContent()).toContain(ADJUSTER);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'adjustment-parcel-holders.png') });

    // The park: its firms' grade counts, and its list of adjustments.
    await page.getByTestId('details-back').click();
    await page.getByTestId('park-panel').waitFor({ state: 'visible' });
    const counts = await gradeCounts();
    const shift = (grade: string, by: number) => `${Number(before.counts[grade].replace(/\D/g, '')) + by} 家`;
    expect(counts[firm.grade]).toBe(shift(firm.grade, -1));
    expect(counts[newGrade]).toBe(shift(newGrade, +1));
    await expect.poll(() => text('park-adjustments')).toContain(zhCN.adjust.listCount(before.adjusted + 1, before.notApplied));
    expect(await page.locator(`[data-testid=park-adjustment][data-uscc="${firm.uscc}"]`).textContent()).toContain(`${firm.grade} → ${newGrade} 调档`);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'adjustment-park-list.png') });
  });

  it('undoes it from the firm: the computed grade is back everywhere and the undo is on record', async () => {
    await page.locator(`[data-testid=park-adjustment][data-uscc="${firm.uscc}"]`).getByRole('button', { name: firm.name }).click();
    await openFirmDetails();
    const applied = page.locator('[data-testid=adjustments-applied] li');
    await applied.getByRole('button', { name: '撤销' }).click();
    expect(await page.getByTestId('undo-by').inputValue()).toBe(ADJUSTER);
    await page.getByTestId('undo-by').fill(UNDOER);
    await page.getByTestId('undo-reason').fill('录入有误');
    await page.getByTestId('undo-submit').click();
    await expect.poll(() => text('adjust-done'), { timeout: 30_000 }).toContain(`已撤销，现为 ${firm.grade} 档`);
    await expect.poll(() => text('detail-grade'), { timeout: 30_000 }).toContain(`${firm.grade} 档`);
    expect(await page.getByTestId('adjust-mark').count()).toBe(0);
    const undone = page.locator('[data-testid=grade-adjustments] li[data-status=undone]').last();
    expect(await undone.textContent()).toContain('已撤销');
    expect(await undone.textContent()).toContain(UNDOER);
    expect(await undone.textContent()).toContain('录入有误');
    await expect.poll(legendCounts, { timeout: 30_000 }).toEqual(before.legend);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'adjustment-undone.png') });

    await page.getByTestId('details-back').click();
    await page.getByTestId('park-panel').waitFor({ state: 'visible' });
    expect(await gradeCounts()).toEqual(before.counts);
    expect(await text('park-adjustments')).toContain(zhCN.adjust.listCount(before.adjusted, before.notApplied + 1));
    const fromApi = (await api<EvaluationList>(`/api/evaluations?year=${park.year}&park=${park.code}`)).results.find((r) => r.uscc === firm.uscc)!;
    expect(fromApi).toMatchObject({ grade: firm.grade, adjustments: [] });
    expect(fromApi.adjustmentsNotApplied!.at(-1)).toMatchObject({ status: 'undone', by: ADJUSTER, undoneBy: UNDOER, undoReason: '录入有误' });
    expect(pageErrors).toEqual([]);
  });
});
