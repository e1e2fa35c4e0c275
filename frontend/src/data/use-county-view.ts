import { type Dispatch, type SetStateAction, useCallback, useMemo } from 'react';
import type { CityFigures } from '../api/area-types';
import type { NameList, ParkFeature, RegionFeature } from '../api/types';
import type { CityViewState } from '../city/url-state';
import { englishOf } from '../i18n/data-names';
import type { Locale } from '../i18n/i18n-context';
import { computeBbox } from '../map/fit-zoom';
import type { FitTo } from '../search/use-fit-request';
import { useCountyFindings } from './use-county';

/** Deepest zoom a flight to a county goes to: the whole county in view. */
const COUNTY_FIT_MAX_ZOOM = 11;

export interface CountyViewInput {
  city: CityViewState;
  year: number | null;
  regions: RegionFeature[];
  parks: ParkFeature[];
  cityFigures: CityFigures | null;
  locale: Locale;
  /** The English of the data's names (GET /api/names), null in Chinese or until loaded. */
  englishNames: NameList | null;
  setCity: Dispatch<SetStateAction<CityViewState>>;
  fitTo: FitTo;
}

/**
 * The open county (`county=CODE` in the address bar): its figures as /api/regions gives them, its parks, its
 * land-use totals; opening a county (from the map, or flown to from the ranking) closes the park; and the
 * city's name as the header and map label say it.
 */
export function useCountyView({ city, year, regions, parks, cityFigures, locale, englishNames, setCity, fitTo }: CountyViewInput) {
  const regionProperties = useMemo(() => regions.map((r) => r.properties), [regions]);
  const region = regions.find((r) => r.properties.code === city.county) ?? null;
  const findings = useCountyFindings(region ? region.properties.code : null, year);
  const countyParks = useMemo(
    () => (city.county ? parks.map((p) => p.properties).filter((p) => p.regionCode === city.county) : []),
    [parks, city.county],
  );
  const openCounty = useCallback(
    (code: string) => setCity((current) => ({ ...current, county: code, park: null, selection: null })),
    [setCity],
  );
  const flyToCounty = useCallback(
    (code: string) => {
      openCounty(code);
      const target = regions.find((r) => r.properties.code === code);
      if (target) fitTo(computeBbox(target.geometry), COUNTY_FIT_MAX_ZOOM);
    },
    [openCounty, regions, fitTo],
  );
  const { problems, ...countyFindings } = findings;
  return {
    regionProperties,
    /** What the county panel shows, or null when no county is open (or it is not among the counties). */
    panel: region ? { county: region.properties, parks: countyParks, findings: countyFindings } : null,
    problems,
    openCounty,
    flyToCounty,
    cityName: cityNameIn(locale, cityFigures?.name ?? null, englishNames),
  };
}

/** The city's name in the UI's language: as the data has it, or its English; none while there is no English for it. */
function cityNameIn(locale: Locale, name: string | null, englishNames: NameList | null): string | null {
  if (name === null || locale === 'zh-CN') return name;
  const english = englishNames ? englishOf(englishNames.regions, name) : name;
  return english === name ? null : english;
}
