import fs from 'node:fs';
import path from 'node:path';
import * as turf from '@turf/turf';
import type { FeatureCollection, LineString, MultiLineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME } from '../../backend/src/domain/default-scheme.js';
import { estimateStoreys } from '../../backend/src/domain/parcel-facts.js';
import { classifyUnderUse, CONTROLLED_LAND_USES, countedFloorAreaSqm, listPlotRatioUsers } from '../../backend/src/domain/under-use.js';
import { GENERATED_NOTE, GIS_DATA_DIR, generateAnkangBundle } from './generate-ankang.js';
import { SQM_PER_MU } from './lib/geo.js';
import { findDanglingReferences, landHolders, readBundle, type AreaFeature, type CsvRecord } from './lib/read-bundle.js';
import { isUsccCheckCharValid } from './lib/uscc.js';

const BUNDLE_DIR = path.join(GIS_DATA_DIR, 'ankang');
const bundle = readBundle(BUNDLE_DIR);
/** USCCs documented as failing their check on purpose; the demo bundle has none */
const DOCUMENTED_BAD_USCCS = new Set<string>();
const MAX_OVERLAP_SQM = 1;
const README = fs.readFileSync(path.join(BUNDLE_DIR, 'README.md'), 'utf8');
const RIVERS = JSON.parse(fs.readFileSync(path.join(GIS_DATA_DIR, 'basemap', 'rivers.geojson'), 'utf8')) as FeatureCollection<LineString | MultiLineString>;
const YEAR = '2025';
/** GB/T 4754 divisions of heavy plant: wood, paper, chemicals, rubber and plastics … vehicles, utilities */
const HEAVY_TRADES = /^(C20|C22|C25|C26|C28|C29|C3[0-7]|D4[4-6])/;

/** The parcel codes a README section lists, e.g. "**Data gaps** (5): … `610902012001GB00002`, …". */
function listedIn(title: string): string[] {
  const section = README.match(new RegExp(`\\*\\*${title}\\*\\* \\(\\d+\\):[^]*?(?=\\n- |\\n\\n)`))?.[0] ?? '';
  return [...section.matchAll(/`(\d{12}GB\d{5})`/g)].map((m) => m[1]).sort();
}

const num = (value: string | undefined) => (value === undefined || value === '' ? null : Number(value));

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
      expect(Math.abs(turf.area(park) / approvedSqm - 1), String(park.properties.code)).toBeLessThan(0.001);
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

  it('keeps the buildings of a parcel apart', () => {
    const byParcel = new Map<string, AreaFeature[]>();
    for (const b of bundle.buildings) byParcel.set(String(b.properties.parcel_code), [...(byParcel.get(String(b.properties.parcel_code)) ?? []), b]);
    const overlaps: string[] = [];
    for (const list of byParcel.values()) {
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          if (turf.booleanIntersects(list[i], list[j])) overlaps.push(`${String(list[i].properties.code)} × ${String(list[j].properties.code)}`);
        }
      }
    }
    expect(overlaps).toEqual([]);
  });

  it('lays every park along its river: on one bank, clear of every drawn river, 60–1500 m from the nearest GSHHG line it follows', () => {
    for (const park of bundle.parks) {
      const code = String(park.properties.code);
      for (const river of RIVERS.features) expect(turf.booleanIntersects(park, river), code).toBe(false);
      if (!String(park.properties.geometry_source).includes('(GSHHG line)')) continue;
      const vertices = (park.geometry.type === 'Polygon' ? park.geometry.coordinates : park.geometry.coordinates.flat())[0];
      const nearestM = Math.min(...RIVERS.features.flatMap((river) => (river.geometry.type === 'LineString' ? [river.geometry.coordinates] : river.geometry.coordinates)
        .map((line) => Math.min(...vertices.map((v) => turf.pointToLineDistance(v, turf.lineString(line), { units: 'meters' }))))));
      expect({ code, nearestM, along: nearestM >= 60 && nearestM <= 1500 }).toMatchObject({ along: true });
    }
  });
});

