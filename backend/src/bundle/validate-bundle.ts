import type { BundleFiles } from './read-bundle-files.js';
import { problemDetail, type BundleProblem } from './problems.js';
import { FILE_SPECS, GEO_LAYERS, parseField, TABLE_LAYERS, type FieldSpec, type FieldValue, type LayerName } from './fields.js';
import { parseCsv, parseXlsx, type Table } from './decode-table.js';
import { resolveCrs, UnknownCrsError, type CrsInfo } from './crs.js';
import { toLonLatMultiPolygon, type MultiPolygonCoordinates } from './parse-geojson.js';
import { checkUscc } from '../domain/uscc.js';

export interface RecordLocation {
  file: string;
  row?: number;
  feature?: number;
}

export interface ParsedRecord {
  values: Record<string, FieldValue>;
  geometry?: MultiPolygonCoordinates;
  at: RecordLocation;
}

export interface DatasetInfo {
  id: string;
  name: string;
  nameEn: string | null;
  source: string;
  licence: string | null;
  vintage: string | null;
  crs: string | null;
  real: boolean;
  note: string | null;
  /** The source, licence, vintage, CRS and note in Chinese, where the bundle gives them (for the Chinese UI). */
  zh: DatasetWording | null;
}

/** A dataset's wording in one language; every key optional. */
export type DatasetWording = Partial<Record<(typeof DATASET_WORDED_FIELDS)[number], string>>;
export const DATASET_WORDED_FIELDS = ['source', 'licence', 'vintage', 'crs', 'note'] as const;

export interface ParsedBundle {
  name: string | null;
  crs: CrsInfo;
  datasets: DatasetInfo[];
  scheme: Record<string, unknown> | null;
  layers: Record<LayerName, ParsedRecord[]>;
}

/** A reference the bundle could not resolve by itself: the loader asks the database. */
export interface PendingReference {
  layer: 'regions' | 'parks' | 'parcels' | 'buildings' | 'enterprises';
  code: string;
  at: RecordLocation & { field: string };
}

export interface ValidationResult {
  bundle: ParsedBundle;
  problems: BundleProblem[];
  pending: PendingReference[];
}

const KNOWN_FILES = new Set([
  'bundle.json', 'scheme.json', 'README.md', 'README.txt',
  ...GEO_LAYERS.map((l) => `${l}.geojson`),
  ...TABLE_LAYERS.flatMap((l) => [`${l}.csv`, `${l}.xlsx`]),
]);
export const IDENTITY: Record<LayerName, string[]> = {
  regions: ['code'], parks: ['code'], parcels: ['code'], buildings: ['code'], units: ['code'],
  enterprises: ['uscc'], land_rights: ['uscc', 'parcel_code', 'role'], indicators: ['uscc', 'year'],
};
export const SUPPORTED_FORMAT = 'park-bundle/1';

/** Parse and check everything that can be checked without the database. Nothing is written. */
export async function validateBundle(input: BundleFiles): Promise<ValidationResult> {
  const problems: BundleProblem[] = [];
  const { files } = input;
  for (const name of files.keys()) {
    if (!KNOWN_FILES.has(name)) problems.push({ severity: 'warning', file: name, message: 'not a bundle file; ignored' });
  }

  const manifest = readManifest(files, problems);
  const scheme = readJsonObject(files, 'scheme.json', problems);
  const layers = {} as Record<LayerName, ParsedRecord[]>;

  if (!files.has('parks.geojson')) {
    problems.push({ severity: 'error', file: 'parks.geojson', message: 'is missing; every bundle needs parks.geojson' });
  }
  for (const layer of GEO_LAYERS) layers[layer] = readFeatures(files, layer, manifest.crs, problems);
  for (const layer of TABLE_LAYERS) layers[layer] = await readTable(files, layer, problems);

  for (const layer of Object.keys(layers) as LayerName[]) checkDuplicates(layer, layers[layer], problems);
  for (const e of layers.enterprises) checkEnterpriseCode(e, problems);
  checkUnits(layers.units, problems);
  const pending = checkReferences(layers);

  return {
    bundle: { name: manifest.name, crs: manifest.crs, datasets: manifest.datasets, scheme, layers },
    problems,
    pending,
  };
}

function readJsonObject(files: Map<string, Buffer>, file: string, problems: BundleProblem[]): Record<string, unknown> | null {
  const bytes = files.get(file);
  if (!bytes) return null;
  try {
    const value: unknown = JSON.parse(stripBom(bytes.toString('utf8')));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    problems.push({ severity: 'error', file, message: 'must hold a JSON object' });
  } catch (err) {
    problems.push({ severity: 'error', file, message: `is not valid JSON: ${(err as Error).message}` });
  }
  return null;
}

