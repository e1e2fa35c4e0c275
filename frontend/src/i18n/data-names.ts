// The data's Chinese names and terms in the UI's language. In English a county, a park, an industry and a
// grade label are shown in the English the server gives (GET /api/names); what it has no English for stays
// Chinese (and is marked lang="zh" where it is shown). Pure: the name list in, copies out.
import type { NameList, ParkFeature, ParkProperties, RegionFeature } from '../api/types';

export const englishOf = (names: Record<string, string>, chinese: string) => names[chinese] ?? chinese;

export function toEnglishPark<P extends ParkProperties>(park: P, names: NameList): P {
  return {
    ...park,
    name: englishOf(names.parks, park.name),
    ...(park.regionName ? { regionName: englishOf(names.regions, park.regionName) } : {}),
    leadingIndustries: park.leadingIndustries.map((industry) => englishOf(names.industries, industry)),
    ...(park.gradeLabel ? { gradeLabel: englishOf(names.gradeLabels, park.gradeLabel) } : {}),
  };
}

/** Parks and counties with their names in English, or as they are when `names` is null (Chinese). */
export function withEnglishNames(
  parks: ParkFeature[],
  regions: RegionFeature[],
  names: NameList | null,
): { parks: ParkFeature[]; regions: RegionFeature[] } {
  if (!names) return { parks, regions };
  return {
    parks: parks.map((park) => ({ ...park, properties: toEnglishPark(park.properties, names) })),
    regions: regions.map((region) => ({ ...region, properties: { ...region.properties, name: englishOf(names.regions, region.properties.name) } })),
  };
}
