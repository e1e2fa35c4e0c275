// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeParkProperties } from '../test-support/fixtures';
import { renderWithLocale } from '../test-support/render';
import { ParkPanel } from './ParkPanel';

afterEach(cleanup);

describe('ParkPanel', () => {
  it('shows the park with every figure in its unit', () => {
    renderWithLocale(<ParkPanel park={makeParkProperties()} onClose={() => {}} />);
    const panel = screen.getByTestId('park-panel');
    expect(panel.getAttribute('role')).toBe('dialog');
    expect(panel.getAttribute('aria-label')).toContain('安康高新技术产业开发区');
    expect(screen.getByTestId('park-name').textContent).toBe('安康高新技术产业开发区');
    expect(panel.textContent).toContain('国家级');
    expect(panel.textContent).toContain('汉滨区');
    expect(panel.textContent).toContain('新材料、富硒食品');
    expect(screen.getByTestId('park-area').textContent).toBe('5,230 亩');
    expect(panel.textContent).toContain('2023 年数据');
    expect(within(screen.getByTestId('metric-output')).getByText('125.43 亿元')).toBeTruthy();
    expect(within(screen.getByTestId('metric-tax')).getByText('4.82 亿元')).toBeTruthy();
    expect(within(screen.getByTestId('metric-outputPerMu')).getByText('312.5 万元/亩')).toBeTruthy();
    expect(within(screen.getByTestId('metric-taxPerMu')).getByText('12.0 万元/亩')).toBeTruthy();
    expect(screen.getByTestId('metric-enterprises').textContent).toContain('146 家');
  });

  it('shows the grade with label and score, its firms by grade, and land use with units', () => {
    renderWithLocale(<ParkPanel park={makeParkProperties()} onClose={() => {}} />);
    expect(screen.getByTestId('park-grade').textContent).toContain('A 档 · 优先发展类');
    expect(screen.getByTestId('park-grade-score').textContent).toBe('得分 88.5 分');
    const counts = screen.getByTestId('park-grade-counts');
    expect(counts.querySelector('[data-grade=B]')?.textContent).toBe('B39 家');
    expect(counts.querySelector('[data-grade=notGraded]')?.textContent).toBe('未评 36 家');
    expect(screen.getByTestId('land-landSupplyRate').textContent).toBe('土地供应率92.2 %');
    expect(screen.getByTestId('land-plotRatio').querySelector('dd')?.textContent).toBe('1.07');
    expect(screen.getByTestId('land-buildingDensity').querySelector('dd')?.textContent).toBe('41.2 %');
    expect(screen.getByTestId('land-industrialTaxPerMu').querySelector('dd')?.textContent).toBe('16.2 万元/亩');
  });

  it('explains the park’s grade: each indicator with its value and unit, the benchmark, and points out of its maximum', () => {
    const gradeItems = [
      { key: 'taxWanYuanPerMu', weight: 30, maxScore: 30, value: 17.02, benchmark: 24.097, score: 21.19, basis: 'scored' },
      { key: 'valueAddedWanYuanPerTce', weight: 20, maxScore: 20, value: 4.48, benchmark: 2.694, score: 20, basis: 'capped' },
      { key: 'rdRatio', weight: 10, maxScore: 10, value: 0.0178, benchmark: 0.0302, score: 5.89, basis: 'scored' },
    ];
    renderWithLocale(<ParkPanel park={makeParkProperties({ gradeScore: 72.94, gradeMaxScore: 100, gradeItems })} onClose={() => {}} />);
    expect(screen.getByTestId('park-grade-score').textContent).toBe('得分 72.9 / 100');
    const breakdown = screen.getByTestId('park-grade-breakdown');
    const tax = breakdown.querySelector('[data-indicator=taxWanYuanPerMu]')!;
    expect(tax.textContent).toContain('亩均税收');
    expect(tax.textContent).toContain('17.02 万元/亩');
    expect(tax.textContent).toContain('基准 24.10 万元/亩');
    expect(tax.textContent).toContain('21.2 / 30');
    const energy = breakdown.querySelector('[data-indicator=valueAddedWanYuanPerTce]')!;
    expect(energy.textContent).toContain('4.48 万元/tce');
    expect(energy.textContent).toContain('20.0 / 20');
    expect(energy.textContent).toContain('已达该项满分');
    expect(breakdown.querySelector('[data-indicator=rdRatio]')?.textContent).toContain('1.78 %');
    expect(breakdown.textContent).toContain('园区得分构成');
  });

  it('explains the park’s grade in English', () => {
    const gradeItems = [{ key: 'taxYuanPerKwh', weight: 50, maxScore: 50, value: 5.4, benchmark: 0.8, score: 0, basis: 'belowMinDenominator' }];
    renderWithLocale(<ParkPanel park={makeParkProperties({ gradeScore: 12.5, gradeMaxScore: 100, gradeItems })} onClose={() => {}} />, 'en');
    expect(screen.getByTestId('park-grade-score').textContent).toBe('Score 12.5 / 100');
    const row = screen.getByTestId('park-grade-breakdown').querySelector('[data-indicator=taxYuanPerKwh]')!;
    expect(row.textContent).toContain('Tax per kWh');
    expect(row.textContent).toContain('0.0 / 50');
    expect(row.textContent).toContain('Denominator too small');
  });

  it('says a park is not graded and shows dashes for missing land figures', () => {
    renderWithLocale(
      <ParkPanel park={makeParkProperties({ grade: null, gradeScore: null, gradeCounts: null, landMetrics: null })} onClose={() => {}} />,
      'en',
    );
    expect(screen.getByTestId('park-grade').textContent).toBe('Not graded');
    expect(screen.queryByTestId('park-grade-counts')).toBeNull();
    expect(screen.getByTestId('land-landSupplyRate').querySelector('dd')?.textContent).toBe('—');
  });

  it('shows a dash for missing figures, never 0', () => {
    renderWithLocale(
      <ParkPanel
        park={makeParkProperties({
          year: null,
          outputWanYuan: null,
          taxWanYuan: null,
          outputWanYuanPerMu: null,
          taxWanYuanPerMu: null,
          usedLandMu: null,
        })}
        onClose={() => {}}
      />,
    );
    expect(screen.getByTestId('metric-output').querySelector('dd')?.textContent).toBe('—');
    expect(screen.getByTestId('metric-outputPerMu').querySelector('dd')?.textContent).toBe('—');
    expect(screen.getByTestId('metric-taxPerMu').querySelector('dd')?.textContent).toBe('—');
    expect(screen.getByTestId('park-panel').textContent).toContain('暂无年度统计');
    expect(screen.getByTestId('park-panel').textContent).not.toMatch(/\b0(\.0)? 万元/);
  });

  it('marks illustrative parks, and only those', () => {
    const { unmount } = renderWithLocale(<ParkPanel park={makeParkProperties()} onClose={() => {}} />);
    expect(screen.getByTestId('illustrative-badge').textContent).toBe('示意数据');
    unmount();
    renderWithLocale(<ParkPanel park={makeParkProperties({ illustrative: false })} onClose={() => {}} />);
    expect(screen.queryByTestId('illustrative-badge')).toBeNull();
  });

  it('speaks English when asked, units in English', () => {
    renderWithLocale(<ParkPanel park={makeParkProperties({ level: 'county' })} onClose={() => {}} />, 'en');
    const panel = screen.getByTestId('park-panel');
    expect(panel.textContent).toContain('County');
    expect(panel.textContent).toContain('Figures for 2023');
    expect(panel.textContent).toContain('312.5 10k yuan/mu');
    expect(panel.textContent).toContain('12.54 bn yuan');
    expect(screen.getByTestId('illustrative-badge').textContent).toBe('Illustrative');
  });

  it('closes from its close button', () => {
    const onClose = vi.fn();
    renderWithLocale(<ParkPanel park={makeParkProperties()} onClose={onClose} />);
    fireEvent.click(screen.getByRole('button', { name: '关闭' }));
    expect(onClose).toHaveBeenCalledOnce();
  });
});
