import { listBuildingsOfPark, listEvaluations, listLandUseIssues, listParcelsOfPark } from '../api/muyield-api';
import type { BuildingFeature, EvaluationLine, LandUseFeature, LandUseSummary, ParcelFeature } from '../api/park-types';
import type { Problem } from '../api/types';
import { useDataRevision } from './data-revision';
import { dataOf, type Resource, useResource } from './use-resource';

export interface ParkData {
  parcels: ParcelFeature[];
  buildings: BuildingFeature[];
  /** Idle, under-used, unsupplied and low-yield land on `asOf`. */
  findings: LandUseFeature[];
  /** The server's totals of the findings, each parcel counted once (null until loaded). */
  findingsSummary: LandUseSummary | null;
  /** The park's firms graded for the year, with each indicator's contribution to the score. */
  evaluations: EvaluationLine[];
  /** The evaluation scheme's current version (分类调档 made under another one do not apply). */
  schemeVersion: number | null;
  /** The date the land-use findings are for (YYYY-MM-DD). */
  asOf: string | null;
  /** True while parcels or buildings are on their way. */
  loading: boolean;
  problems: Problem[];
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The date land-use findings are judged on for a year: its last day, or today for the current or a
 * later year (a finding cannot be dated in the future). Their figure-based rules then use the year
 * before asOf's, as the API does (DOMAIN.md §2).
 */
export function landUseAsOf(year: number | null, today: Date): string {
  const todayIso = isoDate(today);
  if (year === null) return todayIso;
  const endOfYear = `${year}-12-31`;
  return endOfYear < todayIso ? endOfYear : todayIso;
}

const EMPTY: never[] = [];
const problemOf = (resource: Resource<unknown>) => (resource.status === 'error' ? [resource.problem] : []);

/**
 * One park's land for `year` (null: the latest reported), loaded when a park is selected and again
 * when the park or year changes; nothing is loaded without a park.
 */
export function useParkData(parkCode: string | null, year: number | null, today: Date = new Date()): ParkData {
  const enabled = parkCode !== null;
  const asOf = enabled ? landUseAsOf(year, today) : null;
  const yearKey = `${parkCode}|${year}`;
  // Parcel colours and the firms' grades follow 分类调档: reloaded on each revision of the server's data.
  const revision = useDataRevision();
  const parcels = useResource((signal) => listParcelsOfPark(parkCode!, year, signal), enabled, yearKey, revision);
  const buildings = useResource((signal) => listBuildingsOfPark(parkCode!, signal), enabled, parkCode);
  const findings = useResource((signal) => listLandUseIssues(parkCode!, asOf!, signal), enabled, `${parkCode}|${asOf}`);
  const evaluations = useResource((signal) => listEvaluations(parkCode!, year, signal), enabled, yearKey, revision);
  return {
    parcels: (enabled && dataOf(parcels)?.features) || EMPTY,
    buildings: (enabled && dataOf(buildings)?.features) || EMPTY,
    findings: (enabled && dataOf(findings)?.features) || EMPTY,
    findingsSummary: (enabled && dataOf(findings)?.summary) || null,
    evaluations: (enabled && dataOf(evaluations)?.results) || EMPTY,
    schemeVersion: (enabled && dataOf(evaluations)?.schemeVersion) || null,
    asOf,
    loading: enabled && (parcels.status === 'loading' || buildings.status === 'loading'),
    problems: enabled ? [parcels, buildings, findings, evaluations].flatMap(problemOf) : [],
  };
}
