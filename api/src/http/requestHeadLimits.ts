import type { MiddlewareHandler } from 'hono';
import { ProblemError } from './problems.ts';

/** The longest request target (path and query) answered; longer is 414. Browsers and proxies keep to about this. */
export const MAX_URL_LENGTH = 8 * 1024;
/** The most header bytes (names and values) answered; more is 431. */
export const MAX_HEADER_BYTES = 16 * 1024;
/**
 * Node's own cap on the whole request head, set well above the two limits so that the app, not
 * Node's bare 431, answers most oversized requests (see nodeServer.ts for the rest).
 */
export const NODE_MAX_HEADER_SIZE = 64 * 1024;

export const urlTooLong = (length: number) =>
  new ProblemError(
    414,
    'URI Too Long',
    `The address is ${length} characters long; at most ${MAX_URL_LENGTH} are accepted: send fewer or shorter query parameters`,
  );

export const headersTooLarge = (bytes: number | undefined) =>
  new ProblemError(
    431,
    'Request Header Fields Too Large',
    `The request headers are ${bytes === undefined ? 'too large' : `${bytes} bytes`}; at most ${MAX_HEADER_BYTES} are accepted: clear this site's cookies or send fewer headers`,
  );

/** 414 for an overlong address and 431 for oversized headers, as problems. */
export const refuseOversizedRequestHead: MiddlewareHandler = async (c, next) => {
  const url = c.req.url;
  const target = url.length - new URL(url).origin.length;
  if (target > MAX_URL_LENGTH) throw urlTooLong(target);
  let bytes = 0;
  c.req.raw.headers.forEach((value, name) => (bytes += name.length + value.length + 4));
  if (bytes > MAX_HEADER_BYTES) throw headersTooLarge(bytes);
  await next();
};
