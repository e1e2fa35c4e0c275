// The server describes coordinate systems and its reasons for them in English (import/detect-crs.ts,
// bundle/crs.ts: labels like "CGCS2000 / 3-degree Gauss-Krüger 3° CM 108°E", reasons, the note). The
// wizard says them in the UI's language: each known wording has its Chinese here; the few Chinese datum
// names the server puts in its English become English. Text with no known wording is returned as null,
// so the caller can show the server's own words marked as English.

type Rule = readonly [RegExp, string];

/** Applied in order, each to the whole text (labels) or to the sentence (reasons and notes). */
const LABEL_RULES_ZH: readonly Rule[] = [
  [/^lon\/lat \((西安80|北京54) datum read as CGCS2000\)/, '经纬度（$1 基准按 CGCS2000 读取）'],
  [/^lon\/lat/, '经纬度'],
  [/^GCJ-02 \(Amap\/Tencent\)/, 'GCJ-02（高德、腾讯）'],
  [/^BD-09 \(Baidu\)/, 'BD-09（百度）'],
  [/^(CGCS2000|Xian 1980|Beijing 1954) \/ 3-degree Gauss-Krüger/, '$1 高斯-克吕格 3 度带'],
  [/^(CGCS2000|Xian 1980|Beijing 1954) \/ Gauss-Krüger/, '$1 高斯-克吕格 6 度带'],
  [/Xian 1980/, '西安80'],
  [/Beijing 1954/, '北京54'],
  [/ [36]° zone (\d+)/, ' 第 $1 带'],
  [/ [36]° CM (\d+)°E/, ' 中央经线 $1°E'],
  [/, axes swapped \(y first\)$/, '，轴向颠倒（y 在前）'],
];

const SENTENCE_RULES_ZH: readonly Rule[] = [
  [/^the data has no coordinates$/, '数据没有坐标'],
  [/^the coordinates fit no coordinate system MuYield knows within China; say which one it is \(crs\)$/, '坐标与本系统所知的中国境内坐标系都不相符，请指明坐标系'],
  [/^the coordinate system is not certain: choose one of the candidates \(crs\) after looking at where each puts the data$/, '坐标系不能确定：请看各候选坐标系把数据放在哪里，再选择其一'],
  [/^the numbers are longitude and latitude in China$/, '数值是中国境内的经纬度'],
  [/^latitude comes first: the axes are swapped \(x must be longitude\)$/, '纬度在前：轴向颠倒（x 应为经度）'],
  [/^GCJ-02 \(Amap, Tencent\) and BD-09 \(Baidu\) coordinates look like ordinary lon\/lat and are off by a few hundred metres; they cannot be told apart from the numbers: choose GCJ-02 or BD-09 yourself when the data was digitised on those maps$/, 'GCJ-02（高德、腾讯）和 BD-09（百度）坐标看起来与普通经纬度一样，却偏移数百米，无法从数值区分：数据若是在这些地图上采集的，请自行选择 GCJ-02 或 BD-09'],
  [/^eastings start with (\d+): ([36])° Gauss-Krüger zone \d+ \(central meridian (\d+)°E\), taken as CGCS2000 \(西安80 and 北京54 look the same from the numbers\)$/, '东坐标以 $1 开头：高斯-克吕格 $2 度带第 $1 带（中央经线 $3°E），按 CGCS2000 读取（西安80、北京54 从数值上看不出区别）'],
  [/^the same zone on the (西安80|北京54) datum$/, '同一带，$1 基准'],
  [/^eastings near 500 km without a zone number: Gauss-Krüger on central meridian (\d+)°E \((.+) lies in this zone\)$/, '东坐标约 500 km、不带带号：中央经线 $1°E 的高斯-克吕格投影（$2 位于此带）'],
  [/^eastings near 500 km without a zone number: Gauss-Krüger on central meridian (\d+)°E$/, '东坐标约 500 km、不带带号：中央经线 $1°E 的高斯-克吕格投影'],
  [/^converted without the local seven-parameter datum transformation: positions may be off by up to ~100 m; ask the land bureau for CGCS2000 data$/, '未经当地七参数基准转换：位置可能偏差约 100 m 以内；请向自然资源部门索取 CGCS2000 数据'],
  [/^a 西安80\/北京54 geographic datum was read as CGCS2000 without a datum shift: positions may be off by up to ~100 m$/, '西安80/北京54 地理坐标未经基准转换按 CGCS2000 读取：位置可能偏差约 100 m 以内'],
];

/** Clauses the server appends to a reason, after the reason itself is worded. */
const CLAUSE_RULES_ZH: readonly Rule[] = [
  [/; the northing comes first \(axes swapped\)$/, '；北坐标在前（轴向颠倒）'],
  [/; the data lies ([\d.]+) km from (.+)$/, '；数据距 $2 $1 km'],
];

const ENGLISH_OF_CHINESE: readonly Rule[] = [
  [/西安80/g, 'Xian 1980'],
  [/北京54/g, 'Beijing 1954'],
];

const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /[A-Za-z]{2,}/;

function applyRules(text: string, rules: readonly Rule[]): string {
  return rules.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

/** Whether Chinese wording still holds English words beyond the codes and names it may keep. */
const stillEnglish = (text: string) =>
  LATIN_WORD.test(text.replace(/CGCS2000|GCJ-02|BD-09|EPSG:\d+|Gauss|Krüger|crs/g, ''));

/** A CRS label in the language, or null when it has no known wording. */
export function crsLabelIn(label: string, locale: 'zh-CN' | 'en'): string | null {
  if (locale === 'en') {
    const english = applyRules(label, ENGLISH_OF_CHINESE);
    return HAN.test(english) ? null : english;
  }
  const chinese = applyRules(label, LABEL_RULES_ZH);
  return stillEnglish(chinese) ? null : chinese;
}

/** A reason or note about a CRS in the language, or null when it has no known wording. */
export function crsSentenceIn(sentence: string, locale: 'zh-CN' | 'en'): string | null {
  if (locale === 'en') {
    const english = applyRules(sentence, ENGLISH_OF_CHINESE);
    return HAN.test(english) ? null : english;
  }
  const taken = /^taken as (.+?): (.+?)(\. (GCJ-02 .+))?$/.exec(sentence);
  if (taken) {
    const label = crsLabelIn(taken[1], locale);
    const reason = crsSentenceIn(taken[2], locale);
    const gcj = taken[4] ? crsSentenceIn(taken[4], locale) : '';
    return label && reason && gcj !== null ? `按 ${label} 读取：${reason}${gcj ? `。${gcj}` : ''}` : null;
  }
  let clauses = '';
  let rest = sentence;
  for (;;) {
    const clause = CLAUSE_RULES_ZH.find(([pattern]) => pattern.test(rest));
    if (!clause) break;
    const match = clause[0].exec(rest)!;
    clauses = match[0].replace(clause[0], clause[1]) + clauses;
    rest = rest.slice(0, match.index);
  }
  const rule = SENTENCE_RULES_ZH.find(([pattern]) => pattern.test(rest));
  return rule ? rest.replace(rule[0], rule[1]) + clauses : null;
}
