/// <reference lib="webworker" />
/**
 * Marsad's service worker (built by vite-plugin-pwa, `injectManifest`): the app shell from the
 * precache, so the page opens with no connection; the boundaries and the client config for
 * everyone; and what a signed-in user reads (`/api/*`, `/tiles/*`) in a cache of their own, read
 * from the network first and from that cache when there is no network. The page says who is
 * signed in (offline/serviceWorkerUser.ts); when that changes, every other user's data cache is
 * deleted. Nothing answered `no-store` is kept, and nothing for an anonymous visitor but the
 * boundaries.
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import { dataCacheName, deleteOtherDataCaches, isSharedRead, isSignedInMessage, mayKeep, META_CACHE, networkMessage, NOT_KEPT_HEADER, offlineCacheKey, SHARED_CACHE, USER_KEY } from '../offline/offlineCaches.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every page of the app is index.html (client-side routes); the print page is not offline.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//, /^\/tiles\//, /^\/ogc\//, /^\/print/] }));

// ---- Whether the server answers ----------------------------------------------------------------

let reachable = true;

/** Tells the pages whether the server answered: every failure (a page opened offline learns it), a success once after failures. */
async function reportReachable(now: boolean): Promise<void> {
  if (now && reachable) return;
  reachable = now;
  for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage(networkMessage(now));
}

const reachability = {
  fetchDidFail: async () => reportReachable(false),
  fetchDidSucceed: async ({ response }: { response: Response }) => {
    void reportReachable(true);
    return response;
  },
};

registerRoute(
  ({ url, request }) => request.method === 'GET' && url.origin === self.location.origin && isSharedRead(url.pathname),
  new NetworkFirst({ cacheName: SHARED_CACHE, plugins: [reachability] }),
);

// ---- Who is signed in --------------------------------------------------------------------------

let signedIn: Promise<number | null> | null = null;

/** The signed-in user as the page last said (kept in META_CACHE, so a restarted worker knows it too). */
function currentUser(): Promise<number | null> {
  signedIn ??= caches
    .open(META_CACHE)
    .then((cache) => cache.match(USER_KEY))
    .then(async (response) => (response === undefined ? null : ((await response.json()) as { userId: number | null }).userId))
    .catch(() => null);
  return signedIn;
}

/** Remembers who is signed in and deletes every data cache but theirs. */
async function setUser(userId: number | null): Promise<void> {
  signedIn = Promise.resolve(userId);
  const meta = await caches.open(META_CACHE);
  await meta.put(USER_KEY, new Response(JSON.stringify({ userId }), { headers: { 'content-type': 'application/json' } }));
  await deleteOtherDataCaches(userId);
}

self.addEventListener('message', (event) => {
  if (!isSignedInMessage(event.data)) return;
  const done = setUser(event.data.userId).then(() => event.ports[0]?.postMessage('done'));
  event.waitUntil(done);
});

// ---- A user's data ------------------------------------------------------------------------------

/** What the page gets when it asks offline for something the device does not keep. */
function notKept(url: URL): Response {
  const problem = {
    type: 'about:blank',
    title: 'Service Unavailable',
    status: 503,
    detail: `Not available offline: ${url.pathname} is not kept on this device. Connect to the network, or prepare for the field while online.`,
    offline: true,
  };
  // The header says the device answered, not the server: the page and the browser tests tell the two apart.
  return new Response(JSON.stringify(problem), { status: 503, headers: { 'content-type': 'application/problem+json', [NOT_KEPT_HEADER]: 'not-kept' } });
}

/** Network first; a successful answer kept in the user's cache (unless no-store); the cache when the network fails. */
async function userRead(request: Request, url: URL): Promise<Response> {
  const user = await currentUser();
  if (user === null) return fetch(request);
  const cacheName = dataCacheName(user);
  const key = offlineCacheKey(request.url);
  let response: Response;
  try {
    response = await fetch(request);
    void reportReachable(true);
  } catch {
    void reportReachable(false);
    const kept = await caches.match(key, { cacheName });
    return kept ?? notKept(url);
  }
  // Kept only if the same user is still signed in when it arrives: another's answer never lands in this cache.
  if (response.status === 200 && mayKeep(response.headers.get('cache-control')) && (await currentUser()) === user) {
    const copy = response.clone();
    void caches.open(cacheName).then((cache) => cache.put(key, copy)).catch(() => undefined);
  }
  return response;
}

registerRoute(
  ({ url, request }) =>
    request.method === 'GET' && url.origin === self.location.origin && (url.pathname.startsWith('/api/') || url.pathname.startsWith('/tiles/')) && !isSharedRead(url.pathname),
  ({ request, url }) => userRead(request, url),
);

self.addEventListener('install', () => void self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
