// Fixtures for component tests: one park close to Ankang's real magnitudes (DOMAIN.md §9).
import type { AreaMetrics, CityFigures } from '../api/area-types';
import type { ParkFeature, ParkProperties } from '../api/types';

export function makeParkProperties(overrides: Partial<ParkProperties> = {}): ParkProperties {
  return {
    code: 'AK-GX',
    name: '安康高新技术产业开发区',
    regionCode: '610902',
    regionName: '汉滨区',
    level: 'national',
    leadingIndustries: ['新材料', '富硒食品'],
    areaMu: 5_230.4,
    illustrative: true,
    year: 2023,
    outputWanYuan: 1_254_300,
    taxWanYuan: 48_210,
    outputWanYuanPerMu: 312.46,
    taxWanYuanPerMu: 12.04,
    usedLandMu: 4_014.2,
    enterpriseCount: 146,
    grade: 'A',
    gradeLabel: '优先发展类',
    gradeScore: 88.46,
    gradeCounts: { A: 19, B: 39, C: 23, D: 2, notGraded: 36 },
    landMetrics: {
      landSupplyRate: 0.9217,
      landBuiltRate: 0.8957,
      industrialLandRate: 0.9367,
      plotRatio: 1.0654,
      buildingDensity: 0.4123,
      industrialTaxWanYuanPerMu: 16.16,
    },
    ...overrides,
  };
}

export function makePark(overrides: Partial<ParkProperties> = {}, lonLat: [number, number] = [109.0, 32.7]): ParkFeature {
  const [lon, lat] = lonLat;
  return {
    type: 'Feature',
    properties: makeParkProperties(overrides),
    geometry: {
      type: 'Polygon',
      coordinates: [[[lon, lat], [lon + 0.02, lat], [lon + 0.02, lat + 0.015], [lon, lat + 0.015], [lon, lat]]],
    },
  };
}

/** The nine indicators of an area's firms, near the demo park's magnitudes. */
export function makeAreaMetrics(overrides: Partial<AreaMetrics> = {}): AreaMetrics {
  return {
    taxWanYuanPerMu: 12.04,
    valueAddedWanYuanPerMu: 80.3,
    outputWanYuanPerMu: 312.46,
    revenueWanYuanPerMu: 298.1,
    valueAddedWanYuanPerTce: 2.41,
    valueAddedWanYuanPerTonneEmission: 415.2,
    laborProductivityWanYuanPerPerson: 21.7,
    rdRatio: 0.0215,
    taxYuanPerKwh: 0.86,
    ...overrides,
  };
}

/** The city as GET /api/parks gives it: its parks summed (output 966 亿元 as in the demo). */
export function makeCityFigures(overrides: Partial<CityFigures> = {}): CityFigures {
  return {
    code: '610900',
    name: '安康市',
    regionCount: 10,
    parkCount: 12,
    year: 2023,
    outputWanYuan: 9_660_000,
    taxWanYuan: 370_000,
    usedLandMu: 30_000,
    outputWanYuanPerMu: 322,
    taxWanYuanPerMu: 12.33,
    enterpriseCount: 881,
    landMetrics: {
      landSupplyRate: 0.9,
      landBuiltRate: 0.91,
      industrialLandRate: 0.93,
      plotRatio: 1.07,
      buildingDensity: 0.45,
      industrialTaxWanYuanPerMu: 13.1,
    },
    metrics: makeAreaMetrics({
      taxWanYuanPerMu: 12.33,
      valueAddedWanYuanPerMu: 85,
      outputWanYuanPerMu: 322,
      revenueWanYuanPerMu: 305,
      valueAddedWanYuanPerTce: 2.1,
      valueAddedWanYuanPerTonneEmission: 390,
      laborProductivityWanYuanPerPerson: 24.5,
      rdRatio: 0.018,
      taxYuanPerKwh: 0.9,
    }),
    ...overrides,
  };
}
