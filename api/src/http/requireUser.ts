import { createMiddleware } from 'hono/factory';
import type { SignedInViewer } from '../access/Viewer.ts';
import { forbidden, unauthorized } from './problems.ts';
import type { AppEnv } from './router.ts';

/** What a route behind requireUser reads: the viewer, known to be signed in. */
export interface SignedInEnv {
  Variables: { user: SignedInViewer };
}

/**
 * A route for signed-in users only: anonymous requests are 401 with `detail` (what signing in is
 * for), before the body is read or validated. The handler then finds the viewer in `c.var.user`.
 * `roles`, when given, lets only those roles through (403 with `forbiddenDetail`).
 */
export function requireUser(detail: string, only?: { roles: readonly SignedInViewer['role'][]; forbiddenDetail: string }) {
  return createMiddleware<AppEnv & SignedInEnv>(async (c, next) => {
    const viewer = c.var.viewer;
    if (viewer.kind === 'anonymous') throw unauthorized(detail);
    if (only && !only.roles.includes(viewer.role)) throw forbidden(only.forbiddenDetail);
    c.set('user', viewer);
    await next();
  });
}
