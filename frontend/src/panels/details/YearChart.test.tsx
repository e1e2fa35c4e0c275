// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { YearChart } from './YearChart';

afterEach(cleanup);

describe('YearChart', () => {
  it('draws a bar per year from zero, a dash and no bar for a missing year, and says the unit', () => {
    const { container } = render(
      <YearChart
        title="税收"
        unit="万元"
        color="green"
        points={[
          { year: 2023, value: 100 },
          { year: 2024, value: null },
          { year: 2025, value: 50 },
        ]}
      />,
    );
    const heights = [...container.querySelectorAll('rect')].map((r) => Number(r.getAttribute('height')));
    expect(heights[0]).toBeCloseTo(2 * heights[2], 6);
    expect(heights[1]).toBe(0);
    expect([...container.querySelectorAll('.year-chart-value')].map((n) => n.textContent)).toEqual(['100.0', '—', '50.0']);
    expect(container.querySelector('svg')?.getAttribute('aria-label')).toBe('税收 (万元): 2023: 100.0 万元; 2024: —; 2025: 50.0 万元');
  });

  it('draws negative values (VAT refunds) as zero-height bars, labelled with their value', () => {
    const { container } = render(<YearChart title="税收" unit="万元" color="green" points={[{ year: 2025, value: -3 }]} />);
    expect(container.querySelector('rect')?.getAttribute('height')).toBe('0');
    expect(container.querySelector('.year-chart-value')?.textContent).toBe('-3.0');
  });
});
