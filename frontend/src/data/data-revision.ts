import { useSyncExternalStore } from 'react';

// A counter of this tab's writes that change what the server answers (today: 分类调档 made or undone).
// The data hooks reload with it, keeping what they show until the new answer arrives.
let revision = 0;
const listeners = new Set<() => void>();

/** Say that data changed on the server: every hook that reads the revision loads again. */
export function bumpDataRevision(): void {
  revision += 1;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const currentRevision = () => revision;

/** The revision of the server's data as this tab knows it; changes after each of its writes. */
export function useDataRevision(): number {
  return useSyncExternalStore(subscribe, currentRevision, currentRevision);
}
