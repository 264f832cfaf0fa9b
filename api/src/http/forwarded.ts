import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from './router.ts';

/** The last entry of a comma-separated header: the one the nearest proxy wrote (earlier ones the client may have). */
const lastEntry = (header: string | undefined) => header?.split(',').at(-1)?.trim() || undefined;

/** The peer's address; 'local' when there is no socket (app.request in tests). */
function peerAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}

/**
 * Who is asking, by network address. Behind a proxy (TRUST_PROXY) the peer is the proxy, so the
 * address it appended to X-Forwarded-For is used; otherwise that header is ignored, since any
 * client can write it.
 */
export function clientAddress(c: Context<AppEnv>): string {
  const forwarded = c.var.config.TRUST_PROXY ? lastEntry(c.req.header('x-forwarded-for')) : undefined;
  return forwarded ?? peerAddress(c);
}

/** Whether the client reached us over TLS: directly, or (TRUST_PROXY) at a proxy that says so in X-Forwarded-Proto. */
export function isHttps(c: Context<AppEnv>): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return c.var.config.TRUST_PROXY && lastEntry(c.req.header('x-forwarded-proto'))?.toLowerCase() === 'https';
}
