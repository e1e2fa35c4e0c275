import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/** Names of upload temp files in os.tmpdir(): `muyield-upload-<uuid>`. */
export const UPLOAD_FILE_PREFIX = 'muyield-upload-';

/** An upload cut off at UPLOAD_LIMIT_MB; answered 413 by the error handler (its statusCode). */
export class UploadTooLargeError extends Error {
  readonly statusCode = 413;
  constructor(readonly limitBytes: number) {
    super(`the upload went past ${(limitBytes / 1024 ** 2).toFixed(0)} MB and was cut off; this server accepts at most ${(limitBytes / 1024 ** 2).toFixed(0)} MB (UPLOAD_LIMIT_MB)`);
  }
}

/** The client went away mid-upload; nobody reads the answer, but it is not the server's fault. */
class UploadAbortedError extends Error {
  readonly statusCode = 400;
}

/**
 * Run `use` on the request body saved to a temporary file, which is removed when `use` settles, whatever
 * happens. The body is counted as it arrives: past `limitBytes` the upload is cut off (also when it came
 * without Content-Length or with a wrong one), the connection is closed after the answer and `use` never runs.
 * A body that is no stream (a request without one) is handed on as bytes.
 */
export async function withUploadFile<T>(body: unknown, limitBytes: number, reply: FastifyReply, use: (file: Buffer | { path: string }) => Promise<T>): Promise<T> {
  if (!(body instanceof Readable)) return use(Buffer.isBuffer(body) ? body : Buffer.alloc(0));
  const filePath = path.join(os.tmpdir(), `${UPLOAD_FILE_PREFIX}${randomUUID()}`);
  try {
    try {
      await saveStream(body, filePath, limitBytes);
    } catch (err) {
      // Part of the body may still be on its way; it is not read, so the connection cannot serve another request
      reply.header('connection', 'close');
      throw err;
    }
    return await use({ path: filePath });
  } finally {
    await fs.promises.rm(filePath, { force: true });
  }
}

/** Write `body` to a new file at `filePath`, refusing it past `limitBytes`; rejects when the client goes away. */
function saveStream(body: Readable, filePath: string, limitBytes: number): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const out = fs.createWriteStream(filePath, { flags: 'wx', mode: 0o600 });
    let receivedBytes = 0;
    let settled = false;
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      detach();
      // Whatever else arrives is let through unread (not held, not written) until the answer closes the connection
      body.resume();
      // The file is removed by the caller once the write stream has let go of it
      if (out.closed) reject(err);
      else out.once('close', () => reject(err)).destroy();
    };
    const onData = (chunk: Buffer) => {
      receivedBytes += chunk.length;
      if (limitBytes > 0 && receivedBytes > limitBytes) return fail(new UploadTooLargeError(limitBytes));
      if (!out.write(chunk)) body.pause();
    };
    const onDrain = () => body.resume();
    const onEnd = () => {
      if (settled) return;
      settled = true;
      detach();
      out.end((err?: Error | null) => (err ? reject(err) : resolve(receivedBytes)));
    };
    const onAborted = () => fail(new UploadAbortedError('the client closed the connection before the upload ended'));
    const onClose = () => {
      if (!body.readableEnded) onAborted();
    };
    const detach = () => {
      body.off('data', onData).off('end', onEnd).off('error', fail).off('aborted', onAborted).off('close', onClose);
      // A reset after this point is nobody's business, but an 'error' without a listener would throw
      body.on('error', () => undefined);
      out.off('drain', onDrain);
    };
    out.on('error', fail).on('drain', onDrain);
    body.on('data', onData).on('end', onEnd).on('error', fail).on('aborted', onAborted).on('close', onClose);
  });
}
