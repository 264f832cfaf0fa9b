import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MAX_GEOMETRY_POSITIONS, MAX_PROJECT_JSON_BYTES } from '@marsad/contracts';
import { isJson, mediaTypeOf } from './mediaTypes.ts';
import { contentTooLarge, invalidRequest } from './problems.ts';
import type { AppEnv } from './router.ts';

/**
 * The largest JSON body any route takes: a project with its geometry at the limit. Everything
 * else (a sign-in, a report, a share) is far smaller.
 */
export const MAX_JSON_BODY_BYTES = MAX_PROJECT_JSON_BYTES;

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


const tooLarge = bodyLimit({
  maxSize: MAX_JSON_BODY_BYTES,
  onError: () => {
    throw contentTooLarge(
      `A JSON body may be at most ${MAX_JSON_BODY_BYTES / MB} MB; ` +
        `a project's geometry at most ${MAX_GEOMETRY_POSITIONS.toLocaleString('en-US')} positions: simplify it`,
    );
  },
});

/**
 * Every JSON body's limits, before any route parses it: over MAX_JSON_BODY_BYTES is 413 while it
 * is still arriving, nested deeper than MAX_JSON_NESTING is 400. Other bodies (forms, files)
 * have their own limits in their routes.
 */
export const jsonBodyLimits: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.req.raw.body || !isJson(mediaTypeOf(c.req.header('content-type')))) return next();
  await tooLarge(c, async () => {
    // Hono keeps the text for the validator's JSON.parse; a fresh request keeps the body readable
    // for a route's own limit after this.
    const text = await c.req.text();
    c.req.raw = new Request(c.req.raw, { body: text });
    if (jsonNestsDeeperThan(text, MAX_JSON_NESTING)) {
      throw invalidRequest(`The JSON body nests deeper than ${MAX_JSON_NESTING} levels of arrays and objects`);
    }
    await next();
  });
};
