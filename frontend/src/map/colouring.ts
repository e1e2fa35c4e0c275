// What the map's park colours mean: fixed 亩均产值 tiers, graduated classes of a metric, or grades.
// One function builds the classes the legend lists and the colour of every park from the same data,
// so map and legend cannot disagree.
import type { Grade, ParkProperties } from '../api/types';
import { type ColourBy, METRICS } from '../city/city-metrics';
import { type ClassMethod, classifyByBounds, computeClassBounds } from './classification';
import { classifyOutputPerMu, formatTierRange, OUTPUT_TIERS, type Rgb, TIER_COLORS } from './tiers';

/** `fixed` is only offered for 亩均产值, whose tiers are policy numbers (tiers.ts). */
export type ClassMethodChoice = 'fixed' | ClassMethod;

export const GRADES: readonly Grade[] = ['A', 'B', 'C', 'D'];

/** Grade colours, shared by map, legend, ranking and panel: green (A), blue, amber, red (D). */
export const GRADE_COLORS: Readonly<Record<Grade, Rgb>> = {
  A: [26, 150, 65],
  B: [66, 133, 244],
  C: [250, 170, 40],
  D: [190, 30, 45],
};

/** Graduated classes reuse the tier ramp, red (low) → green (high). */
const RAMP: readonly Rgb[] = OUTPUT_TIERS.map((tier) => tier.color);
export const GRADUATED_CLASS_COUNT = RAMP.length;

export interface LegendClass {
  /** Tier id, grade, `class-N`, or `noData`. */
  id: string;
  /** Range or grade, without unit; null for the no-data class (the legend translates it). */
  label: string | null;
  color: Rgb;
  count: number;
}

export interface Colouring {
  colourBy: ColourBy;
  method: ClassMethodChoice;
  classes: LegendClass[];
  colorOf: (parkCode: string) => Rgb;
}

/** Evenly spread over the ramp, so three classes are red, yellow and green. */
export function rampColours(classCount: number): Rgb[] {
  if (classCount === 1) return [RAMP[Math.floor(RAMP.length / 2)]];
  return Array.from({ length: classCount }, (_, i) => RAMP[Math.round((i * (RAMP.length - 1)) / (classCount - 1))]);
}

function formatBound(value: number, fractionDigits: number): string {
  return value.toFixed(fractionDigits);
}

/** "12.3–45.6"; a class of one value shows that value. */
export function formatClassRange(lower: number, upper: number, fractionDigits: number): string {
  const from = formatBound(lower, fractionDigits);
  const to = formatBound(upper, fractionDigits);
  return from === to ? from : `${from}–${to}`;
}

/** The method actually used: `fixed` falls back to quantiles outside 亩均产值, and grades have none. */
export function effectiveMethod(colourBy: ColourBy, method: ClassMethodChoice): ClassMethodChoice {
  if (method === 'fixed' && colourBy !== 'outputWanYuanPerMu') return 'quantile';
  return method;
}

export function createColouring(
  parks: readonly ParkProperties[],
  colourBy: ColourBy,
  requestedMethod: ClassMethodChoice,
): Colouring {
  const method = effectiveMethod(colourBy, requestedMethod);
  const classOf = new Map<string, string>();
  let classes: LegendClass[];

  if (colourBy === 'grade') {
    classes = GRADES.map((grade) => ({ id: grade, label: grade, color: GRADE_COLORS[grade], count: 0 }));
    for (const park of parks) classOf.set(park.code, park.grade ?? 'noData');
  } else if (method === 'fixed') {
    classes = OUTPUT_TIERS.map((tier) => ({ id: tier.id, label: formatTierRange(tier), color: tier.color, count: 0 }));
    for (const park of parks) classOf.set(park.code, classifyOutputPerMu(park.outputWanYuanPerMu));
  } else {
    const metric = METRICS[colourBy];
    classes = classifyGraduated(parks, (park) => metric.valueOf(park), method, metric.fractionDigits, classOf);
  }
  return { colourBy, method, ...withNoDataAndCounts(classes, classOf) };
}

/**
 * Graduated classes of the items' values (`GRADUATED_CLASS_COUNT` at most, ramp colours, bounds with
 * `fractionDigits` decimals), each item's class recorded in `classOf` by code (`noData` without a value).
 */
export function classifyGraduated<T extends { code: string }>(
  items: readonly T[],
  valueOf: (item: T) => number | null,
  method: ClassMethod,
  fractionDigits: number,
  classOf: Map<string, string>,
): LegendClass[] {
  const values = items.map(valueOf);
  const bounds = computeClassBounds(method, values, GRADUATED_CLASS_COUNT);
  const colours = rampColours(Math.max(bounds.length - 1, 1));
  items.forEach((item, i) => {
    const index = classifyByBounds(values[i], bounds);
    classOf.set(item.code, index === null ? 'noData' : `class-${index}`);
  });
  return bounds.slice(0, -1).map((lower, i) => ({
    id: `class-${i}`,
    label: formatClassRange(lower, bounds[i + 1], fractionDigits),
    color: colours[i],
    count: 0,
  }));
}

/** The classes with the no-data class last and each class's count, and every item's colour by code. */
export function withNoDataAndCounts(classes: LegendClass[], classOf: ReadonlyMap<string, string>): { classes: LegendClass[]; colorOf: (code: string) => Rgb } {
  const all = [...classes, { id: 'noData', label: null, color: TIER_COLORS.noData, count: 0 }];
  const byId = new Map(all.map((c) => [c.id, c]));
  for (const id of classOf.values()) {
    const legendClass = byId.get(id);
    if (legendClass) legendClass.count++;
  }
  return { classes: all, colorOf: (code) => byId.get(classOf.get(code) ?? 'noData')?.color ?? TIER_COLORS.noData };
}