describe('the land use of the Ankang demo', () => {
  const completed = bundle.parcels.filter((p) => p.properties.completed_on && String(p.properties.completed_on) <= `${YEAR}-12-31`);
  const buildingsOf = new Map<string, AreaFeature[]>();
  for (const b of bundle.buildings) buildingsOf.set(String(b.properties.parcel_code), [...(buildingsOf.get(String(b.properties.parcel_code)) ?? []), b]);

  it('builds every park to a plot ratio of 0.8–1.3 and a coverage of 35–55 % of its built land (floor area and footprints ÷ completed parcels)', () => {
    for (const park of bundle.parks) {
      const code = String(park.properties.code);
      const built = completed.filter((p) => p.properties.park_code === code);
      const landSqm = built.reduce((s, p) => s + turf.area(p), 0);
      const onBuilt = built.flatMap((p) => buildingsOf.get(String(p.properties.code)) ?? []);
      const plotRatio = onBuilt.reduce((s, b) => s + Number(b.properties.floor_area_sqm), 0) / landSqm;
      const coverage = onBuilt.reduce((s, b) => s + turf.area(b), 0) / landSqm;
      expect({ code, plotRatio, coverage, ok: plotRatio >= 0.8 && plotRatio <= 1.3 && coverage >= 0.35 && coverage <= 0.55 }).toMatchObject({ ok: true });
    }
  });

  it('leaves no completed parcel without a building but the data gaps the README lists (a very few)', () => {
    const withoutBuildings = completed.filter((p) => !buildingsOf.has(String(p.properties.code))).map((p) => String(p.properties.code)).sort();
    expect(withoutBuildings).toEqual(listedIn('Data gaps'));
    expect(withoutBuildings.length).toBeGreaterThan(0);
    expect(withoutBuildings.length).toBeLessThanOrEqual(Math.ceil(0.02 * completed.length));
  });

  it('has exactly the under-used parcels its README lists under the default scheme\'s controls (coverage or plot ratio below the minimum), a few per cent', () => {
    const industryOf = new Map(bundle.enterprises.map((e) => [e.uscc, e.industry_code]));
    const holdersOf = new Map<string, typeof bundle.landRights>();
    for (const r of bundle.landRights) holdersOf.set(r.parcel_code, [...(holdersOf.get(r.parcel_code) ?? []), r]);
    const controls = DEFAULT_SCHEME.controls;
    // the backend's rule: industrial land (or of no recorded use), each user's minimum weighted by the floor it uses
    const underUsed = completed.filter((p) => {
      const buildings = buildingsOf.get(String(p.properties.code));
      if (!buildings || !CONTROLLED_LAND_USES.includes((p.properties.land_use as string | null) ?? null)) return false;
      const users = listPlotRatioUsers(
        (holdersOf.get(String(p.properties.code)) ?? []).map((r) => ({
          role: r.role as 'owner' | 'tenant',
          industryCode: industryOf.get(r.uscc) ?? null,
          leasedFloorAreaSqm: r.leased_floor_area_sqm ? Number(r.leased_floor_area_sqm) : null,
        })),
        buildings.reduce((s, b) => s + Number(b.properties.floor_area_sqm), 0),
      );
      const c = classifyUnderUse({
        landAreaSqm: turf.area(p),
        footprintSqm: buildings.reduce((s, b) => s + turf.area(b), 0),
        floorAreaSqm: countedFloorAreaSqm(buildings.flatMap((b) => estimateStoreys({
          floors: Number(b.properties.floors), floorAreaSqm: Number(b.properties.floor_area_sqm), heightM: Number(b.properties.height_m),
        })), controls),
        users,
      }, controls);
      return c.belowCoverage || c.belowPlotRatio;
    }).map((p) => String(p.properties.code)).sort();
    expect(underUsed).toEqual(listedIn('Under-used parcels'));
    expect(underUsed.length).toBeGreaterThanOrEqual(bundle.parks.length);
    expect(underUsed.length).toBeLessThanOrEqual(0.08 * completed.length);
  });

  it('lets heavy trades lease only ground floors of the standard factories', () => {
    const industryOf = new Map(bundle.enterprises.map((e) => [e.uscc, e.industry_code]));
    const upstairsHeavy = bundle.units.filter((u) => u.tenant_uscc && Number(u.floor) > 1 && HEAVY_TRADES.test(industryOf.get(u.tenant_uscc)!));
    expect(upstairsHeavy.map((u) => `${u.code} ${industryOf.get(u.tenant_uscc)}`)).toEqual([]);
    expect(bundle.units.some((u) => u.tenant_uscc && Number(u.floor) === 1 && HEAVY_TRADES.test(industryOf.get(u.tenant_uscc)!))).toBe(true);
  });

  it("gives the standard factories' parcels to the park's platform company (L72), which reports no industrial output", () => {
    const platforms = new Set(bundle.enterprises.filter((e) => e.industry_code === 'L72').map((e) => e.uscc));
    expect(platforms.size).toBe(bundle.parks.length);
    const owners = new Map(bundle.landRights.filter((r) => r.role === 'owner').map((r) => [r.parcel_code, r.uscc]));
    for (const b of bundle.buildings.filter((x) => x.properties.kind === 'standard_factory')) {
      expect(platforms.has(owners.get(String(b.properties.parcel_code))!), String(b.properties.code)).toBe(true);
    }
    for (const r of bundle.indicators.filter((x) => platforms.has(x.uscc))) expect([r.output_yuan, r.value_added_yuan], r.uscc).toEqual(['', '']);
  });
});

