import { describe, expect, it } from 'vitest';
import { makeParkProperties } from '../test-support/fixtures';
import { createColouring, effectiveMethod, formatClassRange, GRADE_COLORS } from './colouring';
import { TIER_COLORS } from './tiers';

const parks = [10, 20, 30, 40, 50, null].map((taxWanYuanPerMu, i) =>
  makeParkProperties({ code: `P${i}`, taxWanYuanPerMu, outputWanYuanPerMu: taxWanYuanPerMu === null ? null : taxWanYuanPerMu * 10, grade: (['A', 'B', 'C', 'D', null, 'A'] as const)[i] }),
);

describe('createColouring', () => {
  it('keeps the fixed 亩均产值 tiers by default', () => {
    const colouring = createColouring(parks, 'outputWanYuanPerMu', 'fixed');
    expect(colouring.classes.map((c) => c.label)).toEqual(['< 50', '50–100', '100–200', '200–300', '≥ 300', null]);
    expect(colouring.colorOf('P0')).toEqual(TIER_COLORS.from100to200);
    expect(colouring.classes.at(-1)).toMatchObject({ id: 'noData', count: 1 });
  });

  it('cuts a metric into graduated classes whose counts add up to the parks', () => {
    const colouring = createColouring(parks, 'taxWanYuanPerMu', 'equalInterval');
    expect(colouring.classes.map((c) => c.label)).toEqual(['10.0–18.0', '18.0–26.0', '26.0–34.0', '34.0–42.0', '42.0–50.0', null]);
    expect(colouring.classes.reduce((sum, c) => sum + c.count, 0)).toBe(parks.length);
    expect(colouring.colorOf('P0')).toEqual(TIER_COLORS.below50);
    expect(colouring.colorOf('P4')).toEqual(TIER_COLORS.atLeast300);
    expect(colouring.colorOf('P5')).toEqual(TIER_COLORS.noData);
  });

  it('colours by grade with fixed colours, ungraded parks as no data', () => {
    const colouring = createColouring(parks, 'grade', 'quantile');
    expect(colouring.classes.map((c) => [c.id, c.count])).toEqual([['A', 2], ['B', 1], ['C', 1], ['D', 1], ['noData', 1]]);
    expect(colouring.colorOf('P3')).toEqual(GRADE_COLORS.D);
  });

  it('uses quantiles where fixed classes do not exist', () => {
    expect(effectiveMethod('taxWanYuanPerMu', 'fixed')).toBe('quantile');
    expect(effectiveMethod('outputWanYuanPerMu', 'fixed')).toBe('fixed');
    expect(createColouring(parks, 'taxWanYuanPerMu', 'fixed').method).toBe('quantile');
  });

  it('spreads fewer classes over the whole ramp', () => {
    const two = [1, 1, 2].map((v, i) => makeParkProperties({ code: `T${i}`, taxWanYuanPerMu: v }));
    const colouring = createColouring(two, 'taxWanYuanPerMu', 'quantile');
    expect(colouring.classes.map((c) => c.color)).toEqual([TIER_COLORS.below50, TIER_COLORS.atLeast300, TIER_COLORS.noData]);
    expect(colouring.classes.map((c) => c.label)).toEqual(['1.0–2.0', '2.0', null]);
  });

  it('formats a class of one value as that value', () => {
    expect(formatClassRange(2, 2, 1)).toBe('2.0');
    expect(formatClassRange(0.5, 1.25, 2)).toBe('0.50–1.25');
  });
});
