// What a park's parcel colours mean: their main holder's grade (A–D, the colours of the city view), or
// quantile classes of their per-mu tax or output (万元/亩). Map and legend read the same classes.
import type { ParcelProperties } from '../api/park-types';
import type { ParcelColourBy } from '../city/park-view-state';
import { classifyGraduated, GRADE_COLORS, GRADES, type LegendClass, withNoDataAndCounts } from './colouring';
import type { Rgb } from './tiers';

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
    classes = classifyGraduated(parcels, (parcel) => parcelValueOf(parcel, colourBy), 'quantile', PER_MU_DIGITS, classOf);
  }
  return { colourBy, ...withNoDataAndCounts(classes, classOf) };
}
