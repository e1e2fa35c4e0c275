// Writes the Ankang demo bundle (gis-data/ankang/) and the river basemap (gis-data/basemap/rivers.geojson).
// Real inputs come from gis-data/sources/ (see its README); everything else is drawn from a seeded
// generator, so the output is byte-identical on every run.
//   npx tsx gis-data/scripts/generate-ankang.ts      or      npm run generate -w gis-data
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import Papa from 'papaparse';
import {
  buildingsText, enterprisesCsv, GENERATED_NOTE, indicatorsCsv, landRightsCsv, parcelsText, parksText, regionsText, unitsCsv,
} from './ankang/bundle-files.js';
import { createBuildings, type Building, type ParcelBuildings, type Unit } from './ankang/buildings.js';
import {
  createLandOwners, createTenants, EnterpriseRegistry, finishParkEnterprises, type Enterprise, type LandRight,
} from './ankang/enterprises.js';
import { createParkIndicators, type IndicatorRow } from './ankang/indicators.js';
import { COUNTY_SIMPLIFY_TOLERANCE_DEG, manifestText } from './ankang/manifest.js';
import { createParcels, type Parcel } from './ankang/parcels.js';
import { createParkShape } from './ankang/park-geometry.js';
import { joinLines } from './ankang/valley.js';
import { PARK_PLANS, type ParkPlan } from './ankang/park-plans.js';
import { formatSummaryTable, measureIndicators, renderReadme, summariseParks, type ParkSummary } from './ankang/summary.js';
import { toFeatureCollectionText } from './lib/files.js';
import { createLocalFrame, isStrictlyWithin, roundLine, roundPolygonal, SQM_PER_MU } from './lib/geo.js';
import { createRandom, hashSeed } from './lib/random.js';
import { isUsccCheckCharValid } from './lib/uscc.js';

export { GENERATED_NOTE };

const SEED = 20_260_101;
const SCRIPT_DIR = path.dirname(fileURLToPath(import.meta.url));
export const GIS_DATA_DIR = path.resolve(SCRIPT_DIR, '..');
/** the real public files the demo starts from (gis-data/sources/README.md) */
export const DEFAULT_SOURCE_DIR = path.join(GIS_DATA_DIR, 'sources');
const COUNTY_FILE = 'ankang_counties_amap2020_wgs84.geojson';
const CATALOGUE_FILE = 'shaanxi_dev_zones_2018.csv';
const RIVERS_FILE = 'shaanxi_rivers_gshhg_wdbii_wgs84.geojson';
const COORDINATE_DECIMALS = 7;
const RIVER_DECIMALS = 5;
const RIVER_BBOX_BUFFER_DEG = 0.3;
/** scales the street-block pitch; tuned so the demo has about 600 parcels */
const BLOCK_PITCH_SCALE = 1.15;
/** from the river line to a park's river-side edge, m: GSHHG 汉江 (channel, embankment road) and a valley axis */
const RIVER_SETBACK_M = { gshhg: 250, valleyAxis: 60 } as const;
/** GSHHG river pieces closer than this end to start are one river, m */
const RIVER_JOIN_TOLERANCE_M = 500;
/** the part of the river a park is placed along: this far from its town, m */
const RIVER_REACH_M = 30_000;
const ANKANG_CENTRE = [109.0, 32.7];
/** 旬阳县 610928 became 旬阳市 610981 in 2021 */
const CURRENT_REGION: Record<string, { code: string; name: string }> = { '610928': { code: '610981', name: '旬阳市' } };

type Region = Feature<Polygon | MultiPolygon, { code: string; name: string; city_code: string; city_name: string }>;

interface CatalogueRow {
  code: string;
  name: string;
  approval_level: string;
  approval_date: string;
  approved_area_mu: string;
  leading_industries: string;
  ankang_county_adcode: string;
}

