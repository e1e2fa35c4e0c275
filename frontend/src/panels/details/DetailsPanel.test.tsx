// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Enterprise, EvaluationLine, ParcelDetailFeature, UnitList } from '../../api/park-types';
import type { Details } from '../../data/use-details';
import type { Resource } from '../../data/use-resource';
import { renderWithLocale } from '../../test-support/render';
import { makeBuilding, makeFinding, makeParcel } from '../../test-support/park-fixtures';
import { DetailsPanel } from './DetailsPanel';

afterEach(cleanup);

const OWNER = '91610929700044696Q';

function parcelIn(year: number, taxWanYuanPerMu: number, outputWanYuanPerMu: number): ParcelDetailFeature {
  const base = makeParcel({ code: 'P1', year, taxWanYuanPerMu, outputWanYuanPerMu });
  return {
    ...base,
    properties: {
      ...base.properties,
      holders: [{ uscc: OWNER, name: '白河硒鑫蚕丝制品有限公司', role: 'owner', leasedFloorAreaSqm: null, landShareSqm: 34_476.9, landShareMu: 51.72 }],
      valueAddedWanYuanPerMu: 13.29,
      revenueWanYuanPerMu: 55.99,
      floorAreaSqm: null,
      footprintSqm: 0,
      buildingCoverage: 0.1,
      plotRatio: 0.4,
      minPlotRatio: 0.8,
      minBuildingCoverage: 0.3,
    },
  };
}

const evaluation: EvaluationLine = {
  uscc: OWNER,
  name: '白河硒鑫蚕丝制品有限公司',
  parkCode: 'AK-BAIHE',
  landAreaMu: 51.72,
  group: 'aboveScale',
  eligible: true,
  reason: null,
  score: 71.94,
  rank: 4,
  poolSize: 9,
  grade: 'B',
  gradeLabel: '提升发展类',
  contributions: { taxWanYuanPerMu: 4.49, valueAddedWanYuanPerMu: 1.95, rdRatio: 9.57 },
};

const ready = (data: Details): Resource<Details> => ({ status: 'ready', data });

function renderPanel(props: Partial<Parameters<typeof DetailsPanel>[0]> & Pick<Parameters<typeof DetailsPanel>[0], 'selection' | 'details'>, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const onSelect = vi.fn();
  const onBack = vi.fn();
  renderWithLocale(
    <DetailsPanel
      parkName="白河县工业集中区"
      findings={[makeFinding({ parcelCode: 'P1' }), makeFinding({ parcelCode: 'OTHER', kind: 'unsupplied', rule: 'parcelNotSupplied' })]}
      buildings={[makeBuilding({ code: 'B1', parcelCode: 'P1' })]}
      evaluations={[evaluation]}
      onSelect={onSelect}
      onBack={onBack}
      {...props}
    />,
    locale,
  );
  return { onSelect, onBack };
}

