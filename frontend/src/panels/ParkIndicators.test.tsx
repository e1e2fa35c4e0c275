// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ParkHistory } from '../api/area-types';
import { makeAreaMetrics, makeCityFigures, makeParkProperties } from '../test-support/fixtures';
import { renderWithLocale } from '../test-support/render';
import { ParkPanel } from './ParkPanel';

afterEach(cleanup);

const city = makeCityFigures();
// The park: below the city on output per mu and value added per tce, above on R&D; no electricity figure
const park = makeParkProperties({ metrics: makeAreaMetrics({ valueAddedWanYuanPerTce: 1.9, rdRatio: 0.0215, taxYuanPerKwh: null }) });
const history: ParkHistory = {
  parkCode: 'AK-GX',
  years: [
    { year: 2023, park: { outputWanYuan: 1_100_000, taxWanYuan: 40_000, usedLandMu: 4_014.2, outputWanYuanPerMu: 274.03, taxWanYuanPerMu: 9.96, enterpriseCount: 146 }, city: { outputWanYuan: 8_800_000, taxWanYuan: 330_000, usedLandMu: 30_000, outputWanYuanPerMu: 293.33, taxWanYuanPerMu: 11, enterpriseCount: 881 } },
    { year: 2024, park: { outputWanYuan: 1_200_000, taxWanYuan: 45_000, usedLandMu: 4_014.2, outputWanYuanPerMu: 298.94, taxWanYuanPerMu: 11.21, enterpriseCount: 146 }, city: { outputWanYuan: 9_200_000, taxWanYuan: 350_000, usedLandMu: 30_000, outputWanYuanPerMu: 306.67, taxWanYuanPerMu: 11.67, enterpriseCount: 881 } },
    { year: 2025, park: { outputWanYuan: 1_254_300, taxWanYuan: 48_210, usedLandMu: 4_014.2, outputWanYuanPerMu: 312.46, taxWanYuanPerMu: 12.01, enterpriseCount: 146 }, city: { outputWanYuan: 9_660_000, taxWanYuan: 370_000, usedLandMu: 30_000, outputWanYuanPerMu: 322, taxWanYuanPerMu: 12.33, enterpriseCount: 881 } },
  ],
};

const rowOf = (key: string) => screen.getByTestId('park-indicators').querySelector(`tr[data-indicator=${key}]`) as HTMLElement;

describe("the park panel's nine indicators and its history", () => {
  it('lists every indicator the API serves with its unit and the city’s figure, marked against it', () => {
    renderWithLocale(<ParkPanel park={park} city={city} history={history} onClose={() => {}} />);
    const table = screen.getByTestId('park-indicators');
    expect(table.tagName).toBe('DETAILS'); // folded: one line until opened
    expect(within(table).getByText('全部 9 项效益指标 · 与全市对比')).toBeTruthy();
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['指标', '本园区', '全市']);
    const keys = [...table.querySelectorAll('tr[data-indicator]')].map((r) => r.getAttribute('data-indicator'));
    expect(keys).toEqual([
      'taxWanYuanPerMu', 'valueAddedWanYuanPerMu', 'outputWanYuanPerMu', 'revenueWanYuanPerMu', 'valueAddedWanYuanPerTce',
      'valueAddedWanYuanPerTonneEmission', 'laborProductivityWanYuanPerPerson', 'rdRatio', 'taxYuanPerKwh',
    ]);
    expect(rowOf('outputWanYuanPerMu').textContent).toBe('亩均产值万元/亩312.5▼322.0');
    expect(rowOf('valueAddedWanYuanPerTce').querySelector('[data-value=own]')?.textContent).toBe('1.90▼');
    expect(rowOf('valueAddedWanYuanPerTonneEmission').querySelector('[data-comparison]')?.getAttribute('data-comparison')).toBe('above');
    // R&D as % of revenue; a missing figure is a dash, not 0, and has no mark
    expect(rowOf('rdRatio').textContent).toBe('研发投入占比%2.15▲1.80');
    expect(rowOf('taxYuanPerKwh').textContent).toBe('单位电耗税收元/kWh—0.90');
  });

  it("draws 亩均产值 and 亩均税收 over the years with the city's figure of each year, and the park's totals", () => {
    renderWithLocale(<ParkPanel park={park} city={city} history={history} onClose={() => {}} />);
    const section = screen.getByTestId('park-history');
    expect(section.querySelector('h3')?.textContent).toBe('历年变化 · 2023–2025 年');
    const perMu = screen.getByTestId('park-chart-outputPerMu');
    expect([...perMu.querySelectorAll('g[data-year]')].map((g) => g.getAttribute('data-year'))).toEqual(['2023', '2024', '2025']);
    expect([...perMu.querySelectorAll('line[data-reference]')].map((l) => Number(l.getAttribute('data-reference')))).toEqual([293.33, 306.67, 322]);
    expect(perMu.querySelector('svg')?.getAttribute('aria-label')).toBe('亩均产值 (万元/亩): 2023: 274.0 万元/亩 (全市 293.3); 2024: 298.9 万元/亩 (全市 306.7); 2025: 312.5 万元/亩 (全市 322.0)');
    expect(screen.getByTestId('park-chart-output').querySelector('svg')?.getAttribute('aria-label')).toBe('产值 (亿元): 2023: 110.0 亿元; 2024: 120.0 亿元; 2025: 125.4 亿元');
    expect(screen.getByTestId('park-chart-output').querySelectorAll('line[data-reference]')).toHaveLength(0);
    expect(screen.getByTestId('city-outputPerMu').textContent).toBe('▼ 全市 322.0 万元/亩');
  });

  it('says so while the history loads, and draws nothing for a single year', () => {
    renderWithLocale(<ParkPanel park={park} city={city} history={null} historyLoading onClose={() => {}} />);
    expect(screen.getByTestId('park-panel').textContent).toContain('正在加载历年数据…');
    cleanup();
    renderWithLocale(<ParkPanel park={park} city={city} history={{ ...history, years: history.years.slice(-1) }} onClose={() => {}} />);
    expect(screen.queryByTestId('park-history')).toBeNull();
  });

  it('speaks English', () => {
    renderWithLocale(<ParkPanel park={park} city={city} history={history} onClose={() => {}} />, 'en');
    const table = screen.getByTestId('park-indicators');
    fireEvent.click(within(table).getByText('All 9 indicators · against the city'));
    expect(within(table).getByRole('columnheader', { name: 'City' })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: 'This park' })).toBeTruthy();
    expect(rowOf('laborProductivityWanYuanPerPerson').querySelector('th')?.textContent).toContain('Labour productivity');
    expect(screen.getByTestId('park-history').querySelector('h3')?.textContent).toBe('Over the years · 2023–2025');
    expect(screen.getByTestId('park-chart-taxPerMu').querySelector('.year-chart-key')?.textContent?.trim()).toBe('City');
    expect(screen.getByTestId('city-taxPerMu').textContent).toBe('▼ city 12.3 10k yuan/mu');
  });
});
