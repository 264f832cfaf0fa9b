import type { MiddlewareHandler } from 'hono';
import { ProblemError } from './problems.ts';

/** The media type of a Content-Type header without its parameters, lower-cased ('' when absent). */
export const mediaTypeOf = (contentType: string | undefined) => (contentType ?? '').split(';')[0]!.trim().toLowerCase();

export const isJson = (type: string) => type === 'application/json' || type.endsWith('+json');
const isForm = (type: string) => type === 'multipart/form-data' || type === 'application/x-www-form-urlencoded';

/** Whether a request's content type is one a route declared (a form type takes either form encoding). */
function accepts(declared: string, sent: string): boolean {
  const want = mediaTypeOf(declared);
  if (isJson(want)) return isJson(sent);
  if (isForm(want)) return isForm(sent);
  return want === sent;
}

/**
 * 415 naming the types a route takes, before its validators run: they would answer a bare
 * "Unsupported Media Type", or read a body of the wrong type.
 */
export function requireDeclaredMediaType(declared: readonly string[]): MiddlewareHandler {
  const list = declared.join(' or ');
  return async (c, next) => {
    const header = c.req.header('content-type');
    const bodySent = Number(c.req.header('content-length') ?? 0) > 0 || c.req.header('transfer-encoding') !== undefined;
    if (header === undefined ? bodySent : !declared.some((type) => accepts(type, mediaTypeOf(header)))) {
      const sent = header === undefined ? 'no content-type header' : `content-type ${mediaTypeOf(header) || '(empty)'}`;
      throw new ProblemError(415, 'Unsupported Media Type', `Send the body as ${list} (this request has ${sent})`, { accepted: declared });
    }
    await next();
  };
}

interface RouteWithBody {
  request?: { body?: { content?: Record<string, unknown> } };
  middleware?: MiddlewareHandler | MiddlewareHandler[];
}

/** Gives every route of `router` that declares a request body the check above, ahead of its own middleware. */
export function withMediaTypeCheck<Router extends { openapi: unknown }>(router: Router): Router {
  const openapi = router.openapi as (route: RouteWithBody, ...rest: unknown[]) => unknown;
  router.openapi = ((route: RouteWithBody, ...rest: unknown[]) => {
    const declared = Object.keys(route.request?.body?.content ?? {});
    if (!declared.length) return openapi(route, ...rest);
    const own = route.middleware === undefined ? [] : Array.isArray(route.middleware) ? route.middleware : [route.middleware];
    return openapi({ ...route, middleware: [requireDeclaredMediaType(declared), ...own] }, ...rest);
  }) as Router['openapi'];
  return router;
}