describe('DetailsPanel for a parcel', () => {
  const byYear = [parcelIn(2023, 3.05, 52.6), parcelIn(2024, 3.18, 59.8), parcelIn(2025, 3.61, 58.45)];
  const details = ready({ kind: 'parcel', parcel: byYear[2], byYear });

  it('gives the year’s per-mu figures with their units and the controls they fall short of', () => {
    renderPanel({ selection: { kind: 'parcel', code: 'P1' }, details });
    expect(screen.getByTestId('details-title').textContent).toBe('P1');
    expect(screen.getByTestId('detail-taxPerMu').textContent).toBe('亩均税收3.6 万元/亩');
    expect(screen.getByTestId('detail-outputPerMu').textContent).toContain('58.5 万元/亩');
    expect(screen.getByTestId('detail-plotRatio').textContent).toContain('控制值 ≥ 0.80');
  });

  it('charts per-mu output and tax over the years with axis years and unit', () => {
    renderPanel({ selection: { kind: 'parcel', code: 'P1' }, details });
    const tax = screen.getByTestId('chart-taxPerMu');
    expect(tax.querySelector('figcaption')?.textContent).toBe('亩均税收 (万元/亩)');
    expect([...tax.querySelectorAll('.year-chart-year')].map((n) => n.textContent)).toEqual(['2023', '2024', '2025']);
    expect([...tax.querySelectorAll('.year-chart-value')].map((n) => n.textContent)).toEqual(['3.05', '3.18', '3.61']);
    const heights = [...tax.querySelectorAll('rect')].map((r) => Number(r.getAttribute('height')));
    expect(heights[2]).toBeGreaterThan(heights[0]);
    expect(tax.querySelector('svg')?.getAttribute('aria-label')).toContain('2025: 3.61 万元/亩');
  });

  it('lists holders, the main holder’s score breakdown, only this parcel’s findings, and its buildings', () => {
    const { onSelect } = renderPanel({ selection: { kind: 'parcel', code: 'P1' }, details });
    const breakdown = screen.getByTestId('score-breakdown');
    expect(within(breakdown).getByTestId('detail-grade').textContent).toBe('B 档 · 提升发展类');
    expect(breakdown.textContent).toContain('71.9 分');
    expect(breakdown.querySelector('[data-indicator=taxWanYuanPerMu]')?.textContent).toContain('亩均税收');
    expect(breakdown.querySelector('[data-indicator=rdRatio]')?.textContent).toContain('9.6');
    // The park's evaluation list has points only: no value column to fill with dashes.
    expect([...breakdown.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['指标', '得分']);
    const findings = screen.getAllByTestId('finding');
    expect(findings).toHaveLength(1);
    expect(findings[0].textContent).toContain('已动工但开发不足且中止开发满一年');
    expect(findings[0].textContent).toContain('土地闲置费175 万元');
    fireEvent.click(screen.getByRole('button', { name: '白河硒鑫蚕丝制品有限公司' }));
    expect(onSelect).toHaveBeenCalledWith({ kind: 'enterprise', code: OWNER });
    fireEvent.click(screen.getByRole('button', { name: /标准化厂房/ }));
    expect(onSelect).toHaveBeenCalledWith({ kind: 'building', code: 'B1' });
  });

  it('gives an idle finding’s dates, each with its article, and counts the idle days from the idle-since date beside them', () => {
    renderPanel({ selection: { kind: 'parcel', code: 'P1' }, details });
    const [finding] = screen.getAllByTestId('finding');
    const text = (id: string) => within(finding).getByTestId(id).textContent;
    expect(text('finding-agreedStartOn')).toBe('2019-05-01');
    expect(text('finding-workStoppedOn')).toBe('2023-03-17');
    expect(text('finding-idleSince')).toBe('2024-03-17《闲置土地处置办法》第二条');
    expect(text('finding-daysIdle')).toBe('654 天（自认定闲置日期起算）');
    expect(text('finding-feeDueFrom')).toBe('2024-03-17 · 已满《闲置土地处置办法》第十四条第（一）项');
    expect(text('finding-takeBackFrom')).toBe('2025-03-17 · 已满《闲置土地处置办法》第十四条第（二）项');
    expect(finding.textContent).toContain('中止开发的闲置“可以认定”，由人工判定');
  });

  it.each([
    ['government', '政府原因：不征缴、不无偿收回'],
    [null, '原因未记录：征缴与收回待核实'],
  ])('says why no fee is charged when the cause is %s', (cause, wording) => {
    renderPanel({ selection: { kind: 'parcel', code: 'P1' }, details, findings: [makeFinding({ parcelCode: 'P1', cause, feeYuan: null, takeBackCandidate: false })] });
    expect(within(screen.getByTestId('finding')).getByTestId('finding-fee').textContent).toBe(wording);
  });

  it('says a completed parcel with no building on record is under-used or a data gap, to check', () => {
    const gap = makeFinding({ parcelCode: 'P1', kind: 'underused', rule: 'completedWithoutBuildings', possibleDataGap: true, since: '2020-06-30', completedOn: '2020-06-30', daysIdle: null, feeYuan: null, basis: undefined, discretionary: false });
    renderPanel({ selection: { kind: 'parcel', code: 'P1' }, details, findings: [gap] });
    expect(screen.getByTestId('finding').textContent).toContain('已竣工但无建筑记录：利用不足或建筑数据缺失，待核实');
    expect(screen.getByTestId('finding').textContent).toContain('竣工日期2020-06-30');
  });

  it('speaks English, units in English', () => {
    renderPanel({ selection: { kind: 'parcel', code: 'P1' }, details }, 'en');
    expect(screen.getByTestId('detail-taxPerMu').textContent).toBe('Tax per mu3.6 10k yuan/mu');
    expect(screen.getByTestId('details-back').textContent).toBe('← Back to 白河县工业集中区');
    const [finding] = screen.getAllByTestId('finding');
    expect(within(finding).getByTestId('finding-idleSince').textContent).toBe('2024-03-17Measures on the Disposal of Idle Land (MLR Order No. 53, 2012), Art. 2');
    expect(within(finding).getByTestId('finding-daysIdle').textContent).toBe('654 days (from the idle-since date)');
  });

  it('says it is loading, shows a failure, and ignores a late answer for another parcel', () => {
    renderPanel({ selection: { kind: 'parcel', code: 'P2' }, details });
    expect(screen.queryByTestId('parcel-details')).toBeNull();
    cleanup();
    renderPanel({ selection: { kind: 'parcel', code: 'P1' }, details: { status: 'loading' } });
    expect(screen.getByRole('status').textContent).toBe('正在加载…');
    cleanup();
    renderPanel({
      selection: { kind: 'parcel', code: 'P1' },
      details: { status: 'error', problem: { type: 'about:blank', title: 'Not found', status: 404, detail: 'no parcel with code "P1"' } },
    });
    expect(screen.getByRole('alert').textContent).toContain('no parcel with code');
  });
});

describe('DetailsPanel for a building and a unit', () => {
  const units: UnitList = {
    buildingCode: 'B1',
    lettableSqm: 7854,
    leasedSqm: 2927,
    reservedSqm: 2000,
    vacantSqm: 2927,
    occupancyRate: 2927 / 7854,
    units: [
      { code: 'U101', buildingCode: 'B1', floor: 1, areaSqm: 2927, status: 'leased', tenantUscc: 'T1', tenantName: '白河源森建材有限公司', leaseStartOn: '2022-04-11', leaseEndOn: '2027-04-10', rentYuanPerSqmMonth: 8.7, ceilingHeightM: 9, floorLoadKnPerSqm: 18 },
      { code: 'U201', buildingCode: 'B1', floor: 2, areaSqm: 2927, status: 'vacant', tenantUscc: null, tenantName: null, leaseStartOn: null, leaseEndOn: null, rentYuanPerSqmMonth: 7.9, ceilingHeightM: 6, floorLoadKnPerSqm: 5 },
      { code: 'U301', buildingCode: 'B1', floor: 3, areaSqm: 2000, status: 'reserved', tenantUscc: null, tenantName: null, leaseStartOn: null, leaseEndOn: null, rentYuanPerSqmMonth: 7.9, ceilingHeightM: 6, floorLoadKnPerSqm: 5 },
    ],
  };

  it('gives floors, height, occupancy in m² and each unit with floor, area and tenant or vacant', () => {
    const { onSelect } = renderPanel({ selection: { kind: 'building', code: 'B1' }, details: ready({ kind: 'building', units }) });
    const panel = screen.getByTestId('building-details');
    expect(panel.textContent).toContain('4 层 · 高度 28.5 m');
    const occupancy = [...screen.getByTestId('building-occupancy').querySelectorAll('.metric')].map((m) => m.textContent);
    expect(occupancy).toEqual(['可出租面积7,854 m²', '已出租2,927 m²', '已预留2,000 m²', '空置（可租）2,927 m²', '出租率37.3 %']);
    const rows = screen.getAllByTestId('unit-row');
    expect(rows.map((r) => r.textContent)).toEqual(['白河源森建材有限公司', '空置', '已预留']);
    fireEvent.click(rows[1]);
    expect(onSelect).toHaveBeenCalledWith({ kind: 'building', code: 'B1', unit: 'U201' });
  });

  it('opens the selected unit with its rent, ceiling height, floor load and lease', () => {
    const { onSelect } = renderPanel({ selection: { kind: 'building', code: 'B1', unit: 'U101' }, details: ready({ kind: 'building', units }) });
    expect(screen.getByTestId('details-title').textContent).toBe('U101');
    const card = screen.getByTestId('unit-details');
    expect(card.textContent).toContain('8.7 元/m²·月');
    expect(card.textContent).toContain('9.0 m');
    expect(card.textContent).toContain('18 kN/m²');
    expect(card.textContent).toContain('2022-04-11 – 2027-04-10');
    fireEvent.click(within(card).getByRole('button', { name: '白河源森建材有限公司' }));
    expect(onSelect).toHaveBeenCalledWith({ kind: 'enterprise', code: 'T1' });
  });
});

describe('DetailsPanel for an enterprise', () => {
  const enterprise: Enterprise = {
    uscc: OWNER,
    name: '白河硒鑫蚕丝制品有限公司',
    industryCode: 'C17',
    aboveScale: true,
    status: 'operating',
    parkCode: 'AK-BAIHE',
    holdings: [{ parcelCode: 'P1', role: 'owner', leasedFloorAreaSqm: null, parcelLandAreaSqm: 34_476.9 }],
    indicators: [2025, 2023, 2024].map((year, i) => ({
      year,
      outputYuan: [30_225_300, 27_197_600, 30_931_000][i],
      taxYuan: [1_865_800, 1_577_300, 1_643_800][i],
      revenueYuan: null,
      valueAddedYuan: null,
      energyTce: null,
      emissionsT: null,
      electricityKwh: null,
      employees: null,
      rdYuan: null,
    })),
    year: 2025,
    landAreaMu: 51.72,
    taxWanYuanPerMu: 3.61,
    outputWanYuanPerMu: 58.45,
    valueAddedWanYuanPerMu: 13.29,
    revenueWanYuanPerMu: 55.99,
    evaluation: {
      ...evaluation,
      items: [
        { key: 'taxWanYuanPerMu', weight: 30, value: 3.61, benchmark: 24.097, score: 4.49, basis: 'scored' },
        { key: 'rdRatio', weight: 10, value: 0.0289, benchmark: 0.0302, score: 9.57, basis: 'scored' },
      ],
    },
  };

  it('charts output and tax in 万元 by year, oldest first, and breaks the score down by indicator', () => {
    const { onSelect } = renderPanel({ selection: { kind: 'enterprise', code: OWNER }, details: ready({ kind: 'enterprise', enterprise }) });
    expect(screen.getByTestId('details-title').textContent).toBe('白河硒鑫蚕丝制品有限公司');
    const output = screen.getByTestId('chart-output');
    expect(output.querySelector('figcaption')?.textContent).toBe('产值 (万元)');
    expect([...output.querySelectorAll('.year-chart-value')].map((n) => n.textContent)).toEqual(['2,720', '3,093', '3,023']);
    const rd = screen.getByTestId('score-breakdown').querySelector('[data-indicator=rdRatio]')!;
    expect(rd.textContent).toContain('2.89 %');
    expect(rd.textContent).toContain('权重 10');
    expect(screen.getByTestId('detail-taxPerMu').textContent).toContain('3.6 万元/亩');
    fireEvent.click(screen.getByRole('button', { name: 'P1' }));
    expect(onSelect).toHaveBeenCalledWith({ kind: 'parcel', code: 'P1' });
  });

  it('gives the firm’s score out of the scheme’s maximum and says why an item scored nothing', () => {
    const floored = {
      ...enterprise,
      evaluation: {
        ...enterprise.evaluation!,
        score: 1.6,
        maxScore: 100,
        items: [
          { key: 'taxWanYuanPerMu', weight: 50, maxScore: 50, value: 0.77, benchmark: 24.097, score: 1.6, basis: 'scored' },
          { key: 'taxYuanPerKwh', weight: 50, maxScore: 50, value: 5.45, benchmark: 0.8, score: 0, basis: 'noProduction' },
        ],
      },
    };
    renderPanel({ selection: { kind: 'enterprise', code: OWNER }, details: ready({ kind: 'enterprise', enterprise: floored }) });
    expect(screen.getByTestId('detail-score').textContent).toBe('得分 1.6 / 100');
    const kwh = screen.getByTestId('score-breakdown').querySelector('[data-indicator=taxYuanPerKwh]')!;
    expect(kwh.textContent).toContain('5.45 元/kWh');
    expect(kwh.textContent).toContain('0.0 / 50');
    expect(kwh.textContent).toContain('全年无生产：该比值不计分');
  });

  it.each([
    ['zh-CN', '不参评：非工业企业（如厂房出租、园区运营）'],
    ['en', 'Not graded: Not an industrial firm (e.g. factory landlord, park operator)'],
  ] as const)('says a landlord is not graded as not an industrial firm (%s)', (locale, text) => {
    renderPanel({
      selection: { kind: 'enterprise', code: OWNER },
      details: ready({ kind: 'enterprise', enterprise: { ...enterprise, evaluation: { ...enterprise.evaluation!, eligible: false, grade: null, reason: 'notIndustrial' } } }),
    }, locale);
    expect(screen.getByTestId('score-not-graded').textContent).toBe(text);
  });

  it('says why a firm is not graded', () => {
    renderPanel({
      selection: { kind: 'enterprise', code: OWNER },
      details: ready({ kind: 'enterprise', enterprise: { ...enterprise, evaluation: { ...enterprise.evaluation!, eligible: false, grade: null, reason: 'registeredTooRecently' } } }),
    });
    expect(screen.getByTestId('score-not-graded').textContent).toBe('不参评：注册不满两年');
  });
});
