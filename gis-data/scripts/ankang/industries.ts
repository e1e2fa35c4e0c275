// Industries used to name illustrative enterprises and shape their figures.
// Codes are GB/T 4754-2017 divisions (section letter + 2 digits, e.g. C24 = 文教、工美、体育和娱乐用品制造业).

export interface Industry {
  code: string;
  /** words that end a company name before 有限公司 */
  nameWords: readonly string[];
  /** value added ÷ output */
  valueAddedShare: readonly [number, number];
  /** electricity per output, kWh per 万元 */
  electricityKwhPerWanYuan: readonly [number, number];
  /** electricity's share of the firm's energy use (the rest is coal, gas, oil), in tce */
  electricShareOfEnergy: readonly [number, number];
  /** output per employee, 万元 per person */
  outputWanYuanPerEmployee: readonly [number, number];
  /**
   * heavy plant (furnaces, presses, kilns, heavy machines): single-storey halls, and in a standard
   * factory the ground floor only; light trades work on upper floors too
   */
  heavy: boolean;
}

const industry = (
  code: string,
  nameWords: string[],
  valueAddedShare: [number, number],
  electricityKwhPerWanYuan: [number, number],
  electricShareOfEnergy: [number, number],
  outputWanYuanPerEmployee: [number, number],
  heavy = false,
): Industry => ({ code, nameWords, valueAddedShare, electricityKwhPerWanYuan, electricShareOfEnergy, outputWanYuanPerEmployee, heavy });

// Electricity per 万元 of output and its share of energy are orders of magnitude for county plants of
// each trade (light assembly tens to a couple of hundred kWh per 万元, kilns, smelters and sewage
// works many hundreds to thousands), so that energy per 万元 falls out at about 0.01–0.1 tce for light
// trades and 0.15–0.9 tce for building materials and smelting.
export const INDUSTRIES = {
  agrifood: industry('C13', ['富硒粮油', '魔芋制品', '食用菌', '农产品开发', '富硒米业'], [0.18, 0.26], [80, 200], [0.5, 0.8], [80, 220]),
  food: industry('C14', ['富硒食品', '食品', '魔芋食品', '生物食品'], [0.2, 0.32], [100, 250], [0.5, 0.8], [60, 180]),
  drinks: industry('C15', ['茶业', '富硒茶业', '饮品', '饮料', '酒业'], [0.25, 0.38], [80, 200], [0.4, 0.7], [60, 160]),
  textile: industry('C17', ['丝绸', '袜业', '针织', '纺织', '蚕丝制品'], [0.18, 0.26], [250, 600], [0.6, 0.9], [25, 70]),
  apparel: industry('C18', ['服饰', '服装', '制衣'], [0.2, 0.3], [60, 150], [0.8, 0.95], [20, 50]),
  wood: industry('C20', ['木业', '林产品', '竹木制品'], [0.18, 0.26], [150, 400], [0.5, 0.8], [40, 110], true),
  paper: industry('C22', ['纸业', '纸制品'], [0.18, 0.26], [400, 900], [0.3, 0.5], [60, 150], true),
  printing: industry('C23', ['包装印务', '印务'], [0.22, 0.3], [100, 250], [0.7, 0.9], [40, 100]),
  toys: industry('C24', ['毛绒玩具', '玩具', '工艺品', '毛绒制品'], [0.2, 0.3], [50, 130], [0.8, 0.95], [20, 45]),
  chemicals: industry('C26', ['化工新材料', '新材料科技', '精细化工'], [0.2, 0.3], [400, 1200], [0.3, 0.5], [150, 400], true),
  pharma: industry('C27', ['药业', '生物医药', '中药饮片', '制药', '生物制品'], [0.3, 0.4], [100, 300], [0.4, 0.7], [80, 220]),
  plastics: industry('C29', ['塑业', '橡塑制品', '塑料包装'], [0.18, 0.26], [250, 600], [0.7, 0.9], [60, 160], true),
  minerals: industry('C30', ['新型建材', '建材', '石材', '新材料', '水泥制品'], [0.22, 0.32], [500, 1500], [0.25, 0.45], [80, 220], true),
  nonferrous: industry('C32', ['锌业', '有色金属', '锑业', '新材料'], [0.16, 0.24], [800, 3000], [0.4, 0.7], [200, 500], true),
  metalProducts: industry('C33', ['钢结构', '金属制品', '五金制品'], [0.18, 0.26], [150, 400], [0.6, 0.85], [60, 160], true),
  machinery: industry('C34', ['机械制造', '机械', '装备制造', '动力设备'], [0.22, 0.3], [80, 200], [0.6, 0.85], [70, 180], true),
  specialEquipment: industry('C35', ['专用设备', '农机装备', '矿山设备'], [0.22, 0.3], [80, 200], [0.6, 0.85], [70, 180], true),
  vehicleParts: industry('C36', ['汽车零部件', '汽配'], [0.18, 0.26], [100, 250], [0.6, 0.85], [80, 220], true),
  electrical: industry('C38', ['电气', '电器', '电缆'], [0.18, 0.26], [60, 160], [0.7, 0.9], [80, 220]),
  electronics: industry('C39', ['电子科技', '智能科技', '电子'], [0.18, 0.28], [80, 250], [0.8, 0.95], [60, 200]),
  power: industry('D44', ['热电', '水电开发', '新能源', '光伏发电'], [0.35, 0.5], [50, 200], [0.6, 0.9], [200, 600], true),
  water: industry('D46', ['污水处理', '供水', '水务'], [0.35, 0.5], [1500, 3000], [0.9, 1], [50, 120], true),
  logistics: industry('G59', ['物流', '仓储物流', '供应链管理'], [0.3, 0.45], [30, 80], [0.5, 0.8], [60, 160]),
  parkPlatform: industry('L72', ['园区建设开发', '产业园运营管理', '园区开发建设'], [0.4, 0.6], [20, 60], [0.9, 1], [50, 150]),
} as const satisfies Record<string, Industry>;

