// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AdjustmentNotApplied, GradeAdjustment } from '../api/adjustment-types';
import type { EnterpriseDetails as SearchEnterprise } from '../api/finder-types';
import type { Enterprise, EvaluationLine, ParcelDetailFeature } from '../api/park-types';
import { DetailsPanel } from '../panels/details/DetailsPanel';
import { EnterprisePanel } from '../search/EnterprisePanel';
import { makeParcel } from '../test-support/park-fixtures';
import { renderWithLocale } from '../test-support/render';
import { formatDateTime } from './adjustment-format';
import { ParkAdjustmentsList } from './ParkAdjustmentsList';

const USCC = '91610929700044696Q';
const NAME = '白河硒鑫蚕丝制品有限公司';
const GRADES = [
  { code: 'A' as const, label: '优先发展类' },
  { code: 'B' as const, label: '提升发展类' },
  { code: 'C' as const, label: '帮扶转型类' },
  { code: 'D' as const, label: '整治提升类' },
];

const toA: GradeAdjustment = {
  id: 7, schemeVersion: 2, grade: 'A', fromGrade: 'C', reason: '省级专精特新企业，县评价领导小组决定上调', by: '县经信局 王某', at: '2026-04-10T01:30:00.000000Z',
};
const undone: AdjustmentNotApplied = {
  id: 5, schemeVersion: 2, status: 'undone', grade: 'D', reason: '环保督察整改未完成', by: '县经信局 赵某', at: '2026-04-01T02:00:00.000000Z',
  undoneBy: '县经信局 李某', undoneAt: '2026-04-02T03:00:00.000000Z', undoReason: '录入有误',
};
const earlierVersion: AdjustmentNotApplied = {
  id: 2, schemeVersion: 1, status: 'schemeVersionChanged', grade: 'B', reason: '上年度复核', by: '县评价领导小组', at: '2025-05-01T02:00:00.000000Z',
  undoneBy: null, undoneAt: null, undoReason: null,
};

function enterprise(adjustments: GradeAdjustment[], notApplied: AdjustmentNotApplied[] = []): Enterprise {
  return {
    uscc: USCC, name: NAME, industryCode: 'C17', aboveScale: true, status: 'operating', parkCode: 'AK-BAIHE',
    holdings: [{ parcelCode: 'P1', role: 'owner', leasedFloorAreaSqm: null, parcelLandAreaSqm: 34_476.9 }],
    indicators: [], year: 2025, landAreaMu: 51.72, taxWanYuanPerMu: 3.61, outputWanYuanPerMu: 58.45, valueAddedWanYuanPerMu: 13.29, revenueWanYuanPerMu: 55.99,
    evaluation: {
      schemeId: 'default', schemeVersion: 2, group: 'aboveScale', eligible: true, reason: null, score: 61.2, rank: 4, poolSize: 9,
      grade: adjustments.at(-1)?.grade ?? 'C', gradeLabel: adjustments.length ? '优先发展类' : '帮扶转型类', computedGrade: 'C',
      adjustments, adjustmentsNotApplied: notApplied, grades: GRADES, contributions: { taxWanYuanPerMu: 30 },
    },
  };
}

const line = (adjustments: GradeAdjustment[]): EvaluationLine => ({
  ...enterprise(adjustments).evaluation!, uscc: USCC, name: NAME, parkCode: 'AK-BAIHE', landAreaMu: 51.72,
});

function renderEnterprise(e: Enterprise, locale: 'zh-CN' | 'en' = 'zh-CN') {
  return renderWithLocale(
    <DetailsPanel
      selection={{ kind: 'enterprise', code: USCC }}
      details={{ status: 'ready', data: { kind: 'enterprise', enterprise: e } }}
      parkName="白河县工业集中区"
      findings={[]}
      buildings={[]}
      evaluations={[line(e.evaluation!.adjustments ?? [])]}
      onSelect={() => {}}
      onBack={() => {}}
    />,
    locale,
  );
}

