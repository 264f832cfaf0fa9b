import type { Context, MiddlewareHandler } from 'hono';
import { obstacleScope } from '../access/obstacleAccess.ts';
import { planScopeKey } from '../access/planAccess.ts';
import { investorScope } from '../access/plotAccess.ts';
import { visibilityScope } from '../access/projectVisibility.ts';
import { writabilityScope } from '../access/projectWritability.ts';
import type { AppEnv } from '../http/router.ts';
import { cacheEntry, etagMatches, type CachedResponse, type ResponseCache } from './ResponseCache.ts';

/**
 * The reads whose answer depends only on the URL, the data and the viewer's visibility scope,
 * never on who the viewer is beyond that scope. Audited route by route:
 * - summaries and timelines: aggregates through projectFilterSql (visibility + filters);
 * - the zones table and zone KPIs (/api/zones, /api/zones/summary): zone_facts through
 *   projectFilterSql, no investor field (plots' holders never enter them);
 * - the project list and one project: PROJECT_SUMMARY_COLUMNS and findProject's columns, no
 *   per-user field (nothing like "can edit"); hidden projects are 404s, which are not kept;
 * - boundaries: public, the same for everyone;
 * - OGC collections, pages and items: through projectFilterSql; their links are absolute, so
 *   the origin is part of the key, and JSON or HTML follows `f` or Accept, so Accept is too.
 * - plans' matrix, series and cells: their answer depends on the plan scope (planScopeKey: an
 *   engineer's rows are their own governorates, so the key is finer than the visibility scope)
 *   and on today (as_of defaults to it), so both are in their key instead.
 * - one zone's head and timeline: through projectVisibility, and what they say of investors
 *   follows investorScope (plotAccess.ts), so both are in their key; the head also says whether
 *   the viewer may write the zone, so its key holds writabilityScope (an engineer's own).
 * - the obstacle list, the minister's overview and the critical projects (/api/obstacles,
 *   /api/obstacles/overview, /api/obstacles/critical-projects): through obstacleVisibility, so
 *   obstacleScope is in their key; list and overview say what the caller may do (may_edit,
 *   may_escalate: the role and, for an engineer, their governorates, which obstacleScope holds),
 *   so the role is too; proposals move with the clock (days at a level count from the hour it
 *   was reached), so the current minute is too: a cached answer is at most a minute old.
 * - what changed (/api/changes): through projectFilterSql, like the summaries; "delayed", "stale"
 *   and the named periods (week, month) move with the date, so today's date is in its key too.
 * Not here, on purpose: /api/auth/* (the session's own user), /api/admin/* (accounts),
 * /api/projects/{id}/shares (staff only, a role rule finer than the scope), history and
 * progress reports (per-project, rarely repeated), exports (streamed whole files, no-store),
 * tiles (their own cache, TileService).
 */
const CACHED_READS: readonly RegExp[] = [
  /^\/api\/summaries\//,
  /^\/api\/zones(\/summary)?$/,
  /^\/api\/projects$/,
  /^\/api\/projects\/[1-9][0-9]{0,15}$/,
  /^\/api\/boundaries\//,
  /^\/ogc\/collections(\/(governorates|projects|zones)(\/items(\/[^/]+)?)?)?$/,
];

/** The plan reads (see above): cached under the plan scope and today's date. */
const PLAN_READS = /^\/api\/plans\/[A-Z]{3}\/\d{4}\/(matrix|series\/[a-z0-9_]+|cells\/[A-Z0-9-]+\/[a-z0-9_]+)$/;

/** A zone's head and timeline (see above): cached under the visibility and investor scopes, the head under the write scope too. */
const ZONE_READS = /^\/api\/zones\/[1-9][0-9]{0,15}(\/timeline)?$/;

/** The obstacle reads (see above): cached under the obstacle scope, the role and the current minute. */
const OBSTACLE_READS = /^\/api\/obstacles(\/overview|\/critical-projects)?$/;

/** What changed (see above): cached under the visibility scope and today's date. */
const CHANGES_READS = /^\/api\/changes$/;

/** Response headers that belong to the answer itself (never Set-Cookie or other per-request ones). */
const KEPT_HEADERS = ['content-type', 'vary', 'cache-control', 'content-language'];