describe('the figures of the Ankang demo', () => {
  const parkOf = new Map<string, string>();
  for (const r of bundle.landRights) parkOf.set(r.uscc, String(bundle.parcels.find((p) => p.properties.code === r.parcel_code)!.properties.park_code));
  const rows2025 = bundle.indicators.filter((r) => r.year === YEAR);
  const producing = bundle.indicators.filter((r) => (num(r.output_yuan) ?? 0) > 0);
  const sumBy = (rows: CsvRecord[], pick: (r: CsvRecord) => number | null) => {
    const out = new Map<string, number>();
    for (const r of rows) out.set(parkOf.get(r.uscc)!, (out.get(parkOf.get(r.uscc)!) ?? 0) + (pick(r) ?? 0));
    return out;
  };

  it('never reports value added above output, for a firm-year or a park', () => {
    const above = bundle.indicators.filter((r) => num(r.value_added_yuan) != null && !(num(r.value_added_yuan)! <= (num(r.output_yuan) ?? -1)));
    expect(above.map((r) => `${r.uscc} ${r.year}`)).toEqual([]);
    const output = sumBy(rows2025, (r) => num(r.output_yuan));
    for (const [park, va] of sumBy(rows2025, (r) => num(r.value_added_yuan))) expect(va, park).toBeLessThanOrEqual(output.get(park)!);
  });

  it('keeps every producing firm-year plausible: revenue close to output, value added 14–55 % of it, tax at most its value added, electricity by trade', () => {
    const odd = producing.filter((r) => {
      const output = num(r.output_yuan)!;
      const revenueRatio = num(r.revenue_yuan)! / output;
      const vaShare = num(r.value_added_yuan)! / output;
      const kwhPerWanYuan = (num(r.electricity_kwh) ?? 0) / (output / 1e4);
      return revenueRatio < 0.85 || revenueRatio > 1.1 || vaShare < 0.14 || vaShare > 0.55
        || num(r.tax_yuan)! > num(r.value_added_yuan)! || kwhPerWanYuan < 20 || num(r.employees)! < 3;
    });
    expect(odd.map((r) => `${r.uscc} ${r.year}`)).toEqual([]);
  });

  it('keeps to the seed magnitudes: about 966亿元 in 2025, a handful of parks over 100亿元, several under 10亿元, a few under 100万元/亩', () => {
    const output = sumBy(rows2025, (r) => num(r.output_yuan));
    const totalYi = [...output.values()].reduce((a, b) => a + b, 0) / 1e8;
    expect(Math.abs(totalYi / 966 - 1)).toBeLessThan(0.01);
    const yi = [...output.values()].map((v) => v / 1e8);
    expect(yi.filter((v) => v > 100).length).toBeGreaterThanOrEqual(4);
    expect(yi.filter((v) => v > 100).length).toBeLessThanOrEqual(7);
    expect(yi.filter((v) => v < 10).length).toBeGreaterThanOrEqual(3);
    const held = new Set(bundle.landRights.map((r) => r.parcel_code));
    const usedMu = new Map<string, number>();
    for (const p of bundle.parcels.filter((x) => held.has(String(x.properties.code)))) {
      usedMu.set(String(p.properties.park_code), (usedMu.get(String(p.properties.park_code)) ?? 0) + turf.area(p) / SQM_PER_MU);
    }
    const perMu = [...output].map(([park, yuan]) => yuan / 1e4 / usedMu.get(park)!);
    expect(perMu.filter((v) => v < 100).length).toBeGreaterThanOrEqual(2);
    expect(README).toContain(`**Output** ${totalYi.toFixed(1)}亿元`);
  });

  it('has some firms without output in 2025 (halted, or on idle or unbuilt land), as exceptions', () => {
    const platforms = new Set(bundle.enterprises.filter((e) => e.industry_code === 'L72').map((e) => e.uscc));
    const withoutOutput = rows2025.filter((r) => !platforms.has(r.uscc) && num(r.output_yuan) === 0);
    expect(withoutOutput.length).toBeGreaterThan(bundle.parks.length);
    expect(withoutOutput.length).toBeLessThan(0.15 * rows2025.length);
    for (const r of withoutOutput) expect([num(r.value_added_yuan), num(r.revenue_yuan)], r.uscc).toEqual([0, 0]);
  });
});

describe('the committed Ankang demo bundle, generated', () => {
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
