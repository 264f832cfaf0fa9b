import type { MiddlewareHandler } from 'hono';
import { problemResponse } from './problems.ts';

interface Route {
  method: string;
  path: string;
}

/** A Hono route path (`/api/projects/:id`, `/tiles/:layer{…}`) as a regular expression. */
function pathPattern(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) => {
      const param = /^:\w+(?:\{(.+)\})?$/.exec(segment);
      if (param) return param[1] ? `(?:${param[1]})` : '[^/]+';
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return new RegExp(`^${source}$`);
}

/**
 * Turns the 404 of a path that exists under other methods into 405 with `Allow`, so `PATCH
 * /api/projects` says which methods there are instead of "no resource". Catch-all routes (`*`)
 * and middleware (`ALL`) do not count as resources.
 */
export function methodNotAllowed(routes: () => readonly Route[]): MiddlewareHandler {
  let patterns: { method: string; pattern: RegExp }[] | undefined;
  return async (c, next) => {
    await next();
    if (c.res.status !== 404) return;
    patterns ??= routes()
      .filter((route) => route.method !== 'ALL' && !route.path.includes('*'))
      .map((route) => ({ method: route.method, pattern: pathPattern(route.path) }));
    const allowed = new Set(patterns.filter(({ pattern }) => pattern.test(c.req.path)).map(({ method }) => method));
    if (allowed.has('GET')) allowed.add('HEAD');
    if (!allowed.size || allowed.has(c.req.method)) return;
    const methods = [...allowed].sort().join(', ');
    c.res = problemResponse(
      {
        type: 'about:blank',
        title: 'Method Not Allowed',
        status: 405,
        detail: `${c.req.method} is not a method of ${c.req.path}; its methods are ${methods}`,
        instance: c.req.path,
      },
      { allow: methods },
    );
  };
}
