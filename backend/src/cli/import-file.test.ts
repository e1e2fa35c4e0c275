import fs from 'node:fs';
import path from 'node:path';
import proj4 from 'proj4';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { copyPreparedDataDir } from '../test-support/test-database.js';
import { tinyBundleDir } from '../test-support/bundles.js';
import { runImportCli } from '../test-support/import-cli.js';

// Each test starts the CLI in a new process that opens the embedded PostGIS (a few seconds alone, a
// minute on a busy 2-core machine).
vi.setConfig({ testTimeout: 180_000 });
let dataDir: string;
let work: string;

const importCli = (...args: string[]) => runImportCli(dataDir, ...args);

beforeAll(() => {
  dataDir = copyPreparedDataDir();
  work = fs.mkdtempSync(path.join(dataDir, '..', 'muyield-cli-import-'));
  // The tiny park in CGCS2000 3° Gauss-Krüger, central meridian 108°E, no zone prefix, no crs member
  const gk = proj4('+proj=tmerc +lat_0=0 +lon_0=108 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs');
  const parks = JSON.parse(fs.readFileSync(path.join(tinyBundleDir, 'parks.geojson'), 'utf8')) as GeoJSON.FeatureCollection;
  for (const f of parks.features) {
    const polygon = f.geometry as GeoJSON.Polygon;
    polygon.coordinates = polygon.coordinates.map((ring) => ring.map((p) => gk.forward(p as [number, number])));
  }
  fs.writeFileSync(path.join(work, 'parks-gk.geojson'), JSON.stringify(parks));
  fs.writeFileSync(path.join(work, '企业.csv'), '统一社会信用代码,企业名称,经营状态\n91999901MA0000A19A,示例富硒食品有限公司,在营\n91999901MA0000A19A,重复,在营\n');
});
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(work, { recursive: true, force: true });
});

describe('npm run import -- FILE --layer …', () => {
  it('lists CRS candidates and exits 3 without writing when the zone cannot be told', async () => {
    const result = await importCli(path.join(work, 'parks-gk.geojson'), '--layer', 'parks');
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/… \[\d+\.\d s\] reading parks-gk\.geojson/);
    expect(result.stderr).toMatch(/the coordinate system is not certain/);
    expect(result.stderr).toMatch(/--crs EPSG:4545 +low +CGCS2000 \/ 3-degree Gauss-Krüger 3° CM 108°E: centre 108\.90\d+, 32\.70\d+/);
    expect(result.stderr).toMatch(/nothing was written; run again with --crs CODE/);
  });

  it('takes the zone given with --crs, in a dry run after a bundle load', async () => {
    expect((await importCli(tinyBundleDir)).code).toBe(0);
    const result = await importCli(path.join(work, 'parks-gk.geojson'), '--layer', 'parks', '--crs', 'EPSG:4545', '--dry-run');
    expect(result.stderr).toMatch(/coordinate system \(given\): EPSG:4545/);
    expect(result.stdout).toMatch(/dry run, nothing written; would import 0 new, 1 updated parks/);
    expect(result.code).toBe(0);
  });

  it('finds the zone itself once the park is stored, and imports', async () => {
    const result = await importCli(path.join(work, 'parks-gk.geojson'), '--layer', 'parks');
    expect(result.stderr).toMatch(/coordinate system \(detected\): EPSG:4545/);
    expect(result.stdout).toMatch(/imported parks-gk\.geojson as import 2: 0 new, 1 updated parks/);
    expect(result.code).toBe(0);
  });

  it('explains a bad file by row and column and exits 1', async () => {
    const result = await importCli(path.join(work, '企业.csv'), '--layer', 'enterprises', '--map', 'uscc=统一社会信用代码', '--map', 'name=企业名称');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/columns \(given\): 统一社会信用代码 → uscc, 企业名称 → name/);
    expect(result.stderr).toMatch(/error: 企业\.csv row 3 \(91999901MA0000A19A\) field "统一社会信用代码 → uscc": duplicate of row 2/);
    expect(result.stderr).toMatch(/nothing was written/);
  });
});
