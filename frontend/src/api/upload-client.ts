// Writes with the admin token: an upload with real progress (XMLHttpRequest: fetch reports none for
// request bodies) and small JSON POSTs. Like http-client.ts, failures become an ApiError with the
// server's problem details.
import { ApiError } from './http-client';
import type { Problem } from './types';

export interface RawAnswer {
  status: number;
  /** Parsed JSON, or null when the body was empty or not JSON */
  body: unknown;
  statusText: string;
}

export interface UploadRequest {
  url: string;
  body: Blob;
  token: string;
  /** Fraction 0–1 of the body sent; not called when the browser cannot tell the total */
  onUploadProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

const networkProblem = (url: string, message: string): Problem => ({ type: 'about:blank', title: 'Network error', status: 0, detail: `${url}: ${message}` });

function parseJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return null;
  }
}

/** The server's problem+json for a failed answer, or one made from the status line. */
export function toProblem(answer: RawAnswer, url: string): Problem {
  const fallback: Problem = { type: 'about:blank', title: answer.statusText || `HTTP ${answer.status}`, status: answer.status, detail: url };
  const body = answer.body as Partial<Problem> | null;
  return body && typeof body === 'object' && typeof body.title === 'string' ? { ...fallback, ...(body as Problem) } : fallback;
}

/** POST a file as the raw body with `Authorization: Bearer`; resolves with any HTTP answer, rejects on network failure. */
export function uploadWithProgress({ url, body, token, onUploadProgress, signal }: UploadRequest): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onUploadProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => resolve({ status: xhr.status, statusText: xhr.statusText, body: parseJson(xhr.responseText) });
    xhr.onerror = () => reject(new ApiError(networkProblem(url, 'the upload failed')));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

/** POST without a body, with the admin token; non-2xx answers become an ApiError. */
export const postWithToken = <T>(url: string, token: string, signal?: AbortSignal): Promise<T> => postJsonWithToken<T>(url, undefined, token, signal);

/** POST a JSON body (or none) with the admin token; non-2xx answers become an ApiError with the server's problem. */
export async function postJsonWithToken<T>(url: string, body: unknown, token: string, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(networkProblem(url, error instanceof Error ? error.message : String(error)));
  }
  const text = await response.text();
  const answer: RawAnswer = { status: response.status, statusText: response.statusText, body: parseJson(text) };
  if (!response.ok) throw new ApiError(toProblem(answer, url));
  return answer.body as T;
}
