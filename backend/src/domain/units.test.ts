import { describe, expect, it } from 'vitest';
import { hectaresToMu, muToSqm, perMuWanYuan, sqmToMu, yuanToWanYuan } from './units.js';

describe('units', () => {
  it('defines one mu as exactly 10000/15 m²', () => {
    expect(sqmToMu(10000)).toBe(15);
    expect(muToSqm(15)).toBe(10000);
    expect(hectaresToMu(213)).toBe(3195);
  });
  it('gives per-mu figures in 万元/亩', () => {
    // 1 亿元 over 100 亩 = 100 万元/亩
    expect(perMuWanYuan(100_000_000, muToSqm(100))).toBeCloseTo(100, 10);
    expect(yuanToWanYuan(12_345)).toBeCloseTo(1.2345, 10);
  });
  it('reports missing rather than zero when the amount or land is missing', () => {
    expect(perMuWanYuan(null, 1000)).toBeNull();
    expect(perMuWanYuan(1000, 0)).toBeNull();
    expect(perMuWanYuan(1000, null)).toBeNull();
    expect(perMuWanYuan(0, 1000)).toBe(0);
  });
});
