import { describe, expect, it } from 'vitest';
import { resolveCrs } from '../bundle/crs.js';
import type { ParsedRecord } from '../bundle/validate-bundle.js';
import { buildRecords, fieldsOfUpdate, ROWS_NOT_READ_YET, startBuildRecords, type RecordBuilder } from './build-records.js';
import { suggestMapping } from './field-mapping.js';
import { RowFeed, type SourceData, type SourceRecord } from './source.js';

/** The next record built, which must be there */
function pull(builder: RecordBuilder): ParsedRecord {
  const next = builder.records.next();
  if (next.done || next.value === ROWS_NOT_READ_YET) throw new Error(`no record: ${String(next.value)}`);
  return next.value;
}

const square = (x: number) => ({ type: 'Polygon', coordinates: [[[x, 34], [x + 0.001, 34], [x + 0.001, 34.001], [x, 34.001], [x, 34]]] });

function parcels(rows: Record<string, unknown>[]): SourceData {
  return {
    file: 'parcels.geojson', format: 'geojson', columns: ['code', 'park_code', 'land_use', 'declared_area_sqm'], problems: [],
    records: rows.map((properties, i) => ({ feature: i + 1, properties, geometry: square(108 + i * 0.01) })),
  };
}

const rows = [
  { code: 'A1', park_code: 'G610101', land_use: 'industrial', declared_area_sqm: 10_300 },
  { code: 'A2', park_code: 'G610101', land_use: 'spaceport' },
  { code: 'A3', park_code: 'G610101' },
  { code: 'A1', park_code: 'G610101' },
];

