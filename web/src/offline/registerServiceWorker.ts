/**
 * Registers the service worker (sw.js at the root: its scope is the whole app). Loaded lazily by
 * main.tsx once the page has loaded, in production builds only, so the first view neither waits
 * for nor carries it.
 */
export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  try {
    await navigator.serviceWorker.register('/sw.js', { scope: '/', type: 'module' });
  } catch {
    // Refused (a private window, storage off): the app works online as before.
  }
}
