import { describe, expect, it } from 'vitest';
import { applyMapping, checkMapping, IMPORT_LAYERS, normalizeHeader, sourceSignature, suggestMapping, targetFields, unitOfHeader } from './field-mapping.js';
import synonyms from './synonyms.json';

describe('field mapping', () => {
  it('names only real fields in the synonyms table', () => {
    for (const layer of IMPORT_LAYERS) {
      const fields = targetFields(layer).map((f) => f.name);
      for (const field of Object.keys((synonyms.fields as Record<string, Record<string, string[]>>)[layer])) expect(fields, `${layer}.${field}`).toContain(field);
    }
  });

  it('normalises headers: brackets, units after the name, case, spaces', () => {
    expect(normalizeHeader('用地面积（亩）')).toBe('用地面积');
    expect(normalizeHeader('面积亩')).toBe('面积');
    expect(normalizeHeader(' Parcel_Code ')).toBe('parcelcode');
    expect(normalizeHeader('亩均')).toBe('亩均');
  });

  it('reads units from headers', () => {
    expect(unitOfHeader('产值(万元)')).toBe('wan_yuan');
    expect(unitOfHeader('面积（公顷）')).toBe('hectare');
    expect(unitOfHeader('面积(亩)')).toBe('mu');
    expect(unitOfHeader('Land area (mu)')).toBe('mu');
    expect(unitOfHeader('Output (10k yuan)')).toBe('wan_yuan');
    expect(unitOfHeader('建筑面积(m²)')).toBe('sqm');
    expect(unitOfHeader('产值(亿元)')).toBe('yi_yuan');
    expect(unitOfHeader('亩均税收(万元/亩)')).toBe('wan_yuan');
    expect(unitOfHeader('企业名称')).toBeUndefined();
  });

  it('suggests parcel fields from Chinese headers, the better synonym first', () => {
    expect(suggestMapping('parcels', ['宗地号', '园区编号', '土地用途', '用地面积(亩)', '备注'])).toEqual({
      code: { column: '宗地号' }, park_code: { column: '园区编号' }, land_use: { column: '土地用途' },
      declared_area_sqm: { column: '用地面积(亩)', unit: 'mu' },
    });
  });

  it('converts 亩, 公顷 and 万元 into m² and 元, and Chinese words into allowed values', () => {
    const mapping = { code: { column: 'c' }, park_code: { column: 'p' }, land_use: { column: 'u' }, supplied_on: { column: 'd' }, declared_area_sqm: { column: 'a', unit: 'mu' as const }, land_price_yuan: { column: 'm', unit: 'wan_yuan' as const }, developed_area_sqm: { column: 'h', unit: 'hectare' as const } };
    const { raw, errors } = applyMapping('parcels', mapping, { c: 'P1', p: 'T', u: '工业用地', d: '2021年3月5日', a: '15', m: '1,200.5', h: '0.5' });
    expect(errors).toEqual([]);
    expect(raw).toEqual({ code: 'P1', park_code: 'T', land_use: 'industrial', supplied_on: '2021-03-05', declared_area_sqm: 10000, land_price_yuan: 12005000, developed_area_sqm: 5000 });
  });

  it('refuses formulas and text damaged by a wrong encoding', () => {
    const mapping = { uscc: { column: 'u' }, name: { column: 'n' } };
    expect(applyMapping('enterprises', mapping, { u: 'X', n: '=1+1' }).errors[0].message).toMatch(/formula injection/);
    expect(applyMapping('enterprises', mapping, { u: 'X', n: '@SUM(A1)' }).errors[0].message).toMatch(/formula injection/);
    expect(applyMapping('enterprises', mapping, { u: 'X', n: '锟斤拷公司' }).errors[0].message).toMatch(/GBK text was read as UTF-8/);
    expect(applyMapping('indicators', { uscc: { column: 'u' }, year: { column: 'y' }, tax_yuan: { column: 't' } }, { u: 'X', y: '2024', t: '-5' }).errors).toEqual([]);
  });

  it('reads every spelling of a date the same way, keeping the bundle form as it is', () => {
    const mapping = { code: { column: 'c' }, park_code: { column: 'p' }, supplied_on: { column: 'd' } };
    const dateOf = (d: unknown) => applyMapping('parcels', mapping, { c: 'P1', p: 'T', d }).raw.supplied_on;
    expect(dateOf('2020-02-03')).toBe('2020-02-03');
    expect(dateOf(' 2020-02-03 ')).toBe('2020-02-03');
    expect(dateOf('2020-2-3')).toBe('2020-02-03');
    expect(dateOf('2020/2/3')).toBe('2020-02-03');
    expect(dateOf('2020.02.03')).toBe('2020-02-03');
    expect(dateOf('2020年2月3日')).toBe('2020-02-03');
    expect(dateOf('2020 年 12 月 31 日')).toBe('2020-12-31');
    // left for parseField to refuse
    expect(dateOf('2020-02-30')).toBe('2020-02-30');
    expect(dateOf('2020-13-01')).toBe('2020-13-01');
    expect(dateOf('20200203')).toBe('20200203');
    expect(dateOf(20200203)).toBe(20200203);
  });

  it('converts a number the same whether typed or written, grouped or not', () => {
    const mapping = { code: { column: 'c' }, park_code: { column: 'p' }, land_price_yuan: { column: 'm', unit: 'wan_yuan' as const }, invested_yuan: { column: 'i' } };
    for (const m of [1200.5, '1200.5', '1,200.5', ' 1,200.5 ']) {
      expect(applyMapping('parcels', mapping, { c: 'P1', p: 'T', m, i: m }).raw).toEqual({ code: 'P1', park_code: 'T', land_price_yuan: 12005000, invested_yuan: typeof m === 'number' ? m : '1200.5' });
    }
  });

  it('tells a formula from a signed number, and finds damaged text anywhere in a cell', () => {
    const mapping = { uscc: { column: 'u' }, year: { column: 'y' }, tax_yuan: { column: 't' } };
    const kindOf = (t: unknown) => applyMapping('indicators', mapping, { u: 'X', y: '2024', t }).errors.map((e) => e.detail.kind);
    for (const number of ['-5', '+5', '-.5', '+.5', ' -5 ', '-1,234', -5]) expect(kindOf(number), String(number)).toEqual([]);
    for (const formula of ['=5', '@5', '-a', '+a', '-', ' =5', '-SUM(A1)']) expect(kindOf(formula), formula).toEqual(['formulaInjection']);
    for (const damaged of ['\uFFFD', '12\uFFFD', '锟斤拷', 'x烫烫烫x']) expect(kindOf(damaged), damaged).toEqual(['damagedText']);
  });

  it('gives the same fields every time, the declared area only for parcels', () => {
    expect(targetFields('parcels')).toBe(targetFields('parcels'));
    expect(targetFields('parcels').at(-1)).toEqual({ name: 'declared_area_sqm', type: 'number', positive: true });
    expect(targetFields('buildings').map((f) => f.name)).not.toContain('declared_area_sqm');
  });

  it('checks the mapping: unknown fields, missing columns, units that do not fit, required fields left out', () => {
    const problems = checkMapping('units', { code: { column: '编号' }, floor: { column: '楼层', unit: 'wan_yuan' }, colour: { column: 'x' } }, ['编号', '楼层'], 'u.csv');
    const messages = problems.map((p) => `${p.field}: ${p.message}`);
    expect(messages).toContainEqual(expect.stringMatching(/^colour: is not a field of units/));
    expect(messages).toContainEqual(expect.stringMatching(/^floor: cannot be converted from wan_yuan/));
    expect(messages).toContainEqual(expect.stringMatching(/^building_code: is required but no column maps to it/));
  });

  it('signs a set of columns whatever their order', () => {
    expect(sourceSignature(['b', 'a'])).toBe(sourceSignature(['a', 'b']));
    expect(sourceSignature(['a', 'b'])).toMatch(/^[0-9a-f]{32}$/);
  });
});
