// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeParkProperties } from '../test-support/fixtures';
import { renderWithLocale } from '../test-support/render';
import type { CityFigures } from '../api/area-types';
import { RankingList } from './RankingList';

afterEach(cleanup);

// Output 150 亿元 at 300 万元/亩; 5 亿元 at 50 万元/亩; 40 亿元 at 120 万元/亩; one park not reporting.
const parks = [
  makeParkProperties({ code: 'BIG', name: '大园区', outputWanYuan: 1_500_000, usedLandMu: 5_000, outputWanYuanPerMu: 300, taxWanYuanPerMu: 12, gradeScore: 90, grade: 'A' }),
  makeParkProperties({ code: 'SMALL', name: '小园区', outputWanYuan: 50_000, usedLandMu: 1_000, outputWanYuanPerMu: 50, taxWanYuanPerMu: 3, gradeScore: 40, grade: 'C' }),
  makeParkProperties({ code: 'MID', name: '中园区', outputWanYuan: 400_000, usedLandMu: 3_333.33, outputWanYuanPerMu: 120, taxWanYuanPerMu: 6, gradeScore: 65, grade: 'B' }),
  makeParkProperties({ code: 'NONE', name: '新园区', outputWanYuan: null, usedLandMu: null, outputWanYuanPerMu: null, taxWanYuanPerMu: null, gradeScore: null, grade: null, landMetrics: null }),
];

// The city as GET /api/parks gives it: the parks' totals, per mu over the summed land.
const city: CityFigures = {
  code: '610900', name: '安康市', regionCount: 10, parkCount: 4, year: 2025,
  outputWanYuan: 1_950_000, taxWanYuan: 90_000, usedLandMu: 9_333.33, enterpriseCount: 584,
  outputWanYuanPerMu: 208.93, taxWanYuanPerMu: 9.64,
  landMetrics: { landSupplyRate: 0.9, landBuiltRate: 0.85, industrialLandRate: 0.9, plotRatio: 1.02, buildingDensity: 0.41, industrialTaxWanYuanPerMu: 12 },
  metrics: null,
};

const codes = () => screen.getAllByTestId('ranking-row').map((row) => row.getAttribute('data-park-code'));
const render = (props: Partial<Parameters<typeof RankingList>[0]> = {}) =>
  renderWithLocale(
    <RankingList parks={parks} city={city} cityName="安康市" year={2025} selectedCode={null} onHoverPark={() => {}} onSelectPark={() => {}} {...props} />,
  );

