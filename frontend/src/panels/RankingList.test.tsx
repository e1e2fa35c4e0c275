// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeParkProperties } from '../test-support/fixtures';
import { renderWithLocale } from '../test-support/render';
import { RankingList } from './RankingList';

afterEach(cleanup);

// Output 150 亿元 at 300 万元/亩; 5 亿元 at 50 万元/亩; 40 亿元 at 120 万元/亩; one park not reporting.
const parks = [
  makeParkProperties({ code: 'BIG', name: '大园区', outputWanYuan: 1_500_000, usedLandMu: 5_000, outputWanYuanPerMu: 300, taxWanYuanPerMu: 12, gradeScore: 90, grade: 'A' }),
  makeParkProperties({ code: 'SMALL', name: '小园区', outputWanYuan: 50_000, usedLandMu: 1_000, outputWanYuanPerMu: 50, taxWanYuanPerMu: 3, gradeScore: 40, grade: 'C' }),
  makeParkProperties({ code: 'MID', name: '中园区', outputWanYuan: 400_000, usedLandMu: 3_333.33, outputWanYuanPerMu: 120, taxWanYuanPerMu: 6, gradeScore: 65, grade: 'B' }),
  makeParkProperties({ code: 'NONE', name: '新园区', outputWanYuan: null, usedLandMu: null, outputWanYuanPerMu: null, taxWanYuanPerMu: null, gradeScore: null, grade: null, landMetrics: null }),
];

const codes = () => screen.getAllByTestId('ranking-row').map((row) => row.getAttribute('data-park-code'));
const render = (props: Partial<Parameters<typeof RankingList>[0]> = {}) =>
  renderWithLocale(
    <RankingList parks={parks} year={2025} selectedCode={null} onHoverPark={() => {}} onSelectPark={() => {}} {...props} />,
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

  it('puts the city figures first, per mu as totals over land', () => {
    render();
    const average = screen.getByTestId('ranking-average');
    expect(average.textContent).toContain('全市');
    // (1,500,000 + 50,000 + 400,000) 万元 / 9,333.33 亩 = 208.9 万元/亩; mean output (150 + 5 + 40) / 3 = 65.0 亿元
    expect(average.querySelector('[data-metric=outputWanYuanPerMu]')?.textContent).toBe('208.9');
    expect(average.querySelector('[data-metric=outputWanYuan]')?.textContent).toBe('65.0');
  });

  it('marks each figure above or below the city', () => {
    render();
    const row = (code: string) => screen.getAllByTestId('ranking-row').find((r) => r.getAttribute('data-park-code') === code)!;
    const mark = (code: string) => row(code).querySelector('[data-metric=outputWanYuanPerMu] [data-testid=vs-average]');
    expect(mark('BIG')?.getAttribute('data-comparison')).toBe('above');
    expect(mark('SMALL')?.getAttribute('data-comparison')).toBe('below');
    expect(mark('SMALL')?.getAttribute('aria-label')).toBe('低于全市');
    expect(mark('NONE')).toBeNull();
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
      <RankingList parks={parks} year={2025} selectedCode={null} onHoverPark={() => {}} onSelectPark={() => {}} />,
      'en',
    );
    expect(screen.getByRole('button', { name: 'Sort by Tax per mu (10k yuan/mu)' })).toBeTruthy();
    expect(screen.getByTestId('sort-outputWanYuan').textContent).toContain('100M yuan');
    expect(screen.getByTestId('ranking-average').textContent).toContain('City');
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
});
