import { useSyncExternalStore } from 'react';

/**
 * A counter bumped whenever what the signed-in user may see or has written changes (sign-in,
 * sign-out, a progress report, the connection coming back). Map tiles carry it in their URL, so
 * deck.gl fetches them again.
 */
let version = 0;
const listeners = new Set<() => void>();

export function bumpDataVersion(): void {
  version += 1;
  for (const listener of listeners) listener();
}

// Back online: tiles that failed while the connection was down are fetched again.
if (typeof window !== 'undefined') window.addEventListener('online', () => bumpDataVersion());

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useDataVersion(): number {
  return useSyncExternalStore(subscribe, () => version);
}
