import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { ANONYMOUS } from '../access/Viewer.ts';
import { forbidden } from '../http/problems.ts';
import type { AppEnv } from '../http/router.ts';
import { SESSION_COOKIE } from './sessions.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The host an Origin header names, or undefined when it is not a URL (then it matches no host). */
function originHost(origin: string): string | undefined {
  return URL.canParse(origin) ? new URL(origin).host : undefined;
}

/**
 * Who is asking: the session cookie's user, or anonymous. Every read then filters through the
 * one visibility rule with this viewer.
 *
 * Writes are protected against cross-site requests twice: a request whose Origin is another
 * site is refused, and a signed-in write must carry the session's CSRF token in `x-csrf-token`.
 */
export const sessionMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  const unsafe = !SAFE_METHODS.has(c.req.method);
  if (unsafe) {
    const origin = c.req.header('origin');
    if (origin && origin !== 'null' && originHost(origin) !== new URL(c.req.url).host) {
      throw forbidden(`Requests from ${origin} may not change data here`);
    }
  }
  const token = getCookie(c, SESSION_COOKIE);
  const session = token ? await c.var.sessions.find(c.var.db, token) : undefined;
  c.set('viewer', session?.viewer ?? ANONYMOUS);
  if (session && token) c.set('session', { ...session, token });
  if (unsafe && session && c.req.header('x-csrf-token') !== session.csrfToken) {
    throw forbidden('Missing or wrong x-csrf-token header: send the csrfToken from sign-in with every change');
  }
  await next();
};
