import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { createSchemesRepository } from '../repositories/schemes.repository.js';
import { DEFAULT_SCHEME } from '../domain/default-scheme.js';
import { createSchemesService, DEFAULT_SCHEME_ID } from './schemes.service.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(() => t?.dispose());

describe('the stored default scheme', () => {
  it('is followed by the shipped default when it no longer passes validation, keeping the old version', async () => {
    // A default written before the scheme stated its maximum score: the 2 × weight cap and no scoring.maxScore.
    const old = structuredClone({ ...DEFAULT_SCHEME, id: DEFAULT_SCHEME_ID }) as Record<string, any>;
    old.scoring = { method: 'benchmarkRatio', benchmarkMode: { kind: 'published' }, capMultipleOfWeight: 2, source: 'old' };
    await t.db.query('INSERT INTO evaluation_schemes (id, version, body) VALUES ($1, 1, $2::text::jsonb)', [DEFAULT_SCHEME_ID, JSON.stringify(old)]);

    const schemes = createSchemesService(createSchemesRepository(t.db));
    const scheme = await schemes.getEvaluationScheme();
    expect(scheme).toMatchObject({ id: DEFAULT_SCHEME_ID, version: 2, scoring: DEFAULT_SCHEME.scoring });
    expect((await schemes.getScheme(DEFAULT_SCHEME_ID, 1)).scheme).toMatchObject({ scoring: { capMultipleOfWeight: 2, source: 'old' } });
    const { schemes: list } = await schemes.listSchemes();
    expect(list.find((s) => s.id === DEFAULT_SCHEME_ID)).toMatchObject({ version: 2, versions: [1, 2] });
  });

  it('is left alone when it is valid: a second service start writes no new version', async () => {
    const again = createSchemesService(createSchemesRepository(t.db));
    expect(await again.getEvaluationScheme()).toMatchObject({ version: 2 });
  });
});
