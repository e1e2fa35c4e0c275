/**
 * A Content-Disposition header for a download (RFC 6266): an ASCII `filename` every browser understands and
 * the UTF-8 name in `filename*` (RFC 5987) for those that do, so 宗地.csv arrives as 宗地.csv.
 */
export function contentDisposition(asciiFileName: string, utf8FileName: string): string {
  const ascii = asciiFileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(utf8FileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A file-name part from a code: letters, digits, dot, dash and underscore only. */
export function toAsciiNamePart(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, '_');
}
