import { getEnterprise, getParcel, listUnitsOfBuilding } from '../api/muyield-api';
import type { Enterprise, ParcelDetailFeature, UnitList } from '../api/park-types';
import type { DetailSelection } from '../city/park-view-state';
import { useDataRevision } from './data-revision';
import { type Resource, useResource } from './use-resource';

/** What the details panel shows, loaded for the selection. */
export type Details =
  | {
      kind: 'parcel';
      /** The parcel in the chosen year. */
      parcel: ParcelDetailFeature;
      /** The same parcel in each year of the chart, oldest first. */
      byYear: ParcelDetailFeature[];
    }
  | { kind: 'building'; units: UnitList }
  | { kind: 'enterprise'; enterprise: Enterprise };

/** The chart's years, oldest first; just the chosen year while the list of years is unknown. */
export function chartYears(year: number | null, years: readonly number[]): number[] {
  const all = new Set(years);
  if (year !== null) all.add(year);
  return [...all].sort((a, b) => a - b);
}

async function loadDetails(selection: DetailSelection, year: number | null, years: number[], signal: AbortSignal): Promise<Details> {
  if (selection.kind === 'building') return { kind: 'building', units: await listUnitsOfBuilding(selection.code, signal) };
  if (selection.kind === 'enterprise') return { kind: 'enterprise', enterprise: await getEnterprise(selection.code, year, signal) };
  const askYears = years.length > 0 ? years : [year];
  const byYear = await Promise.all(askYears.map((y) => getParcel(selection.code, y, signal)));
  const parcel = byYear.find((p) => p.properties.year === year) ?? byYear.at(-1)!;
  return { kind: 'parcel', parcel, byYear };
}

/**
 * The selected parcel (in every year of the chart), building (its units) or enterprise (its years and
 * evaluation), reloaded when the selection or the year changes.
 */
export function useDetails(selection: DetailSelection | null, year: number | null, years: readonly number[]): Resource<Details> {
  const askYears = chartYears(year, years);
  // A unit is shown from its building's list: choosing another unit of the same building loads nothing.
  const key = selection ? `${selection.kind}|${selection.code}|${year}|${selection.kind === 'parcel' ? askYears.join(',') : ''}` : null;
  return useResource((signal) => loadDetails(selection!, year, askYears, signal), selection !== null, key, useDataRevision());
}
