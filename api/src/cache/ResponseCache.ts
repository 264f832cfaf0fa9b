import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { LRUCache } from 'lru-cache';

/** One cached answer: the body as sent, its gzip form when worth it, and the headers that describe it. */
export interface CachedResponse {
  body: Uint8Array;
  gzip: Uint8Array | undefined;
  etag: string;
  headers: Record<string, string>;
}

/** Bodies under this are sent as they are (as hono's compress() does). */
const GZIP_THRESHOLD = 1024;

/**
 * Answers in memory, bounded by bytes, with single-flight: while one request computes an
 * answer, identical requests wait for it instead of asking the database again. Keys must name
 * everything an answer depends on (see readCache.ts).
 */
export class ResponseCache {
  /** Undefined when the cache is turned off (RESPONSE_CACHE_MB=0); single-flight still works. */
  private readonly lru: LRUCache<string, CachedResponse> | undefined;
  private readonly inFlight = new Map<string, Promise<CachedResponse | undefined>>();

  constructor(maxBytes: number) {
    this.lru =
      maxBytes > 0
        ? new LRUCache({
            maxSize: maxBytes,
            // One answer may not push out more than an eighth of the others.
            maxEntrySize: Math.max(1, Math.floor(maxBytes / 8)),
            sizeCalculation: (entry) => Math.max(1, entry.body.length + (entry.gzip?.length ?? 0) + 200),
          })
        : undefined;
  }

  get(key: string): CachedResponse | undefined {
    return this.lru?.get(key);
  }

  /**
   * The cached answer for `key`, or the one `compute` makes. Concurrent callers with the same
   * key share one `compute`; `compute` returns undefined for answers that must not be kept
   * (errors, other statuses), and then each waiting caller computes its own.
   */
  async getOrCompute(key: string, compute: () => Promise<CachedResponse | undefined>): Promise<{ entry: CachedResponse | undefined; shared: boolean }> {
    const cached = this.lru?.get(key);
    if (cached) return { entry: cached, shared: true };
    const pending = this.inFlight.get(key);
    if (pending) {
      const entry = await pending.catch(() => undefined);
      if (entry) return { entry, shared: true };
    }
    const computing = compute();
    this.inFlight.set(key, computing);
    try {
      const entry = await computing;
      if (entry) this.lru?.set(key, entry);
      return { entry, shared: false };
    } finally {
      if (this.inFlight.get(key) === computing) this.inFlight.delete(key);
    }
  }

  clear(): void {
    this.lru?.clear();
  }
}

/** A cache entry for a body: its strong ETag (a hash of the bytes) and, when worth it, its gzip form. */
export function cacheEntry(body: Uint8Array, headers: Record<string, string>): CachedResponse {
  return {
    body,
    gzip: body.length >= GZIP_THRESHOLD ? gzipSync(body, { level: 6 }) : undefined,
    etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
    headers,
  };
}

/** Whether an If-None-Match header names `etag` (weak comparison, as RFC 9110 asks for If-None-Match). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}
