import { getCountyLandUseSummary, getParkHistory } from '../api/muyield-api';
import type { ParkHistory } from '../api/area-types';
import type { Problem } from '../api/types';
import type { CountyFindings } from '../panels/CountyPanel';
import { landUseAsOf } from './use-park-data';
import { dataOf, useResource } from './use-resource';

/**
 * A county's land-use totals for `year` (judged on its last day, or today), loaded while the county is
 * open: per kind the parcels and 亩 counted once, and the recoverable land, as the server counts them.
 */
export function useCountyFindings(regionCode: string | null, year: number | null, today: Date = new Date()): CountyFindings & { problems: Problem[] } {
  const enabled = regionCode !== null;
  const asOf = enabled ? landUseAsOf(year, today) : null;
  const key = `${regionCode}|${asOf}`;
  const summary = useResource(
    async (signal) => ({ key, answer: await getCountyLandUseSummary(regionCode!, asOf!, signal) }),
    enabled,
    key,
  );
  const loaded = enabled ? dataOf(summary) : undefined;
  return {
    // `city` is the totals of the scope asked: the county (the previous county's stays one render: not shown)
    summary: loaded && loaded.key === key ? loaded.answer.city : null,
    asOf,
    loading: enabled && summary.status === 'loading',
    problems: enabled && summary.status === 'error' ? [summary.problem] : [],
  };
}

/** The open park's figures over the years, with the city's (null while loading, or without a park). */
export function useParkHistory(parkCode: string | null): { history: ParkHistory | null; loading: boolean; problems: Problem[] } {
  const enabled = parkCode !== null;
  const history = useResource((signal) => getParkHistory(parkCode!, signal), enabled, parkCode);
  const answer = enabled ? dataOf(history) : undefined;
  return {
    // the previous park's answer stays for the render before the new request starts: not shown
    history: answer && answer.parkCode === parkCode ? answer : null,
    loading: enabled && history.status === 'loading',
    problems: enabled && history.status === 'error' ? [history.problem] : [],
  };
}