describe('startBuildRecords (rows built as a consumer pulls them)', () => {
  it('builds each row only when pulled, so a consumer can send one while the next is checked', () => {
    const source = parcels(rows);
    const builder = startBuildRecords(source, 'parcels', suggestMapping('parcels', source.columns), resolveCrs('EPSG:4326'));
    expect(builder.fileError).toBe(false);
    const first = pull(builder);
    expect(first.values.code).toBe('A1');
    expect(builder.declaredAreaSqm.get(first)).toBe(10_300);
    // the second row's bad land use is not reported until the builder gets there
    expect(builder.problems.filter((p) => p.feature === 2)).toEqual([]);
    expect(pull(builder).values.code).toBe('A3');
    expect(builder.problems).toContainEqual(expect.objectContaining({ severity: 'error', feature: 2, field: 'land_use' }));
  });

  it('builds the rows of a source still being read as they come, and says when it has caught up with the reading', async () => {
    const whole = parcels(rows);
    const source: SourceData = { ...whole, records: whole.records.slice(0, 1) };
    const feed = new RowFeed();
    const seen: SourceRecord[] = [];
    const builder = startBuildRecords(source, 'parcels', suggestMapping('parcels', source.columns), resolveCrs('EPSG:4326'), { feed, consumeSource: true, onRow: (r) => seen.push(r) });
    expect(pull(builder).values.code).toBe('A1');
    expect(builder.records.next()).toEqual({ done: false, value: ROWS_NOT_READ_YET });
    expect(() => builder.finish()).toThrow(/before the source was read/);
    // the reader adds the other rows, then ends
    const more = builder.more();
    source.records.push(...whole.records.slice(1));
    feed.grew();
    await more;
    expect(pull(builder).values.code).toBe('A3');
    expect(pull(builder).at.feature).toBe(4);
    expect(builder.records.next()).toEqual({ done: false, value: ROWS_NOT_READ_YET });
    feed.end();
    await builder.more();
    const built = builder.finish();
    expect(built.records.map((r) => r.values.code)).toEqual(buildRecords(parcels(rows), 'parcels', suggestMapping('parcels', source.columns), resolveCrs('EPSG:4326')).records.map((r) => r.values.code));
    expect(built.rowCount).toBe(rows.length);
    expect(seen).toEqual(whole.records);
    expect(source.records.every((r) => r === undefined)).toBe(true);
  });

  it('passes on the reader\'s error to a builder waiting for more rows', async () => {
    const source = parcels(rows.slice(0, 1));
    const feed = new RowFeed();
    const builder = startBuildRecords(source, 'parcels', suggestMapping('parcels', source.columns), resolveCrs('EPSG:4326'), { feed });
    pull(builder);
    expect(builder.records.next().value).toBe(ROWS_NOT_READ_YET);
    const more = builder.more();
    feed.fail(new Error('cut short'));
    await expect(more).rejects.toThrow('cut short');
    await expect(builder.more()).rejects.toThrow('cut short');
  });

  it('finish() builds the rows not pulled yet, then checks across rows: the same result as buildRecords', () => {
    const source = parcels(rows);
    const mapping = suggestMapping('parcels', source.columns);
    const builder = startBuildRecords(source, 'parcels', mapping, resolveCrs('EPSG:4326'));
    builder.records.next();
    const built = builder.finish();
    const whole = buildRecords(parcels(rows), 'parcels', mapping, resolveCrs('EPSG:4326'));
    expect(built.records.map((r) => r.values.code)).toEqual(['A1', 'A3', 'A1']);
    expect(built.records.map((r) => r.at)).toEqual(whole.records.map((r) => r.at));
    expect(built.problems).toEqual(whole.problems);
    expect(built.problems).toContainEqual(expect.objectContaining({ severity: 'error', feature: 4, code: 'A1', message: expect.stringMatching(/duplicate of feature 1/) }));
    expect(builder.finish()).toBe(built);
    expect(builder.records.next().done).toBe(true);
  });

  it('locates a problem with a shape by feature and code, in the words of an import', () => {
    const source = parcels(rows.slice(0, 1));
    source.records[0].geometry = { type: 'Polygon', coordinates: [[[584392, 3619835], [584492, 3619835], [584492, 3619935], [584392, 3619835]]] };
    const built = buildRecords(source, 'parcels', suggestMapping('parcels', source.columns), resolveCrs('EPSG:4326'));
    expect(built.records).toEqual([]);
    expect(built.problems).toStrictEqual([{
      severity: 'error', file: 'parcels.geojson', feature: 1, code: 'A1', field: 'geometry', kind: 'coordinatesNotDegrees', params: { x: 584392, y: 3619835 },
      message: 'coordinates (584392, 3619835) are not degrees: they look like projected metres (e.g. CGCS2000 Gauss-Krüger); give the coordinate system (crs), e.g. "EPSG:4545" (3° CM 108°E, Ankang) or "EPSG:4524" (zone 36 with prefix)',
    }]);
    expect(Object.keys(built.problems[0])).toEqual(['severity', 'file', 'feature', 'code', 'field', 'message', 'kind', 'params']);
  });

  it('builds no row when the file as a whole is wrong', () => {
    const source = parcels([]);
    const builder = startBuildRecords(source, 'parcels', suggestMapping('parcels', source.columns), resolveCrs('EPSG:4326'));
    expect(builder.fileError).toBe(true);
    expect([...builder.records]).toEqual([]);
    expect(builder.finish().problems).toEqual([expect.objectContaining({ severity: 'error', message: 'holds no rows or features' })]);
  });
});

describe('fieldsOfUpdate (what an import writes on rows that exist)', () => {
  it('writes the mapped fields and keeps the others; the key is neither', () => {
    expect(fieldsOfUpdate('enterprises', suggestMapping('enterprises', ['统一社会信用代码', '企业名称']), ['uscc'])).toEqual({
      fieldsWritten: ['name'], fieldsKept: ['industry_code', 'above_scale', 'status', 'status_since', 'registered_on'],
    });
  });

  it('always writes the shape of a geometry layer, and never lists the declared area (checked, not stored)', () => {
    const { fieldsWritten, fieldsKept } = fieldsOfUpdate('parcels', suggestMapping('parcels', ['code', 'park_code', 'completed_on', 'declared_area_sqm']), ['code']);
    expect(fieldsWritten).toEqual(['park_code', 'completed_on', 'geometry']);
    expect(fieldsKept).toContain('land_use');
    expect([...fieldsWritten, ...fieldsKept]).not.toContain('declared_area_sqm');
  });
});