export const isCachedRead = (method: string, path: string) =>
  method === 'GET' && (CACHED_READS.some((pattern) => pattern.test(path)) || PLAN_READS.test(path) || CHANGES_READS.test(path) || ZONE_READS.test(path) || OBSTACLE_READS.test(path));

/** Whose answer it is: the visibility scope, for plan reads the plan scope as of today, for zone reads the scopes above. */
function scopeOf(c: Context<AppEnv>): string {
  const { viewer } = c.var;
  if (PLAN_READS.test(c.req.path)) return `${planScopeKey(viewer)}@${new Date().toISOString().slice(0, 10)}`;
  if (OBSTACLE_READS.test(c.req.path)) {
    return `obstacles:${obstacleScope(viewer)}:${viewer.kind === 'user' ? viewer.role : 'anonymous'}@${new Date().toISOString().slice(0, 16)}`;
  }
  if (CHANGES_READS.test(c.req.path)) return `${visibilityScope(viewer)}@${new Date().toISOString().slice(0, 10)}`;
  if (ZONE_READS.test(c.req.path)) {
    const scopes = [visibilityScope(viewer), investorScope(viewer)];
    if (!c.req.path.endsWith('/timeline')) scopes.push(writabilityScope(viewer));
    return scopes.join('/');
  }
  return visibilityScope(viewer);
}

/**
 * What an answer depends on: the data version, the visibility scope, the origin, path and
 * query (parameters sorted, so their order does not matter) and, for OGC, the Accept header.
 */
export function readCacheKey(c: Context<AppEnv>): string {
  const url = new URL(c.req.url);
  const query = [...url.searchParams].sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1));
  return [
    c.var.dataVersion.current,
    scopeOf(c),
    url.origin + url.pathname,
    new URLSearchParams(query).toString(),
    url.pathname.startsWith('/ogc/') ? (c.req.header('accept') ?? '') : '',
  ].join('|');
}

/**
 * Serves repeated reads from memory: each answer carries an ETag (304 on If-None-Match) and
 * `Cache-Control: private, no-cache`, so browsers keep it but ask again each time. Concurrent
 * identical misses run the handler once. Only 200 answers are kept.
 */
export function readCache(cache: ResponseCache): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!isCachedRead(c.req.method, c.req.path)) return next();
    // The key is taken before the handler reads anything, so a write that lands meanwhile moves
    // later readers to a new key instead of leaving them an answer from before it.
    const key = readCacheKey(c);
    let ran = false;
    const { entry, shared } = await cache.getOrCompute(key, async () => {
      ran = true;
      await next();
      const res = c.res;
      if (res.status !== 200 || res.headers.has('content-encoding') || !res.body) return undefined;
      const type = res.headers.get('content-type') ?? '';
      if (!/json|html/.test(type)) return undefined;
      const headers: Record<string, string> = {};
      for (const name of KEPT_HEADERS) {
        const value = res.headers.get(name);
        if (value !== null) headers[name] = value;
      }
      return cacheEntry(new Uint8Array(await res.arrayBuffer()), headers);
    });
    if (!entry) return; // not kept: the handler's own response stands
    const { status, body, headers } = answer(c, entry, shared ? 'hit' : 'miss');
    const response = new Response(body as Uint8Array<ArrayBuffer> | null, { status, headers });
    if (!ran) return response;
    // The handler ran and its body was read: replace its response with the same answer.
    c.res = response;
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  };
}

function answer(c: Context<AppEnv>, entry: CachedResponse, cacheState: 'hit' | 'miss') {
  const headers: Record<string, string> = {
    ...entry.headers,
    etag: entry.etag,
    'cache-control': entry.headers['cache-control'] ?? 'private, no-cache',
    vary: [entry.headers.vary, 'Accept-Encoding'].filter(Boolean).join(', '),
    'x-read-cache': cacheState,
  };
  if (etagMatches(c.req.header('if-none-match'), entry.etag)) {
    delete headers['content-type'];
    return { status: 304 as const, body: null, headers };
  }
  if (entry.gzip && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
    return { status: 200 as const, body: entry.gzip, headers: { ...headers, 'content-encoding': 'gzip' } };
  }
  return { status: 200 as const, body: entry.body, headers };
}
