import type { SourceData, SourceRecord } from './source.js';
import { ImportReadError } from './safe-zip.js';

/** A GeoJSON FeatureCollection, Feature or bare geometry. A legacy `crs` member (what GDAL writes for projected data) is kept as the stated CRS. */
export function readGeoJson(bytes: Buffer, file: string): SourceData {
  let json: { type?: unknown; features?: unknown; crs?: { properties?: { name?: unknown } } };
  try {
    const text = bytes.toString('utf8');
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw new ImportReadError(file, `is not valid JSON: ${(err as Error).message}`);
  }
  let features: unknown[];
  if (json?.type === 'FeatureCollection' && Array.isArray(json.features)) features = json.features;
  else if (json?.type === 'Feature') features = [json];
  else throw new ImportReadError(file, 'is not a GeoJSON FeatureCollection or Feature');

  const columns: string[] = [];
  const seen = new Set<string>();
  const records: SourceRecord[] = features.map((f, i) => {
    const feature = (f ?? {}) as { properties?: Record<string, unknown> | null; geometry?: unknown };
    const properties = feature.properties && typeof feature.properties === 'object' ? feature.properties : {};
    for (const key of Object.keys(properties)) {
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
    }
    return { feature: i + 1, properties, geometry: feature.geometry ?? null };
  });
  const crsName = json.crs?.properties?.name;
  return {
    file,
    format: 'geojson',
    columns,
    records,
    statedCrs: typeof crsName === 'string' ? { text: crsName, from: 'the GeoJSON "crs" member' } : undefined,
    problems: [],
  };
}
