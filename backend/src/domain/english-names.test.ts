import { describe, expect, it } from 'vitest';
import { toEnglishGradeLabel, toEnglishIndustry, toEnglishPlaceName, toPinyinName } from './english-names.js';

describe('English names', () => {
  it('writes a proper name in pinyin, syllables together, capitalised once', () => {
    expect(toPinyinName('紫阳')).toBe('Ziyang');
    expect(toPinyinName('岚皋')).toBe('Langao');
  });

  it.each([
    ['汉滨区', 'Hanbin District'],
    ['旬阳市', 'Xunyang City'],
    ['镇坪县', 'Zhenping County'],
    ['恒口示范区', 'Hengkou Demonstration Zone'],
    ['安康高新技术产业开发区', 'Ankang High-tech Industrial Development Zone'],
    ['石泉县古堰工业集中区', 'Shiquan County Guyan Industrial Cluster Zone'],
    ['安康市中国紫阳硒谷生态工业园', 'Ankang City China Ziyangxigu Eco Industrial Park'],
    ['Demo Park', 'Demo Park'],
  ])('names %s in English: %s', (chinese, english) => {
    expect(toEnglishPlaceName(chinese)).toBe(english);
  });

  it('translates industries and the default grade labels; others in pinyin', () => {
    expect(toEnglishIndustry('富硒食品')).toBe('Selenium-rich food');
    expect(toEnglishIndustry('魔芋')).toBe('Moyu');
    expect(toEnglishGradeLabel('优先发展类')).toBe('Priority development');
  });
});
