import { describe, expect, it } from 'vitest';
import { makeParkProperties } from '../test-support/fixtures';
import { compareToCity, findParkFlags, METRICS } from './city-metrics';

describe('METRICS', () => {
  it('gives each value in its display unit', () => {
    const park = makeParkProperties();
    expect(METRICS.outputWanYuan.valueOf(park)).toBeCloseTo(125.43, 2); // 亿元
    expect(METRICS.landSupplyRate.valueOf(park)).toBeCloseTo(92.17, 2); // %
    expect(METRICS.plotRatio.valueOf(park)).toBeCloseTo(1.0654, 4);
    expect(METRICS.taxWanYuanPerMu.valueOf(makeParkProperties({ taxWanYuanPerMu: null }))).toBeNull();
    expect(METRICS.landSupplyRate.valueOf(makeParkProperties({ landMetrics: null }))).toBeNull();
  });
});

describe('findParkFlags', () => {
  it.each([
    ['over 100 亿元', { outputWanYuan: 1_000_001, outputWanYuanPerMu: 300 }, ['largeOutput']],
    ['exactly 100 亿元 is not over', { outputWanYuan: 1_000_000, outputWanYuanPerMu: 300 }, []],
    ['under 10 亿元 and under 100 万元/亩', { outputWanYuan: 57_000, outputWanYuanPerMu: 45 }, ['smallOutput', 'lowOutputPerMu']],
    ['nothing for missing figures', { outputWanYuan: null, outputWanYuanPerMu: null }, []],
  ])('%s', (_name, overrides, expected) => {
    expect(findParkFlags(makeParkProperties(overrides))).toEqual(expected);
  });
});

describe('compareToCity', () => {
  it('compares a value to the city figure', () => {
    expect(compareToCity(2, 1)).toBe(1);
    expect(compareToCity(1, 2)).toBe(-1);
    expect(compareToCity(1, 1)).toBe(0);
    expect(compareToCity(null, 1)).toBeNull();
    expect(compareToCity(1, null)).toBeNull();
  });
});

describe('METRICS on a county or the city', () => {
  it('reads the same figures from any area the API gives, in display units', () => {
    const city = { outputWanYuan: 9_660_000, outputWanYuanPerMu: 322, landMetrics: { landSupplyRate: 0.9, landBuiltRate: null, industrialLandRate: null, plotRatio: 1.07, buildingDensity: null, industrialTaxWanYuanPerMu: null } };
    expect(METRICS.outputWanYuan.valueOf(city)).toBe(966);
    expect(METRICS.outputWanYuan.total).toBe(true);
    expect(METRICS.landSupplyRate.valueOf(city)).toBeCloseTo(90, 10);
    expect(METRICS.taxWanYuanPerMu.valueOf({})).toBeNull();
  });
});
