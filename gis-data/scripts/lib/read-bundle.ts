// Reads a bundle folder into plain objects for the checks in the tests (not the platform's loader).
import fs from 'node:fs';
import path from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import Papa from 'papaparse';

export type AreaFeature = Feature<Polygon | MultiPolygon, Record<string, unknown>>;
export type CsvRecord = Record<string, string>;

export interface BundleContents {
  manifest: Record<string, unknown>;
  regions: AreaFeature[];
  parks: AreaFeature[];
  parcels: AreaFeature[];
  buildings: AreaFeature[];
  units: CsvRecord[];
  enterprises: CsvRecord[];
  landRights: CsvRecord[];
  indicators: CsvRecord[];
}

function readFeatures(dir: string, file: string): AreaFeature[] {
  const collection = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
  return collection.features as AreaFeature[];
}

function readCsv(dir: string, file: string): CsvRecord[] {
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  return Papa.parse<CsvRecord>(text, { header: true, skipEmptyLines: true }).data;
}

export function readBundle(dir: string): BundleContents {
  return {
    manifest: JSON.parse(fs.readFileSync(path.join(dir, 'bundle.json'), 'utf8')) as Record<string, unknown>,
    regions: readFeatures(dir, 'regions.geojson'),
    parks: readFeatures(dir, 'parks.geojson'),
    parcels: readFeatures(dir, 'parcels.geojson'),
    buildings: readFeatures(dir, 'buildings.geojson'),
    units: readCsv(dir, 'units.csv'),
    enterprises: readCsv(dir, 'enterprises.csv'),
    landRights: readCsv(dir, 'land_rights.csv'),
    indicators: readCsv(dir, 'indicators.csv'),
  };
}

/** Every code reference of the bundle that points nowhere, as "file row field value". */
export function findDanglingReferences(b: BundleContents): string[] {
  const codes = (features: AreaFeature[]) => new Set(features.map((f) => String(f.properties.code)));
  const regions = codes(b.regions);
  const parks = codes(b.parks);
  const parcels = codes(b.parcels);
  const buildings = codes(b.buildings);
  const enterprises = new Set(b.enterprises.map((e) => e.uscc));
  const problems: string[] = [];
  const check = (ok: boolean, file: string, row: number, field: string, value: unknown) => {
    if (!ok) problems.push(`${file} row ${row + 1} ${field} ${String(value)}`);
  };
  b.parks.forEach((f, i) => check(regions.has(String(f.properties.region_code)), 'parks', i, 'region_code', f.properties.region_code));
  b.parcels.forEach((f, i) => check(parks.has(String(f.properties.park_code)), 'parcels', i, 'park_code', f.properties.park_code));
  b.buildings.forEach((f, i) => {
    check(parks.has(String(f.properties.park_code)), 'buildings', i, 'park_code', f.properties.park_code);
    check(parcels.has(String(f.properties.parcel_code)), 'buildings', i, 'parcel_code', f.properties.parcel_code);
  });
  b.units.forEach((u, i) => {
    check(buildings.has(u.building_code), 'units', i, 'building_code', u.building_code);
    check(!u.tenant_uscc || enterprises.has(u.tenant_uscc), 'units', i, 'tenant_uscc', u.tenant_uscc);
  });
  b.landRights.forEach((r, i) => {
    check(enterprises.has(r.uscc), 'land_rights', i, 'uscc', r.uscc);
    check(parcels.has(r.parcel_code), 'land_rights', i, 'parcel_code', r.parcel_code);
  });
  b.indicators.forEach((r, i) => check(enterprises.has(r.uscc), 'indicators', i, 'uscc', r.uscc));
  return problems;
}

/** USCCs of enterprises holding land through land_rights.csv or a leased unit. */
export function landHolders(b: BundleContents): Set<string> {
  return new Set([...b.landRights.map((r) => r.uscc), ...b.units.map((u) => u.tenant_uscc).filter(Boolean)]);
}
