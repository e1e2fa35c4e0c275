import { describe, expect, it } from 'vitest';
import { computeParkFigures, parkAreaMu } from './park-figures.js';
import { muToSqm } from './units.js';

describe('park figures', () => {
  it('divides output and tax in 万元 by the land in use in 亩', () => {
    // the tiny fixture: 235 000 000 元 output over 105 亩 → 2238.1 万元/亩 … in 万元: 23 500 / 105
    const f = computeParkFigures({ outputYuan: 235_000_000, taxYuan: 9_850_000, usedLandSqm: muToSqm(105) });
    expect(f.outputWanYuan).toBe(23_500);
    expect(f.outputWanYuanPerMu).toBeCloseTo(223.8095, 4);
    expect(f.taxWanYuanPerMu).toBeCloseTo(9.381, 3);
    expect(f.usedLandMu).toBeCloseTo(105, 10);
  });

  it('keeps missing figures missing instead of zero', () => {
    expect(computeParkFigures({ outputYuan: null, taxYuan: null, usedLandSqm: null })).toEqual({
      outputWanYuan: null, taxWanYuan: null, outputWanYuanPerMu: null, taxWanYuanPerMu: null, usedLandMu: null,
    });
    expect(computeParkFigures({ outputYuan: 1e8, taxYuan: 1e6, usedLandSqm: null }).outputWanYuanPerMu).toBeNull();
  });

  it('uses the approved area when the catalogue gives one', () => {
    expect(parkAreaMu(3195, 1)).toBe(3195);
    expect(parkAreaMu(null, muToSqm(1500))).toBeCloseTo(1500, 10);
  });
});
