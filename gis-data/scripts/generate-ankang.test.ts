import fs from 'node:fs';
import path from 'node:path';
import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { GENERATED_NOTE, GIS_DATA_DIR, generateAnkangBundle } from './generate-ankang.js';
import { SQM_PER_MU } from './lib/geo.js';
import { findDanglingReferences, landHolders, readBundle, type AreaFeature } from './lib/read-bundle.js';
import { isUsccCheckCharValid } from './lib/uscc.js';

const BUNDLE_DIR = path.join(GIS_DATA_DIR, 'ankang');
const bundle = readBundle(BUNDLE_DIR);
/** USCCs documented as failing their check on purpose; the demo bundle has none */
const DOCUMENTED_BAD_USCCS = new Set<string>();
const MAX_OVERLAP_SQM = 1;

function byCode(features: AreaFeature[]): Map<string, AreaFeature> {
  return new Map(features.map((f) => [String(f.properties.code), f]));
}

function boxesOverlap(a: number[], b: number[]): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

describe('the committed Ankang demo bundle', () => {
  const regions = byCode(bundle.regions);
  const parks = byCode(bundle.parks);
  const parcels = byCode(bundle.parcels);

  it('has the ten counties, with 旬阳 under its current code', () => {
    expect([...regions.keys()].sort()).toEqual(
      ['610902', '610921', '610922', '610923', '610924', '610925', '610926', '610927', '610929', '610981'],
    );
    expect(regions.get('610981')?.properties.name).toBe('旬阳市');
  });

  it('puts every park inside its region, at its approved area', () => {
    for (const park of bundle.parks) {
      const region = regions.get(String(park.properties.region_code));
      expect(region, String(park.properties.code)).toBeDefined();
      expect(turf.booleanWithin(park, region!), String(park.properties.code)).toBe(true);
      const approvedSqm = Number(park.properties.approved_area_mu) * SQM_PER_MU;
      expect(Math.abs(turf.area(park) / approvedSqm - 1)).toBeLessThan(0.01);
    }
  });

  it('keeps parks apart', () => {
    for (let i = 0; i < bundle.parks.length; i++) {
      for (let j = i + 1; j < bundle.parks.length; j++) {
        expect(turf.booleanIntersects(bundle.parks[i], bundle.parks[j])).toBe(false);
      }
    }
  });

  it('keeps every parcel valid and inside its park', () => {
    for (const parcel of bundle.parcels) {
      const code = String(parcel.properties.code);
      expect(code).toMatch(/^\d{12}GB\d{5}$/);
      expect(turf.booleanValid(parcel), code).toBe(true);
      expect(turf.booleanWithin(parcel, parks.get(String(parcel.properties.park_code))!), code).toBe(true);
    }
  });

  it('has no overlapping parcels within a park', () => {
    const overlaps: string[] = [];
    for (const parkCode of parks.keys()) {
      const inPark = bundle.parcels.filter((p) => p.properties.park_code === parkCode);
      const boxes = inPark.map((p) => turf.bbox(p));
      for (let i = 0; i < inPark.length; i++) {
        for (let j = i + 1; j < inPark.length; j++) {
          if (!boxesOverlap(boxes[i], boxes[j])) continue;
          const shared = turf.intersect(turf.featureCollection([inPark[i], inPark[j]]));
          if (shared && turf.area(shared) >= MAX_OVERLAP_SQM) {
            overlaps.push(`${String(inPark[i].properties.code)} × ${String(inPark[j].properties.code)}`);
          }
        }
      }
    }
    expect(overlaps).toEqual([]);
  });

  it('keeps every building inside its parcel', () => {
    for (const building of bundle.buildings) {
      const code = String(building.properties.code);
      const parcel = parcels.get(String(building.properties.parcel_code));
      expect(parcel, code).toBeDefined();
      expect(turf.booleanValid(building), code).toBe(true);
      expect(turf.booleanWithin(building, parcel!), code).toBe(true);
    }
  });

  it('gives every enterprise a USCC with a correct check character', () => {
    const failing = bundle.enterprises.map((e) => e.uscc).filter((u) => !isUsccCheckCharValid(u));
    expect(failing.filter((u) => !DOCUMENTED_BAD_USCCS.has(u))).toEqual([]);
    expect(new Set(bundle.enterprises.map((e) => e.uscc)).size).toBe(bundle.enterprises.length);
  });

  it('resolves every code reference', () => {
    expect(findDanglingReferences(bundle)).toEqual([]);
  });

  it('lets every enterprise hold land somewhere', () => {
    const holders = landHolders(bundle);
    expect(bundle.enterprises.filter((e) => !holders.has(e.uscc)).map((e) => e.uscc)).toEqual([]);
  });

  it('says in every generated file that it is generated', () => {
    for (const file of fs.readdirSync(BUNDLE_DIR).filter((f) => /\.(geo)?json$/.test(f))) {
      expect(JSON.parse(fs.readFileSync(path.join(BUNDLE_DIR, file), 'utf8')).note, file).toBe(GENERATED_NOTE);
    }
    expect(fs.readFileSync(path.join(BUNDLE_DIR, 'README.md'), 'utf8')).toContain(GENERATED_NOTE);
  });

  it('is exactly what the generator writes today', () => {
    const files = generateAnkangBundle();
    for (const [relative, text] of Object.entries(files)) {
      expect(fs.readFileSync(path.join(GIS_DATA_DIR, relative), 'utf8') === text, relative).toBe(true);
    }
  });
});
