// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TIER_COLORS } from '../map/tiers';
import { renderWithLocale } from '../test-support/render';
import { Legend } from './Legend';

afterEach(cleanup);

describe('Legend', () => {
  it('lists the classes in 万元/亩 with the map colours, no-data last', () => {
    renderWithLocale(<Legend counts={{ below50: 2, atLeast300: 1 }} />);
    const legend = screen.getByTestId('legend');
    expect(legend.querySelector('h2')?.textContent).toBe('亩均产值 (万元/亩)');
    const rows = [...legend.querySelectorAll('li')];
    expect(rows.map((row) => row.querySelector('.legend-label')?.textContent)).toEqual([
      '< 50',
      '50–100',
      '100–200',
      '200–300',
      '≥ 300',
      '无数据',
    ]);
    const [r, g, b] = TIER_COLORS.below50;
    expect((rows[0].querySelector('.legend-swatch') as HTMLElement).style.background).toBe(`rgb(${r}, ${g}, ${b})`);
    expect(rows[0].querySelector('.legend-count')?.textContent).toBe('2 个');
    expect(rows[1].querySelector('.legend-count')?.textContent).toBe('0 个');
  });

  it('translates its title and no-data class', () => {
    renderWithLocale(<Legend />, 'en');
    const legend = screen.getByTestId('legend');
    expect(legend.querySelector('h2')?.textContent).toBe('Output per mu (万元/亩)');
    expect(legend.textContent).toContain('No data');
    expect(legend.querySelector('.legend-count')).toBeNull();
  });
});
