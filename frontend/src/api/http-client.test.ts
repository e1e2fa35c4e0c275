import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, getJson } from './http-client';

afterEach(() => vi.unstubAllGlobals());

function stubFetch(respond: () => Promise<Response>) {
  vi.stubGlobal('fetch', vi.fn(respond));
}

describe('getJson', () => {
  it('returns the parsed body of a 2xx answer', async () => {
    stubFetch(async () => Response.json({ status: 'ok' }));
    await expect(getJson('/api/health')).resolves.toEqual({ status: 'ok' });
  });

  it('turns application/problem+json into an ApiError carrying title and detail', async () => {
    const problem = { type: 'about:blank', title: 'Not Found', status: 404, detail: 'no park P99' };
    stubFetch(async () =>
      new Response(JSON.stringify(problem), { status: 404, headers: { 'content-type': 'application/problem+json' } }),
    );
    const error = await getJson('/api/parks/P99').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem).toEqual(problem);
    expect((error as ApiError).message).toBe('Not Found: no park P99');
  });

  it('makes a problem from a non-JSON error page', async () => {
    stubFetch(async () => new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    const error = (await getJson('/api/parks').catch((e: unknown) => e)) as ApiError;
    expect(error.problem).toMatchObject({ title: 'Bad Gateway', status: 502, detail: '/api/parks' });
  });

  it('reports a network failure as a problem with status 0', async () => {
    stubFetch(async () => {
      throw new TypeError('fetch failed');
    });
    const error = (await getJson('/api/parks').catch((e: unknown) => e)) as ApiError;
    expect(error.problem).toMatchObject({ title: 'Network error', status: 0 });
    expect(error.problem.detail).toContain('fetch failed');
  });
});
