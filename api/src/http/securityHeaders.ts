import type { MiddlewareHandler } from 'hono';
import type { Config } from '../config.ts';
import { PAGE_STYLE_SOURCE } from '../ogc/htmlPage.ts';

/**
 * The Content-Security-Policy of everything served (the web app, the OGC HTML pages, the API):
 * scripts, styles, fonts and workers from this origin only, so an injected script or a foreign
 * stylesheet does not run. MapLibre needs `blob:` images and workers; React's `style={…}` goes
 * through the DOM, which CSP does not restrict; the OGC pages' one inline stylesheet is allowed
 * by its hash. An external basemap (BASEMAP_STYLE_URL) adds its origin for its style, tiles,
 * glyphs and sprites.
 */
export function contentSecurityPolicy(config: Pick<Config, 'BASEMAP_STYLE_URL'>): string {
  const basemap = config.BASEMAP_STYLE_URL ? [new URL(config.BASEMAP_STYLE_URL).origin] : [];
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", PAGE_STYLE_SOURCE],
    'img-src': ["'self'", 'data:', 'blob:', ...basemap],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...basemap],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/**
 * Headers on every response, errors included: the CSP above, no framing (clickjacking), no
 * content sniffing, no full URL (with its filters and ids) sent to other sites, and a browsing
 * context of our own. A header a route set itself is kept.
 */
export function securityHeaders(config: Pick<Config, 'BASEMAP_STYLE_URL'>): MiddlewareHandler {
  const headers = {
    'content-security-policy': contentSecurityPolicy(config),
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'cross-origin-opener-policy': 'same-origin',
  };
  return async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(headers)) if (!c.res.headers.has(name)) c.header(name, value);
  };
}