function readManifest(files: Map<string, Buffer>, problems: BundleProblem[]) {
  const json = readJsonObject(files, 'bundle.json', problems) ?? {};
  const file = 'bundle.json';
  if (json.format !== undefined && json.format !== SUPPORTED_FORMAT) {
    problems.push({ severity: 'error', file, field: 'format', message: `"${String(json.format)}" is not supported; expected "${SUPPORTED_FORMAT}"` });
  }
  let crs = resolveCrs('EPSG:4326');
  if (json.crs !== undefined) {
    try {
      crs = resolveCrs(String(json.crs));
      if (crs.caveat) problems.push({ severity: 'warning', file, field: 'crs', message: `${crs.code} ${crs.caveat}` });
    } catch (err) {
      if (!(err instanceof UnknownCrsError)) throw err;
      problems.push({ severity: 'error', file, field: 'crs', message: err.message });
    }
  }
  const datasets: DatasetInfo[] = [];
  if (json.datasets !== undefined) {
    if (!Array.isArray(json.datasets)) {
      problems.push({ severity: 'error', file, field: 'datasets', message: 'must be an array' });
    } else {
      json.datasets.forEach((d: Record<string, unknown>, i: number) => {
        const field = `datasets[${i}]`;
        if (!d || typeof d !== 'object' || typeof d.id !== 'string' || typeof d.name !== 'string' || typeof d.source !== 'string' || typeof d.real !== 'boolean') {
          problems.push({ severity: 'error', file, field, message: 'needs text "id", "name", "source" and a boolean "real"' });
          return;
        }
        const text = (v: unknown) => (typeof v === 'string' ? v : null);
        const zh = d.zh && typeof d.zh === 'object' ? (d.zh as Record<string, unknown>) : null;
        if (d.zh !== undefined && (!zh || Object.entries(zh).some(([k, v]) => !(DATASET_WORDED_FIELDS as readonly string[]).includes(k) || typeof v !== 'string'))) {
          problems.push({ severity: 'error', file, field: `${field}.zh`, message: `must be an object of text, with keys among ${DATASET_WORDED_FIELDS.join(', ')}` });
          return;
        }
        datasets.push({
          id: d.id, name: d.name, nameEn: text(d.nameEn), source: d.source, licence: text(d.licence),
          vintage: text(d.vintage), crs: text(d.crs), real: d.real, note: text(d.note), zh: zh as DatasetWording | null,
        });
      });
    }
  }
  return { name: typeof json.name === 'string' ? json.name : null, crs, datasets };
}

export function parseValues(specs: readonly FieldSpec[], raw: Record<string, unknown>, at: RecordLocation, code: string | undefined, problems: BundleProblem[]) {
  const values: Record<string, FieldValue> = {};
  let ok = true;
  for (const spec of specs) {
    const result = parseField(spec, raw[spec.name]);
    if ('error' in result) {
      ok = false;
      problems.push({ severity: 'error', ...at, code, field: spec.name, message: result.error, ...result.detail });
    } else values[spec.name] = result.value;
  }
  return ok ? values : undefined;
}

function readFeatures(files: Map<string, Buffer>, layer: (typeof GEO_LAYERS)[number], crs: CrsInfo, problems: BundleProblem[]): ParsedRecord[] {
  const file = `${layer}.geojson`;
  const bytes = files.get(file);
  if (!bytes) return [];
  let json: { type?: unknown; features?: unknown };
  try {
    json = JSON.parse(stripBom(bytes.toString('utf8')));
  } catch (err) {
    problems.push({ severity: 'error', file, message: `is not valid JSON: ${(err as Error).message}` });
    return [];
  }
  if (json?.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    problems.push({ severity: 'error', file, message: 'must be a GeoJSON FeatureCollection' });
    return [];
  }
  const records: ParsedRecord[] = [];
  json.features.forEach((feature: { properties?: Record<string, unknown>; geometry?: unknown } | null, i: number) => {
    const at: RecordLocation = { file, feature: i + 1 };
    const properties = feature?.properties ?? {};
    const code = typeof properties.code === 'string' ? properties.code : undefined;
    const values = parseValues(FILE_SPECS[layer], properties, at, code, problems);
    const geo = toLonLatMultiPolygon(feature?.geometry, crs, { file, feature: i + 1, code });
    problems.push(...geo.problems);
    if (values && geo.coordinates) records.push({ values, geometry: geo.coordinates, at });
  });
  return records;
}

async function readTable(files: Map<string, Buffer>, layer: (typeof TABLE_LAYERS)[number], problems: BundleProblem[]): Promise<ParsedRecord[]> {
  const csv = files.get(`${layer}.csv`);
  const xlsx = files.get(`${layer}.xlsx`);
  if (csv && xlsx) problems.push({ severity: 'warning', file: `${layer}.xlsx`, message: `${layer}.csv is present too; the .csv was read and the .xlsx ignored` });
  if (!csv && !xlsx) return [];
  const file = csv ? `${layer}.csv` : `${layer}.xlsx`;
  let table: Table;
  try {
    table = csv ? parseCsv(csv) : await parseXlsx(xlsx!);
  } catch (err) {
    problems.push({ severity: 'error', file, message: `cannot be read: ${(err as Error).message}` });
    return [];
  }
  for (const e of table.errors) problems.push({ severity: 'error', file, row: e.row, message: e.message });
  const specs = FILE_SPECS[layer];
  for (const spec of specs) {
    if ('required' in spec && spec.required && !table.header.includes(spec.name)) {
      problems.push({ severity: 'error', file, field: spec.name, message: `the required column "${spec.name}" is missing (columns: ${table.header.join(', ')})` });
    }
  }
  if (problems.some((p) => p.file === file && p.severity === 'error' && p.row === undefined)) return [];
  const records: ParsedRecord[] = [];
  for (const { rowNumber, values: raw } of table.records) {
    const at: RecordLocation = { file, row: rowNumber };
    const code = raw.code || raw.uscc || undefined;
    const values = parseValues(specs, raw, at, code, problems);
    if (values) records.push({ values, at });
  }
  return records;
}

