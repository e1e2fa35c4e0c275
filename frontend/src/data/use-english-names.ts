import { listEnglishNames } from '../api/muyield-api';
import type { NameList } from '../api/types';
import { useResource } from './use-resource';

/** The English of the data's names, fetched the first time the app is in English; null until then. */
export function useEnglishNames(english: boolean): NameList | null {
  const names = useResource(listEnglishNames, english);
  return english && names.status === 'ready' ? names.data : null;
}
