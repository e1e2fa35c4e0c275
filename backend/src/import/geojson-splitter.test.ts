import { describe, expect, it } from 'vitest';
import { CUT_SHORT, GeoJsonSplitter, GeoJsonSyntaxError, NOT_PLAIN_JSON, NotAnObjectError, scanJsonValue, wholeFeature } from './geojson-splitter.js';
import { createRandom } from '../../../gis-data/scripts/lib/random.js';

/**
 * Split `text` in chunks of the given sizes (cycled) and collect what the splitter hands out: each feature
 * as JSON.parse reads its whole text, and which features' geometry came apart (as the feature's text with
 * `null` in its place, and the geometry's own text).
 */
function split(text: string | Buffer, sizes: number[] = [1 << 20]) {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
  const members: [string, unknown][] = [];
  const features: unknown[] = [];
  const apart: { feature: number; rest: unknown; geometry: unknown }[] = [];
  const events: string[] = [];
  const splitter = new GeoJsonSplitter({
    member: (key, json) => members.push([key, JSON.parse(json)]),
    featuresArray: () => events.push('['),
    feature: (json, geometry, nullAt) => {
      if (geometry) {
        expect(json.slice(nullAt, nullAt! + 4)).toBe('null');
        apart.push({ feature: features.length + 1, rest: JSON.parse(json), geometry: JSON.parse(geometry) });
      }
      features.push(JSON.parse(geometry ? wholeFeature(json, geometry, nullAt!) : json));
    },
    featuresEnd: () => events.push(']'),
  });
  for (let i = 0, k = 0; i < bytes.length; k++) {
    const size = sizes[k % sizes.length];
    splitter.write(bytes.subarray(i, i + size));
    i += size;
  }
  splitter.end();
  return { members, features, events, apart };
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
          // every geometry is a plain object: each came apart, its feature otherwise whole
          expect(out.apart).toEqual(json.features.flatMap((f, i) => f.geometry ? [{ feature: i + 1, rest: { ...f, geometry: null }, geometry: f.geometry }] : []));
          expect(out.members).toEqual([['type', 'FeatureCollection'], ['name', json.name], ['crs', json.crs], ['bbox', json.bbox]]);
          expect(out.events).toEqual(['[', ']']);
        }
      }
    }
  });

  it('gives a non-array features member as a member, and an empty array as no features', () => {
    expect(split('{"type":"FeatureCollection","features":{}}').members).toEqual([['type', 'FeatureCollection'], ['features', {}]]);
    expect(split('{"features":[],"type":"FeatureCollection"}')).toEqual({ members: [['type', 'FeatureCollection']], features: [], events: ['[', ']'], apart: [] });
    expect(split(' { } ')).toEqual({ members: [], features: [], events: [], apart: [] });
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

/** Features, as text, whose geometry a scanner could mistake, and whether each one's geometry comes apart. */
const TRICKY_FEATURES: [string, boolean][] = [
  // a "geometry" key inside properties, and a string with "geometry": and brackets in it
  ['{"type":"Feature","properties":{"geometry":{"type":"Point","coordinates":[1,2]},"note":"\\"geometry\\": {[1,2]} }"},"geometry":{"type":"Point","coordinates":[3,4]}}', true],
  // the geometry before the properties; a string value "geometry" at the top level
  ['{"geometry":{"type":"Point","coordinates":[-0.5e-3,0]},"kind":"geometry","properties":{"a":"}]"}}', true],
  // a string value "geometry" right before the properties' object
  ['{"kind":"geometry","properties":{"a":1},"geometry":{"type":"Point","coordinates":[1E+2,2.25]}}', true],
  ['{"type":"Feature","properties":{"a":1},"geometry":null}', false],
  ['{"type":"Feature","properties":{"a":1}}', false],
  ['{"type":"Feature","properties":null,"geometry":[1,2]}', false],
  // white space everywhere
  ['{ "type" : "Feature" ,\n "geometry" :\t{ "type" : "Point" , "coordinates" : [ 1 , 2 ] } , "properties" : { } }', true],
  // escaped quotes and backslashes around it
  ['{"properties":{"q":"a \\"b\\" \\\\","geometry":"x"},"geometry":{"type":"Point","coordinates":[5,6]},"id":"\\\\"}', true],
  // a string with an escape inside the geometry: parsed whole
  ['{"properties":{},"geometry":{"type":"Point","coordinates":[7,8],"name":"a \\"b\\""}}', false],
  // two "geometry" members: JSON.parse takes the last
  ['{"geometry":{"type":"Point","coordinates":[1,1]},"properties":{},"geometry":null}', false],
  ['{"geometry":null,"properties":{},"geometry":{"type":"Point","coordinates":[2,2]}}', true],
  ['{"geometry":{"type":"Point","coordinates":[1,1]},"geometry":{"type":"Point","coordinates":[3,3]}}', true],
  // the key spelled with an escape is the same key
  ['{"geometry":{"type":"Point","coordinates":[1,1]},"geo\\u006detry":{"type":"Point","coordinates":[4,4]}}', false],
  // deeper objects with a "geometry" of their own
  ['{"properties":{"x":{"geometry":{"a":1}}},"other":{"geometry":{"b":2}},"geometry":{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[0,0]}],"bbox":[],"empty":{},"t":true,"f":false,"n":null}}', true],
  // a feature that is not an object
  ['["geometry",{"type":"Point","coordinates":[1,2]}]', false],
  ['"geometry"', false],
];

describe('GeoJsonSplitter: a feature\'s geometry apart', () => {
  it('hands out the geometry of the feature object itself apart, never one inside properties, and the rest as it was', () => {
    const text = `{"type":"FeatureCollection","features":[${TRICKY_FEATURES.map(([f]) => f).join(',')}]}`;
    const eager = (JSON.parse(text) as { features: unknown[] }).features;
    const expectedApart = TRICKY_FEATURES.flatMap(([, apart], i) => apart ? [i + 1] : []);
    for (const sizes of [[1], [2], [3, 5, 7], [64], [1 << 20]]) {
      const out = split(text, sizes);
      expect(out.features).toEqual(eager);
      expect(out.apart.map((a) => a.feature)).toEqual(expectedApart);
      for (const a of out.apart) {
        const feature = eager[a.feature - 1] as { geometry: unknown };
        expect(a.geometry).toEqual(feature.geometry);
        expect(a.rest).toEqual({ ...feature, geometry: null });
      }
    }
  });
});

describe('scanJsonValue: where a JSON value ends, without building it', () => {
  const scan = (text: string) => scanJsonValue(Buffer.from(text), 0, Buffer.byteLength(text));

  it('reads values as JSON.parse does', () => {
    for (const text of ['{}', '[]', '{ }', '[ ]', '0', '-0', '1.5e+3', '-12.25E-2', '"a"', '"园区"', 'true', 'false', 'null', '{"a":[1,{"b":null}],"c":""}', '[[[108.1,32.1],[108.2,32.1]]]']) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(scan(`${text} `)).toBe(Buffer.byteLength(text));
    }
  });

  it('says what JSON.parse refuses is not JSON', () => {
    for (const text of ['{"a" 1}', '{"a":1,}', '[1,]', '[1 2]', '[,1]', '{a:1}', '{"a":1]', '[1}', '01', '1.', '.5', '+1', '1e', '-', 'tru', 'nul ', 'True', '"a\u0009b"', '"a	b"', '{"a":1,,"b":2}', '[1],]']) {
      expect(() => JSON.parse(text), text).toThrow();
      expect(scan(`${text} `), text).not.toBe(Buffer.byteLength(text));
    }
    expect(scan('"a\\"b" ')).toBe(NOT_PLAIN_JSON); // escapes are not looked into: the feature is parsed whole
  });

  it('says a value that goes on past the end is cut short', () => {
    for (const text of ['{"type":"Point","coordinates":[1,2', '{"type":"Po', '[1.5', '[1.5e', '[tr', '{', '{"a"', '{"a":']) expect(scan(text), text).toBe(CUT_SHORT);
  });

  it('never takes a broken geometry for JSON (random edits of one)', () => {
    const random = createRandom(7);
    const geometry = JSON.stringify({ type: 'MultiPolygon', coordinates: [[[[108.1, 32.1], [108.2, -32.1], [1e-7, 0], [108.1, 32.1]]], [[[1, 2], [3, 4], [5, 6], [1, 2]]]] });
    const alphabet = '[]{},:"-.0123456789eE+ tnulfas';
    let accepted = 0;
    for (let k = 0; k < 20_000; k++) {
      let text = geometry;
      for (let edits = random.int(1, 3); edits > 0; edits--) {
        const at = random.int(0, text.length - 1);
        const c = random.pick([...alphabet]);
        text = random.chance(0.3) ? text.slice(0, at) + text.slice(at + 1) : random.chance(0.5) ? text.slice(0, at) + c + text.slice(at) : text.slice(0, at) + c + text.slice(at + 1);
      }
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      const end = scan(text);
      if (end === text.length) accepted++;
      // what it reads whole is JSON, and JSON it reads whole
      expect(end === text.length, text).toBe(valid && text.trimEnd() === text);
    }
    expect(accepted).toBeGreaterThan(100);
  });
});