function identityOf(layer: LayerName, r: ParsedRecord): string {
  return IDENTITY[layer].map((k) => String(r.values[k])).join(' / ');
}

export function checkDuplicates(layer: LayerName, records: ParsedRecord[], problems: BundleProblem[]) {
  const seen = new Map<string, RecordLocation>();
  for (const r of records) {
    const id = identityOf(layer, r);
    const first = seen.get(id);
    if (first) {
      const firstAt = first.row !== undefined ? `row ${first.row}` : `feature ${first.feature}`;
      problems.push({
        severity: 'error', ...r.at, code: id, field: IDENTITY[layer].join('+'), message: `duplicate of ${firstAt}: ${IDENTITY[layer].join(' + ')} must be unique`,
        ...problemDetail('duplicate', first.row !== undefined ? { key: id, firstRow: first.row } : { key: id, firstFeature: first.feature }),
      });
    } else seen.set(id, r.at);
  }
}

export function checkEnterpriseCode(r: ParsedRecord, problems: BundleProblem[]) {
  const uscc = String(r.values.uscc);
  const check = checkUscc(uscc);
  if (!check.shapeOk) {
    problems.push({ severity: 'error', ...r.at, code: uscc, field: 'uscc', message: `"${uscc}" is not a 统一社会信用代码: 18 characters of 0-9 and A-Z without I, O, S, V, Z`, ...problemDetail('usccMalformed', { value: uscc }) });
  } else if (!check.checkOk) {
    problems.push({ severity: 'warning', ...r.at, code: uscc, field: 'uscc', message: `check character is ${uscc[17]}, GB 32100-2015 gives ${check.expectedCheckChar}; kept as given`, ...problemDetail('usccCheckCharacter', { given: uscc[17], expected: String(check.expectedCheckChar) }) });
  }
}

export function checkUnits(units: ParsedRecord[], problems: BundleProblem[]) {
  for (const u of units) {
    const code = String(u.values.code);
    if (u.values.status === 'vacant' && u.values.tenant_uscc) {
      problems.push({ severity: 'error', ...u.at, code, field: 'tenant_uscc', message: 'a vacant unit cannot have a tenant; set status to leased or clear tenant_uscc', ...problemDetail('vacantUnitWithTenant', {}) });
    }
    const start = u.values.lease_start_on as string | null;
    const end = u.values.lease_end_on as string | null;
    if (start && end && end < start) {
      problems.push({ severity: 'error', ...u.at, code, field: 'lease_end_on', message: `lease ends (${end}) before it starts (${start})`, ...problemDetail('leaseEndsBeforeStart', { startOn: start, endOn: end }) });
    }
  }
}

/** References the bundle cannot resolve by itself; the loader asks the database about them. */
export function checkReferences(layers: Record<LayerName, ParsedRecord[]>): PendingReference[] {
  const codes = (layer: LayerName, key = 'code') => new Set(layers[layer].map((r) => String(r.values[key])));
  // made when a record refers to the layer: a file of one layer refers to others only
  const known: Partial<Record<PendingReference['layer'], Set<string>>> = {};
  const pending: PendingReference[] = [];
  const refer = (from: LayerName, field: string, to: PendingReference['layer']) => {
    if (layers[from].length === 0) return;
    const knownCodes = (known[to] ??= codes(to, to === 'enterprises' ? 'uscc' : 'code'));
    for (const r of layers[from]) {
      const value = r.values[field];
      if (value == null || knownCodes.has(String(value))) continue;
      // Object.assign, not { ...r.at, field }: Node 20 gives an object spread and then extended a hidden class
      // of its own, ~1 µs each (a parcels file refers to its parks once a parcel: 0.2 s per 200 000)
      pending.push({ layer: to, code: String(value), at: Object.assign({}, r.at, { field }) });
    }
  };
  refer('parks', 'region_code', 'regions');
  refer('parcels', 'park_code', 'parks');
  refer('buildings', 'park_code', 'parks');
  refer('buildings', 'parcel_code', 'parcels');
  refer('units', 'building_code', 'buildings');
  refer('units', 'tenant_uscc', 'enterprises');
  refer('land_rights', 'uscc', 'enterprises');
  refer('land_rights', 'parcel_code', 'parcels');
  refer('indicators', 'uscc', 'enterprises');
  return pending;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
