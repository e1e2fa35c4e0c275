import type { Database } from '../db/database.js';
import { loadBundle, type LoadOptions } from '../bundle/load-bundle.js';
import { readBundleZip } from '../bundle/read-bundle-files.js';

export function createBundleService(db: Database) {
  return {
    /** Load an uploaded bundle .zip; all or nothing. */
    async importZip(bytes: Buffer, fileName: string, options: LoadOptions = {}) {
      return loadBundle(db, await readBundleZip(bytes, fileName), options);
    },
  };
}
export type BundleService = ReturnType<typeof createBundleService>;
