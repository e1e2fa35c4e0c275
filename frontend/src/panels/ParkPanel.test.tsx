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
