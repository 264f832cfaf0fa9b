import { deleteOtherDataCaches, signedInMessage } from './offlineCaches.ts';

/**
 * Tells the service worker who is signed in (`null`: nobody), and waits until it has deleted
 * every other user's data caches. Without a service worker (not supported, not registered, the
 * dev server) the page deletes them itself: "prepare for the field" writes them from the page.
 */
export async function tellServiceWorker(userId: number | null): Promise<void> {
  const registration = 'serviceWorker' in navigator ? await navigator.serviceWorker.getRegistration() : undefined;
  const worker = registration?.active ?? (registration === undefined ? null : (await navigator.serviceWorker.ready).active);
  if (worker === null || worker === undefined) {
    if (typeof caches !== 'undefined') await deleteOtherDataCaches(userId).catch(() => undefined);
    return;
  }
  const channel = new MessageChannel();
  const done = new Promise<void>((resolve) => {
    channel.port1.onmessage = () => resolve();
    // A worker being replaced may never answer: the next page load tells the new one.
    setTimeout(resolve, 5000);
  });
  worker.postMessage(signedInMessage(userId), [channel.port2]);
  await done;
}
