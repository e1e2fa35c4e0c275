// Pure helpers of the import wizard: fields and units a layer takes, the CRS candidates as GeoJSON for
// the preview map, the editable mapping, and what kind of problem or failure the server reported.
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import type { CrsCandidate, FieldMapping, ImportLayer, ImportProblem, ImportReport, SourceUnit } from '../api/import-types';

/**
 * The fields each layer's rows can fill, in the bundle's order: a mirror of backend/src/bundle/fields.ts
 * (FILE_SPECS) plus parcels' declared area, which is checked against the shape and not stored. A test
 * compares the two.
 */
export const IMPORT_FIELDS: Readonly<Record<ImportLayer, readonly string[]>> = {
  parks: ['code', 'name', 'region_code', 'level', 'leading_industries', 'approved_area_mu', 'illustrative'],
  parcels: [
    'code', 'park_code', 'land_use', 'supplied_on', 'agreed_start_on', 'agreed_completion_on', 'started_on', 'completed_on',
    'work_stopped_on', 'developed_area_sqm', 'planned_investment_yuan', 'invested_yuan', 'land_price_yuan', 'idle_cause',
    'target_tax_wan_yuan_per_mu', 'target_investment_wan_yuan_per_mu', 'target_plot_ratio', 'illustrative', 'declared_area_sqm',
  ],
  buildings: ['code', 'park_code', 'parcel_code', 'kind', 'floors', 'floor_area_sqm', 'height_m', 'completed_on', 'illustrative'],
  units: [
    'code', 'building_code', 'floor', 'area_sqm', 'status', 'tenant_uscc', 'lease_start_on', 'lease_end_on',
    'rent_yuan_per_sqm_month', 'ceiling_height_m', 'floor_load_kn_per_sqm',
  ],
  enterprises: ['uscc', 'name', 'industry_code', 'above_scale', 'status', 'status_since', 'registered_on'],
  land_rights: ['uscc', 'parcel_code', 'role', 'leased_floor_area_sqm'],
  indicators: [
    'uscc', 'year', 'output_yuan', 'revenue_yuan', 'value_added_yuan', 'tax_yuan', 'energy_tce', 'emissions_t',
    'electricity_kwh', 'employees', 'rd_yuan',
  ],
};

export const GEOMETRY_LAYERS: readonly ImportLayer[] = ['parks', 'parcels', 'buildings'];

const AREA_UNITS: readonly SourceUnit[] = ['sqm', 'mu', 'hectare', 'sqkm'];
const MONEY_UNITS: readonly SourceUnit[] = ['yuan', 'wan_yuan', 'yi_yuan'];

/** The unit in a field's name (as the server reads it); per-unit figures are not converted. */
export function unitOfField(field: string): SourceUnit | undefined {
  if (/_per_/.test(field)) return undefined;
  if (field.endsWith('_sqm')) return 'sqm';
  if (field.endsWith('_mu')) return 'mu';
  if (field.endsWith('_wan_yuan')) return 'wan_yuan';
  if (field.endsWith('_yuan')) return 'yuan';
  return undefined;
}

/** Units a column may be in for this field: areas for areas, money for money, none otherwise. */
export function unitOptionsFor(field: string): readonly SourceUnit[] {
  const unit = unitOfField(field);
  if (!unit) return [];
  return AREA_UNITS.includes(unit) ? AREA_UNITS : MONEY_UNITS;
}

export interface MappingRow {
  field: string;
  /** '' when no column fills the field */
  column: string;
  /** The column's unit; the field's own unit when not converted */
  unit?: SourceUnit;
}

/** Every field of the layer with the column the report mapped to it (or none). */
export function toMappingRows(layer: ImportLayer, mapping: FieldMapping | undefined): MappingRow[] {
  return IMPORT_FIELDS[layer].map((field) => {
    const m = mapping?.[field];
    return { field, column: m?.column ?? '', unit: m?.unit ?? unitOfField(field) };
  });
}

/** Back to the API's mapping: unmapped fields left out, a unit only when it differs from the field's. */
export function toFieldMapping(rows: readonly MappingRow[]): FieldMapping {
  const mapping: FieldMapping = {};
  for (const row of rows) {
    if (!row.column) continue;
    mapping[row.field] = row.unit && row.unit !== unitOfField(row.field) ? { column: row.column, unit: row.unit } : { column: row.column };
  }
  return mapping;
}

export function sameMapping(a: FieldMapping | undefined, b: FieldMapping | undefined): boolean {
  const norm = (m: FieldMapping | undefined) =>
    JSON.stringify(Object.entries(m ?? {}).map(([f, c]) => [f, c.column, c.unit ?? null]).sort());
  return norm(a) === norm(b);
}

