// What a park's parcel colours mean: their main holder's grade (A–D, the colours of the city view), or
// quantile classes of their per-mu tax or output (万元/亩). Map and legend read the same classes.
import type { ParcelProperties } from '../api/park-types';
import type { ParcelColourBy } from '../city/park-view-state';
import { computeClassBounds, classifyByBounds } from './classification';
import { formatClassRange, GRADE_COLORS, GRADES, GRADUATED_CLASS_COUNT, type LegendClass, rampColours } from './colouring';
import { type Rgb, TIER_COLORS } from './tiers';

export interface ParcelColouring {
  colourBy: ParcelColourBy;
  classes: LegendClass[];
  colorOf: (parcelCode: string) => Rgb;
}

/** Per-mu figures of parcels run from under 1 to a few hundred 万元/亩: one decimal tells classes apart. */
const PER_MU_DIGITS = 1;

export function parcelValueOf(parcel: ParcelProperties, colourBy: Exclude<ParcelColourBy, 'grade'>): number | null {
  const value = parcel[colourBy];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function createParcelColouring(parcels: readonly ParcelProperties[], colourBy: ParcelColourBy): ParcelColouring {
  const classOf = new Map<string, string>();
  let classes: LegendClass[];
  if (colourBy === 'grade') {
    classes = GRADES.map((grade) => ({ id: grade, label: grade, color: GRADE_COLORS[grade], count: 0 }));
    for (const parcel of parcels) classOf.set(parcel.code, parcel.holderGrade ?? 'noData');
  } else {
    const values = parcels.map((parcel) => parcelValueOf(parcel, colourBy));
    const bounds = computeClassBounds('quantile', values, GRADUATED_CLASS_COUNT);
    const colours = rampColours(Math.max(bounds.length - 1, 1));
    classes = bounds.slice(0, -1).map((lower, i) => ({
      id: `class-${i}`,
      label: formatClassRange(lower, bounds[i + 1], PER_MU_DIGITS),
      color: colours[i],
      count: 0,
    }));
    parcels.forEach((parcel, i) => {
      const index = classifyByBounds(values[i], bounds);
      classOf.set(parcel.code, index === null ? 'noData' : `class-${index}`);
    });
  }
  classes.push({ id: 'noData', label: null, color: TIER_COLORS.noData, count: 0 });
  const byId = new Map(classes.map((c) => [c.id, c]));
  for (const id of classOf.values()) {
    const legendClass = byId.get(id);
    if (legendClass) legendClass.count++;
  }
  return {
    colourBy,
    classes,
    colorOf: (parcelCode) => byId.get(classOf.get(parcelCode) ?? 'noData')?.color ?? TIER_COLORS.noData,
  };
}
