import { describe, expect, it } from 'vitest';
import { addMonths, addYears, daysBetween, hasFullYearsElapsed, isIsoDate } from './dates.js';

describe('calendar dates', () => {
  it.each([
    ['2024-03-01', 1, '2025-03-01'],
    ['2024-02-29', 1, '2025-03-01'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2023-02-28', 1, '2024-02-28'],
    ['2024-12-31', 2, '2026-12-31'],
  ])('%s + %i year(s) = %s (29 February rolls to 1 March)', (from, years, expected) => {
    expect(addYears(from, years)).toBe(expected);
  });

  it.each([
    ['2025-01-31', 1, '2025-03-01'],
    ['2025-01-15', 1, '2025-02-15'],
    ['2025-12-31', 6, '2026-07-01'],
    ['2025-12-31', 3, '2026-03-31'],
    ['2025-03-31', -1, '2025-03-01'],
  ])('%s + %i month(s) = %s', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });

  it.each([
    ['2025-02-28', false],
    ['2025-03-01', true],
    ['2025-03-02', true],
  ])('one full year after 2024-03-01 has elapsed on %s: %s', (asOf, elapsed) => {
    expect(hasFullYearsElapsed('2024-03-01', asOf, 1)).toBe(elapsed);
  });

  it('counts days across a leap year in UTC', () => {
    expect(daysBetween('2024-03-01', '2025-03-01')).toBe(365);
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
    expect(daysBetween('2025-03-01', '2024-03-01')).toBe(-365);
  });

  it('accepts only real YYYY-MM-DD dates and throws on anything else', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-3-1')).toBe(false);
    expect(() => addYears('2025-02-30', 1)).toThrow(/YYYY-MM-DD/);
  });
});
