import { describe, expect, it } from 'vitest';
import { GeoJsonSplitter, GeoJsonSyntaxError, NotAnObjectError } from './geojson-splitter.js';
import { createRandom } from '../../../gis-data/scripts/lib/random.js';

/** Split `text` in chunks of the given sizes (cycled) and collect what the splitter hands out. */
function split(text: string | Buffer, sizes: number[] = [1 << 20]) {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
  const members: [string, unknown][] = [];
  const features: unknown[] = [];
  const events: string[] = [];
  const splitter = new GeoJsonSplitter({
    member: (key, json) => members.push([key, JSON.parse(json)]),
    featuresArray: () => events.push('['),
    feature: (json) => features.push(JSON.parse(json)),
    featuresEnd: () => events.push(']'),
  });
  for (let i = 0, k = 0; i < bytes.length; k++) {
    const size = sizes[k % sizes.length];
    splitter.write(bytes.subarray(i, i + size));
    i += size;
  }
  splitter.end();
  return { members, features, events };
}

/** Strings that trip a scanner: quotes and backslashes, brackets and commas, a character split across chunks. */
const AWKWARD = ['a "quoted" word', 'ends with \\', '\\\\', '\\"', '{[,:]}', '园区 "一期"\\', '\u0000\u001f', 'tab\there', '', '😀 emoji', '\\u0041'];

function awkwardCollection(seed: number) {
  const random = createRandom(seed);
  const pick = <T>(xs: T[]) => random.pick(xs);
  return {
    type: 'FeatureCollection',
    name: pick(AWKWARD),
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4545' } },
    features: Array.from({ length: 30 }, (_, i) => ({
      type: 'Feature',
      id: i % 3 ? `f${i}` : i,
      properties: { 名称: pick(AWKWARD), note: pick(AWKWARD), n: random.between(-5e5, 5e5), ok: random.chance(0.5), none: null, list: [pick(AWKWARD), [1, [2]]] },
      geometry: i % 7 === 0 ? null : { type: 'Polygon', coordinates: [[[108.1 + i, 32.1], [108.2, 32.1], [108.2, 32.2e0], [108.1 + i, 32.1]]] },
    })),
    bbox: [108, 32, 139, 33],
  };
}

describe('GeoJsonSplitter: features and root members as JSON.parse reads them', () => {
  it('hands out every feature and member of an awkward collection, whatever the chunk sizes', () => {
    for (const seed of [1, 2, 3]) {
      const json = awkwardCollection(seed);
      for (const text of [JSON.stringify(json), JSON.stringify(json, null, 2), `\uFEFF${JSON.stringify(json, null, '\t')}`]) {
        for (const sizes of [[1], [2], [3, 5, 7], [64], [1 << 20]]) {
          const out = split(text, sizes);
          expect(out.features).toEqual(json.features);
          expect(out.members).toEqual([['type', 'FeatureCollection'], ['name', json.name], ['crs', json.crs], ['bbox', json.bbox]]);
          expect(out.events).toEqual(['[', ']']);
        }
      }
    }
  });

  it('gives a non-array features member as a member, and an empty array as no features', () => {
    expect(split('{"type":"FeatureCollection","features":{}}').members).toEqual([['type', 'FeatureCollection'], ['features', {}]]);
    expect(split('{"features":[],"type":"FeatureCollection"}')).toEqual({ members: [['type', 'FeatureCollection']], features: [], events: ['[', ']'] });
    expect(split(' { } ')).toEqual({ members: [], features: [], events: [] });
  });

  it('takes scalars as members and as features, up to the delimiter', () => {
    expect(split('{"a":12.5e3,"b":true ,"c":null}').members).toEqual([['a', 12500], ['b', true], ['c', null]]);
    expect(split('{"features":[1, "x" ,null,{"k":[]}]}', [1]).features).toEqual([1, 'x', null, { k: [] }]);
  });

  it.each([
    ['{"type":"FeatureCollection","features":[{"a":1}{"b":2}]}', 'unexpected "{" at byte 47'],
    ['{"features":[{"a":1},,{"b":2}]}', 'unexpected "," at byte 21'],
    ['{"features":[{"a":1},]}', 'unexpected "]" at byte 21'],
    ['{"type" "x"}', 'unexpected """ at byte 8'],
    ['{"type":"x",}', 'unexpected "}" at byte 12'],
    ['{"type":"x"} trailing', 'unexpected "t" at byte 13'],
    ['{"type":"x"}{}', 'unexpected "{" at byte 12'],
    ['{type:"x"}', 'unexpected "t" at byte 1'],
    ['\u00e9{}', 'unexpected "byte 0xc3" at byte 0'],
  ])('refuses %s: %s', (text, message) => {
    const error = (() => {
      try {
        split(text);
      } catch (err) {
        return err;
      }
    })();
    expect(error).toBeInstanceOf(GeoJsonSyntaxError);
    expect((error as GeoJsonSyntaxError).message).toBe(message);
  });

  it.each([
    '{"type":"FeatureCollection","features":[{"a":1}',
    '{"type":"FeatureCollection","features":[{"a":"open string}]}',
    '{"type":"Feature","properties":{"a":"\\"}}',
    '{"type":',
    '{"n":12',
    '',
  ])('says a text cut short is cut short: %s', (text) => {
    expect(() => split(text, [3])).toThrow('unexpected end of JSON input (is the file cut short?)');
  });

  it('says a UTF-16 text is UTF-16, whichever its byte order', () => {
    for (const encoding of ['utf16le', 'utf16be'] as const) {
      const text = '\uFEFF{"type":"FeatureCollection","features":[]}';
      const bytes = encoding === 'utf16le' ? Buffer.from(text, 'utf16le') : Buffer.from(text, 'utf16le').swap16();
      expect(() => split(bytes)).toThrow('the text is UTF-16 (it starts with a UTF-16 byte-order mark): save it as UTF-8');
    }
  });

  it('tells a root that is not an object from text that is not JSON', () => {
    for (const text of ['[1,2]', '"text"', '12', 'null', 'true']) expect(() => split(text)).toThrow(NotAnObjectError);
    expect(() => split('hello')).toThrow(GeoJsonSyntaxError);
  });
});
