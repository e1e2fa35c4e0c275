// The parks of the Ankang demo: where they sit and the targets their illustrative contents are tuned to.
// Catalogue parks take code, name, level, industries and approved area from the 2018 catalogue CSV;
// the plan adds only what the catalogue lacks. Town centres are approximate WGS84 positions.
import type { Position } from 'geojson';

export interface ParkPlan {
  code: string;
  /** name, region, industries and area for parks that are not in the 2018 catalogue */
  invented?: { name: string; regionCode: string; leadingIndustries: string; approvedAreaMu: number };
  centre: Position;
  /** direction of the valley the park is stretched along, degrees counter-clockwise from east */
  valleyBearingDeg: number;
  /** major ÷ minor axis of the boundary */
  elongation: number;
  /** 地籍区 number inside the county, 3 digits */
  cadastralDistrict: string;
  /**
   * what the park's enterprises should produce in 2025, 亿元: an intended output per mu times the
   * park's used land (see the generated README), so that the parks spread over the map's 亩均产值
   * classes (< 50 … ≥ 300 万元/亩), with 5 parks over 100亿元 and 3 under 10亿元
   */
  output2025Yi: number;
  /** taxes ÷ output for a typical firm of the park */
  taxShareOfOutput: number;
  standardFactoryParcels: number;
  unsuppliedShare: number;
  idleNeverStarted: number;
  idleWorkStopped: number;
  /** occupancy of its standard factories is drawn per building from this range */
  occupancyRange: readonly [number, number];
  rentYuanPerSqmMonthRange: readonly [number, number];
  /** place-name prefix of company names */
  companyPrefixes: readonly string[];
}

