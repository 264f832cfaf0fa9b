import type { MiddlewareHandler } from 'hono';
import { invalidParameters } from '../http/problems.ts';

/**
 * Rejects query parameters the resource does not know with a 400 naming each of them, so a
 * misspelt filter (`contry=SYR`) is not silently ignored and the client shown everything.
 */
export function rejectUnknownParameters(known: readonly string[]): MiddlewareHandler {
  const allowed = new Set(known);
  return async (c, next) => {
    const unknown = [...new Set(new URL(c.req.url).searchParams.keys())].filter((name) => !allowed.has(name));
    if (unknown.length) {
      const message = `is not a parameter of this resource; the parameters are ${[...allowed].join(', ')}`;
      const errors = unknown.map((parameter) => ({ parameter, message }));
      throw invalidParameters(errors);
    }
    await next();
  };
}
