import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';

/** A bundle's files by name (`parks.geojson`, `units.csv` …), whatever it came in. */
export interface BundleFiles {
  source: string;
  files: Map<string, Buffer>;
}

/** Limits that keep a hostile zip from exhausting memory. */
export const BUNDLE_LIMITS = {
  maxEntries: 200,
  maxUncompressedBytes: 2 * 1024 ** 3,
} as const;

export class BundleReadError extends Error {}

/** Read a bundle folder or a .zip of one (the zip may hold the files at its root or in one folder). */
export async function readBundleFiles(source: string): Promise<BundleFiles> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(source);
  } catch {
    throw new BundleReadError(`${source}: no such file or folder`);
  }
  if (stat.isDirectory()) {
    const files = new Map<string, Buffer>();
    for (const name of fs.readdirSync(source)) {
      const full = path.join(source, name);
      if (fs.statSync(full).isFile()) files.set(name, fs.readFileSync(full));
    }
    return { source, files };
  }
  return readBundleZip(fs.readFileSync(source), source);
}

/**
 * The files of a bundle .zip, its bytes or a file's (an upload's temp file; `source` names it in messages).
 * JSZip needs the zip whole, so a file is read into memory: no more than what it unpacks to, which is
 * held anyway (every bundle file is checked against the others before anything is written).
 */
export async function readBundleZip(input: Buffer | { path: string }, source: string): Promise<BundleFiles> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(Buffer.isBuffer(input) ? input : await fs.promises.readFile(input.path));
  } catch (err) {
    throw new BundleReadError(`${source}: not a readable zip file (${(err as Error).message})`);
  }
  const entries = Object.values(zip.files).filter((e) => !e.dir && !isJunk(e.name));
  if (entries.length > BUNDLE_LIMITS.maxEntries) {
    throw new BundleReadError(`${source}: ${entries.length} files in the zip; a bundle has at most ${BUNDLE_LIMITS.maxEntries}`);
  }
  // A bundle zipped with its folder: strip one common leading folder.
  const prefixes = new Set(entries.map((e) => (e.name.includes('/') ? e.name.slice(0, e.name.indexOf('/') + 1) : '')));
  const prefix = prefixes.size === 1 ? [...prefixes][0] : '';
  const files = new Map<string, Buffer>();
  let total = 0;
  for (const entry of entries) {
    const name = entry.name.slice(prefix.length);
    // Only top-level names: nothing is written to disk, and "../x" never names a bundle file.
    if (name.includes('/') || name.includes('\\') || name.startsWith('.')) continue;
    const content = await entry.async('nodebuffer');
    total += content.length;
    if (total > BUNDLE_LIMITS.maxUncompressedBytes) {
      throw new BundleReadError(`${source}: unpacks to more than ${BUNDLE_LIMITS.maxUncompressedBytes} bytes`);
    }
    files.set(name, content);
  }
  return { source, files };
}

function isJunk(name: string): boolean {
  return name.startsWith('__MACOSX/') || name.endsWith('.DS_Store');
}
