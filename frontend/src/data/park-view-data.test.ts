import { describe, expect, it } from 'vitest';
import { chartYears } from './use-details';
import { landUseAsOf } from './use-park-data';

describe('landUseAsOf', () => {
  const today = new Date('2026-11-25T10:00:00Z');

  it('judges a past year on its last day and the current year (or none) today', () => {
    expect(landUseAsOf(2025, today)).toBe('2025-12-31');
    expect(landUseAsOf(2026, today)).toBe('2026-11-25');
    expect(landUseAsOf(2030, today)).toBe('2026-11-25');
    expect(landUseAsOf(null, today)).toBe('2026-11-25');
  });
});

describe('chartYears', () => {
  it('charts the offered years oldest first, with the chosen year even if not offered', () => {
    expect(chartYears(2025, [2025, 2024, 2023])).toEqual([2023, 2024, 2025]);
    expect(chartYears(2020, [2025, 2024, 2023])).toEqual([2020, 2023, 2024, 2025]);
    expect(chartYears(null, [])).toEqual([]);
  });
});
