// The parks of the Ankang demo: where they sit and the targets their illustrative contents are tuned to.
// Catalogue parks take code, name, level, industries and approved area from the 2018 catalogue CSV;
// the plan adds only what the catalogue lacks. Town centres are approximate WGS84 positions.
import type { Position } from 'geojson';

/**
 * The river the park lies beside: the nearest GSHHG line (汉江 or a tributary in gis-data/sources), or,
 * where the sources have no line for the town's river, an illustrative valley axis drawn along the
 * real valley's direction through the town (not shown on the map, used only to shape the park).
 */
export type ParkRiver = { kind: 'gshhg'; river: string } | { kind: 'valleyAxis'; river: string; line: readonly Position[] };

export interface ParkPlan {
  code: string;
  /** name, region, industries and area for parks that are not in the 2018 catalogue */
  invented?: { name: string; regionCode: string; leadingIndustries: string; approvedAreaMu: number };
  /** the town the park belongs to */
  town: Position;
  river: ParkRiver;
  /** park length along the river ÷ its mean width */
  elongation: number;
  /** 综合容积率 (floor area ÷ built land) and 建筑密度 (footprints ÷ built land) the park's buildings are tuned to */
  plotRatio: number;
  coverage: number;
  /** 地籍区 number inside the county, 3 digits */
  cadastralDistrict: string;
  /**
   * what the park's enterprises should produce in 2025, 亿元: 966亿元 across the 12 parks, 6 of them over
   * 100亿元 and 4 under 10亿元, spread over the map's 亩均产值 classes (see the generated README)
   */
  output2025Yi: number;
  /** taxes ÷ output for a typical firm of the park */
  taxShareOfOutput: number;
  standardFactoryParcels: number;
  /** completed parcels left without a building record: data gaps for the office to resolve */
  dataGapParcels: number;
  unsuppliedShare: number;
  idleNeverStarted: number;
  idleWorkStopped: number;
  /** occupancy of its standard factories is drawn per building from this range */
  occupancyRange: readonly [number, number];
  rentYuanPerSqmMonthRange: readonly [number, number];
  /** place-name prefix of company names */
  companyPrefixes: readonly string[];
}

/** the GSHHG line nearest these towns traces the 汉江 (GSHHG names no river) */
const GSHHG: ParkRiver = { kind: 'gshhg', river: '汉江' };

