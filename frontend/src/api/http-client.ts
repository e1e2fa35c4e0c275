import type { Problem } from './types';

/** An API failure carrying the server's problem details, or a synthetic one for network errors. */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && typeof (value as Problem).title === 'string';
}

async function readProblem(response: Response, url: string): Promise<Problem> {
  const fallback: Problem = {
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
    detail: url,
  };
  try {
    const body: unknown = await response.json();
    return isProblem(body) ? { ...fallback, ...body } : fallback;
  } catch {
    return fallback;
  }
}

/** GET a same-origin JSON resource; non-2xx answers and network failures become an ApiError. */
export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError({
      type: 'about:blank',
      title: 'Network error',
      status: 0,
      detail: `${url}: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  if (!response.ok) throw new ApiError(await readProblem(response, url));
  return (await response.json()) as T;
}
