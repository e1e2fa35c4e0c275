import JSZip from 'jszip';
import { problemDetail, type ProblemDetail } from '../bundle/problems.js';

/** Limits that keep a hostile zip (bomb, thousands of entries, ../ names) from hurting the server. */
export const ZIP_LIMITS = {
  maxEntries: 100,
  /** Sum of the entries' unpacked sizes, bytes. */
  maxUncompressedBytes: 512 * 1024 ** 2,
} as const;

export class ImportReadError extends Error {
  /** `message` is English; `detail` says the same as data, for a client to say it in its own language */
  constructor(readonly file: string, message: string, readonly detail?: ProblemDetail) {
    super(`${file}: ${message}`);
  }
}

export interface ZipEntry {
  name: string;
  /** Unpacks the entry, checking its size against what the zip declared and the overall cap. */
  read(): Promise<Buffer>;
  declaredBytes: number;
}

/** JSZip keeps the central directory's sizes and an unpacking stream on each entry, untyped. */
interface JsZipObjectInternals {
  _data?: { uncompressedSize?: number };
  internalStream(type: 'nodebuffer'): NodeJS.EventEmitter & { resume(): unknown; pause(): unknown };
}

/**
 * The entries of a zip, after checking names and declared sizes; nothing is unpacked until `read()`.
 * Entry names with `..`, an absolute path or a drive letter are refused, not skipped: they only come
 * from broken or hostile tools.
 */
export async function openZip(bytes: Buffer, file: string, limits: { maxEntries: number; maxUncompressedBytes: number } = ZIP_LIMITS): Promise<ZipEntry[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch (err) {
    throw new ImportReadError(file, `is not a readable zip file (${(err as Error).message})`, problemDetail('zipUnreadable', { reason: (err as Error).message }));
  }
  const all = Object.values(zip.files);
  if (all.length > limits.maxEntries) {
    throw new ImportReadError(file, `holds ${all.length} entries; at most ${limits.maxEntries} are accepted`, problemDetail('zipTooManyEntries', { entries: all.length, maxEntries: limits.maxEntries }));
  }
  for (const e of all) {
    const name = e.unsafeOriginalName ?? e.name;
    if (/(^|[\\/])\.\.([\\/]|$)/.test(name) || name.startsWith('/') || name.startsWith('\\') || /^[a-zA-Z]:/.test(name)) {
      throw new ImportReadError(file, `entry "${name}" points outside the archive (path traversal); refused`, problemDetail('zipEntryOutside', { entry: name }));
    }
  }
  const entries = all.filter((e) => !e.dir && !e.name.startsWith('__MACOSX/') && !e.name.endsWith('.DS_Store'));
  let declaredTotal = 0;
  for (const e of entries) declaredTotal += (e as unknown as JsZipObjectInternals)._data?.uncompressedSize ?? 0;
  if (declaredTotal > limits.maxUncompressedBytes) {
    throw new ImportReadError(
      file, `would unpack to ${formatBytes(declaredTotal)}; at most ${formatBytes(limits.maxUncompressedBytes)} are accepted (a zip bomb?)`,
      problemDetail('zipTooLarge', { unpackedBytes: declaredTotal, maxBytes: limits.maxUncompressedBytes }),
    );
  }
  let unpacked = 0;
  return entries.map((e) => {
    const declaredBytes = (e as unknown as JsZipObjectInternals)._data?.uncompressedSize ?? 0;
    return {
      name: e.name,
      declaredBytes,
      read: () => new Promise<Buffer>((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let failed = false;
        const stream = (e as unknown as JsZipObjectInternals).internalStream('nodebuffer');
        stream
          .on('data', (chunk: Buffer) => {
            if (failed) return;
            size += chunk.length;
            unpacked += chunk.length;
            if (size > declaredBytes || unpacked > limits.maxUncompressedBytes) {
              failed = true;
              stream.pause();
              reject(new ImportReadError(file, `entry "${e.name}" unpacks to more than the ${formatBytes(declaredBytes)} its header declares (a zip bomb?); refused`,
                problemDetail('zipEntryTooLarge', { entry: e.name, declaredBytes })));
              return;
            }
            chunks.push(chunk);
          })
          .on('error', (err: Error) => {
            if (!failed) reject(new ImportReadError(file, `entry "${e.name}" cannot be unpacked: ${err.message}`, problemDetail('zipEntryUnreadable', { entry: e.name, reason: err.message })));
            failed = true;
          })
          .on('end', () => {
            if (failed) return;
            if (size !== declaredBytes) {
              reject(new ImportReadError(file, `entry "${e.name}" unpacks to ${size} bytes but its header declares ${declaredBytes}; the zip is damaged`,
                problemDetail('zipEntryDamaged', { entry: e.name, unpackedBytes: size, declaredBytes })));
              return;
            }
            resolve(Buffer.concat(chunks));
          })
          .resume();
      }),
    };
  });
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}
