import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../test-support/test-app.js';
import { escapeLikePattern } from '../repositories/search.repository.js';

// The tiny fixture: park T-PARK 示例工业集中区, parcels 999901001001GB0000{1..4}, five 示例… enterprises.
const PARK = 'T-PARK';
const P2 = '999901001001GB00002';
const TOYS = { uscc: '91999901MA0000B23E', name: '示例毛绒玩具有限公司' };

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => {
  await t?.dispose();
});

const search = async (q: string, extra = '') => t.get(`/api/search?q=${encodeURIComponent(q)}${extra}`);

describe('GET /api/search', () => {
  it('finds a park by part of its name, with its extent', async () => {
    const { status, body } = await search('工业集中');
    expect(status).toBe(200);
    const park = body.results.find((r: { kind: string }) => r.kind === 'park');
    expect(park).toMatchObject({ kind: 'park', code: PARK, name: '示例工业集中区', parkCode: PARK });
    const [west, south, east, north] = park.bbox;
    expect(west).toBeLessThan(east);
    expect(south).toBeLessThan(north);
    expect(park.point[0]).toBeGreaterThan(west);
    expect(park.point[0]).toBeLessThan(east);
  });

  it('finds a parcel by its code, case-insensitively, and names its park', async () => {
    const { body } = await search('gb00002');
    expect(body.results).toEqual([
      expect.objectContaining({ kind: 'parcel', code: P2, name: P2, parkCode: PARK, parkName: '示例工业集中区' }),
    ]);
    expect(body.results[0].bbox).toHaveLength(4);
  });

  it('finds an enterprise by name and by 统一社会信用代码, placed on the land it holds', async () => {
    const byName = await search('毛绒');
    expect(byName.body.results).toEqual([expect.objectContaining({ kind: 'enterprise', code: TOYS.uscc, name: TOYS.name, parkCode: PARK })]);
    expect(byName.body.results[0].bbox).toHaveLength(4);
    const byUscc = await search(TOYS.uscc.toLowerCase());
    expect(byUscc.body.results.map((r: { code: string }) => r.code)).toEqual([TOYS.uscc]);
  });

  it('puts exact and prefix matches first and honours the limit', async () => {
    const all = await search('示例');
    expect(all.body.results.length).toBeGreaterThan(2);
    expect(all.body.results[0]).toMatchObject({ kind: 'park', code: PARK });
    const two = await search('示例', '&limit=2');
    expect(two.body.results).toHaveLength(2);
    const exact = await search(P2);
    expect(exact.body.results[0].code).toBe(P2);
  });

  it('treats SQL and LIKE wildcards in the query as plain text', async () => {
    for (const q of ["'; DROP TABLE parks; --", "' OR '1'='1", '%', '_', '\\', '%%%示例', 'x%\' UNION SELECT 1 --']) {
      const { status, body } = await search(q);
      expect(status, q).toBe(200);
      expect(body.results, q).toEqual([]);
    }
    const parks = await t.get('/api/parks');
    expect(parks.body.features).toHaveLength(1);
  });

  it('answers an empty result for blanks and refuses a missing query or a bad limit', async () => {
    expect((await search('   ')).body).toEqual({ query: '', results: [] });
    expect((await t.get('/api/search')).status).toBe(400);
    expect((await search('示例', '&limit=0')).status).toBe(400);
    expect((await search('示例', '&limit=51')).status).toBe(400);
  });
});

describe('escapeLikePattern', () => {
  it('escapes %, _ and the escape character itself', () => {
    expect(escapeLikePattern('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });
});