export type CandidateFeature = Feature<Polygon | Point, { crs: string; rank: number; kind: 'extent' | 'centre'; selected: boolean }>;

/**
 * Where the data would lie under each candidate CRS: its extent as a polygon and its centre as a point,
 * in lon/lat, for a MapLibre GeoJSON source. `rank` is 1 for the server's first choice.
 */
export function candidatesToGeoJson(candidates: readonly CrsCandidate[], selectedCrs?: string): FeatureCollection<Polygon | Point> {
  const features: CandidateFeature[] = [];
  candidates.forEach((c, i) => {
    const [w, s, e, n] = c.bboxLonLat;
    const properties = { crs: c.crs, rank: i + 1, selected: c.crs === selectedCrs };
    features.push({
      type: 'Feature',
      properties: { ...properties, kind: 'extent' },
      geometry: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] },
    });
    features.push({ type: 'Feature', properties: { ...properties, kind: 'centre' }, geometry: { type: 'Point', coordinates: [...c.centroidLonLat] } });
  });
  return { type: 'FeatureCollection', features };
}

/** [west, south, east, north] around every candidate, degrees; at least `minSpanDeg` wide and high. */
export function boundsOfCandidates(candidates: readonly CrsCandidate[], minSpanDeg = 0.02): [number, number, number, number] | null {
  if (!candidates.length) return null;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const c of candidates) {
    w = Math.min(w, c.bboxLonLat[0]);
    s = Math.min(s, c.bboxLonLat[1]);
    e = Math.max(e, c.bboxLonLat[2]);
    n = Math.max(n, c.bboxLonLat[3]);
  }
  const padLon = Math.max(0, minSpanDeg - (e - w)) / 2;
  const padLat = Math.max(0, minSpanDeg - (n - s)) / 2;
  // Web Mercator stops at ±85.05°: a swapped-axes candidate may put data beyond it.
  const clampLat = (lat: number) => Math.max(-85, Math.min(85, lat));
  return [w - padLon, clampLat(s - padLat), e + padLon, clampLat(n + padLat)];
}

export type ProblemKind = 'uscc' | 'overlap' | 'outsidePark' | 'geometry' | 'declaredArea' | 'crs' | 'formula' | 'encoding' | 'other';

/** What a problem is about, from its field and the server's wording (import-file.ts, bundle checks). */
export function classifyProblem(p: ImportProblem): ProblemKind {
  if (p.field === 'uscc' || p.field === 'tenant_uscc' || /check (character|digit)|统一社会信用代码/i.test(p.message)) return 'uscc';
  if (/\boverlaps\b/.test(p.message)) return 'overlap';
  if (/outside its park/.test(p.message)) return 'outsidePark';
  if (p.field === 'declared_area_sqm') return 'declaredArea';
  if (p.field === 'crs' || /coordinate system|^EPSG:\d+: /.test(p.message)) return 'crs';
  if (/formula injection/.test(p.message)) return 'formula';
  if (/damaged characters/.test(p.message)) return 'encoding';
  if (p.field === 'geometry') return 'geometry';
  return 'other';
}

export type FailureKind = 'unauthorized' | 'forbidden' | 'tooLarge' | 'network' | 'badRequest' | 'conflict' | 'other';

export function classifyFailure(status: number): FailureKind {
  switch (status) {
    case 0: return 'network';
    case 400: return 'badRequest';
    case 401: return 'unauthorized';
    case 403: return 'forbidden';
    case 409: return 'conflict';
    case 413: return 'tooLarge';
    default: return 'other';
  }
}

export type WizardStep = 'choose' | 'crs' | 'mapping' | 'report' | 'done';

/** The file holds several layers and none (or one it lacks) was chosen: the person picks one on the first step. */
export function needsSourceLayer(report: ImportReport): boolean {
  return report.status === 'invalid' && report.problems.some((p) => p.field === 'sourceLayer') && (report.sourceLayers?.length ?? 0) > 0;
}

/**
 * The step to show after an answer: back to the file to pick one of its layers, choose a CRS when asked, the
 * record once written, else the mapping.
 */
export function stepAfter(report: ImportReport): WizardStep {
  if (needsSourceLayer(report)) return 'choose';
  if (report.status === 'needsCrs') return 'crs';
  if (report.status === 'committed') return 'done';
  // A file that could not be read has no columns to map: straight to its problems
  return report.columns.length ? 'mapping' : 'report';
}

/** 1536 → "1.5 KB"; binary multiples, as file managers show them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return `${value.toFixed(1)} ${units[i]}`;
}
