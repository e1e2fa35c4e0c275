import { describe, expect, it } from 'vitest';
import { loadTinyFixture, TINY } from './__fixtures__/tiny-fixture.js';
import type { RawFigures } from './metrics.js';
import { computeAreaLandMetrics, computeEntityMetrics, divideOrNull, sumFigures } from './metrics.js';
import { muToSqm } from './units.js';

const fx = loadTinyFixture();
const A_2025 = fx.figures[TINY.A][2025];

describe('enterprise metrics', () => {
  it('reproduces the README figures of above-scale A on 60 亩', () => {
    const m = computeEntityMetrics(A_2025, muToSqm(60));
    expect(m.outputWanYuanPerMu).toBeCloseTo(333.33, 2);
    expect(m.taxWanYuanPerMu).toBeCloseTo(15, 10);
    expect(m.valueAddedWanYuanPerMu).toBeCloseTo(83.33, 2);
    expect(m.valueAddedWanYuanPerTce).toBeCloseTo(1.667, 3);
    expect(m.laborProductivityWanYuanPerPerson).toBeCloseTo(16.67, 2);
    expect(m.rdRatio).toBeCloseTo(0.02, 12);
    expect(m.revenueWanYuanPerMu).toBeCloseTo(316.67, 2);
    expect(m.valueAddedWanYuanPerTonneEmission).toBeCloseTo(400, 10);
    expect(m.taxYuanPerKwh).toBeCloseTo(0.75, 12);
  });

  it('keeps B’s negative tax negative in the metric (scoring clamps it, not the metric)', () => {
    expect(computeEntityMetrics(fx.figures[TINY.B][2025], muToSqm(15)).taxWanYuanPerMu).toBeCloseTo(-1.3333, 4);
  });

  it('gives null, never 0, for missing inputs: T1 reports no energy', () => {
    expect(computeEntityMetrics(fx.figures[TINY.T1][2025], muToSqm(10)).valueAddedWanYuanPerTce).toBeNull();
    const m = computeEntityMetrics(A_2025, null);
    expect([m.taxWanYuanPerMu, m.valueAddedWanYuanPerMu, m.outputWanYuanPerMu, m.revenueWanYuanPerMu]).toEqual([null, null, null, null]);
    expect(m.rdRatio).toBe(0.02);
  });

  it.each<[string, Partial<RawFigures>, keyof ReturnType<typeof computeEntityMetrics>]>([
    ['zero energy', { energyTce: 0 }, 'valueAddedWanYuanPerTce'],
    ['zero emissions', { emissionsT: 0 }, 'valueAddedWanYuanPerTonneEmission'],
    ['zero employees', { employees: 0 }, 'laborProductivityWanYuanPerPerson'],
    ['zero revenue', { revenueYuan: 0 }, 'rdRatio'],
    ['zero electricity', { electricityKwh: 0 }, 'taxYuanPerKwh'],
  ])('gives null on division by %s', (_, change, key) => {
    expect(computeEntityMetrics({ ...A_2025, ...change }, muToSqm(60))[key]).toBeNull();
  });

  it('gives null on zero land, and 0 for a real zero numerator', () => {
    expect(computeEntityMetrics(A_2025, 0).taxWanYuanPerMu).toBeNull();
    expect(computeEntityMetrics({ ...A_2025, taxYuan: 0 }, muToSqm(60)).taxWanYuanPerMu).toBe(0);
    expect(divideOrNull(1, -1)).toBeNull();
  });
});

describe('sums and area metrics', () => {
  it('sums the tiny park’s 2025 output and reported tax (README: 235 000 000 元 and 9 850 000 元)', () => {
    const total = sumFigures(Object.values(fx.figures).map((f) => f[2025]));
    expect(total.outputYuan).toBe(235_000_000);
    expect(total.taxYuan).toBe(9_850_000);
    expect(total.energyTce).toBe(3000 + 200 + 22 + 2.5);
  });

  it('gives the park’s output and tax per mu over the 105 亩 in use (223.81 and 9.381 万元/亩)', () => {
    const m = computeEntityMetrics(sumFigures(Object.values(fx.figures).map((f) => f[2025])), muToSqm(105));
    expect(m.outputWanYuanPerMu).toBeCloseTo(223.81, 2);
    expect(m.taxWanYuanPerMu).toBeCloseTo(9.381, 3);
  });

  it('keeps a field null only when nobody reports it', () => {
    const empty = { ...A_2025, emissionsT: null };
    expect(sumFigures([empty, empty]).emissionsT).toBeNull();
    expect(sumFigures([]).taxYuan).toBeNull();
  });

  it('computes the 开发区 land figures, with null where a divisor is missing or zero', () => {
    const m = computeAreaLandMetrics({
      landReadyForSupplySqm: muToSqm(125),
      suppliedLandSqm: muToSqm(105),
      builtLandSqm: muToSqm(90),
      builtIndustrialLandSqm: muToSqm(90),
      floorAreaSqm: 11_000,
      footprintSqm: 7_000,
      industrialTaxYuan: 9_000_000,
    });
    expect(m.landSupplyRate).toBeCloseTo(0.84, 12);
    expect(m.landBuiltRate).toBeCloseTo(90 / 105, 12);
    expect(m.industrialLandRate).toBe(1);
    expect(m.plotRatio).toBeCloseTo(11_000 / muToSqm(90), 12);
    expect(m.buildingDensity).toBeCloseTo(7_000 / muToSqm(90), 12);
    expect(m.industrialTaxWanYuanPerMu).toBeCloseTo(10, 12);
    expect(computeAreaLandMetrics({ ...m, landReadyForSupplySqm: 0, suppliedLandSqm: null, builtLandSqm: null, builtIndustrialLandSqm: null, floorAreaSqm: 1, footprintSqm: 1, industrialTaxYuan: null })).toEqual({
      landSupplyRate: null, landBuiltRate: null, industrialLandRate: null, plotRatio: null, buildingDensity: null, industrialTaxWanYuanPerMu: null,
    });
  });
});
