import { useSyncExternalStore } from 'react';

/**
 * A counter bumped whenever what the signed-in user may see or has written changes (sign-in,
 * sign-out, a progress report). Map tiles carry it in their URL, so deck.gl fetches them again.
 */
let version = 0;
const listeners = new Set<() => void>();

export function bumpDataVersion(): void {
  version += 1;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useDataVersion(): number {
  return useSyncExternalStore(subscribe, () => version);
}