describe('RankingList', () => {
  it('lists every park by output per mu, highest first, missing figures last', () => {
    render();
    expect(codes()).toEqual(['BIG', 'MID', 'SMALL', 'NONE']);
    expect(screen.getByRole('columnheader', { name: /亩均产值/ }).getAttribute('aria-sort')).toBe('descending');
  });

  it('sorts by a clicked column, and reverses on a second click', () => {
    render();
    fireEvent.click(screen.getByTestId('sort-outputWanYuan'));
    expect(codes()).toEqual(['BIG', 'MID', 'SMALL', 'NONE']);
    const header = screen.getByTestId('sort-outputWanYuan').closest('th')!;
    expect(header.getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(screen.getByTestId('sort-outputWanYuan'));
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    expect(codes()).toEqual(['SMALL', 'MID', 'BIG', 'NONE']);
    expect(screen.getByTestId('sort-outputWanYuanPerMu').closest('th')!.getAttribute('aria-sort')).toBe('none');
    fireEvent.click(screen.getByTestId('sort-name'));
    expect(screen.getByTestId('sort-name').closest('th')!.getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(screen.getByTestId('sort-grade'));
    expect(codes()).toEqual(['BIG', 'MID', 'SMALL', 'NONE']);
  });

  it('names each grade chip with its label and score out of the maximum', () => {
    render({ parks: parks.map((p) => ({ ...p, gradeMaxScore: 100 })) });
    const chips = screen.getAllByTestId('ranking-grade');
    const big = chips.find((c) => c.textContent === 'A')!;
    expect(big.getAttribute('title')).toBe('A 档 · 优先发展类 · 得分 90.0 / 100');
    expect(screen.getByRole('img', { name: 'A 档 · 优先发展类 · 得分 90.0 / 100' })).toBe(big);
  });

  it("puts the city's own figures first, as the API gives them: output as the city's total, not a mean per park", () => {
    render();
    const row = screen.getByTestId('ranking-city');
    expect(row.textContent).toContain('全市');
    // the parks' output summed: 150 + 5 + 40 = 195.0 亿元 (a mean per park would be 65.0)
    expect(row.querySelector('[data-metric=outputWanYuan]')?.textContent).toBe('合计 195.0');
    expect(row.querySelector('[data-metric=outputWanYuanPerMu]')?.textContent).toBe('208.9');
    expect(row.querySelector('[data-metric=landSupplyRate]')?.textContent).toBe('90.0');
    expect(row.textContent).toContain('安康市');
    expect(row.getAttribute('title')).toBe(
      '安康市全市：产值为 4 个园区合计；亩均产值、亩均税收为全市合计 ÷ 全市企业用地；土地供应率、综合容积率按全市土地合计计算。均非园区平均。',
    );
  });

  it('leaves the city row out until the API has given the city', () => {
    render({ city: null });
    expect(screen.queryByTestId('ranking-city')).toBeNull();
    expect(screen.getAllByTestId('ranking-row')).toHaveLength(4);
  });

  it('marks each figure above or below the city', () => {
    render();
    const row = (code: string) => screen.getAllByTestId('ranking-row').find((r) => r.getAttribute('data-park-code') === code)!;
    const mark = (code: string) => row(code).querySelector('[data-metric=outputWanYuanPerMu] [data-testid=vs-average]');
    expect(mark('BIG')?.getAttribute('data-comparison')).toBe('above');
    expect(mark('SMALL')?.getAttribute('data-comparison')).toBe('below');
    expect(mark('SMALL')?.getAttribute('aria-label')).toBe('低于全市');
    expect(mark('NONE')).toBeNull();
    // a park's output is not set against the city's total
    expect(row('BIG').querySelector('[data-metric=outputWanYuan] [data-testid=vs-average]')).toBeNull();
  });

  it('badges 百亿 parks, parks under 10 亿元 and under 100 万元/亩', () => {
    render();
    const flagsOf = (code: string) =>
      within(screen.getAllByTestId('ranking-row').find((r) => r.getAttribute('data-park-code') === code)!)
        .queryAllByTestId('park-flag')
        .map((flag) => flag.textContent);
    expect(flagsOf('BIG')).toEqual(['超百亿']);
    expect(flagsOf('SMALL')).toEqual(['不足10亿', '亩均<100万']);
    expect(flagsOf('MID')).toEqual([]);
    expect(flagsOf('NONE')).toEqual([]);
  });

  it('names units in the headers, in English too', () => {
    render();
    expect(screen.getByTestId('sort-outputWanYuan').textContent).toContain('亿元');
    expect(screen.getByTestId('sort-landSupplyRate').textContent).toContain('%');
    cleanup();
    renderWithLocale(
      <RankingList parks={parks} city={city} year={2025} selectedCode={null} onHoverPark={() => {}} onSelectPark={() => {}} />,
      'en',
    );
    expect(screen.getByRole('button', { name: 'Sort by Tax per mu (10k yuan/mu)' })).toBeTruthy();
    expect(screen.getByTestId('sort-outputWanYuan').textContent).toContain('100M yuan');
    const row = screen.getByTestId('ranking-city');
    expect(row.textContent).toContain('City');
    expect(row.querySelector('[data-metric=outputWanYuan]')?.textContent).toBe('Total 195.0');
    expect(row.textContent).not.toMatch(/[\u4e00-\u9fff]/);
    expect(row.getAttribute('title')).toContain('None is an average of the parks.');
    expect(screen.getByTestId('ranking-scope-counties').textContent).toBe('Counties');
  });

  it('reports hover and click of a row', () => {
    const onHoverPark = vi.fn();
    const onSelectPark = vi.fn();
    render({ onHoverPark, onSelectPark, selectedCode: 'MID' });
    const [first] = screen.getAllByTestId('ranking-row');
    fireEvent.mouseEnter(first);
    expect(onHoverPark).toHaveBeenLastCalledWith('BIG');
    fireEvent.mouseLeave(first);
    expect(onHoverPark).toHaveBeenLastCalledWith(null);
    fireEvent.click(within(first).getByRole('button', { name: '大园区' }));
    expect(onSelectPark).toHaveBeenCalledWith('BIG');
    expect(screen.getAllByTestId('ranking-row')[1].getAttribute('aria-current')).toBe('true');
  });

  it('ranks counties among counties by the same columns, under the same city row', () => {
    const onSelectCounty = vi.fn();
    const regions = [
      { code: '610902', name: '汉滨区', parkCount: 3, outputWanYuan: 1_200_000, outputWanYuanPerMu: 250, taxWanYuanPerMu: 9, grade: 'A' as const, gradeScore: 80 },
      { code: '610921', name: '汉阴县', parkCount: 1, outputWanYuan: 300_000, outputWanYuanPerMu: 310, taxWanYuanPerMu: 11, grade: 'B' as const, gradeScore: 60 },
      { code: '610929', name: '白河县', parkCount: 0 },
    ];
    render({ regions, onSelectCounty, selectedCountyCode: '610921' });
    fireEvent.click(screen.getByTestId('ranking-scope-counties'));
    expect(screen.getByTestId('ranking-scope-counties').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('heading', { name: /县区排名/ })).toBeTruthy();
    const rows = screen.getAllByTestId('ranking-county-row');
    expect(rows.map((r) => r.getAttribute('data-region-code'))).toEqual(['610921', '610902', '610929']);
    expect(screen.queryAllByTestId('ranking-row')).toHaveLength(0);
    expect(rows[0].getAttribute('aria-current')).toBe('true');
    expect(rows[0].querySelector('[data-metric=outputWanYuanPerMu] [data-testid=vs-average]')?.getAttribute('data-comparison')).toBe('above');
    expect(screen.getByTestId('ranking-city').querySelector('[data-metric=outputWanYuan]')?.textContent).toBe('合计 195.0');
    fireEvent.click(screen.getByTestId('sort-outputWanYuan'));
    expect(screen.getAllByTestId('ranking-county-row').map((r) => r.getAttribute('data-region-code'))).toEqual(['610902', '610921', '610929']);
    fireEvent.click(within(rows[0]).getByRole('button', { name: '汉阴县' }));
    expect(onSelectCounty).toHaveBeenCalledWith('610921');
    fireEvent.click(screen.getByTestId('ranking-scope-parks'));
    expect(screen.getAllByTestId('ranking-row')).toHaveLength(4);
  });
});
