import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/http-client';
import type { Problem } from '../api/types';

export type Resource<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'error'; problem: Problem };

function toProblem(error: unknown): Problem {
  if (error instanceof ApiError) return error.problem;
  return {
    type: 'about:blank',
    title: 'Error',
    status: 0,
    detail: error instanceof Error ? error.message : String(error),
  };
}

/**
 * Loads one resource once `enabled` is true, again whenever `key` changes (e.g. the year), aborting
 * the previous request and on unmount. `load` is read when the request starts, so it may be an
 * inline closure over the values that make up `key`. A change of `revision` alone (the server's data
 * changed, see data-revision.ts) loads again too, but keeps the data shown until the new answer comes.
 */
export function useResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  enabled = true,
  key: string | number | null = null,
  revision = 0,
): Resource<T> {
  const [resource, setResource] = useState<Resource<T>>({ status: enabled ? 'loading' : 'idle' });
  const loadRef = useRef(load);
  loadRef.current = load;
  const loadedKey = useRef<{ key: string | number | null } | null>(null);

  useEffect(() => {
    if (!enabled) {
      loadedKey.current = null;
      return;
    }
    const controller = new AbortController();
    const sameKey = loadedKey.current !== null && loadedKey.current.key === key;
    loadedKey.current = { key };
    setResource((current) => (sameKey && current.status === 'ready' ? current : { status: 'loading' }));
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setResource({ status: 'ready', data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setResource({ status: 'error', problem: toProblem(error) });
      },
    );
    return () => controller.abort();
  }, [enabled, key, revision]);

  return resource;
}

export function dataOf<T>(resource: Resource<T>): T | undefined {
  return resource.status === 'ready' ? resource.data : undefined;
}
