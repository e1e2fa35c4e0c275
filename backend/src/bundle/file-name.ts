/**
 * Names of files and bundles as people know them, never where they lay on the server: the import history,
 * reports and messages of the API show these.
 */

/** The last part of a path, a file's or a folder's: `/srv/muyield/gis-data/ankang/` → `ankang`, `C:\Users\x\企业.csv` → `企业.csv`. */
export function toFileName(source: string): string {
  return source.split(/[\\/]/).filter((part) => part !== '').at(-1) ?? source;
}

/**
 * A message with every absolute path in it cut to its last part (`open '/tmp/muyield-upload-1f…'` →
 * `open 'muyield-upload-1f…'`): a reader library's error may name the temporary file an upload was saved to.
 */
export function withoutServerPaths(message: string): string {
  return message.replace(/(^|[\s'"(`])(?:[A-Za-z]:\\|\/)(?:[^\s'"`\\/]+[\\/])*([^\s'"`\\/]+)/g, '$1$2');
}
