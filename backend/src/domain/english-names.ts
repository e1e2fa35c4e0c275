// English for the names and terms the data carries in Chinese, for the English UI: counties and parks get
// their place names in pinyin with the generic part translated (汉滨区 → Hanbin District, 恒口示范区 →
// Hengkou Demonstration Zone), industries and the default scheme's grade labels a translation. Proper
// names are written as the Chinese official romanisation writes place names: the syllables of one name
// run together, capitalised once (GB/T 16159-2012, 6.1; 紫阳 → Ziyang).
import { pinyin } from 'pinyin-pro';

/** Generic parts of county and park names, longest first within each kind of ending. */
const NAME_PARTS: readonly (readonly [string, string])[] = [
  ['高新技术产业开发区', 'High-tech Industrial Development Zone'],
  ['经济技术开发区', 'Economic and Technological Development Zone'],
  ['工业集中区', 'Industrial Cluster Zone'],
  ['产业开发区', 'Industrial Development Zone'],
  ['工业园区', 'Industrial Park'],
  ['产业园区', 'Industrial Park'],
  ['工业园', 'Industrial Park'],
  ['产业园', 'Industrial Park'],
  ['示范区', 'Demonstration Zone'],
  ['开发区', 'Development Zone'],
  ['高新区', 'High-tech Zone'],
  ['生态', 'Eco'],
  ['中国', 'China'],
  ['新区', 'New Area'],
  ['自治县', 'Autonomous County'],
  ['市', 'City'],
  ['县', 'County'],
  ['区', 'District'],
  ['镇', 'Town'],
];

/** Industries of the leading-industry lists and firms, as planners write them. */
export const INDUSTRIES_EN: Readonly<Record<string, string>> = {
  纺织服装: 'Textiles and garments',
  丝绸服装: 'Silk garments',
  新型建材: 'New building materials',
  建材: 'Building materials',
  富硒食品: 'Selenium-rich food',
  绿色食品: 'Green food',
  食品饮料: 'Food and beverages',
  饮料: 'Beverages',
  茶制品: 'Tea products',
  毛绒玩具: 'Plush toys',
  林产品加工: 'Forest product processing',
  中药材: 'Chinese medicinal materials',
  袜业: 'Hosiery',
  生物医药: 'Biomedicine',
  生物制品: 'Biological products',
  新材料: 'New materials',
  先进制造: 'Advanced manufacturing',
  装备制造: 'Equipment manufacturing',
  新能源: 'New energy',
  电子信息: 'Electronics and information',
  现代物流: 'Modern logistics',
};

/** The default evaluation scheme's grade labels (domain/default-scheme.json). */
export const GRADE_LABELS_EN: Readonly<Record<string, string>> = {
  优先发展类: 'Priority development',
  提升发展类: 'Development with upgrading',
  帮扶转型类: 'Supported transformation',
  整治提升类: 'Rectification',
};

const HAN = /\p{Script=Han}/u;

/** One proper name in pinyin, its syllables run together and capitalised once: 紫阳 → Ziyang. */
export function toPinyinName(chinese: string): string {
  const syllables = pinyin(chinese, { toneType: 'none', type: 'array', v: true }) as string[];
  const joined = syllables.join('');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

/**
 * A county's or park's name in English: its generic parts translated, the rest in pinyin, in the Chinese
 * order (安康高新技术产业开发区 → Ankang High-tech Industrial Development Zone). Text without Chinese is kept.
 */
export function toEnglishPlaceName(chinese: string): string {
  if (!HAN.test(chinese)) return chinese;
  const words: string[] = [];
  let proper = '';
  const flush = () => {
    if (proper) words.push(HAN.test(proper) ? toPinyinName(proper) : proper.trim());
    proper = '';
  };
  for (let i = 0; i < chinese.length; ) {
    // A one-character part (市, 县, 区, 镇) ends a name only after at least two characters of it, so 区
    // in a proper name's first place stays part of the name.
    const part = NAME_PARTS.find(([zh]) => chinese.startsWith(zh, i) && (zh.length > 1 || proper.length >= 2));
    if (part) {
      flush();
      words.push(part[1]);
      i += part[0].length;
    } else {
      proper += chinese[i];
      i += 1;
    }
  }
  flush();
  return words.filter(Boolean).join(' ');
}

/** An industry in English, or in pinyin when it is not in the list (a transliteration, not a translation). */
export function toEnglishIndustry(chinese: string): string {
  return INDUSTRIES_EN[chinese] ?? (HAN.test(chinese) ? toPinyinName(chinese) : chinese);
}

/** A grade label in English, or in pinyin for a scheme's own label. */
export function toEnglishGradeLabel(chinese: string): string {
  return GRADE_LABELS_EN[chinese] ?? (HAN.test(chinese) ? toPinyinName(chinese) : chinese);
}
