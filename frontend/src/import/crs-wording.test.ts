import { describe, expect, it } from 'vitest';
import { crsLabelIn, crsSentenceIn } from './crs-wording';

describe('CRS wording', () => {
  it.each([
    ['lon/lat', '经纬度'],
    ['lon/lat, axes swapped (y first)', '经纬度，轴向颠倒（y 在前）'],
    ['CGCS2000 / 3-degree Gauss-Krüger 3° CM 108°E', 'CGCS2000 高斯-克吕格 3 度带 中央经线 108°E'],
    ['Xian 1980 / Gauss-Krüger 6° zone 19, axes swapped (y first)', '西安80 高斯-克吕格 6 度带 第 19 带，轴向颠倒（y 在前）'],
    ['lon/lat (西安80 datum read as CGCS2000)', '经纬度（西安80 基准按 CGCS2000 读取）'],
    ['GCJ-02 (Amap/Tencent)', 'GCJ-02（高德、腾讯）'],
  ])('labels %s in Chinese: %s', (label, chinese) => {
    expect(crsLabelIn(label, 'zh-CN')).toBe(chinese);
  });

  it('says the server’s reasons and notes in Chinese, clauses and all', () => {
    expect(crsSentenceIn('latitude comes first: the axes are swapped (x must be longitude)', 'zh-CN')).toBe('纬度在前：轴向颠倒（x 应为经度）');
    expect(crsSentenceIn('the coordinate system is not certain: choose one of the candidates (crs) after looking at where each puts the data', 'zh-CN')).toBe(
      '坐标系不能确定：请看各候选坐标系把数据放在哪里，再选择其一',
    );
    expect(
      crsSentenceIn('eastings near 500 km without a zone number: Gauss-Krüger on central meridian 108°E (安康高新区 lies in this zone); the northing comes first (axes swapped)', 'zh-CN'),
    ).toBe('东坐标约 500 km、不带带号：中央经线 108°E 的高斯-克吕格投影（安康高新区 位于此带）；北坐标在前（轴向颠倒）');
    expect(crsSentenceIn('taken as lon/lat: the numbers are longitude and latitude in China', 'zh-CN')).toBe('按 经纬度 读取：数值是中国境内的经纬度');
  });

  it('gives null for wording it does not know, so the server’s own words can be shown marked as English', () => {
    expect(crsSentenceIn('something new', 'zh-CN')).toBeNull();
    expect(crsLabelIn('Some other CRS', 'zh-CN')).toBeNull();
  });

  it('keeps English in English, with the Chinese datum names in English', () => {
    expect(crsLabelIn('lon/lat (北京54 datum read as CGCS2000)', 'en')).toBe('lon/lat (Beijing 1954 datum read as CGCS2000)');
    expect(crsSentenceIn('the same zone on the 西安80 datum', 'en')).toBe('the same zone on the Xian 1980 datum');
  });
});
