import { describe, expect, it } from 'vitest';
import { multiPolygonEwkbHex, multiPolygonWkbBase64, multiPolygonWkbBytes, writeMultiPolygonWkb } from './wkb.js';

describe('multiPolygonWkbBase64', () => {
  it('writes little-endian OGC WKB: a MultiPolygon of one square', () => {
    const bytes = Buffer.from(multiPolygonWkbBase64([[[[108, 32], [108.001, 32], [108.001, 32.001], [108, 32.001], [108, 32]]]]), 'base64');
    expect(bytes.length).toBe(9 + 9 + 4 + 5 * 16);
    expect([bytes.readUInt8(0), bytes.readUInt32LE(1), bytes.readUInt32LE(5)]).toEqual([1, 6, 1]);
    expect([bytes.readUInt8(9), bytes.readUInt32LE(10), bytes.readUInt32LE(14), bytes.readUInt32LE(18)]).toEqual([1, 3, 1, 5]);
    expect([bytes.readDoubleLE(22 + 16), bytes.readDoubleLE(22 + 24)]).toEqual([108.001, 32]);
  });

  it('keeps every ring and polygon', () => {
    const square = (x: number) => [[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]] as [number, number][];
    const bytes = Buffer.from(multiPolygonWkbBase64([[square(0), square(0.2)], [square(5)]]), 'base64');
    expect(bytes.length).toBe(9 + (9 + 2 * (4 + 80)) + (9 + 4 + 80));
    expect(bytes.readUInt32LE(5)).toBe(2);
  });
});

describe('multiPolygonEwkbHex', () => {
  it('writes the SRID flag and SRID 4326 before the same body as the WKB', () => {
    const coordinates = [[[[108, 32], [108.001, 32], [108.001, 32.001], [108, 32.001], [108, 32]]]] as [number, number][][][];
    const ewkb = Buffer.from(multiPolygonEwkbHex(coordinates), 'hex');
    const wkb = Buffer.from(multiPolygonWkbBase64(coordinates), 'base64');
    expect([ewkb.readUInt8(0), ewkb.readUInt32LE(1), ewkb.readUInt32LE(5)]).toEqual([1, 0x20000006, 4326]);
    expect(ewkb.subarray(9).equals(wkb.subarray(5))).toBe(true);
  });
});

describe('writeMultiPolygonWkb', () => {
  it('writes in place, at an offset, the bytes multiPolygonEwkbHex spells, and says where it ended', () => {
    const coordinates = [[[[108, 32], [108.001, 32], [108.001, 32.001], [108, 32.001], [108, 32]]], [[[109, 33], [109.5, 33], [109.5, 33.5], [109, 33]]]] as [number, number][][][];
    const hex = multiPolygonEwkbHex(coordinates);
    const target = Buffer.alloc(7 + multiPolygonWkbBytes(coordinates, 4326) + 3, 0xaa);
    const end = writeMultiPolygonWkb(coordinates, target, 7, 4326);
    expect(end).toBe(7 + hex.length / 2);
    expect(target.subarray(7, end).toString('hex')).toBe(hex);
    expect([target[6], target[end]]).toEqual([0xaa, 0xaa]);
  });
});
