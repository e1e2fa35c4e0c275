import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../config.js';
import type { BundleFiles } from '../bundle/read-bundle-files.js';

export const tinyBundleDir = path.join(repoRoot, 'gis-data', 'fixtures', 'tiny');
export const ankangBundleDir = path.join(repoRoot, 'gis-data', 'ankang');

/** The tiny fixture's parcels.geojson, parsed afresh (callers edit it). */
export function tinyParcelsGeoJson(): GeoJSON.FeatureCollection<GeoJSON.Polygon> {
  return JSON.parse(fs.readFileSync(path.join(tinyBundleDir, 'parcels.geojson'), 'utf8')) as GeoJSON.FeatureCollection<GeoJSON.Polygon>;
}

/** The tiny fixture in memory, with some files replaced or edited: a bad bundle in one line. */
export function tinyBundle(edit: Record<string, string | ((text: string) => string) | null> = {}): BundleFiles {
  const files = new Map<string, Buffer>();
  for (const name of fs.readdirSync(tinyBundleDir)) {
    if (name.endsWith('.md')) continue;
    files.set(name, fs.readFileSync(path.join(tinyBundleDir, name)));
  }
  for (const [name, change] of Object.entries(edit)) {
    if (change === null) files.delete(name);
    else if (typeof change === 'string') files.set(name, Buffer.from(change));
    else files.set(name, Buffer.from(change(files.get(name)?.toString('utf8') ?? '')));
  }
  return { source: 'tiny', files };
}

/** Edit a GeoJSON file's features. */
export function editFeatures(edit: (features: GeoJSON.Feature[]) => void) {
  return (text: string) => {
    const json = JSON.parse(text) as GeoJSON.FeatureCollection;
    edit(json.features);
    return JSON.stringify(json);
  };
}
