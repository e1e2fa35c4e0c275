import { useEffect, useState } from 'react';
import { getEnterprise, searchPlaces } from '../api/finder-api';
import type { EnterpriseDetails, SearchAnswer } from '../api/finder-types';
import { useDataRevision } from '../data/data-revision';
import { type Resource, useResource } from '../data/use-resource';

/** Wait this long after the last keystroke before asking, in ms. */
export const SEARCH_DEBOUNCE_MS = 200;
/** Results shown in the list. */
export const SEARCH_LIMIT = 8;

/** The search for `text` once typing pauses; idle for blank text. */
export function useSearch(text: string): Resource<SearchAnswer> {
  const [settled, setSettled] = useState(text.trim());
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const resource = useResource((signal) => searchPlaces(settled, SEARCH_LIMIT, signal), settled !== '', settled);
  return settled === '' ? { status: 'idle' } : resource;
}

/** One enterprise, while `uscc` is set. */
export function useEnterprise(uscc: string | null): Resource<EnterpriseDetails> {
  return useResource((signal) => getEnterprise(uscc!, signal), uscc !== null, uscc, useDataRevision());
}
