import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ProblemError } from './problem.ts';
import type { AppEnv } from './router.ts';

/**
 * How deep a JSON body may nest its arrays and objects. A project nests six deep (body, geometry,
 * coordinates of a MultiPolygon); JSON.parse of a million nested brackets (2 MB) takes seconds.
 */
export const MAX_JSON_NESTING = 32;

const MB = 1024 * 1024;

/**
 * Whether a JSON text nests deeper than `max`, found by counting brackets outside strings: one
 * pass, nothing allocated. The text need not be valid JSON; JSON.parse says what else is wrong.
 */
export function jsonNestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) {
      if (++depth > max) return true;
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return false;
}

/**
 * A JSON body's limits, as route middleware before the validators: over `maxBytes` is 413 while
 * it is still arriving, nested deeper than MAX_JSON_NESTING is 400 before anything parses it.
 * `what` names the body in the message ("A project").
 */
export function jsonBodyLimits(what: string, maxBytes: number): MiddlewareHandler<AppEnv>[] {
  const tooLarge = () => {
    throw new ProblemError(413, 'Content Too Large', `${what} may be at most ${maxBytes / MB} MB of JSON; simplify its geometry or shorten its text`);
  };
  const nesting: MiddlewareHandler<AppEnv> = async (c, next) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type === 'application/json' || type.endsWith('+json')) {
      // Hono keeps the text: the validator's JSON.parse reads it from there.
      if (jsonNestsDeeperThan(await c.req.text(), MAX_JSON_NESTING)) {
        throw new ProblemError(400, 'Invalid request', `The JSON body nests deeper than ${MAX_JSON_NESTING} levels of arrays and objects`);
      }
    }
    await next();
  };
  return [bodyLimit({ maxSize: maxBytes, onError: tooLarge }), nesting];
}
