// Fixtures for the park view: a parcel, a standard factory and land-use findings with Ankang-like
// magnitudes (per-mu tax of a few 万元/亩, a four-storey standard factory half let).
import type {
  BuildingFeature,
  BuildingProperties,
  LandTotal,
  LandUseFeature,
  LandUseProperties,
  LandUseSummary,
  ParcelFeature,
  ParcelProperties,
} from '../api/park-types';

const square = (lon: number, lat: number, size = 0.002) => ({
  type: 'Polygon' as const,
  coordinates: [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]],
});

export function makeParcel(overrides: Partial<ParcelProperties> = {}, lonLat: [number, number] = [109.0, 32.7]): ParcelFeature {
  const properties: ParcelProperties = {
    code: '610929003001GB00002',
    parkCode: 'AK-BAIHE',
    landUse: 'industrial',
    landAreaSqm: 34_476.9,
    areaMu: 51.72,
    illustrative: true,
    suppliedOn: '2013-05-23',
    agreedStartOn: '2013-11-20',
    agreedCompletionOn: '2015-11-20',
    startedOn: '2013-11-21',
    completedOn: '2015-09-21',
    workStoppedOn: null,
    developedAreaSqm: 34_496,
    plannedInvestmentYuan: 144_990_000,
    investedYuan: 177_330_000,
    landPriceYuan: 4_122_000,
    idleCause: null,
    holders: [{ uscc: '91610929700044696Q', name: '白河硒鑫蚕丝制品有限公司', role: 'owner', leasedFloorAreaSqm: null, grade: 'B' }],
    buildingCodes: [],
    year: 2025,
    taxWanYuanPerMu: 3.61,
    outputWanYuanPerMu: 58.45,
    holderGrade: 'B',
    holderGradeUscc: '91610929700044696Q',
    ...overrides,
  };
  return { type: 'Feature', id: properties.code, properties, geometry: square(...lonLat) };
}

export function makeBuilding(overrides: Partial<BuildingProperties> = {}, lonLat: [number, number] = [109.0005, 32.7005]): BuildingFeature {
  const properties: BuildingProperties = {
    code: '610929003001GB00007F0001',
    parkCode: 'AK-BAIHE',
    parcelCode: '610929003001GB00007',
    kind: 'standard_factory',
    floors: 4,
    floorAreaSqm: 11_708,
    heightM: 28.5,
    completedOn: '2016-11-16',
    footprintSqm: 2_925.3,
    illustrative: true,
    unitCount: 6,
    lettableSqm: 11_708,
    leasedSqm: 5_854,
    vacantSqm: 2_927,
    reservedSqm: 2_927,
    occupancyRate: 0.5,
    ...overrides,
  };
  return { type: 'Feature', id: properties.code, properties, geometry: square(...lonLat, 0.0005) };
}

export function makeFinding(overrides: Partial<LandUseProperties> = {}, lonLat: [number, number] = [109.0, 32.7]): LandUseFeature {
  // Work stopped 2023-03-17 on a parcel under a third developed: idle since 2024-03-17, judged on 2025-12-31
  const properties: LandUseProperties = {
    kind: 'idle',
    rule: 'stoppedUnderDeveloped',
    parcelCode: '610929003002GB00025',
    parkCode: 'AK-BAIHE',
    regionCode: '610929',
    since: '2024-03-17',
    daysIdle: 654,
    feeYuan: 1_748_400,
    areaMu: 83.27,
    possibleDataGap: false,
    agreedStartOn: '2019-05-01',
    startedOn: '2019-06-10',
    workStoppedOn: '2023-03-17',
    idleClockFrom: '2023-03-17',
    idleSince: '2024-03-17',
    feeDueFrom: '2024-03-17',
    takeBackFrom: '2025-03-17',
    feeDueReached: true,
    takeBackReached: true,
    takeBackCandidate: true,
    cause: 'enterprise',
    discretionary: true,
    basis: [
      { document: '闲置土地处置办法（国土资源部令第53号，2012）', article: '第二条', about: 'idleSince' },
      { document: '闲置土地处置办法（国土资源部令第53号，2012）', article: '第十四条第（一）项', about: 'feeDueFrom' },
      { document: '闲置土地处置办法（国土资源部令第53号，2012）', article: '第十四条第（二）项', about: 'takeBackFrom' },
    ],
    ...overrides,
  };
  return { type: 'Feature', properties, geometry: square(...lonLat) };
}

const zeroKind = () => ({ parcelCount: 0, areaMu: 0, byRule: {} });

/** The server's totals of a park's findings (GET /api/idle-land's summary), zero where not given. */
export function makeLandUseSummary(overrides: { byKind?: Partial<LandUseSummary['byKind']>; recoverable?: LandTotal; toVerify?: LandTotal } = {}): LandUseSummary {
  return {
    byKind: { idle: zeroKind(), underused: zeroKind(), unsupplied: zeroKind(), lowYield: zeroKind(), ...overrides.byKind },
    recoverable: overrides.recoverable ?? { parcelCount: 0, areaMu: 0 },
    toVerify: overrides.toVerify ?? { parcelCount: 0, areaMu: 0 },
  };
}
