import { DOMParser } from '@xmldom/xmldom';
import { kml } from '@tmcw/togeojson';
import type { SourceData, SourceRecord } from './source.js';
import { ImportReadError } from './safe-zip.js';
import { problemDetail } from '../bundle/problems.js';

/** KML (always lon/lat WGS84 by its specification): placemarks with their name, description and ExtendedData. */
export function readKml(bytes: Buffer, file: string, format: 'kml' | 'kmz' = 'kml'): SourceData {
  const errors: string[] = [];
  let doc;
  try {
    doc = new DOMParser({
      onError: (level: string, message: string) => {
        if (level !== 'warning') errors.push(message);
      },
    }).parseFromString(bytes.toString('utf8'), 'text/xml');
  } catch (err) {
    // xmldom 0.9 throws a ParseError on fatal errors
    errors.push((err as Error).message);
  }
  if (errors.length || !doc?.documentElement) {
    const reason = errors[0] ?? 'no root element';
    throw new ImportReadError(file, `is not well-formed KML: ${reason}`, problemDetail('kmlNotWellFormed', { reason }));
  }
  const rootElement = doc.documentElement.nodeName;
  if (rootElement !== 'kml') throw new ImportReadError(file, `is XML but not KML (root element <${rootElement}>)`, problemDetail('notKml', { rootElement }));
  const collection = kml(doc as unknown as Document);
  const columns: string[] = [];
  const seen = new Set<string>();
  const records: SourceRecord[] = collection.features.map((f, i) => {
    const properties = { ...(f.properties ?? {}) };
    for (const key of Object.keys(properties)) {
      if (key.startsWith('style') || key === 'fill' || key === 'stroke' || key.startsWith('fill-') || key.startsWith('stroke-')) {
        delete properties[key];
        continue;
      }
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
    }
    return { feature: i + 1, properties, geometry: f.geometry };
  });
  return { file, format, columns, records, statedCrs: { text: 'EPSG:4326', from: 'KML (always lon/lat)' }, problems: [] };
}
