import type { FieldBundle, SessionUser } from '@marsad/contracts';
import { ORGANIZATIONS_URL } from '../../api/organizations.ts';
import { projectHistoryUrl, projectPageUrl, projectUrl } from '../../api/projects.ts';
import { tileUrlTemplate } from '../../map/deck/tileFeatures.ts';
import { dataCacheName, offlineCacheKey } from '../../offline/offlineCaches.ts';
import { tellServiceWorker } from '../../offline/serviceWorkerUser.ts';
import { SESSION_URL } from '../account/session.ts';
import { obstaclesUrl } from '../obstacles/obstacleApi.ts';
import { workQueueQuery } from '../overview/WorkQueue.tsx';
import { progressReportsUrl } from '../progress/progressApi.ts';
import { projectSharesUrl } from '../sharing/sharingApi.ts';
import { plotsUrl, zoneUrl } from '../zone/zoneApi.ts';
import { fetchFieldBundle } from './fieldApi.ts';

/**
 * "Prepare for the field", without React: the bundle's parts written into the signed-in user's
 * offline cache under the very addresses the page reads them from offline (the same URL builders),
 * then the map tiles the bundle names, fetched as the map asks for them (tileUrlTemplate, no
 * filter) and kept under the service worker's key. The service worker answers from that cache
 * when there is no network (sw/sw.ts).
 */

/** What the device keeps, said on the screen: when, for which governorates, how much. */
export interface FieldPrepared {
  prepared_at: string;
  data_version: string;
  governorates: string[];
  projects: number;
  zones: number;
  tiles: number;
  /** Everything downloaded (bundle, lists, tiles), before decompression. */
  bytes: number;
  requests: number;
  seconds: number;
}

/** Where in the user's cache the record of the last preparation is kept (gone with the cache). */
const PREPARED_KEY = '/__marsad/field-prepared';

/** The tile layers the map draws at a national or governorate view (plots come with a zone's screen). */
export const FIELD_TILE_LAYERS = ['projects', 'zones'] as const;
/** Tiles fetched at once. */
const TILE_CONCURRENCY = 6;

export interface FieldProgress {
  phase: 'data' | 'tiles';
  done: number;
  total: number;
}

const json = (body: unknown, preparedAt: string) =>
  new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json', 'x-marsad-field-prepared': preparedAt } });

/** The last preparation of `userId` on this device, or null. */
export async function readFieldPrepared(userId: number): Promise<FieldPrepared | null> {
  if (typeof caches === 'undefined') return null;
  const cache = await caches.open(dataCacheName(userId));
  const kept = await cache.match(PREPARED_KEY);
  return kept === undefined ? null : ((await kept.json()) as FieldPrepared);
}

/** The addresses a project's and a zone's parts are read from, and what each answers. */
function bundleEntries(raw: unknown, bundle: FieldBundle): [string, unknown][] {
  type SentProject = { detail: unknown; progress: unknown; history: unknown; obstacles: unknown; shares: unknown };
  const sent = raw as { projects: SentProject[]; zones: { detail: unknown; plots: unknown }[]; organizations: unknown };
  const entries: [string, unknown][] = [[ORGANIZATIONS_URL, sent.organizations]];
  bundle.projects.forEach((project, i) => {
    const id = project.detail.id;
    const part = sent.projects[i]!;
    entries.push(
      [projectUrl(id), part.detail],
      [progressReportsUrl(id), part.progress],
      [projectHistoryUrl(id), part.history],
      [obstaclesUrl({ project: id }), part.obstacles],
    );
    if (project.shares !== null) entries.push([projectSharesUrl(id), part.shares]);
  });
  bundle.zones.forEach((zone, i) => {
    const id = zone.detail.id;
    const part = sent.zones[i]!;
    entries.push([zoneUrl(id), part.detail], [plotsUrl(id, ''), part.plots]);
  });
  return entries;
}

/** Runs `work` over `items`, `concurrency` at a time. */
async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

export async function prepareForField(
  user: SessionUser,
  governorates: readonly string[],
  onProgress: (progress: FieldProgress) => void,
  signal?: AbortSignal,
): Promise<FieldPrepared> {
  const started = performance.now();
  // The service worker deletes every other user's data before this one's is written.
  await tellServiceWorker(user.id);
  const cache = await caches.open(dataCacheName(user.id));
  let bytes = 0;
  let requests = 0;
  const fetchKept = async (url: string): Promise<void> => {
    const response = await fetch(url, { signal: signal ?? null, credentials: 'same-origin' });
    requests += 1;
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    const body = await response.arrayBuffer();
    bytes += body.byteLength;
    await cache.put(offlineCacheKey(url, window.location.href), new Response(response.status === 204 ? null : body, { status: response.status, headers: response.headers }));
  };

  onProgress({ phase: 'data', done: 0, total: 1 });
  const { raw, bundle } = await fetchFieldBundle(governorates, signal);
  requests += 1;
  bytes += JSON.stringify(raw).length;
  const entries = bundleEntries(raw, bundle);
  // The lists the page opens with: the work queue, and who is signed in (offline, the page asks again).
  const lists = [projectPageUrl(workQueueQuery(user)), SESSION_URL];
  const total = entries.length + lists.length;
  let done = 0;
  for (const [url, body] of entries) {
    await cache.put(offlineCacheKey(url, window.location.href), json(body, bundle.prepared_at));
    if (++done % 25 === 0) onProgress({ phase: 'data', done, total });
  }
  for (const url of lists) {
    await fetchKept(url);
    onProgress({ phase: 'data', done: ++done, total });
  }

  const tiles = FIELD_TILE_LAYERS.flatMap((layer) =>
    bundle.tiles.coordinates.map(([z, x, y]) => tileUrlTemplate(layer, '').replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y))),
  );
  let fetched = 0;
  onProgress({ phase: 'tiles', done: 0, total: tiles.length });
  await pool(tiles, TILE_CONCURRENCY, async (url) => {
    await fetchKept(url);
    onProgress({ phase: 'tiles', done: ++fetched, total: tiles.length });
  });

  const prepared: FieldPrepared = {
    prepared_at: bundle.prepared_at,
    data_version: bundle.data_version,
    governorates: bundle.governorates.map((g) => g.code),
    projects: bundle.projects.length,
    zones: bundle.zones.length,
    tiles: tiles.length,
    bytes,
    requests,
    seconds: (performance.now() - started) / 1000,
  };
  await cache.put(PREPARED_KEY, json(prepared, bundle.prepared_at));
  return prepared;
}
