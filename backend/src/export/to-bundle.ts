import JSZip from 'jszip';
import { FILE_SPECS, GEO_LAYERS, TABLE_LAYERS, type LayerName } from '../bundle/fields.js';
import { toCsv } from './to-csv.js';
import type { ExportColumn } from './headers.js';

export interface BundleDataset {
  id: string;
  name: string;
  nameEn: string | null;
  source: string;
  licence: string | null;
  vintage: string | null;
  crs: string | null;
  real: boolean;
  note: string | null;
  /** The wording in Chinese, where there is one. */
  zh?: Record<string, string>;
}

export interface BundleLayerRow {
  values: Record<string, unknown>;
  geometry?: GeoJSON.MultiPolygon | null;
}

export interface BundleContent {
  name: string;
  exportedAt: string;
  datasets: BundleDataset[];
  scheme: Record<string, unknown> | null;
  /** What the database holds that the bundle format cannot carry, in words (kept in bundle.json). */
  notIncluded: string[];
  layers: Record<LayerName, BundleLayerRow[]>;
}


/** A stored value as a bundle property: lists stay arrays in GeoJSON, missing stays null. */
const toProperty = (value: unknown) => (value === undefined ? null : value);

/** A stored value as bundle CSV text (shared/BUNDLE.md): booleans true/false, lists joined with 、. */
function toCsvText(value: unknown): string | null {
  if (value == null) return null;
  if (Array.isArray(value)) return value.join('、');
  return String(value);
}

/**
 * The park bundle (shared/BUNDLE.md, format 1) of a database: the four GeoJSON files in EPSG:4326 with
 * geometry exactly as given, the four CSV files (UTF-8 with BOM, the contract's field names), bundle.json
 * with the datasets' provenance, and scheme.json when a scheme is given. Only the contract's fields are
 * written: derived columns (land_area_sqm, footprint_sqm) are computed again on load.
 */
export async function toBundleZip(content: BundleContent): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('bundle.json', JSON.stringify({
    format: 'park-bundle/1',
    name: content.name,
    crs: 'EPSG:4326',
    exportedAt: content.exportedAt,
    exportedBy: 'MuYield GET /api/export/bundle',
    notIncluded: content.notIncluded,
    datasets: content.datasets,
  }, null, 2));
  if (content.scheme) zip.file('scheme.json', JSON.stringify(content.scheme, null, 2));

  for (const layer of GEO_LAYERS) {
    const specs = FILE_SPECS[layer];
    const parts = ['{"type":"FeatureCollection","features":[\n'];
    content.layers[layer].forEach((row, i) => {
      const properties = Object.fromEntries(specs.map((s) => [s.name, toProperty(row.values[s.name])]));
      parts.push((i ? ',\n' : '') + JSON.stringify({ type: 'Feature', properties, geometry: row.geometry ?? null }));
    });
    parts.push('\n]}\n');
    zip.file(`${layer}.geojson`, parts.join(''));
  }
  for (const layer of TABLE_LAYERS) {
    const columns: ExportColumn[] = FILE_SPECS[layer].map((s) => ({ key: s.name, shp: s.name, zh: s.name, en: s.name, type: 'text' }));
    const features = content.layers[layer].map((row) => ({
      geometry: null,
      properties: Object.fromEntries(columns.map((c) => [c.key, toCsvText(row.values[c.key])])),
    }));
    zip.file(`${layer}.csv`, toCsv({ columns, features }, { lang: 'en', guardFormulas: false }));
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
