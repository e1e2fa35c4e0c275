import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * GDAL as the independent reader of what we export. Tests that need it run only where `ogrinfo` and
 * `ogr2ogr` are installed (CI installs gdal-bin) and say so when skipped.
 */
export const hasGdal = (() => {
  try {
    execFileSync('ogrinfo', ['--version']);
    execFileSync('ogr2ogr', ['--version']);
    return true;
  } catch {
    return false;
  }
})();
if (!hasGdal) console.warn('GDAL (ogrinfo, ogr2ogr) not found: the tests reading exports with GDAL are skipped');

const tempDirs: string[] = [];
process.on('exit', () => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** Write bytes to a fresh temporary file named `name` (removed when the test process ends); returns its path. */
export function writeTempFile(name: string, bytes: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'muyield-export-'));
  tempDirs.push(dir);
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** `ogrinfo -ro -al -so <source>`: the layer summary (driver, count, fields, SRS). */
export function ogrSummary(source: string): string {
  return execFileSync('ogrinfo', ['-ro', '-al', '-so', source], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** What GDAL reads from `source`, converted by `ogr2ogr -f GeoJSON` (extra options, e.g. open options, before it). */
export function ogrToGeoJson(source: string, options: string[] = []): GeoJSON.FeatureCollection {
  const text = execFileSync('ogr2ogr', ['-f', 'GeoJSON', ...options, '/vsistdout/', source], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(text) as GeoJSON.FeatureCollection;
}
