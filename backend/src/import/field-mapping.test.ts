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
