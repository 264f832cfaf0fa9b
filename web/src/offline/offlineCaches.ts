/**
 * What the service worker (sw.ts) and the page agree on about what the device keeps offline:
 * the caches' names, the key a map tile is kept under and the messages between them. No DOM and
 * no worker types here: both sides import it.
 */

/** Boundaries and the client config: the same for everyone, kept for anyone. */
export const SHARED_CACHE = 'marsad-shared';
/** What one signed-in user read (`/api/*`, `/tiles/*`): theirs only, deleted at sign-out and when someone else signs in. */
export const DATA_CACHE_PREFIX = 'marsad-data-u';
/** The service worker's own memory: who is signed in on this device. */
export const META_CACHE = 'marsad-meta';
/** The key, in META_CACHE, of the signed-in user's id (`null` signed out). */
export const USER_KEY = '/__marsad/signed-in-user';
/** Set on the service worker's own 503 for what the device does not keep offline (the server never sends it). */
export const NOT_KEPT_HEADER = 'marsad-offline';

export const dataCacheName = (userId: number): string => `${DATA_CACHE_PREFIX}${userId}`;

/** Whether a cache holds some user's data (and so goes when they sign out). */
export const isDataCache = (name: string): boolean => name.startsWith(DATA_CACHE_PREFIX);

/** Deletes every user's data cache but `userId`'s (all of them for `null`): from the worker, or from the page when there is none. */
export async function deleteOtherDataCaches(userId: number | null): Promise<void> {
  const keep = userId === null ? null : dataCacheName(userId);
  for (const name of await caches.keys()) if (isDataCache(name) && name !== keep) await caches.delete(name);
}

/**
 * The key a response is kept under. Map tiles carry the page's data version (`v=`, see
 * api/dataVersion.ts) only to make the browser ask again after a change; offline, a tile is the
 * same tile whatever the counter said, so the key leaves it out.
 */
export function offlineCacheKey(url: string, base?: string): string {
  const parsed = new URL(url, base);
  if (parsed.pathname.startsWith('/tiles/') && parsed.searchParams.has('v')) {
    parsed.searchParams.delete('v');
  }
  return parsed.href;
}

/** Page → service worker: who is signed in now (`null`: nobody). */
export interface SignedInMessage {
  type: 'marsad:signed-in';
  userId: number | null;
}

export const signedInMessage = (userId: number | null): SignedInMessage => ({ type: 'marsad:signed-in', userId });

export const isSignedInMessage = (data: unknown): data is SignedInMessage =>
  typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'marsad:signed-in';

/**
 * Service worker → page: whether the server answered its last request. A tablet on a Wi-Fi with
 * no way to the server still says `navigator.onLine`; this says what actually happened.
 */
export interface NetworkMessage {
  type: 'marsad:network';
  reachable: boolean;
}

export const networkMessage = (reachable: boolean): NetworkMessage => ({ type: 'marsad:network', reachable });

export const isNetworkMessage = (data: unknown): data is NetworkMessage =>
  typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'marsad:network';

/** Whether an answer may be kept at all: `no-store` (a device key, an export) never is. */
export const mayKeep = (cacheControl: string | null): boolean => !/(^|,)\s*no-store\s*(,|$)/i.test(cacheControl ?? '');

/** Read through the shared cache (same for every visitor). */
export const isSharedRead = (pathname: string): boolean => pathname.startsWith('/api/boundaries/') || pathname === '/api/config';
