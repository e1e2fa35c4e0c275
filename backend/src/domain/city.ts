/**
 * The city the counties belong to, as the data names it: each county (region) may carry the code and name
 * of its prefecture-level city (GB/T 2260: 610902 汉滨区 → 610900 安康市).
 */
export interface RegionCity {
  cityCode: string | null;
  cityName: string | null;
  /** Counties naming this city (or none). */
  regionCount: number;
}

export interface City {
  code: string | null;
  name: string | null;
  /** Every county in the data. */
  regionCount: number;
}

/**
 * The city when every county names the same one; code and name null when some name none or several cities
 * are in the data (a province's counties are not one city, and the app then says 全市 without a name).
 */
export function findCity(groups: readonly RegionCity[]): City {
  const regionCount = groups.reduce((n, g) => n + g.regionCount, 0);
  const named = groups.filter((g) => g.regionCount > 0);
  if (named.length !== 1 || named[0].cityCode == null) return { code: null, name: null, regionCount };
  return { code: named[0].cityCode, name: named[0].cityName, regionCount };
}
