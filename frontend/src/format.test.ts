import { describe, expect, it } from 'vitest';
import { formatCount, formatMu, formatNumber, formatWanYuan, formatWanYuanPerMu, formatYuan, MISSING, setUnitLanguage } from './format';

describe('formatWanYuanPerMu', () => {
  it('rounds to one decimal and says 万元/亩', () => {
    expect(formatWanYuanPerMu(123.456)).toBe('123.5 万元/亩');
    expect(formatWanYuanPerMu(0)).toBe('0.0 万元/亩');
    expect(formatWanYuanPerMu(1234.56)).toBe('1,234.6 万元/亩');
  });

  it('shows missing values as a dash, never as 0', () => {
    expect(formatWanYuanPerMu(null)).toBe(MISSING);
    expect(formatWanYuanPerMu(undefined)).toBe(MISSING);
    expect(formatWanYuanPerMu(Number.NaN)).toBe(MISSING);
  });
});

describe('formatMu', () => {
  it('gives whole 亩 from 100 亩 up and one decimal below', () => {
    expect(formatMu(1234.4)).toBe('1,234 亩');
    expect(formatMu(12.34)).toBe('12.3 亩');
    expect(formatMu(null)).toBe(MISSING);
  });
});

describe('formatWanYuan', () => {
  it('switches to 亿元 from 10,000 万元 up', () => {
    expect(formatWanYuan(123_456)).toBe('12.35 亿元');
    expect(formatWanYuan(10_000)).toBe('1.00 亿元');
    expect(formatWanYuan(9_999)).toBe('9,999 万元');
  });

  it('keeps small amounts in 万元 with one decimal', () => {
    expect(formatWanYuan(42.26)).toBe('42.3 万元');
    expect(formatWanYuan(null)).toBe(MISSING);
  });
});

describe('formatYuan', () => {
  it('converts 元 to 万元 or 亿元', () => {
    expect(formatYuan(1_234_567_890)).toBe('12.35 亿元');
    expect(formatYuan(5_000_000)).toBe('500 万元');
    expect(formatYuan(null)).toBe(MISSING);
  });
});

describe('formatCount and formatNumber', () => {
  it('groups thousands independently of the browser locale', () => {
    expect(formatCount(2329)).toBe('2,329');
    expect(formatCount(null)).toBe(MISSING);
    expect(formatNumber(1075.5, 1)).toBe('1,075.5');
  });
});

describe('units in English', () => {
  it('says mu, 10k yuan/mu, and amounts in millions and billions of yuan', () => {
    setUnitLanguage('en');
    try {
      expect(formatWanYuanPerMu(123.456)).toBe('123.5 10k yuan/mu');
      expect(formatMu(12.34)).toBe('12.3 mu');
      expect(formatWanYuan(1_254_300)).toBe('12.54 bn yuan');
      expect(formatWanYuan(48_200)).toBe('482.0 M yuan');
      expect(formatWanYuan(42)).toBe('42.0 10k yuan');
    } finally {
      setUnitLanguage('zh');
    }
    expect(formatMu(12.34)).toBe('12.3 亩');
  });
});
