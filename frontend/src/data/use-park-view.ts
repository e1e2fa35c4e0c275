import { useCallback, useMemo, useState } from 'react';
import type { ParkProperties } from '../api/types';
import type { DetailSelection } from '../city/park-view-state';
import type { CityViewState } from '../city/url-state';
import type { ParkLandState } from '../map/map-layers';
import type { ViewCommand } from '../map/ParkMap';
import { createParcelColouring } from '../map/parcel-colouring';
import { sumOccupancy } from '../map/park-land';
import { useParkHistory } from './use-county';
import { useDetails } from './use-details';
import { useParkData } from './use-park-data';

/** Pitch of the "3D" button, in degrees: steep enough to see storeys, flat enough to keep the park in view. */
export const TILT_PITCH_DEG = 55;

export interface ParkViewInput {
  city: CityViewState;
  /** The year the figures are for (null until known). */
  year: number | null;
  years: readonly number[];
  parks: readonly ParkProperties[];
  update: (patch: Partial<CityViewState>) => void;
}

/**
 * Everything the park view shows for the selected park: its land (loaded per park), the details of
 * what is selected in it, the parcel colours and legend, summary figures, its history and the map's tilt
 * commands.
 */
export function useParkView({ city, year, years, parks, update }: ParkViewInput) {
  // Wait for the parks, which name the latest year: asking before would load the park's land twice.
  const parkCode = parks.length > 0 ? city.park : null;
  const land = useParkData(parkCode, year);
  const details = useDetails(parkCode ? city.selection : null, year, years);
  const [viewCommand, setViewCommand] = useState<ViewCommand | null>(null);
  const command = useCallback(
    (next: { kind: 'tilt'; pitch: number } | { kind: 'rotate'; degrees: number } | { kind: 'north' }) => setViewCommand((previous) => ({ ...next, nonce: (previous?.nonce ?? 0) + 1 }) as ViewCommand),
    [],
  );

  const parcelProperties = useMemo(() => land.parcels.map((p) => p.properties), [land.parcels]);
  const colouring = useMemo(() => createParcelColouring(parcelProperties, city.parcelBy), [parcelProperties, city.parcelBy]);
  const select = useCallback((selection: DetailSelection | null) => update({ selection }), [update]);
  const onParcelClick = useCallback((code: string) => select({ kind: 'parcel', code }), [select]);
  const onBuildingClick = useCallback((code: string) => select({ kind: 'building', code }), [select]);

  const selection = city.selection;
  const mapLand = useMemo<ParkLandState | null>(
    () =>
      city.park && land.parcels.length + land.buildings.length + land.findings.length > 0
        ? {
            parkCode: city.park,
            parcels: land.parcels,
            buildings: land.buildings,
            findings: land.findings,
            parcelColorFor: colouring.colorOf,
            selectedParcelCode: selection?.kind === 'parcel' ? selection.code : null,
            selectedBuildingCode: selection?.kind === 'building' ? selection.code : null,
            onParcelClick,
            onBuildingClick,
          }
        : null,
    [city.park, land.parcels, land.buildings, land.findings, colouring, selection, onParcelClick, onBuildingClick],
  );

  const occupancy = useMemo(() => sumOccupancy(land.buildings.map((b) => b.properties)), [land.buildings]);
  const history = useParkHistory(parkCode);

  return {
    land,
    details,
    mapLand,
    viewCommand,
    tilted: (city.view?.pitch ?? 0) > 1,
    tilt: (tilted: boolean) => command({ kind: 'tilt', pitch: tilted ? TILT_PITCH_DEG : 0 }),
    rotate: (degrees: number) => command({ kind: 'rotate', degrees }),
    resetNorth: () => command({ kind: 'north' }),
    select,
    legend: city.park
      ? {
          parcelBy: city.parcelBy,
          onParcelByChange: (parcelBy: CityViewState['parcelBy']) => update({ parcelBy }),
          classes: colouring.classes,
          findings: land.findingsSummary,
          asOf: land.asOf,
          loading: land.loading,
        }
      : null,
    summary: city.park ? { parcelCount: land.parcels.length, occupancy, findings: land.findingsSummary } : null,
    history,
  };
}
