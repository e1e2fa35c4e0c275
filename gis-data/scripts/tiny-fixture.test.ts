import path from 'node:path';
import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { GIS_DATA_DIR } from './generate-ankang.js';
import { SQM_PER_MU } from './lib/geo.js';
import { findDanglingReferences, landHolders, readBundle } from './lib/read-bundle.js';
import { isUsccCheckCharValid } from './lib/uscc.js';

const tiny = readBundle(path.join(GIS_DATA_DIR, 'fixtures', 'tiny'));
/** the figures stated in fixtures/tiny/README.md */
const STATED_AREA_SQM: Record<string, number> = {
  'T-PARK': 1_000_000.03,
  '999901001001GB00001': 40_000.01,
  '999901001001GB00002': 20_000.01,
  '999901001001GB00003': 9_999.99,
  '999901001001GB00004': 13_333.33,
  '999901001001GB00001F0001': 5_000.0,
  '999901001001GB00002F0001': 2_000.0,
};

describe('the tiny fixture bundle', () => {
  it('has the areas its README states', () => {
    for (const f of [...tiny.parks, ...tiny.parcels, ...tiny.buildings]) {
      expect(turf.area(f), String(f.properties.code)).toBeCloseTo(STATED_AREA_SQM[String(f.properties.code)], 1);
    }
  });

  it('resolves every code reference and gives every enterprise land', () => {
    expect(findDanglingReferences(tiny)).toEqual([]);
    const holders = landHolders(tiny);
    expect(tiny.enterprises.every((e) => holders.has(e.uscc))).toBe(true);
  });

  it('has exactly one USCC with a bad check character, the documented one', () => {
    expect(tiny.enterprises.map((e) => e.uscc).filter((u) => !isUsccCheckCharValid(u))).toEqual(['91999901MA0000D42R']);
  });

  it('adds up to the README figures for 2025', () => {
    const rows = tiny.indicators.filter((r) => r.year === '2025');
    const outputYuan = rows.reduce((s, r) => s + Number(r.output_yuan || 0), 0);
    const taxYuan = rows.reduce((s, r) => s + Number(r.tax_yuan || 0), 0);
    const held = new Set([
      ...tiny.landRights.map((r) => r.parcel_code),
      ...tiny.units.filter((u) => u.tenant_uscc).map((u) => u.code.slice(0, 19)),
    ]);
    const usedMu = tiny.parcels.filter((p) => held.has(String(p.properties.code)))
      .reduce((s, p) => s + turf.area(p), 0) / SQM_PER_MU;
    expect(outputYuan).toBe(235_000_000);
    expect(taxYuan).toBe(9_850_000);
    expect(usedMu).toBeCloseTo(105, 3);
    expect(outputYuan / 10_000 / usedMu).toBeCloseTo(223.81, 2);
  });
});
