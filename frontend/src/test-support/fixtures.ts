// Fixtures for component tests: one park close to Ankang's real magnitudes (DOMAIN.md §9).
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