export const PARK_PLANS: readonly ParkPlan[] = [
  {
    code: 'G612150', centre: [108.93, 32.69], valleyBearingDeg: 8, elongation: 2.2, cadastralDistrict: '012',
    output2025Yi: 104, taxShareOfOutput: 0.04, standardFactoryParcels: 3, unsuppliedShare: 0.06,
    idleNeverStarted: 1, idleWorkStopped: 0, occupancyRange: [0.72, 0.97], rentYuanPerSqmMonthRange: [9, 12],
    companyPrefixes: ['安康', '陕西', '安康高新'],
  },
  {
    code: 'S619040', centre: [108.53, 32.89], valleyBearingDeg: 18, elongation: 2.4, cadastralDistrict: '005',
    output2025Yi: 20.7, taxShareOfOutput: 0.042, standardFactoryParcels: 1, unsuppliedShare: 0.08,
    idleNeverStarted: 1, idleWorkStopped: 0, occupancyRange: [0.45, 0.8], rentYuanPerSqmMonthRange: [7, 9],
    companyPrefixes: ['汉阴', '安康'],
  },
  {
    code: 'S619041', centre: [108.26, 33.04], valleyBearingDeg: -12, elongation: 2.3, cadastralDistrict: '003',
    output2025Yi: 102, taxShareOfOutput: 0.038, standardFactoryParcels: 2, unsuppliedShare: 0.08,
    idleNeverStarted: 2, idleWorkStopped: 1, occupancyRange: [0.5, 0.85], rentYuanPerSqmMonthRange: [7, 9.5],
    companyPrefixes: ['石泉', '安康', '陕西'],
  },
  {
    code: 'S619042', centre: [108.54, 32.53], valleyBearingDeg: 40, elongation: 2.0, cadastralDistrict: '004',
    output2025Yi: 19, taxShareOfOutput: 0.045, standardFactoryParcels: 1, unsuppliedShare: 0.1,
    idleNeverStarted: 1, idleWorkStopped: 0, occupancyRange: [0.4, 0.75], rentYuanPerSqmMonthRange: [6.5, 8.5],
    companyPrefixes: ['紫阳', '安康'],
  },
  {
    code: 'S619043', centre: [108.91, 32.31], valleyBearingDeg: 55, elongation: 2.1, cadastralDistrict: '002',
    output2025Yi: 5.7, taxShareOfOutput: 0.068, standardFactoryParcels: 1, unsuppliedShare: 0.2,
    idleNeverStarted: 2, idleWorkStopped: 1, occupancyRange: [0.3, 0.6], rentYuanPerSqmMonthRange: [6, 8],
    companyPrefixes: ['岚皋', '安康'],
  },
  {
    code: 'S619044', centre: [109.35, 32.39], valleyBearingDeg: 28, elongation: 2.4, cadastralDistrict: '006',
    output2025Yi: 148, taxShareOfOutput: 0.035, standardFactoryParcels: 2, unsuppliedShare: 0.07,
    idleNeverStarted: 2, idleWorkStopped: 1, occupancyRange: [0.55, 0.85], rentYuanPerSqmMonthRange: [7, 9.5],
    companyPrefixes: ['平利', '安康', '陕西'],
  },
  {
    code: 'S618045', centre: [109.38, 32.83], valleyBearingDeg: 2, elongation: 2.5, cadastralDistrict: '007',
    output2025Yi: 119, taxShareOfOutput: 0.037, standardFactoryParcels: 2, unsuppliedShare: 0.06,
    idleNeverStarted: 2, idleWorkStopped: 1, occupancyRange: [0.6, 0.9], rentYuanPerSqmMonthRange: [7.5, 10],
    companyPrefixes: ['旬阳', '安康', '陕西'],
  },
  {
    code: 'AK-HENGKOU',
    invented: { name: '恒口示范区', regionCode: '610902', leadingIndustries: '毛绒玩具、富硒食品、新型建材', approvedAreaMu: 3900 },
    centre: [108.78, 32.76], valleyBearingDeg: 22, elongation: 2.0, cadastralDistrict: '021',
    output2025Yi: 111, taxShareOfOutput: 0.036, standardFactoryParcels: 4, unsuppliedShare: 0.05,
    idleNeverStarted: 1, idleWorkStopped: 0, occupancyRange: [0.8, 0.97], rentYuanPerSqmMonthRange: [7, 10],
    companyPrefixes: ['安康', '恒口', '陕西'],
  },
  {
    code: 'AK-WULI',
    invented: { name: '五里工业集中区', regionCode: '610902', leadingIndustries: '袜业、富硒食品、建材', approvedAreaMu: 3600 },
    centre: [109.13, 32.7], valleyBearingDeg: -6, elongation: 2.2, cadastralDistrict: '008',
    output2025Yi: 52, taxShareOfOutput: 0.038, standardFactoryParcels: 2, unsuppliedShare: 0.08,
    idleNeverStarted: 1, idleWorkStopped: 1, occupancyRange: [0.5, 0.85], rentYuanPerSqmMonthRange: [7.5, 10],
    companyPrefixes: ['安康', '五里', '陕西'],
  },
  {
    code: 'AK-ZHENPING',
    invented: { name: '镇坪县工业集中区', regionCode: '610927', leadingIndustries: '中药材、绿色食品', approvedAreaMu: 1500 },
    centre: [109.52, 31.88], valleyBearingDeg: 70, elongation: 2.3, cadastralDistrict: '002',
    output2025Yi: 8.1, taxShareOfOutput: 0.06, standardFactoryParcels: 1, unsuppliedShare: 0.18,
    idleNeverStarted: 1, idleWorkStopped: 1, occupancyRange: [0.3, 0.55], rentYuanPerSqmMonthRange: [6, 7.5],
    companyPrefixes: ['镇坪', '安康'],
  },
  {
    code: 'AK-NINGSHAN',
    invented: { name: '宁陕县工业集中区', regionCode: '610923', leadingIndustries: '绿色食品、林产品加工、中药材', approvedAreaMu: 1200 },
    centre: [108.31, 33.31], valleyBearingDeg: 80, elongation: 2.2, cadastralDistrict: '001',
    output2025Yi: 4.6, taxShareOfOutput: 0.065, standardFactoryParcels: 1, unsuppliedShare: 0.25,
    idleNeverStarted: 1, idleWorkStopped: 1, occupancyRange: [0.3, 0.5], rentYuanPerSqmMonthRange: [6, 7],
    companyPrefixes: ['宁陕', '安康'],
  },
  {
    code: 'AK-BAIHE',
    invented: { name: '白河县工业集中区', regionCode: '610929', leadingIndustries: '纺织服装、新型建材、富硒食品', approvedAreaMu: 2100 },
    centre: [110.1, 32.81], valleyBearingDeg: 12, elongation: 2.2, cadastralDistrict: '003',
    output2025Yi: 15, taxShareOfOutput: 0.045, standardFactoryParcels: 1, unsuppliedShare: 0.12,
    idleNeverStarted: 0, idleWorkStopped: 1, occupancyRange: [0.35, 0.7], rentYuanPerSqmMonthRange: [6, 8],
    companyPrefixes: ['白河', '安康'],
  },
];
