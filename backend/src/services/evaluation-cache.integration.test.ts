import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../app.js';
import { loadBundle } from '../bundle/load-bundle.js';
import { readBundleFiles } from '../bundle/read-bundle-files.js';
import { openTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { tinyBundleDir } from '../test-support/bundles.js';

// A year's evaluation is kept between requests until the data it reads changes (migrations/0011).
// Tiny fixture: A is graded in 2025 (gis-data/fixtures/tiny/README.md).
const A = '91999901MA0000A19A';

let t: TestDatabase;
let services: Services;
beforeAll(async () => {
  t = await openTestDatabase();
  await loadBundle(t.db, await readBundleFiles(tinyBundleDir));
  services = createServices(t.db, { riversFile: '' });
  await services.evaluation.evaluateYear(2025); // seeds the default scheme, a write of its own
});
afterAll(() => t?.dispose());

const taxPerMuOfA = async () => (await services.evaluation.evaluateYear(2025)).results.find((r) => r.uscc === A)!.metrics!.taxWanYuanPerMu!;

describe('the evaluation kept between requests', () => {
  it('answers a second request for the same year and scheme with the same evaluation', async () => {
    const first = await services.evaluation.evaluateYear(2025);
    expect(await services.evaluation.evaluateYear(2025)).toBe(first);
    expect(await services.evaluation.evaluateYear(2024)).not.toBe(first);
  });

  it('evaluates again after a write to the figures, and shows the new figures', async () => {
    const before = await services.evaluation.evaluateYear(2025);
    const taxBefore = await taxPerMuOfA();
    await t.db.query('UPDATE indicators SET tax_yuan = tax_yuan * 2 WHERE uscc = $1 AND year = 2025', [A]);
    const after = await services.evaluation.evaluateYear(2025);
    expect(after).not.toBe(before);
    expect(await taxPerMuOfA()).toBeCloseTo(taxBefore * 2, 9);
  });

  it('keeps the evaluation when a write is rolled back', async () => {
    const before = await services.evaluation.evaluateYear(2025);
    await expect(t.db.transaction(async (tx) => {
      await tx.query('UPDATE indicators SET tax_yuan = 0 WHERE uscc = $1', [A]);
      throw new Error('rolled back on purpose');
    })).rejects.toThrow('rolled back on purpose');
    expect(await services.evaluation.evaluateYear(2025)).toBe(before);
  });

  it('moves the data version on writes to every table an evaluation reads, and on nothing else', async () => {
    const version = async () => (await t.db.query<{ v: string }>('SELECT version::text AS v FROM data_version'))[0].v;
    for (const table of ['regions', 'parks', 'parcels', 'buildings', 'enterprises', 'units', 'land_rights', 'indicators', 'evaluation_schemes', 'grade_adjustments']) {
      const before = await version();
      await t.db.query(`UPDATE ${table} SET ${table === 'grade_adjustments' ? 'reason = reason' : table === 'indicators' || table === 'land_rights' || table === 'grade_adjustments' ? 'uscc = uscc' : table === 'evaluation_schemes' ? 'id = id' : table === 'enterprises' ? 'uscc = uscc' : 'code = code'} WHERE false`);
      expect(await version(), table).not.toBe(before);
    }
    const before = await version();
    await t.db.query('UPDATE datasets SET name = name WHERE false');
    expect(await version()).toBe(before);
  });
});