/** fetch at the http boundary: each call is recorded and answered by the test's reply. */
type Reply = { status: number; body: unknown };
let calls: { url: string; init: RequestInit }[] = [];
let replies: Reply[] = [];
beforeEach(() => {
  calls = [];
  replies = [];
  sessionStorage.clear();
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const reply = replies.shift() ?? { status: 500, body: { type: 'about:blank', title: 'Internal error', status: 500 } };
    return new Response(JSON.stringify(reply.body), { status: reply.status, headers: { 'content-type': reply.status < 400 ? 'application/json' : 'application/problem+json' } });
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('an adjusted grade, explained where it is shown', () => {
  it('on the firm: computed and adjusted grade, who, when and why', () => {
    renderEnterprise(enterprise([toA]));
    const mark = screen.getAllByTestId('adjust-mark')[0];
    expect(mark.textContent).toContain('C → A 调档');
    const record = screen.getByTestId('grade-adjustments');
    expect(record.textContent).toContain('测算档次 C 档，经分类调档为 A 档');
    const applied = within(record).getByTestId(`adjustment-${toA.id}`);
    expect(applied.textContent).toContain('C → A');
    expect(applied.textContent).toContain('县经信局 王某');
    expect(applied.textContent).toContain(formatDateTime(toA.at));
    expect(applied.textContent).toContain(toA.reason);
  });

  it('lists undone adjustments with who undid them, when and why, and says those of an earlier scheme version no longer apply', () => {
    renderEnterprise(enterprise([toA], [earlierVersion, undone]));
    const record = screen.getByTestId('grade-adjustments');
    const old = within(record).getByTestId(`adjustment-${earlierVersion.id}`);
    expect(record.textContent).toContain('按方案第 1 版所作的调档在第 2 版下不再适用');
    expect(old.textContent).toContain('不适用');
    expect(old.textContent).toContain('上年度复核');
    const u = within(record).getByTestId(`adjustment-${undone.id}`);
    expect(u.textContent).toContain('已撤销');
    expect(u.textContent).toContain('县经信局 李某');
    expect(u.textContent).toContain(formatDateTime(undone.undoneAt));
    expect(u.textContent).toContain('录入有误');
  });

  it('says so when nothing was adjusted, and speaks English on request', () => {
    renderEnterprise(enterprise([]));
    expect(screen.queryByTestId('adjust-mark')).toBeNull();
    expect(screen.getByTestId('grade-adjustments').textContent).toContain('本年度未调档');
    cleanup();
    renderEnterprise(enterprise([toA], [earlierVersion]), 'en');
    const record = screen.getByTestId('grade-adjustments');
    expect(screen.getAllByTestId('adjust-mark')[0].textContent).toContain('C → A adjusted');
    expect(record.textContent).toContain('Computed grade C, adjusted to A');
    expect(record.textContent).toContain('Adjustments made under version 1 of the scheme no longer apply under version 2');
    // Only the data (names, reasons) is Chinese in English mode.
    const words = record.textContent!.replaceAll(toA.by, '').replaceAll(toA.reason, '').replaceAll(earlierVersion.by, '').replaceAll(earlierVersion.reason, '');
    expect(words).not.toMatch(/\p{Script=Han}/u);
    fireEvent.click(within(record).getByRole('button', { name: 'Adjust grade' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save adjustment' }));
    const form = screen.getByTestId('adjust-form');
    expect(form.textContent).toContain('There are no user accounts yet');
    expect(form.textContent).toContain('Give the reason for the adjustment.');
    expect(form.textContent).not.toMatch(/\p{Script=Han}/u);
  });

  it("marks the adjusted holder in a parcel's list of holders", () => {
    const base = makeParcel({ code: 'P1', year: 2025 });
    const parcel: ParcelDetailFeature = {
      ...base,
      properties: {
        ...base.properties,
        holders: [{ uscc: USCC, name: NAME, role: 'owner', leasedFloorAreaSqm: null, landShareSqm: 34_476.9, landShareMu: 51.72 }],
        valueAddedWanYuanPerMu: null, revenueWanYuanPerMu: null, floorAreaSqm: null, footprintSqm: null, buildingCoverage: null, plotRatio: null, minPlotRatio: null, minBuildingCoverage: null,
      },
    };
    renderWithLocale(
      <DetailsPanel
        selection={{ kind: 'parcel', code: 'P1' }}
        details={{ status: 'ready', data: { kind: 'parcel', parcel, byYear: [parcel] } }}
        parkName="白河县工业集中区" findings={[]} buildings={[]} evaluations={[line([toA])]} onSelect={() => {}} onBack={() => {}}
      />,
    );
    const holder = within(screen.getByTestId('parcel-holders')).getByTestId('adjust-mark');
    expect(holder.textContent).toContain('C → A 调档');
    expect(holder.textContent).toContain('县经信局 王某');
    expect(holder.textContent).toContain(toA.reason);
  });

  it('marks it in the search panel of a firm', () => {
    const found: SearchEnterprise = {
      uscc: USCC, name: NAME, status: 'operating', aboveScale: true, parkCode: 'AK-BAIHE', year: 2025, landAreaMu: 51.72, taxWanYuanPerMu: 3.61,
      holdings: [], evaluation: { grade: 'A', computedGrade: 'C', adjustments: [toA] },
    };
    renderWithLocale(<EnterprisePanel enterprise={{ status: 'ready', data: found }} parkName={() => '白河'} onClose={() => {}} />);
    expect(screen.getByTestId('enterprise-grade').textContent).toContain('C → A 调档');
  });
});

describe("the park's adjustments", () => {
  it('lists the adjusted firms with the mark, and the records that do not apply with why', () => {
    const onSelectFirm = vi.fn();
    const other: EvaluationLine = { ...line([]), uscc: '91610900MA0000X00X', name: '另一家企业', adjustmentsNotApplied: [earlierVersion, undone] };
    renderWithLocale(<ParkAdjustmentsList evaluations={[line([toA]), other, line([])].map((e, i) => (i === 2 ? { ...e, uscc: 'none' } : e))} schemeVersion={2} onSelectFirm={onSelectFirm} />);
    const list = screen.getByTestId('park-adjustments');
    expect(screen.getByTestId('park-adjustments-count').textContent).toBe('1 家企业调档生效，2 条记录不适用');
    expect(within(screen.getByTestId('park-adjustment')).getByTestId('adjust-mark').textContent).toContain('C → A 调档');
    expect(list.textContent).toContain('按方案第 1 版所作的调档在第 2 版下不再适用');
    expect(screen.getAllByTestId('park-adjustment-not-applied').map((li) => li.dataset.status)).toEqual(['schemeVersionChanged', 'undone']);
    fireEvent.click(within(list).getAllByRole('button', { name: '另一家企业' })[0]);
    expect(onSelectFirm).toHaveBeenCalledWith('91610900MA0000X00X');
  });

  it('says when there is none', () => {
    renderWithLocale(<ParkAdjustmentsList evaluations={[line([])]} schemeVersion={2} onSelectFirm={() => {}} />, 'en');
    expect(screen.getByTestId('park-adjustments').textContent).toBe('Grade adjustments in this parkNo grade adjustments in this park this year.');
  });
});

describe('making and undoing an adjustment in the app', () => {
  const fill = (label: RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

  it('checks the form before sending: grade, reason, who and the token are required', () => {
    renderEnterprise(enterprise([]));
    fireEvent.click(screen.getByRole('button', { name: '调整档次' }));
    fireEvent.click(screen.getByRole('button', { name: '保存调档' }));
    const errors = screen.getByTestId('adjust-form-errors').textContent;
    for (const message of ['请选择新档次', '请填写调档理由', '请填写调档人', '请填写管理员令牌']) expect(errors).toContain(message);
    expect(calls).toEqual([]);
    fill(/新档次/, 'C');
    fireEvent.click(screen.getByRole('button', { name: '保存调档' }));
    expect(screen.getByTestId('adjust-form-errors').textContent).toContain('新档次与当前档次相同');
    expect(screen.getByText(/系统暂无账号/)).toBeTruthy();
  });

  it('sends the adjustment with the admin token, says a refusal in Chinese, then saves and keeps the name and token for the tab', async () => {
    renderEnterprise(enterprise([]));
    fireEvent.click(screen.getByRole('button', { name: '调整档次' }));
    fill(/新档次/, 'A');
    fill(/调档理由/, toA.reason);
    fill(/调档人/, toA.by);
    fill(/管理员令牌/, 'wrong-token');
    replies.push({ status: 401, body: { type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'this write needs the header "Authorization: Bearer <ADMIN_TOKEN>"' } });
    fireEvent.click(screen.getByRole('button', { name: '保存调档' }));
    await waitFor(() => expect(screen.getByTestId('adjust-failure').textContent).toContain('管理员令牌不正确或未填写'));
    expect(screen.getByTestId('adjust-failure').textContent).not.toContain('Authorization');
    expect(calls[0].url).toBe(`/api/evaluations/${USCC}/adjustments`);
    expect(calls[0].init.method).toBe('POST');
    expect((calls[0].init.headers as Record<string, string>).authorization).toBe('Bearer wrong-token');
    expect(JSON.parse(calls[0].init.body as string)).toEqual({ year: 2025, grade: 'A', reason: toA.reason, by: toA.by, scheme: 'default' });

    fill(/管理员令牌/, 'good-token');
    replies.push({ status: 200, body: { uscc: USCC, year: 2025, schemeId: 'default', schemeVersion: 2, grade: 'A', gradeLabel: '优先发展类', computedGrade: 'C', score: 61.2, rank: 4, adjustments: [toA], adjustmentsNotApplied: [] } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '保存调档' })));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('已调档：C → A'));
    expect(screen.queryByRole('button', { name: '保存调档' })).toBeNull();
    expect(sessionStorage.getItem('muyield.adminToken')).toBe('good-token');
    expect(sessionStorage.getItem('muyield.adjustedBy')).toBe(toA.by);
  });

  it('says a refusal of the state of things with its reason: a firm not graded that year', async () => {
    renderEnterprise(enterprise([]));
    fireEvent.click(screen.getByRole('button', { name: '调整档次' }));
    fill(/新档次/, 'A');
    fill(/调档理由/, 'x');
    fill(/调档人/, 'y');
    fill(/管理员令牌/, 't');
    replies.push({ status: 409, body: { type: 'about:blank', title: 'Conflict', status: 409, detail: '… not graded …', kind: 'notGraded', params: { year: 2025, reason: 'excludedIndustry' } } });
    fireEvent.click(screen.getByRole('button', { name: '保存调档' }));
    await waitFor(() => expect(screen.getByTestId('adjust-failure').textContent).toBe('该企业 2025 年不参评（行业不参评（水电气等）），没有可调整的档次。'));
  });

  it('undoes an adjustment with who undoes it, and says when it was undone already', async () => {
    sessionStorage.setItem('muyield.adminToken', 'good-token');
    sessionStorage.setItem('muyield.adjustedBy', '县经信局 李某');
    renderEnterprise(enterprise([toA]));
    const applied = screen.getByTestId(`adjustment-${toA.id}`);
    fireEvent.click(within(applied).getByRole('button', { name: '撤销' }));
    expect((screen.getByLabelText(/撤销人/) as HTMLInputElement).value).toBe('县经信局 李某');
    fill(/撤销理由/, '录入有误');
    replies.push({ status: 409, body: { type: 'about:blank', title: 'Conflict', status: 409, detail: 'undone already', kind: 'adjustmentUndone', params: { id: 7, undoneBy: '县经信局 钱某', undoneAt: '2026-04-11T01:00:00.000000Z' } } });
    fireEvent.click(screen.getByRole('button', { name: '确认撤销' }));
    await waitFor(() => expect(screen.getByTestId('adjust-failure').textContent).toContain(`这条调档已由 县经信局 钱某 于 ${formatDateTime('2026-04-11T01:00:00.000000Z')} 撤销`));
    expect(calls[0].url).toBe(`/api/evaluations/${USCC}/adjustments/7/undo`);
    expect(JSON.parse(calls[0].init.body as string)).toEqual({ by: '县经信局 李某', reason: '录入有误' });
    expect((calls[0].init.headers as Record<string, string>).authorization).toBe('Bearer good-token');

    replies.push({ status: 200, body: { uscc: USCC, year: 2025, schemeId: 'default', schemeVersion: 2, grade: 'C', gradeLabel: '帮扶转型类', computedGrade: 'C', score: 61.2, rank: 4, adjustments: [], adjustmentsNotApplied: [], undone: {} } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '确认撤销' })));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('已撤销，现为 C 档'));
  });
});
