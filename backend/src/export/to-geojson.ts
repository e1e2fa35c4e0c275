import type { ExportTable } from './headers.js';
import { toRfc7946Geometry } from './geometry.js';

/**
 * A table as an RFC 7946 FeatureCollection: lon/lat WGS 84 (no "crs" member), exterior rings
 * counter-clockwise, every column as a property (missing values as null), null geometry for tables.
 * Written feature by feature so the text is built once, not re-stringified per feature list.
 */
export function toGeoJson(table: Pick<ExportTable, 'columns' | 'features'>): Buffer {
  const parts: string[] = ['{"type":"FeatureCollection","features":['];
  table.features.forEach((f, i) => {
    const properties: Record<string, unknown> = {};
    for (const c of table.columns) properties[c.key] = f.properties[c.key] ?? null;
    parts.push((i ? ',' : '') + JSON.stringify({ type: 'Feature', geometry: toRfc7946Geometry(f.geometry), properties }));
  });
  parts.push(']}');
  return Buffer.from(parts.join(''), 'utf8');
}
