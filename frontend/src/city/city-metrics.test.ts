import { describe, expect, it } from 'vitest';
import { makeParkProperties } from '../test-support/fixtures';
import { compareToAverage, computeCityAverages, findParkFlags, METRICS } from './city-metrics';

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

describe('computeCityAverages', () => {
  it('takes per-mu figures as totals over land, the others as park means, skipping nulls', () => {
    const parks = [
      makeParkProperties({ code: 'A', outputWanYuan: 300_000, taxWanYuan: 10_000, usedLandMu: 1_000 }),
      makeParkProperties({ code: 'B', outputWanYuan: 100_000, taxWanYuan: 2_000, usedLandMu: 3_000 }),
      makeParkProperties({ code: 'C', outputWanYuan: null, taxWanYuan: null, usedLandMu: null, landMetrics: null }),
    ];
    const averages = computeCityAverages(parks);
    expect(averages.outputWanYuanPerMu).toBe(100); // 400,000 万元 / 4,000 亩
    expect(averages.taxWanYuanPerMu).toBe(3);
    expect(averages.outputWanYuan).toBe(20); // (30 + 10) / 2 亿元
    expect(averages.landSupplyRate).toBeCloseTo(92.17, 2);
    expect(computeCityAverages([]).outputWanYuanPerMu).toBeNull();
  });

  it('compares a value to the city figure', () => {
    expect(compareToAverage(2, 1)).toBe(1);
    expect(compareToAverage(1, 2)).toBe(-1);
    expect(compareToAverage(1, 1)).toBe(0);
    expect(compareToAverage(null, 1)).toBeNull();
  });
});
