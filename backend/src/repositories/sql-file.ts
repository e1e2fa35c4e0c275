import fs from 'node:fs';

const cache = new Map<string, string>();

/** The text of a .sql file beside the repository that runs it (read once). */
export function sqlFile(url: URL): string {
  const key = url.href;
  let text = cache.get(key);
  if (text === undefined) {
    text = fs.readFileSync(url, 'utf8');
    cache.set(key, text);
  }
  return text;
}
