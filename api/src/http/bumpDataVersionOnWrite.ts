import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './router.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Sign-in and sign-out change sessions, not data that answers or tiles show. */
const NOT_DATA = /^\/api\/auth\//;

/**
 * The one place the data version moves on after the API's own writes: any request that may change
 * data (POST, PUT, PATCH, DELETE) and succeeded (2xx), once its handler has returned, so once its
 * transaction committed. Cached tiles and read answers (cache/readCache.ts) are keyed by the
 * version, so the next read sees the write. Writes from elsewhere are caught by DataVersion.watch.
 * A write that changed nothing says so (`wroteNothing`, an import's dry run, which rolls back):
 * emptying every cache for it would make all readers recompute at once for no new data.
 */
export const bumpDataVersionOnWrite: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (SAFE_METHODS.has(c.req.method) || NOT_DATA.test(c.req.path) || c.var.wroteNothing) return;
  if (c.res.status >= 200 && c.res.status < 300) c.var.dataVersion.bump();
};
