import type { Database } from '../db/database.js';
import { loadBundle, type LoadOptions } from '../bundle/load-bundle.js';
import { readBundleZip } from '../bundle/read-bundle-files.js';

export function createBundleService(db: Database) {
  return {
    /** Load an uploaded bundle .zip (its bytes, or the temp file it was saved to); all or nothing. */
    async importZip(zip: Buffer | { path: string }, fileName: string, options: LoadOptions = {}) {
      return loadBundle(db, await readBundleZip(zip, fileName), options);
    },
  };
}
export type BundleService = ReturnType<typeof createBundleService>;
