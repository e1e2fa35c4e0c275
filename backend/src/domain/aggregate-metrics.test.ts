import { describe, expect, it } from 'vitest';
import { computeAggregateMetrics } from './aggregate-metrics.js';
import type { RawFigures } from './metrics.js';
import { computeEntityMetrics, sumFigures } from './metrics.js';
import { muToSqm } from './units.js';

const figures = (f: Partial<RawFigures>): RawFigures => ({
  outputYuan: null, revenueYuan: null, valueAddedYuan: null, taxYuan: null, energyTce: null,
  emissionsT: null, electricityKwh: null, employees: null, rdYuan: null, ...f,
});

describe('the metrics of an area from its firms', () => {
  // X reports value added and energy; Y reports 9 times the value added but no energy.
  const x = figures({ valueAddedYuan: 10_000_000, energyTce: 1_000, taxYuan: 1_000_000, employees: 10, revenueYuan: 50_000_000, rdYuan: 1_000_000 });
  const y = figures({ valueAddedYuan: 90_000_000, taxYuan: 3_000_000, employees: 0, revenueYuan: 0, rdYuan: 500_000 });
  const { metrics, denominators } = computeAggregateMetrics([x, y], muToSqm(100));

  it('divides value added by energy only over the firms that report both: 1 000 万元 over 1 000 tce, not 10 000', () => {
    expect(metrics.valueAddedWanYuanPerTce).toBeCloseTo(1, 12);
    expect(computeEntityMetrics(sumFigures([x, y]), muToSqm(100)).valueAddedWanYuanPerTce).toBeCloseTo(10, 12);
    expect(denominators.valueAddedWanYuanPerTce).toBe(1_000);
  });

  it('leaves out a firm whose denominator is 0 (Y’s staff and revenue)', () => {
    expect(metrics.laborProductivityWanYuanPerPerson).toBeCloseTo(100, 12);
    expect(metrics.rdRatio).toBeCloseTo(0.02, 12);
  });

  it('sums per-mu figures over every firm that reports them, over the area’s land', () => {
    expect(metrics.taxWanYuanPerMu).toBeCloseTo(4, 12);
    expect(metrics.valueAddedWanYuanPerMu).toBeCloseTo(100, 12);
    expect(denominators.taxWanYuanPerMu).toBeCloseTo(muToSqm(100), 9);
  });

  it('gives null where no firm’s ratio is defined', () => {
    expect(metrics.taxYuanPerKwh).toBeNull();
    expect(denominators.taxYuanPerKwh).toBeNull();
    expect(metrics.outputWanYuanPerMu).toBeNull();
  });
});