export type IndustryKey = keyof typeof INDUSTRIES;

/** What each published leading-industry phrase means in GB/T 4754 divisions. */
export const LEADING_INDUSTRY_KEYS: Record<string, readonly IndustryKey[]> = {
  富硒食品: ['agrifood', 'food'],
  生物医药: ['pharma'],
  新材料: ['minerals', 'chemicals', 'nonferrous'],
  建材: ['minerals'],
  新型建材: ['minerals'],
  丝绸服装: ['textile', 'apparel'],
  纺织服装: ['textile', 'apparel'],
  装备制造: ['machinery', 'specialEquipment', 'electrical', 'vehicleParts'],
  茶制品: ['drinks'],
  饮料: ['drinks'],
  食品饮料: ['food', 'drinks'],
  生物制品: ['pharma'],
  先进制造: ['machinery', 'electronics', 'electrical'],
  毛绒玩具: ['toys'],
  袜业: ['textile'],
  中药材: ['pharma'],
  绿色食品: ['agrifood', 'food'],
  林产品加工: ['wood'],
};

/** Supporting trades found in any county park. */
export const SUPPORTING_INDUSTRY_KEYS: readonly IndustryKey[] = [
  'printing', 'plastics', 'paper', 'metalProducts', 'electronics', 'apparel',
];

export function industryKeysFor(leadingIndustries: string): IndustryKey[] {
  const keys = leadingIndustries.split(/[、,，]/).flatMap((item) => LEADING_INDUSTRY_KEYS[item.trim()] ?? []);
  if (keys.length === 0) throw new Error(`no industry mapping for ${leadingIndustries}`);
  return keys;
}

/** Two-character trade names (字号), combined pairwise; invented, any likeness to a real firm is chance. */
export const TRADE_NAME_FIRST = [...'恒瑞华鑫泰宏盛康源德丰润兴嘉锦秦巴汉金硒富天利信达隆宇晟中和远凯永佳博诚明新正'];
export const TRADE_NAME_SECOND = [...'瑞泰源丰达盛德润康华信邦宇鑫通航安晟禾欣辉锐越力诚峰川茂昌祥悦程捷森汇宁'];
