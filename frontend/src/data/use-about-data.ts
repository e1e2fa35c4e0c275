import { useState } from 'react';
import { getHealth, listDatasets } from '../api/muyield-api';
import type { DatasetList, Health } from '../api/types';
import { type Resource, useResource } from './use-resource';

/** Dataset catalogue and server health, fetched once, the first time the about panel opens. */
export function useAboutData(open: boolean): { datasets: Resource<DatasetList>; health: Resource<Health> } {
  const [requested, setRequested] = useState(open);
  if (open && !requested) setRequested(true);
  return { datasets: useResource(listDatasets, requested), health: useResource(getHealth, requested) };
}
