// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RegionProperties } from '../api/types';
import { makeAreaMetrics, makeCityFigures, makeParkProperties } from '../test-support/fixtures';
import { makeLandUseSummary } from '../test-support/park-fixtures';
import { renderWithLocale } from '../test-support/render';
import { CountyPanel, type CountyPanelProps } from './CountyPanel';

afterEach(cleanup);

// A county as GET /api/regions gives it: its two parks summed, graded among counties.
const county: RegionProperties = {
  code: '610902',
  name: '汉滨区',
  cityCode: '610900',
  cityName: '安康市',
  parkCount: 2,
  year: 2025,
  outputWanYuan: 2_508_600,
  taxWanYuan: 96_420,
  usedLandMu: 8_028.4,
  outputWanYuanPerMu: 312.46,
  taxWanYuanPerMu: 12.01,
  enterpriseCount: 292,
  landMetrics: { landSupplyRate: 0.9217, landBuiltRate: 0.8957, industrialLandRate: 0.9367, plotRatio: 1.0654, buildingDensity: 0.4123, industrialTaxWanYuanPerMu: 16.16 },
  metrics: makeAreaMetrics(),
  grade: 'B',
  gradeLabel: '提升发展类',
  gradeScore: 71.4,
  gradeMaxScore: 100,
  gradeItems: [
    { key: 'taxWanYuanPerMu', weight: 30, maxScore: 30, value: 12.01, benchmark: 24.097, score: 14.95, basis: 'scored' },
    { key: 'valueAddedWanYuanPerTce', weight: 20, maxScore: 20, value: 2.41, benchmark: 2.694, score: 17.89, basis: 'scored' },
  ],
  gradeCounts: { A: 40, B: 80, C: 70, D: 5, notGraded: 97 },
};
const parks = [
  makeParkProperties({ code: 'AK-GX', name: '安康高新技术产业开发区', grade: 'A', outputWanYuanPerMu: 340.2 }),
  makeParkProperties({ code: 'AK-HK', name: '恒口示范区', grade: null, outputWanYuanPerMu: 88.1 }),
];
const findings = makeLandUseSummary({
  byKind: { idle: { parcelCount: 3, areaMu: 120.5, byRule: {} }, lowYield: { parcelCount: 9, areaMu: 401, byRule: { halted: { parcelCount: 9, areaMu: 401 } } } },
  recoverable: { parcelCount: 11, areaMu: 488.2 },
});

function render(props: Partial<CountyPanelProps> = {}, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const handlers = { onClose: vi.fn(), onSelectPark: vi.fn() };
  renderWithLocale(
    <CountyPanel
      county={county}
      parks={parks}
      city={makeCityFigures()}
      findings={{ summary: findings, asOf: '2025-12-31', loading: false }}
      {...handlers}
      {...props}
    />,
    locale,
  );
  return handlers;
}

describe('CountyPanel', () => {
  it("shows the county's totals as totals and its per-mu figures against the city's", () => {
    render();
    expect(screen.getByTestId('county-name').textContent).toBe('汉滨区');
    expect(screen.getByTestId('county-park-count').textContent).toBe('2 个');
    expect(screen.getByTestId('county-used-land').textContent).toBe('8,028 亩');
    expect(screen.getByTestId('county-panel').textContent).toContain('2025 年数据（各园区合计）');
    expect(screen.getByTestId('county-metric-output').textContent).toBe('产值（合计）250.86 亿元');
    expect(screen.getByTestId('county-metric-tax').textContent).toBe('税收（合计）9.64 亿元');
    expect(screen.getByTestId('county-metric-outputPerMu').textContent).toBe('亩均产值312.5 万元/亩▼ 全市 322.0 万元/亩');
    expect(screen.getByTestId('county-metric-taxPerMu').textContent).toBe('亩均税收12.0 万元/亩▼ 全市 12.3 万元/亩');
    const indicators = screen.getByTestId('county-indicators');
    expect(indicators.querySelectorAll('tr[data-indicator]')).toHaveLength(9);
    expect([...indicators.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['指标', '本县区', '全市']);
  });

  it('lists its parks, each opening its park', () => {
    const { onSelectPark } = render();
    const items = [...screen.getByTestId('county-parks').querySelectorAll('li')];
    expect(items.map((li) => li.getAttribute('data-park-code'))).toEqual(['AK-GX', 'AK-HK']);
    expect(items[0].textContent).toBe('A安康高新技术产业开发区340.2 万元/亩');
    fireEvent.click(screen.getByRole('button', { name: '打开园区：恒口示范区' }));
    expect(onSelectPark).toHaveBeenCalledWith('AK-HK');
  });

  it('gives its grade among the counties with the breakdown, its firms by grade and its land-use rates', () => {
    render();
    expect(screen.getByTestId('county-grade').textContent).toBe('BB 档 · 提升发展类得分 71.4 / 100');
    const breakdown = screen.getByTestId('county-grade-breakdown');
    expect(within(breakdown).getByText('县区得分构成')).toBeTruthy();
    expect([...breakdown.querySelectorAll('tr[data-indicator]')].map((r) => r.getAttribute('data-indicator'))).toEqual(['taxWanYuanPerMu', 'valueAddedWanYuanPerTce']);
    expect(breakdown.querySelector('tr[data-indicator=taxWanYuanPerMu]')?.textContent).toContain('15.0 / 30');
    expect(screen.getByTestId('county-grade-counts').querySelector('[data-grade=D]')?.textContent).toBe('D5 家');
    expect(screen.getByTestId('county-land').querySelector('[data-testid=land-plotRatio]')?.textContent).toBe('综合容积率1.07');
  });

  it("shows the server's findings of the county, each parcel once, and the recoverable land", () => {
    render();
    expect(screen.getByTestId('county-findings-idle').textContent).toBe('3 宗 · 121 亩');
    expect(screen.getByTestId('county-findings-lowYield').textContent).toBe('9 宗 · 401 亩');
    expect(screen.getByTestId('county-findings-recoverable').textContent).toBe('11 宗 · 488 亩');
    expect(screen.getByTestId('county-panel').textContent).toContain('截至 2025-12-31，一宗地只计一次');
    cleanup();
    render({ findings: { summary: null, asOf: '2025-12-31', loading: true } });
    expect(screen.queryByTestId('county-findings')).toBeNull();
    expect(screen.getByTestId('county-panel').textContent).toContain('正在统计闲置与低效用地…');
  });

  it('closes', () => {
    const { onClose } = render();
    fireEvent.click(screen.getByRole('button', { name: '关闭' }));
    expect(onClose).toHaveBeenCalled();
  });

  it('speaks English', () => {
    render({}, 'en');
    const panel = screen.getByTestId('county-panel');
    expect(screen.getByRole('dialog', { name: 'County details: 汉滨区' })).toBe(panel);
    expect(panel.textContent).toContain("Figures for 2025 (its parks' totals)");
    expect(screen.getByTestId('county-metric-output').textContent).toBe('Output (total)25.09 bn yuan');
    expect(screen.getByTestId('county-metric-outputPerMu').textContent).toContain('▼ city 322.0 10k yuan/mu');
    expect(within(screen.getByTestId('county-grade-breakdown')).getByText('County score breakdown')).toBeTruthy();
    expect(panel.textContent).toContain('As of 2025-12-31, each parcel counted once');
    expect(screen.getByRole('button', { name: 'Open park: 恒口示范区' })).toBeTruthy();
    expect(screen.getByTestId('county-park-count').textContent).toBe('2');
  });
});