export const PARK_PLANS: readonly ParkPlan[] = [
  {
    code: 'G612150', town: [108.93, 32.69], river: GSHHG, elongation: 4, cadastralDistrict: '012',
    plotRatio: 1.2, coverage: 0.47,
    output2025Yi: 128, taxShareOfOutput: 0.04, standardFactoryParcels: 3, dataGapParcels: 1, unsuppliedShare: 0.06,
    idleNeverStarted: 1, idleWorkStopped: 0, occupancyRange: [0.72, 0.97], rentYuanPerSqmMonthRange: [9, 12],
    companyPrefixes: ['安康', '陕西', '安康高新'],
  },
  {
    code: 'S619040', town: [108.53, 32.89], elongation: 4.5, cadastralDistrict: '005',
    river: { kind: 'valleyAxis', river: '月河', line: [[108.4, 32.915], [108.47, 32.905], [108.53, 32.888], [108.6, 32.866], [108.67, 32.84]] },
    plotRatio: 0.95, coverage: 0.44,
    output2025Yi: 35, taxShareOfOutput: 0.042, standardFactoryParcels: 1, dataGapParcels: 0, unsuppliedShare: 0.08,
    idleNeverStarted: 1, idleWorkStopped: 0, occupancyRange: [0.45, 0.8], rentYuanPerSqmMonthRange: [7, 9],
    companyPrefixes: ['汉阴', '安康'],
  },
  {
    code: 'S619041', town: [108.26, 33.04], river: GSHHG, elongation: 4.5, cadastralDistrict: '003',
    plotRatio: 1.05, coverage: 0.48,
    output2025Yi: 128, taxShareOfOutput: 0.038, standardFactoryParcels: 2, dataGapParcels: 0, unsuppliedShare: 0.08,
    idleNeverStarted: 2, idleWorkStopped: 1, occupancyRange: [0.5, 0.85], rentYuanPerSqmMonthRange: [7, 9.5],
    companyPrefixes: ['石泉', '安康', '陕西'],
  },
  {
    code: 'S619042', town: [108.54, 32.53], river: GSHHG, elongation: 4, cadastralDistrict: '004',
    plotRatio: 0.9, coverage: 0.42,
    output2025Yi: 30, taxShareOfOutput: 0.045, standardFactoryParcels: 1, dataGapParcels: 0, unsuppliedShare: 0.1,
    idleNeverStarted: 1, idleWorkStopped: 0, occupancyRange: [0.4, 0.75], rentYuanPerSqmMonthRange: [6.5, 8.5],
    companyPrefixes: ['紫阳', '安康'],
  },
  {
    code: 'S619043', town: [108.91, 32.31], elongation: 4, cadastralDistrict: '002',
    river: { kind: 'valleyAxis', river: '岚河', line: [[108.84, 32.265], [108.88, 32.29], [108.91, 32.31], [108.95, 32.34], [108.98, 32.37]] },
    plotRatio: 0.85, coverage: 0.4,
    output2025Yi: 7.5, taxShareOfOutput: 0.068, standardFactoryParcels: 1, dataGapParcels: 0, unsuppliedShare: 0.2,
    idleNeverStarted: 2, idleWorkStopped: 1, occupancyRange: [0.3, 0.6], rentYuanPerSqmMonthRange: [6, 8],
    companyPrefixes: ['岚皋', '安康'],
  },
  {
    code: 'S619044', town: [109.35, 32.39], elongation: 5, cadastralDistrict: '006',
    river: { kind: 'valleyAxis', river: '坝河', line: [[109.28, 32.35], [109.32, 32.372], [109.35, 32.39], [109.39, 32.41], [109.43, 32.44]] },
    plotRatio: 1.1, coverage: 0.49,
    output2025Yi: 193, taxShareOfOutput: 0.035, standardFactoryParcels: 2, dataGapParcels: 1, unsuppliedShare: 0.07,
    idleNeverStarted: 2, idleWorkStopped: 1, occupancyRange: [0.55, 0.85], rentYuanPerSqmMonthRange: [7, 9.5],
    companyPrefixes: ['平利', '安康', '陕西'],
  },
  {
    code: 'S618045', town: [109.38, 32.83], river: GSHHG, elongation: 5, cadastralDistrict: '007',
    plotRatio: 1.0, coverage: 0.5,
    output2025Yi: 174.5, taxShareOfOutput: 0.037, standardFactoryParcels: 2, dataGapParcels: 1, unsuppliedShare: 0.06,
    idleNeverStarted: 2, idleWorkStopped: 1, occupancyRange: [0.6, 0.9], rentYuanPerSqmMonthRange: [7.5, 10],
    companyPrefixes: ['旬阳', '安康', '陕西'],
  },
  {
    code: 'AK-HENGKOU',
    invented: { name: '恒口示范区', regionCode: '610902', leadingIndustries: '毛绒玩具、富硒食品、新型建材', approvedAreaMu: 3900 },
    town: [108.78, 32.76], elongation: 4, cadastralDistrict: '021',
    river: { kind: 'valleyAxis', river: '月河', line: [[108.68, 32.815], [108.73, 32.79], [108.78, 32.762], [108.84, 32.735], [108.9, 32.715]] },
    plotRatio: 1.25, coverage: 0.46,
    output2025Yi: 142, taxShareOfOutput: 0.036, standardFactoryParcels: 4, dataGapParcels: 0, unsuppliedShare: 0.05,
    idleNeverStarted: 1, idleWorkStopped: 0, occupancyRange: [0.8, 0.97], rentYuanPerSqmMonthRange: [7, 10],
    companyPrefixes: ['安康', '恒口', '陕西'],
  },
  {
    code: 'AK-WULI',
    invented: { name: '五里工业集中区', regionCode: '610902', leadingIndustries: '袜业、富硒食品、建材', approvedAreaMu: 3600 },
    town: [109.13, 32.7], river: GSHHG, elongation: 4.5, cadastralDistrict: '008',
    plotRatio: 1.0, coverage: 0.45,
    output2025Yi: 105, taxShareOfOutput: 0.038, standardFactoryParcels: 2, dataGapParcels: 1, unsuppliedShare: 0.08,
    idleNeverStarted: 1, idleWorkStopped: 1, occupancyRange: [0.5, 0.85], rentYuanPerSqmMonthRange: [7.5, 10],
    companyPrefixes: ['安康', '五里', '陕西'],
  },
  {
    code: 'AK-ZHENPING',
    invented: { name: '镇坪县工业集中区', regionCode: '610927', leadingIndustries: '中药材、绿色食品', approvedAreaMu: 1500 },
    town: [109.52, 31.88], elongation: 4, cadastralDistrict: '002',
    river: { kind: 'valleyAxis', river: '南江河', line: [[109.49, 31.82], [109.505, 31.85], [109.52, 31.88], [109.532, 31.91], [109.545, 31.94]] },
    plotRatio: 0.9, coverage: 0.4,
    output2025Yi: 8.6, taxShareOfOutput: 0.06, standardFactoryParcels: 1, dataGapParcels: 0, unsuppliedShare: 0.18,
    idleNeverStarted: 1, idleWorkStopped: 1, occupancyRange: [0.3, 0.55], rentYuanPerSqmMonthRange: [6, 7.5],
    companyPrefixes: ['镇坪', '安康'],
  },
  {
    code: 'AK-NINGSHAN',
    invented: { name: '宁陕县工业集中区', regionCode: '610923', leadingIndustries: '绿色食品、林产品加工、中药材', approvedAreaMu: 1200 },
    town: [108.31, 33.31], elongation: 4, cadastralDistrict: '001',
    river: { kind: 'valleyAxis', river: '长安河', line: [[108.295, 33.25], [108.302, 33.28], [108.31, 33.31], [108.318, 33.34], [108.325, 33.37]] },
    plotRatio: 0.85, coverage: 0.38,
    output2025Yi: 5.2, taxShareOfOutput: 0.065, standardFactoryParcels: 1, dataGapParcels: 0, unsuppliedShare: 0.25,
    idleNeverStarted: 1, idleWorkStopped: 1, occupancyRange: [0.3, 0.5], rentYuanPerSqmMonthRange: [6, 7],
    companyPrefixes: ['宁陕', '安康'],
  },
  {
    code: 'AK-BAIHE',
    invented: { name: '白河县工业集中区', regionCode: '610929', leadingIndustries: '纺织服装、新型建材、富硒食品', approvedAreaMu: 2100 },
    town: [110.1, 32.81], river: GSHHG, elongation: 4.5, cadastralDistrict: '003',
    plotRatio: 0.95, coverage: 0.43,
    output2025Yi: 9.2, taxShareOfOutput: 0.045, standardFactoryParcels: 1, dataGapParcels: 1, unsuppliedShare: 0.12,
    idleNeverStarted: 0, idleWorkStopped: 1, occupancyRange: [0.35, 0.7], rentYuanPerSqmMonthRange: [6, 8],
    companyPrefixes: ['白河', '安康'],
  },
];
