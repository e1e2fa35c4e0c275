import { describe, expect, it } from 'vitest';
import {
  classifyByBounds,
  computeEqualIntervalBounds,
  computeNaturalBreaksBounds,
  computeQuantileBounds,
} from './classification';

type Values = (number | null | undefined)[];

describe('computeQuantileBounds', () => {
  it.each<[string, Values, number, number[]]>([
    ['splits equal counts', [4, 1, 3, 2], 2, [1, 3, 4]],
    ['ignores nulls and NaN', [null, 1, 2, undefined, 3, Number.NaN, 4], 2, [1, 3, 4]],
    ['five classes of ten values', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5, [1, 3, 5, 7, 9, 10]],
    ['keeps ties in one class, starting the next at the next value', [1, 1, 1, 1, 2], 2, [1, 2, 2]],
    ['gives fewer classes when there are fewer distinct values', [1, 1, 2, 2], 5, [1, 2, 2]],
    ['one class for one distinct value', [5, 5, 5], 3, [5, 5]],
    ['nothing for no data', [null, undefined], 3, []],
  ])('%s', (_name, values, classCount, expected) => {
    expect(computeQuantileBounds(values, classCount)).toEqual(expected);
  });
});

describe('computeEqualIntervalBounds', () => {
  it.each<[string, Values, number, number[]]>([
    ['cuts the range in equal widths', [0, 10, 3], 5, [0, 2, 4, 6, 8, 10]],
    ['ignores nulls', [null, 0, 100], 4, [0, 25, 50, 75, 100]],
    ['one class for one distinct value', [7, 7], 5, [7, 7]],
    ['nothing for no data', [], 5, []],
  ])('%s', (_name, values, classCount, expected) => {
    expect(computeEqualIntervalBounds(values, classCount)).toEqual(expected);
  });
});

describe('computeNaturalBreaksBounds', () => {
  it.each<[string, Values, number, number[]]>([
    ['finds the gaps between clusters', [1, 2, 3, 50, 51, 52, 100, 101], 3, [1, 50, 100, 101]],
    ['ignores nulls', [null, 1, 2, 10, 11, null], 2, [1, 10, 11]],
    ['never splits ties', [1, 1, 1, 2, 9, 9], 2, [1, 9, 9]],
    ['caps classes at the distinct values', [3, 3, 8], 5, [3, 8, 8]],
    ['one class for one distinct value', [4, 4], 3, [4, 4]],
    ['nothing for no data', [null], 3, []],
  ])('%s', (_name, values, classCount, expected) => {
    expect(computeNaturalBreaksBounds(values, classCount)).toEqual(expected);
  });
});

describe('classifyByBounds', () => {
  it.each<[string, number | null | undefined, number[], number | null]>([
    ['a lower bound opens its class', 3, [1, 3, 4], 1],
    ['below a bound is the class under it', 2.99, [1, 3, 4], 0],
    ['the maximum is in the last class', 4, [1, 3, 4], 1],
    ['a value above the maximum is in the last class', 9, [1, 3, 4], 1],
    ['a value below the minimum is in the first class', -1, [1, 3, 4], 0],
    ['the maximum ties fill a class of their own', 2, [1, 2, 2], 1],
    ['one class of one value', 5, [5, 5], 0],
    ['null has no class', null, [1, 3, 4], null],
    ['NaN has no class', Number.NaN, [1, 3, 4], null],
    ['no bounds, no class', 1, [], null],
  ])('%s', (_name, value, bounds, expected) => {
    expect(classifyByBounds(value, bounds)).toBe(expected);
  });
});
