import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { resolveCrs } from '../bundle/crs.js';
import { buildRecords } from './build-records.js';
import { suggestMapping } from './field-mapping.js';
import { readGeoJson } from './read-geojson.js';
import { readSource } from './read-source.js';
import { ImportReadError } from './safe-zip.js';
import { ROWS_READ_AHEAD, type RowFeed, type SourceData } from './source.js';
import { chineseParcelsGeoJson, removeTempDirs, tempDir } from './test-fixtures.js';

afterAll(removeTempDirs);

/** Write `text` to a temp file and give its path, as an upload or the CLI hands it to the importer. */
function onDisk(name: string, text: string | Buffer): { path: string } {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, text);
  return { path: file };
}

function* inChunksOf(bytes: Buffer, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** The records as plain objects, every geometry read (a feature's is parsed when first read) */
const plain = (source: SourceData) => source.records.map((r) => ({ feature: r.feature, properties: r.properties, geometry: r.geometry }));

/** What JSON.parse of the whole text makes of each feature: what the reader must give */
function eagerRecords(text: string) {
  const features = (JSON.parse(text) as { features: { properties?: unknown; geometry?: unknown }[] }).features;
  return features.map((f, i) => ({ feature: i + 1, properties: f.properties && typeof f.properties === 'object' ? f.properties : {}, geometry: f.geometry ?? null }));
}

/** The errors buildRecords finds, as "feature N field: message" lines. */
async function errorsOf(input: { path: string }, name: string): Promise<string[]> {
  const source = await readSource(input, name);
  const built = buildRecords(source, 'parcels', suggestMapping('parcels', source.columns), resolveCrs('EPSG:4326'));
  return built.problems.filter((p) => p.severity === 'error')
    .map((p) => `${p.file}${p.feature !== undefined ? ` feature ${p.feature}` : ''}${p.field ? ` field "${p.field}"` : ''}: ${p.message}`);
}

describe('the streaming GeoJSON reader', () => {
  it('reads a file from its path, feature by feature, as JSON.parse reads the whole', async () => {
    const json = chineseParcelsGeoJson();
    const source = await readSource(onDisk('宗地.geojson', JSON.stringify(json, null, 1)), '宗地.geojson');
    expect(source).toMatchObject({ file: '宗地.geojson', format: 'geojson', columns: ['宗地号', '园区编号', '用途', '供地日期'], problems: [] });
    expect(plain(source)).toEqual(json.features.map((f, i) => ({ feature: i + 1, properties: f.properties, geometry: f.geometry })));
  });

  it('gives the same records whatever the chunks, also when they split a Chinese character', async () => {
    const bytes = Buffer.from(JSON.stringify(chineseParcelsGeoJson()));
    const whole = await readGeoJson([bytes], 'p.geojson');
    for (const size of [1, 2, 7, 1000]) {
      const read = await readGeoJson(inChunksOf(bytes, size), 'p.geojson');
      expect({ ...read, records: plain(read) }).toEqual({ ...whole, records: plain(whole) });
    }
  });

  it('keeps the GeoJSON crs member as the stated CRS, after a byte-order mark', async () => {
    const text = `\uFEFF${JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4545' } }, features: [] })}`;
    const source = await readSource(onDisk('zone.geojson', text), 'zone.geojson');
    expect(source.statedCrs).toEqual({ text: 'urn:ogc:def:crs:EPSG::4545', from: 'the GeoJSON "crs" member' });
    expect(source.records).toEqual([]);
  });

  it('reads a single Feature', async () => {
    const feature = chineseParcelsGeoJson().features[0];
    const source = await readSource(onDisk('one.json', JSON.stringify(feature)), 'one.json');
    expect(plain(source)).toEqual([{ feature: 1, properties: feature.properties, geometry: feature.geometry }]);
  });

  it('tells GeoJSON from its first bytes, whatever the file is called', async () => {
    const source = await readSource(onDisk('upload', JSON.stringify(chineseParcelsGeoJson())), 'upload');
    expect(source.format).toBe('geojson');
    expect(source.records).toHaveLength(4);
  });

  it('refuses a truncated file, naming the last feature read', async () => {
    const text = JSON.stringify(chineseParcelsGeoJson());
    const cut = text.slice(0, text.indexOf('{"type":"Feature"', text.indexOf('{"type":"Feature"', text.indexOf('{"type":"Feature"') + 1) + 1) + 40);
    await expect(readSource(onDisk('cut.geojson', cut), 'cut.geojson'))
      .rejects.toThrow(new ImportReadError('cut.geojson', 'is not valid JSON after feature 2: unexpected end of JSON input (is the file cut short?)',
        { kind: 'jsonInvalid', params: { reason: 'unexpected end of JSON input (is the file cut short?)', afterFeature: 2 } }));
  });

  it('refuses text that is not JSON, naming the byte', async () => {
    await expect(readSource(onDisk('bad.geojson', '{"type":"FeatureCollection","features":[]} trailing'), 'bad.geojson'))
      .rejects.toThrow('bad.geojson: is not valid JSON: unexpected "t" at byte 43');
    await expect(readSource(onDisk('bad.geojson', '{"type":"FeatureCollection","features":[{"type":"Feature"},]}'), 'bad.geojson'))
      .rejects.toThrow('bad.geojson: is not valid JSON after feature 1: unexpected "]"');
  });

  it('refuses JSON that is not a FeatureCollection or Feature', async () => {
    for (const text of ['{"type":"Point","coordinates":[108.9,32.7]}', '[1,2]', '{"type":"FeatureCollection","features":{}}', '{"type":"FeatureCollection"}']) {
      await expect(readSource(onDisk('x.geojson', text), 'x.geojson')).rejects.toThrow('x.geojson: is not a GeoJSON FeatureCollection or Feature');
    }
  });

  it('says a path it cannot read cannot be read', async () => {
    const gone = readSource({ path: path.join(tempDir(), 'gone.geojson') }, 'gone.geojson');
    await expect(gone).rejects.toThrow('gone.geojson: cannot be read (ENOENT)');
    await expect(gone).rejects.toMatchObject({ detail: { kind: 'fileNotOpened', params: { code: 'ENOENT' } } });
  });

  it('reads a feature without geometry, which the checks then name by its number', async () => {
    const json = chineseParcelsGeoJson((f) => { delete (f[1] as { geometry?: unknown }).geometry; });
    const input = onDisk('parcels.geojson', JSON.stringify(json));
    expect((await readSource(input, 'parcels.geojson')).records[1].geometry).toBeNull();
    expect(await errorsOf(input, 'parcels.geojson')).toEqual([expect.stringMatching(/^parcels\.geojson feature 2 field "geometry": is missing: a Polygon or MultiPolygon is required$/)]);
  });

  it('reads a huge single row, which the checks then refuse by its number', async () => {
    const json = chineseParcelsGeoJson((f) => { f[2].properties!.备注 = '很'.repeat(150_000); });
    const errors = await errorsOf(onDisk('parcels.geojson', JSON.stringify(json)), 'parcels.geojson');
    expect(errors).toEqual([expect.stringMatching(/^parcels\.geojson feature 3: is \d+ characters long; a row may hold at most 100000; skipped$/)]);
  });

  it('gives each feature\'s geometry as JSON.parse of the whole text does, whatever is around it and whatever the chunks', async () => {
    const features = [
      '{"type":"Feature","properties":{"geometry":{"type":"Point","coordinates":[1,2]},"note":"\\"geometry\\": {[1,2]} }"},"geometry":{"type":"Polygon","coordinates":[[[108.9,32.7],[108.91,32.7],[108.91,32.71],[108.9,32.7]]]}}',
      '{"geometry":{"type":"Point","coordinates":[-0.5e-3,0]},"kind":"geometry","properties":{"名称":"一期 \\"东\\" }]"}}',
      '{"type":"Feature","properties":{"a":1},"geometry":null}',
      '{"type":"Feature","properties":{"b":2}}',
      '{ "type" : "Feature" ,\n "geometry" :\t{ "type" : "Point" , "coordinates" : [ 1 , 2 ] } , "properties" : null }',
      '{"properties":{},"geometry":{"type":"Point","coordinates":[7,8],"name":"a \\"b\\""}}',
      '{"geometry":{"type":"Point","coordinates":[1,1]},"properties":{"c":3},"geometry":{"type":"Point","coordinates":[3,3]}}',
      '{"geometry":{"type":"Point","coordinates":[1,1]},"geo\\u006detry":null}',
    ];
    const text = `{"type":"FeatureCollection","features":[\n${features.join(',\n')}\n]}`;
    const eager = eagerRecords(text);
    for (const size of [1, 2, 3, 7, 64, 1 << 20]) {
      const read = await readGeoJson(inChunksOf(Buffer.from(text), size), 'tricky.geojson');
      expect(plain(read)).toEqual(eager);
      expect(read.columns).toEqual(['geometry', 'note', '名称', 'a', 'b', 'c']);
    }
  });

  it('offered early, reads no further than ROWS_READ_AHEAD rows ahead of the rows taken, and reads on once released', async () => {
    const total = ROWS_READ_AHEAD * 2 + 500;
    let pulled = 0;
    async function* oneFeatureAChunk() {
      yield Buffer.from('{"type":"FeatureCollection","features":[');
      for (let i = 0; i < total; i++) {
        pulled = i + 1;
        yield Buffer.from(`${i ? ',' : ''}{"type":"Feature","properties":{"code":"F-${i}"},"geometry":{"type":"Point","coordinates":[108.9,32.7]}}`);
      }
      yield Buffer.from(']}');
    }
    let taken: { partial: SourceData; feed: RowFeed } | undefined;
    const whole = readGeoJson(oneFeatureAChunk(), 'many.geojson', { rows: 10, take: (partial, feed) => (taken = { partial, feed }) });
    const turns = async () => {
      for (let i = 0; i < 50; i++) await new Promise((resolve) => setImmediate(resolve));
    };
    await turns();
    const { partial, feed } = taken!;
    // Held back from the offer: ROWS_READ_AHEAD rows read beyond none taken, and not a chunk more
    expect(partial.records.length).toBe(ROWS_READ_AHEAD);
    expect(pulled).toBe(ROWS_READ_AHEAD);
    feed.took(10);
    await turns();
    expect(partial.records.length).toBe(10 + ROWS_READ_AHEAD);
    feed.took(1000);
    await turns();
    expect(partial.records.length).toBe(1000 + ROWS_READ_AHEAD);
    feed.release();
    const read = await whole;
    expect(read.records.length).toBe(total);
    expect(read.records[total - 1].properties).toEqual({ code: `F-${total - 1}` });
  });

  it('reads as many rows as the offer needs, more than ROWS_READ_AHEAD, before it holds back', async () => {
    const rows = ROWS_READ_AHEAD + 300;
    const text = `{"type":"FeatureCollection","features":[${Array.from({ length: rows + 2000 }, (_, i) => `{"type":"Feature","properties":{"code":"F-${i}"},"geometry":{"type":"Point","coordinates":[108.9,32.7]}}`).join(',')}]}`;
    let taken: { partial: SourceData; feed: RowFeed } | undefined;
    const whole = readGeoJson(inChunksOf(Buffer.from(text), 512), 'many.geojson', { rows, take: (partial, feed) => (taken = { partial, feed }) });
    for (let i = 0; i < 200 && !taken; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(taken?.partial.records.length).toBeGreaterThanOrEqual(rows);
    taken!.feed.release();
    expect((await whole).records.length).toBe(rows + 2000);
  });

  it('parses a geometry when it is first read, once', async () => {
    const json = chineseParcelsGeoJson();
    const text = JSON.stringify(json);
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const source = await readGeoJson([Buffer.from(text)], 'p.geojson');
      // each feature was parsed, without its geometry
      expect(parse.mock.calls.filter(([json]) => json.includes('"properties"') && !json.includes('"coordinates"'))).toHaveLength(4);
      expect(parse.mock.calls.filter(([json]) => json.includes('"coordinates"'))).toEqual([]);
      const calls = parse.mock.calls.length;
      const geometry = source.records[2].geometry;
      expect(geometry).toEqual(json.features[2].geometry);
      expect(source.records[2].geometry).toBe(geometry);
      expect(parse.mock.calls.length).toBe(calls + 1);
      source.records[2].geometry = null;
      expect(source.records[2].geometry).toBeNull();
      expect(JSON.parse(JSON.stringify(source.records[1]))).toEqual(plain(source)[1]);
    } finally {
      parse.mockRestore();
    }
  });

  it('refuses a broken geometry by its feature number, as JSON.parse of the whole feature words it, whatever the chunks', async () => {
    const good = (n: number) => `{"type":"Feature","properties":{"n":${n}},"geometry":{"type":"Point","coordinates":[${n},1]}}`;
    for (const broken of [
      '{"type":"Feature","properties":{"n":2},"geometry":{"type":"Polygon","coordinates":[[[1,2],[3,4]]}}', // a bracket closed by a brace
      '{"type":"Feature","properties":{"n":2},"geometry":{"type":"Point","coordinates":[1,2,]}}',
      '{"type":"Feature","properties":{"n":2},"geometry":{"type":"Point","coordinates":[1.,2]}}',
      '{"type":"Feature","properties":{"n":2},"geometry":{"type":"Point" "coordinates":[1,2]}}',
      '{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"n":02}}', // after a good geometry
      '{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]} "properties":{}}',
    ]) {
      const reason = (() => {
        try {
          JSON.parse(broken);
        } catch (err) {
          return (err as Error).message;
        }
        throw new Error(`${broken} is JSON`);
      })();
      const bytes = Buffer.from(`{"type":"FeatureCollection","features":[${good(1)},${broken},${good(3)}]}`);
      for (const size of [1, 5, 1 << 20]) {
        await expect(readGeoJson(inChunksOf(bytes, size), 'bad.geojson'), broken)
          .rejects.toThrow(new ImportReadError('bad.geojson', `is not valid JSON in feature 2: ${reason}`, { kind: 'jsonInvalid', params: { reason } }));
      }
    }
  });
});
