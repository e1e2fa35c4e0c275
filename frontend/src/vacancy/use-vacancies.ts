import { useMemo } from 'react';
import { searchVacancies, toVacancyQueryString, type VacancyQuery } from '../api/finder-api';
import type { VacancySearchResult } from '../api/finder-types';
import { type Resource, useResource } from '../data/use-resource';

/** The vacancy search for `filter` while the finder is open; a new filter aborts the previous search. */
export function useVacancies(filter: VacancyQuery, enabled: boolean): Resource<VacancySearchResult> {
  const key = useMemo(() => toVacancyQueryString(filter), [filter]);
  return useResource((signal) => searchVacancies(filter, signal), enabled, key);
}
