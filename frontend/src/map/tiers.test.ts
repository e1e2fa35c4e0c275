import { describe, expect, it } from 'vitest';
import { ALL_TIER_IDS, classifyOutputPerMu, formatTierRange, OUTPUT_TIERS, TIER_COLORS, tierColorFor } from './tiers';

describe('classifyOutputPerMu', () => {
  it('puts each bound in the class above it', () => {
    expect(classifyOutputPerMu(49.99)).toBe('below50');
    expect(classifyOutputPerMu(50)).toBe('from50to100');
    expect(classifyOutputPerMu(100)).toBe('from100to200');
    expect(classifyOutputPerMu(199.9)).toBe('from100to200');
    expect(classifyOutputPerMu(200)).toBe('from200to300');
    expect(classifyOutputPerMu(300)).toBe('atLeast300');
    expect(classifyOutputPerMu(5000)).toBe('atLeast300');
  });

  it('classes zero and negative output as the lowest class', () => {
    expect(classifyOutputPerMu(0)).toBe('below50');
    expect(classifyOutputPerMu(-3)).toBe('below50');
  });

  it('gives missing values the no-data class', () => {
    expect(classifyOutputPerMu(null)).toBe('noData');
    expect(classifyOutputPerMu(undefined)).toBe('noData');
    expect(classifyOutputPerMu(Number.NaN)).toBe('noData');
    expect(tierColorFor(null)).toEqual(TIER_COLORS.noData);
  });
});

describe('tier classes', () => {
  it('cover the number line without gaps, in ascending order', () => {
    OUTPUT_TIERS.forEach((tier, i) => {
      if (i === 0) expect(tier.minWanYuanPerMu).toBeNull();
      else expect(tier.minWanYuanPerMu).toBe(OUTPUT_TIERS[i - 1].maxWanYuanPerMu);
    });
    expect(OUTPUT_TIERS.at(-1)?.maxWanYuanPerMu).toBeNull();
  });

  it('have distinct colours, far enough apart to tell in a screenshot', () => {
    const colors = ALL_TIER_IDS.map((id) => TIER_COLORS[id]);
    for (let i = 0; i < colors.length; i++) {
      for (let j = i + 1; j < colors.length; j++) {
        const distance = Math.max(...colors[i].map((c, k) => Math.abs(c - colors[j][k])));
        expect(distance, `${ALL_TIER_IDS[i]} vs ${ALL_TIER_IDS[j]}`).toBeGreaterThan(40);
      }
    }
  });

  it('label their ranges for the legend', () => {
    expect(OUTPUT_TIERS.map(formatTierRange)).toEqual(['< 50', '50–100', '100–200', '200–300', '≥ 300']);
  });
});
