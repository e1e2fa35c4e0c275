import type { Layer } from '@deck.gl/core';
import { useCallback, useMemo, useState } from 'react';
import type { VacancyQuery } from '../api/finder-api';
import type { VacancySearchResult } from '../api/finder-types';
import type { Resource } from '../data/use-resource';
import type { FitTo } from '../search/use-fit-request';
import { createVacancyLayer } from './vacancy-layer';
import { bboxOfGeometry, groupVacanciesByBuilding } from './vacancy-results';
import { parseVacancyFinderState, type VacancyFinderState } from './vacancy-url-state';
import { useVacancies } from './use-vacancies';

/** Close enough to see a single standard factory (≈ 50–100 m) with room around it. */
export const BUILDING_FIT_MAX_ZOOM = 17;

export interface VacancyFinder {
  state: VacancyFinderState;
  result: Resource<VacancySearchResult>;
  selectedBuildingCode: string | null;
  /** The finder's map layers: the matching units' buildings (none while closed). */
  layers: Layer[];
  setOpen: (open: boolean) => void;
  setFilter: (filter: VacancyQuery) => void;
  /** Select a building of the results and fit the map to it. */
  selectBuilding: (buildingCode: string) => void;
}

/**
 * The finder's state (read once from the URL), its search, and its layer. `fitTo` moves the map; the
 * caller writes `state` back to the URL.
 */
export function useVacancyFinder(fitTo: FitTo): VacancyFinder {
  const [state, setState] = useState<VacancyFinderState>(() => parseVacancyFinderState(window.location.search));
  const [selectedBuildingCode, setSelected] = useState<string | null>(null);
  const result = useVacancies(state.filter, state.open);
  const buildings = useMemo(() => (result.status === 'ready' ? groupVacanciesByBuilding(result.data) : []), [result]);

  const selectBuilding = useCallback(
    (code: string) => {
      const building = buildings.find((b) => b.buildingCode === code);
      setSelected(code);
      if (building) fitTo(bboxOfGeometry(building.footprint), BUILDING_FIT_MAX_ZOOM);
    },
    [buildings, fitTo],
  );

  const layers = useMemo(
    () => (state.open && buildings.length > 0 ? [createVacancyLayer({ buildings, selectedCode: selectedBuildingCode, onClick: setSelected })] : []),
    [state.open, buildings, selectedBuildingCode],
  );

  return {
    state,
    result,
    selectedBuildingCode,
    layers,
    setOpen: useCallback((open: boolean) => setState((s) => ({ ...s, open })), []),
    setFilter: useCallback((filter: VacancyQuery) => setState((s) => ({ ...s, filter })), []),
    selectBuilding,
  };
}
