// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithLocale } from '../test-support/render';
import { CityControls, type CityControlsProps } from './CityControls';

afterEach(cleanup);

const props = (overrides: Partial<CityControlsProps> = {}): CityControlsProps => ({
  years: [2025, 2024, 2023],
  year: 2025,
  onYearChange: () => {},
  colourBy: 'outputWanYuanPerMu',
  onColourByChange: () => {},
  method: 'fixed',
  onMethodChange: () => {},
  ...overrides,
});

describe('CityControls', () => {
  it('offers labelled year, metric and class-method switches', () => {
    renderWithLocale(<CityControls {...props()} />);
    expect(screen.getByRole('combobox', { name: '年份' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: '着色指标' })).toBeTruthy();
    const method = screen.getByRole('combobox', { name: '分级方法' }) as HTMLSelectElement;
    expect([...method.options].map((o) => o.textContent)).toEqual(['固定分级', '分位数', '等间距', '自然断点']);
    const year = screen.getByTestId('year-select') as HTMLSelectElement;
    expect([...year.options].map((o) => o.textContent)).toEqual(['2025 年', '2024 年', '2023 年']);
  });

  it('reports the chosen year, metric and method', () => {
    const onYearChange = vi.fn();
    const onColourByChange = vi.fn();
    const onMethodChange = vi.fn();
    renderWithLocale(<CityControls {...props({ onYearChange, onColourByChange, onMethodChange })} />);
    fireEvent.change(screen.getByTestId('year-select'), { target: { value: '2023' } });
    fireEvent.change(screen.getByTestId('metric-select'), { target: { value: 'taxWanYuanPerMu' } });
    fireEvent.change(screen.getByTestId('method-select'), { target: { value: 'naturalBreaks' } });
    expect(onYearChange).toHaveBeenCalledWith(2023);
    expect(onColourByChange).toHaveBeenCalledWith('taxWanYuanPerMu');
    expect(onMethodChange).toHaveBeenCalledWith('naturalBreaks');
  });

  it('offers fixed classes for output per mu only, and no method for grades', () => {
    renderWithLocale(<CityControls {...props({ colourBy: 'taxWanYuanPerMu', method: 'quantile' })} />, 'en');
    const method = screen.getByRole('combobox', { name: 'Classes' }) as HTMLSelectElement;
    expect([...method.options].map((o) => o.value)).toEqual(['quantile', 'equalInterval', 'naturalBreaks']);
    cleanup();
    renderWithLocale(<CityControls {...props({ colourBy: 'grade' })} />);
    expect((screen.getByTestId('method-select') as HTMLSelectElement).disabled).toBe(true);
  });
});
