import { describe, expect, it } from 'vitest';
import { parseField } from './fields.js';

describe('bundle field parsing: the value, or the English error with its kind and params', () => {
  it.each([
    [{ name: 'd', type: 'date' }, '2024-02-29', { value: '2024-02-29' }],
    [{ name: 'd', type: 'date' }, '2023-02-29', { error: '"2023-02-29" is not a calendar date', detail: { kind: 'notCalendarDate', params: { value: '2023-02-29' } } }],
    [{ name: 'd', type: 'date' }, '2024/02/01', { error: '"2024/02/01" is not a date in the form YYYY-MM-DD', detail: { kind: 'notDate', params: { value: '2024/02/01' } } }],
    [{ name: 'n', type: 'number' }, '1e3', { value: 1000 }],
    [{ name: 'n', type: 'number' }, '12,5', { error: '"12,5" is not a number', detail: { kind: 'notNumber', params: { value: '12,5' } } }],
    [{ name: 'n', type: 'number', nonNegative: true }, '-1', { error: '-1 must not be negative', detail: { kind: 'negative', params: { value: '-1' } } }],
    [{ name: 'n', type: 'number' }, '-200000', { value: -200000 }],
    [{ name: 'i', type: 'integer' }, '3.5', { error: '"3.5" is not a whole number', detail: { kind: 'notWholeNumber', params: { value: '3.5' } } }],
    [{ name: 'b', type: 'boolean' }, '是', { value: true }],
    [{ name: 'b', type: 'boolean' }, '0', { value: false }],
    [{ name: 'b', type: 'boolean' }, 'maybe', { error: '"maybe" is not true/false (是/否, 1/0)', detail: { kind: 'notBoolean', params: { value: 'maybe' } } }],
    [{ name: 'l', type: 'list' }, '富硒食品、新材料,装备制造', { value: ['富硒食品', '新材料', '装备制造'] }],
    [{ name: 's', type: { oneOf: ['vacant', 'leased'] } }, 'rented', { error: '"rented" is not one of vacant, leased', detail: { kind: 'notOneOf', params: { field: 's', value: 'rented', allowed: ['vacant', 'leased'] } } }],
    [{ name: 'c', type: 'code', required: true }, '', { error: 'is required', detail: { kind: 'required', params: {} } }],
    [{ name: 'c', type: 'code' }, '', { value: null }],
  ] as const)('%j reads %j as %j', (spec, raw, expected) => {
    expect(parseField(spec, raw)).toEqual(expected);
  });

  // The typed-number and date-form fast paths against what the text's round trip and a Date gave
  it.each([
    [{ name: 'n', type: 'number' }, 12.5, { value: 12.5 }],
    [{ name: 'n', type: 'number' }, ' 12.5 ', { value: 12.5 }],
    [{ name: 'n', type: 'number' }, -0, { value: 0 }],
    [{ name: 'n', type: 'number' }, 1e21, { value: 1e21 }],
    [{ name: 'n', type: 'number' }, NaN, { error: '"NaN" is not a finite number', detail: { kind: 'notFiniteNumber', params: { value: 'NaN' } } }],
    [{ name: 'n', type: 'number' }, -Infinity, { error: '"-Infinity" is not a finite number', detail: { kind: 'notFiniteNumber', params: { value: '-Infinity' } } }],
    [{ name: 'n', type: 'number' }, '1e400', { error: '"1e400" is not a finite number', detail: { kind: 'notFiniteNumber', params: { value: '1e400' } } }],
    [{ name: 'i', type: 'integer' }, 3.5, { error: '"3.5" is not a whole number', detail: { kind: 'notWholeNumber', params: { value: '3.5' } } }],
    [{ name: 'i', type: 'integer' }, '3.0', { value: 3 }],
    [{ name: 'n', type: 'number', positive: true }, -0, { error: '0 must be greater than 0', detail: { kind: 'notPositive', params: { value: '0' } } }],
    [{ name: 'n', type: 'number', nonNegative: true }, -1.5, { error: '-1.5 must not be negative', detail: { kind: 'negative', params: { value: '-1.5' } } }],
    [{ name: 'n', type: 'number' }, true, { error: '"true" is not a number', detail: { kind: 'notNumber', params: { value: 'true' } } }],
    [{ name: 'd', type: 'date' }, ' 2023-01-05 ', { value: '2023-01-05' }],
    [{ name: 'd', type: 'date' }, '2023-12-31', { value: '2023-12-31' }],
    [{ name: 'd', type: 'date' }, '2000-02-29', { value: '2000-02-29' }],
    [{ name: 'd', type: 'date' }, '1900-02-29', { error: '"1900-02-29" is not a calendar date', detail: { kind: 'notCalendarDate', params: { value: '1900-02-29' } } }],
    [{ name: 'd', type: 'date' }, '2023-04-31', { error: '"2023-04-31" is not a calendar date', detail: { kind: 'notCalendarDate', params: { value: '2023-04-31' } } }],
    [{ name: 'd', type: 'date' }, '2023-13-01', { error: '"2023-13-01" is not a calendar date', detail: { kind: 'notCalendarDate', params: { value: '2023-13-01' } } }],
    [{ name: 'd', type: 'date' }, '2023-01-00', { error: '"2023-01-00" is not a calendar date', detail: { kind: 'notCalendarDate', params: { value: '2023-01-00' } } }],
    [{ name: 'd', type: 'date' }, '2020-2-3', { error: '"2020-2-3" is not a date in the form YYYY-MM-DD', detail: { kind: 'notDate', params: { value: '2020-2-3' } } }],
    [{ name: 'd', type: 'date' }, '２０２３-01-05', { error: '"２０２３-01-05" is not a date in the form YYYY-MM-DD', detail: { kind: 'notDate', params: { value: '２０２３-01-05' } } }],
    [{ name: 'd', type: 'date' }, '2023/01/05', { error: '"2023/01/05" is not a date in the form YYYY-MM-DD', detail: { kind: 'notDate', params: { value: '2023/01/05' } } }],
    [{ name: 'd', type: 'date' }, 20230105, { error: '"20230105" is not a date in the form YYYY-MM-DD', detail: { kind: 'notDate', params: { value: '20230105' } } }],
  ] as const)('%j reads %j as %j, whether typed or written', (spec, raw, expected) => {
    expect(parseField(spec, raw)).toEqual(expected);
  });

  it('keeps injection strings as plain text (they are bound as parameters, never spliced)', () => {
    expect(parseField({ name: 'name', type: 'text' }, "x'); DROP TABLE parks; --")).toEqual({ value: "x'); DROP TABLE parks; --" });
  });
});