export interface ParkResult {
  plan: ParkPlan;
  feature: Feature<Polygon>;
  parcels: Parcel[];
  buildings: Building[];
  designs: ParcelBuildings[];
  units: Unit[];
  enterprises: Enterprise[];
  landRights: LandRight[];
  indicators: IndicatorRow[];
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

/** Light simplification, kept only where every resulting polygon stays valid. */
function toRegion(county: Feature<Polygon | MultiPolygon, { adcode: string; name: string; city_adcode: string; city_name: string }>): Region {
  const current = CURRENT_REGION[county.properties.adcode];
  const simplified = turf.simplify(county, { tolerance: COUNTY_SIMPLIFY_TOLERANCE_DEG, highQuality: true });
  const rounded = roundPolygonal(simplified.geometry, COORDINATE_DECIMALS);
  const valid = turf.flatten(rounded).features.every((p) => turf.booleanValid(p) && turf.kinks(p).features.length === 0);
  return turf.feature(valid ? rounded : roundPolygonal(county.geometry, COORDINATE_DECIMALS), {
    code: current?.code ?? county.properties.adcode,
    name: current?.name ?? county.properties.name,
    // the prefecture-level city the county belongs to, which the app names (安康市)
    city_code: county.properties.city_adcode,
    city_name: county.properties.city_name,
  });
}

function parkFeature(
  plan: ParkPlan,
  catalogue: CatalogueRow | undefined,
  boundary: Polygon,
  regionCode: string,
): Feature<Polygon> {
  const attributes = catalogue
    ? {
      name: catalogue.name,
      region_code: regionCode,
      level: catalogue.approval_level,
      leading_industries: catalogue.leading_industries,
      approved_area_mu: Number(catalogue.approved_area_mu),
      approval_date: catalogue.approval_date,
      attributes_source: '公告2018年第4号 (中国开发区审核公告目录 2018)',
    }
    : {
      name: plan.invented!.name,
      region_code: regionCode,
      level: 'county',
      leading_industries: plan.invented!.leadingIndustries,
      approved_area_mu: plan.invented!.approvedAreaMu,
      attributes_source: 'illustrative',
    };
  const along = plan.river.kind === 'gshhg'
    ? `${plan.river.river} (GSHHG line)`
    : `${plan.river.river} (illustrative valley axis, not in GSHHG)`;
  return turf.feature(boundary, { code: plan.code, ...attributes, illustrative: true, geometry_source: `illustrative; beside the ${along}` });
}

type RiverFeature = Feature<LineString | MultiLineString, { wdb_level: number; touches_ankang?: boolean }>;

/** The stretch of the nearest GSHHG river chain within RIVER_REACH_M of the town. */
function gshhgReach(town: Position, chains: readonly Position[][]): Position[] {
  const distanceM = (p: Position) => turf.distance(town, p, { units: 'meters' });
  const nearest = chains
    .map((chain) => ({ chain, distance: turf.pointToLineDistance(town, turf.lineString(chain), { units: 'meters' }) }))
    .sort((a, b) => a.distance - b.distance)[0].chain;
  let closest = 0;
  nearest.forEach((p, i) => {
    if (distanceM(p) < distanceM(nearest[closest])) closest = i;
  });
  let first = closest;
  let last = closest;
  while (first > 0 && distanceM(nearest[first - 1]) <= RIVER_REACH_M) first--;
  while (last < nearest.length - 1 && distanceM(nearest[last + 1]) <= RIVER_REACH_M) last++;
  return nearest.slice(Math.max(0, first - 1), Math.min(nearest.length, last + 2));
}

function generateParks(regions: Region[], catalogue: CatalogueRow[], drawnRivers: readonly RiverFeature[]): ParkResult[] {
  const placed: Polygon[] = [];
  const registry = new EnterpriseRegistry(createRandom(hashSeed(SEED, 'enterprise-names')));
  const ankangRivers = drawnRivers.filter((f) => f.properties.touches_ankang).flatMap((f) => (f.geometry.type === 'LineString'
    ? [f.geometry.coordinates]
    : f.geometry.coordinates));
  const chains = joinLines(ankangRivers, createLocalFrame(ANKANG_CENTRE, 0), RIVER_JOIN_TOLERANCE_M);
  return PARK_PLANS.map((plan) => {
    const row = catalogue.find((r) => r.code === plan.code);
    if (!plan.invented && !row) throw new Error(`${plan.code} is not in ${CATALOGUE_FILE}`);
    const regionCode = row ? row.ankang_county_adcode : plan.invented!.regionCode;
    const region = regions.find((r) => r.properties.code === regionCode);
    if (!region) throw new Error(`no region ${regionCode} for park ${plan.code}`);
    const approvedAreaMu = row ? Number(row.approved_area_mu) : plan.invented!.approvedAreaMu;
    const random = (purpose: string) => createRandom(hashSeed(SEED, plan.code, purpose));
    const shape = createParkShape({
      town: plan.town,
      river: plan.river.kind === 'gshhg' ? gshhgReach(plan.town, chains) : plan.river.line,
      riverSetbackM: RIVER_SETBACK_M[plan.river.kind],
      elongation: plan.elongation,
      approvedAreaMu,
    }, region, placed, drawnRivers.map((f) => f.geometry), random('boundary'));
    placed.push(shape.boundary);
    const parcels = createParcels(plan, regionCode, shape, BLOCK_PITCH_SCALE, random('parcels'));
    const context = { plan, regionCode, leadingIndustries: row?.leading_industries ?? plan.invented!.leadingIndustries };
    const owners = createLandOwners(context, parcels, registry, random('enterprises'));
    const industryOf = (parcel: Parcel) => owners.ownerOf.get(parcel.code)?.industryKey;
    const { buildings, units, designs } = createBuildings(plan, shape, parcels, industryOf, random('buildings'));
    const tenants = createTenants(context, units, registry, random('tenants'));
    const { enterprises, landRights } = finishParkEnterprises(owners, tenants, units, random('above-scale'));
    const indicators = createParkIndicators(plan, enterprises, units, random('indicators'));
    const feature = parkFeature(plan, row, shape.boundary, regionCode);
    return { plan, feature, parcels, buildings, designs, units, enterprises, landRights, indicators };
  });
}

/** The generator's own guarantees; the test re-checks the written files independently. */
function assertConsistent(regions: Region[], parks: ParkResult[]): void {
  for (const park of parks) {
    const { code, region_code: regionCode, approved_area_mu: approvedAreaMu } = park.feature.properties as {
      code: string; region_code: string; approved_area_mu: number;
    };
    const areaError = turf.area(park.feature) / (approvedAreaMu * SQM_PER_MU) - 1;
    if (Math.abs(areaError) > 0.001) throw new Error(`${code}: boundary area off by ${(areaError * 100).toFixed(3)}%`);
    if (!isStrictlyWithin(park.feature.geometry, regions.find((r) => r.properties.code === regionCode)!.geometry)) {
      throw new Error(`${code} is not inside region ${regionCode}`);
    }
    for (const parcel of park.parcels) {
      if (!isStrictlyWithin(parcel.geometry, park.feature.geometry)) throw new Error(`parcel ${parcel.code} leaves park ${code}`);
    }
    for (const { parcelCode, buildings } of park.designs) {
      const parcel = park.parcels.find((p) => p.code === parcelCode)!;
      buildings.forEach((building, i) => {
        if (!turf.booleanValid(building.geometry)) throw new Error(`building ${building.code} is not valid`);
        if (!isStrictlyWithin(building.geometry, parcel.geometry)) throw new Error(`building ${building.code} leaves its parcel`);
        for (const other of buildings.slice(i + 1)) {
          if (!turf.booleanDisjoint(building.geometry, other.geometry)) throw new Error(`buildings ${building.code} and ${other.code} overlap`);
        }
      });
    }
    for (const e of park.enterprises) if (!isUsccCheckCharValid(e.uscc)) throw new Error(`bad USCC ${e.uscc}`);
  }
}

/** GSHHG lines touching Ankang or near it, as drawn on the basemap. */
function basemapRivers(sourceDir: string, regions: Region[]): RiverFeature[] {
  const rivers = readJson<FeatureCollection<LineString | MultiLineString, { wdb_level: number; touches_ankang: boolean }>>(
    path.join(sourceDir, RIVERS_FILE),
  );
  const [west, south, east, north] = turf.bbox(turf.featureCollection(regions));
  const b = RIVER_BBOX_BUFFER_DEG;
  const area = turf.bboxPolygon([west - b, south - b, east + b, north + b]);
  return rivers.features
    .filter((f) => f.properties.touches_ankang || turf.booleanIntersects(f, area))
    .map((f) => turf.feature(
      f.geometry.type === 'LineString'
        ? { type: 'LineString' as const, coordinates: roundLine(f.geometry.coordinates, RIVER_DECIMALS) }
        : { type: 'MultiLineString' as const, coordinates: f.geometry.coordinates.map((l) => roundLine(l, RIVER_DECIMALS)) },
      { wdb_level: f.properties.wdb_level, touches_ankang: f.properties.touches_ankang },
    ));
}

function riversText(rivers: readonly RiverFeature[]): string {
  return toFeatureCollectionText({
    note: GENERATED_NOTE,
    name: 'rivers',
    source: 'GSHHG 2.3.7 World Data Bank II rivers (Debian gmt-gshhg-high 2.3.7-6), cut to Ankang and its surroundings',
    licence: 'LGPL-3.0-or-later',
  }, rivers.map((f) => turf.feature(f.geometry, { wdb_level: f.properties.wdb_level })));
}

export interface AnkangBundle {
  /** file contents keyed by path relative to gis-data/ */
  files: Record<string, string>;
  summary: ParkSummary[];
}

export function buildAnkangBundle(sourceDir: string = DEFAULT_SOURCE_DIR): AnkangBundle {
  const counties = readJson<FeatureCollection<Polygon | MultiPolygon, { adcode: string; name: string; city_adcode: string; city_name: string }>>(
    path.join(sourceDir, COUNTY_FILE),
  );
  const catalogue = Papa.parse<CatalogueRow>(fs.readFileSync(path.join(sourceDir, CATALOGUE_FILE), 'utf8'), {
    header: true, skipEmptyLines: true,
  }).data.filter((r) => r.ankang_county_adcode);
  const regions = counties.features.map(toRegion);
  const rivers = basemapRivers(sourceDir, regions);
  const parks = generateParks(regions, catalogue, rivers);
  assertConsistent(regions, parks);
  const summary = summariseParks(parks);
  return {
    files: {
      'ankang/bundle.json': manifestText(),
      'ankang/regions.geojson': regionsText(regions),
      'ankang/parks.geojson': parksText(parks),
      'ankang/parcels.geojson': parcelsText(parks),
      'ankang/buildings.geojson': buildingsText(parks),
      'ankang/units.csv': unitsCsv(parks),
      'ankang/enterprises.csv': enterprisesCsv(parks),
      'ankang/land_rights.csv': landRightsCsv(parks),
      'ankang/indicators.csv': indicatorsCsv(parks),
      'ankang/README.md': renderReadme(GENERATED_NOTE, summary, measureIndicators(parks.flatMap((p) => p.indicators))),
      'basemap/rivers.geojson': riversText(rivers),
    },
    summary,
  };
}

/** Every generated file's contents, keyed by path relative to gis-data/. */
export function generateAnkangBundle(sourceDir: string = DEFAULT_SOURCE_DIR): Record<string, string> {
  return buildAnkangBundle(sourceDir).files;
}

function main(): void {
  const { files, summary } = buildAnkangBundle();
  for (const [relative, text] of Object.entries(files)) {
    const target = path.join(GIS_DATA_DIR, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
    console.log(`wrote ${path.relative(process.cwd(), target)} (${(Buffer.byteLength(text) / 1024).toFixed(0)} KB)`);
  }
  console.log(formatSummaryTable(summary));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
