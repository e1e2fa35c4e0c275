// Graduated classes for a choropleth: pure functions from the values on the map to class bounds.
// Bounds are ascending [min, b1, …, max]: class i holds values v with bounds[i] ≤ v < bounds[i+1],
// the last class also holds its upper bound. Nulls and non-finite values are "no data" and are
// ignored when the bounds are computed. Ties never straddle a bound, so equal values share a class;
// with too few distinct values there are fewer classes than asked for.

export type ClassMethod = 'quantile' | 'equalInterval' | 'naturalBreaks';

export const CLASS_METHODS: readonly ClassMethod[] = ['quantile', 'equalInterval', 'naturalBreaks'];

function sortedFinite(values: readonly (number | null | undefined)[]): number[] {
  return values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
}

/** Classes of (about) equal counts: each bound is the value at the i/k position of the sorted data. */
export function computeQuantileBounds(values: readonly (number | null | undefined)[], classCount: number): number[] {
  const sorted = sortedFinite(values);
  if (sorted.length === 0 || classCount < 1) return [];
  const max = sorted.at(-1)!;
  const bounds = [sorted[0]];
  for (let i = 1; i < classCount; i++) {
    const previous = bounds.at(-1)!;
    let bound = sorted[Math.floor((i * sorted.length) / classCount)];
    if (bound <= previous) {
      // A run of ties: the class starts at the next distinct value instead.
      const next = sorted.find((v) => v > previous);
      if (next === undefined) break;
      bound = next;
    }
    bounds.push(bound);
    // The maximum's ties fill the last class, [max, max].
    if (bound === max) break;
  }
  return [...bounds, max];
}

/** Classes of equal width between the minimum and the maximum. */
export function computeEqualIntervalBounds(values: readonly (number | null | undefined)[], classCount: number): number[] {
  const sorted = sortedFinite(values);
  if (sorted.length === 0 || classCount < 1) return [];
  const min = sorted[0];
  const max = sorted.at(-1)!;
  if (min === max) return [min, max];
  const width = (max - min) / classCount;
  return Array.from({ length: classCount + 1 }, (_, i) => (i === classCount ? max : min + i * width));
}

/**
 * Jenks natural breaks: the split of the sorted values into at most `classCount` runs with the least
 * sum of squared deviations from each run's mean (Fisher 1958, exact dynamic programme, O(k·n²)).
 */
export function computeNaturalBreaksBounds(values: readonly (number | null | undefined)[], classCount: number): number[] {
  const sorted = sortedFinite(values);
  const n = sorted.length;
  if (n === 0 || classCount < 1) return [];
  const distinct = new Set(sorted).size;
  const k = Math.min(classCount, distinct);
  if (k === 1) return [sorted[0], sorted[n - 1]];
  // Prefix sums give the squared deviation of any run sorted[i..j) in O(1).
  const sum = [0];
  const sumSq = [0];
  for (const v of sorted) {
    sum.push(sum.at(-1)! + v);
    sumSq.push(sumSq.at(-1)! + v * v);
  }
  const cost = (i: number, j: number) => {
    const s = sum[j] - sum[i];
    return sumSq[j] - sumSq[i] - (s * s) / (j - i);
  };
  // A class may start only where the value changes, so ties stay together.
  const canStart = (i: number) => i > 0 && sorted[i] > sorted[i - 1];
  // best[c][j]: least cost of the first j values in c classes; start[c][j]: where the last class begins.
  const best: number[][] = [Array(n + 1).fill(Infinity)];
  const start: number[][] = [Array(n + 1).fill(0)];
  best[0][0] = 0;
  for (let c = 1; c <= k; c++) {
    best.push(Array(n + 1).fill(Infinity));
    start.push(Array(n + 1).fill(0));
    for (let j = 1; j <= n; j++) {
      if (j < n && !canStart(j)) continue;
      for (let i = c - 1; i < j; i++) {
        if (i > 0 && !canStart(i)) continue;
        if (!Number.isFinite(best[c - 1][i])) continue;
        const total = best[c - 1][i] + cost(i, j);
        if (total < best[c][j]) {
          best[c][j] = total;
          start[c][j] = i;
        }
      }
    }
  }
  const starts: number[] = [];
  for (let c = k, j = n; c >= 1; c--) {
    starts.unshift(start[c][j]);
    j = start[c][j];
  }
  return [...starts.map((i) => sorted[i]), sorted[n - 1]];
}

export function computeClassBounds(
  method: ClassMethod,
  values: readonly (number | null | undefined)[],
  classCount: number,
): number[] {
  if (method === 'quantile') return computeQuantileBounds(values, classCount);
  if (method === 'equalInterval') return computeEqualIntervalBounds(values, classCount);
  return computeNaturalBreaksBounds(values, classCount);
}

/** The class index of a value under the bounds, or null for a missing value or no classes. */
export function classifyByBounds(value: number | null | undefined, bounds: readonly number[]): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || bounds.length < 2) return null;
  const classCount = bounds.length - 1;
  let index = 0;
  for (let i = 1; i < classCount; i++) if (value >= bounds[i]) index = i;
  return index;
}
