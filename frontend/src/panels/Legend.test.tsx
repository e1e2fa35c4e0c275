// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createColouring } from '../map/colouring';
import { TIER_COLORS } from '../map/tiers';
import { makeParkProperties } from '../test-support/fixtures';
import { renderWithLocale } from '../test-support/render';
import { Legend } from './Legend';

afterEach(cleanup);

const parks = [20, 30, 400].map((outputWanYuanPerMu, i) => makeParkProperties({ code: `P${i}`, outputWanYuanPerMu }));

describe('Legend', () => {
  it('lists the fixed classes in 万元/亩 with the map colours, no-data last', () => {
    const { classes } = createColouring(parks, 'outputWanYuanPerMu', 'fixed');
    renderWithLocale(<Legend title="亩均产值" unit="万元/亩" classes={classes} showCounts />);
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

  it('shows graduated class bounds with their unit', () => {
    const { classes } = createColouring(parks, 'taxWanYuanPerMu', 'quantile');
    renderWithLocale(<Legend title="亩均税收" unit="万元/亩" classes={classes} />);
    expect(screen.getByTestId('legend-unit').textContent).toBe('(万元/亩)');
    expect(screen.getByTestId('legend').querySelector('li .legend-label')?.textContent).toBe('12.0');
  });

  it('translates its no-data class and has no unit for grades', () => {
    const { classes } = createColouring(parks, 'grade', 'fixed');
    renderWithLocale(<Legend title="Evaluation grade" classes={classes} />, 'en');
    const legend = screen.getByTestId('legend');
    expect(legend.querySelector('h2')?.textContent).toBe('Evaluation grade');
    expect(legend.textContent).toContain('No data');
    expect(screen.queryByTestId('legend-unit')).toBeNull();
    expect(legend.querySelector('.legend-count')).toBeNull();
  });
});
