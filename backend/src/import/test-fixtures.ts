import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { tinyBundleDir } from '../test-support/bundles.js';

/** GDAL is the independent party: it writes the files, the importer reads them back. */
export const hasGdal = (() => {
  try {
    execFileSync('ogr2ogr', ['--version']);
    return true;
  } catch {
    return false;
  }
})();
export const NO_GDAL_MESSAGE = 'ogr2ogr (GDAL) is not installed: the tests of files written by GDAL are skipped (apt-get install gdal-bin)';

const dirs: string[] = [];
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'muyield-import-'));
  dirs.push(dir);
  return dir;
}
export function removeTempDirs() {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

/**
 * The tiny fixture's four parcels as a park office would send them: Chinese column names, 用途 in words,
 * area in 亩 (the geometry's, for the declared-area check).
 */
export function chineseParcelsGeoJson(edit?: (features: GeoJSON.Feature[]) => void): GeoJSON.FeatureCollection {
  const json = JSON.parse(fs.readFileSync(path.join(tinyBundleDir, 'parcels.geojson'), 'utf8')) as GeoJSON.FeatureCollection;
  const features = json.features.map((f) => {
    const p = f.properties!;
    return {
      type: 'Feature' as const,
      properties: { 宗地号: p.code, 园区编号: p.park_code, 用途: '工业', 供地日期: p.supplied_on ? String(p.supplied_on).replace(/-/g, '/') : null },
      geometry: f.geometry,
    };
  });
  edit?.(features);
  return { type: 'FeatureCollection', features };
}

/** Write `geojson` and convert it with ogr2ogr; returns the output path. */
export function ogr2ogr(geojson: GeoJSON.FeatureCollection, driver: string, outName: string, args: string[] = []): string {
  const dir = tempDir();
  const src = path.join(dir, 'source.geojson');
  fs.writeFileSync(src, JSON.stringify(geojson));
  const out = path.join(dir, outName);
  execFileSync('ogr2ogr', ['-f', driver, ...args, out, src], { stdio: 'pipe' });
  return out;
}

/** A zipped shapefile written by GDAL; `drop` removes parts (".prj", ".shx", …) before zipping. */
export async function shapefileZip(geojson: GeoJSON.FeatureCollection, args: string[] = [], drop: string[] = []): Promise<Buffer> {
  const shp = ogr2ogr(geojson, 'ESRI Shapefile', 'parcels.shp', args);
  const dir = path.dirname(shp);
  const zip = new JSZip();
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith('parcels.') || drop.some((d) => name.endsWith(d))) continue;
    zip.file(name, fs.readFileSync(path.join(dir, name)));
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
