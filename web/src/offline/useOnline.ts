import { useSyncExternalStore } from 'react';
import { isNetworkMessage } from './offlineCaches.ts';

/**
 * Whether the page can reach the server: the browser's `navigator.onLine`, and what the service
 * worker saw of its last request (a network that leads nowhere still says "online"). Back
 * "online" by the browser's word, the page trusts it again until the next failure.
 */
let reachable = true;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => {
    reachable = true;
    notify();
  });
  window.addEventListener('offline', notify);
  navigator.serviceWorker?.addEventListener('message', (event: MessageEvent) => {
    if (!isNetworkMessage(event.data) || event.data.reachable === reachable) return;
    reachable = event.data.reachable;
    notify();
  });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, () => navigator.onLine && reachable);
}
