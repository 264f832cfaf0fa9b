import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { AppEnv } from './router.ts';

/**
 * Files of the build that must be checked with the server on every use: the service worker (a
 * browser compares it byte for byte to find an update, and its scope is the whole origin, as it
 * is served from the root), the web app manifest and the pages, whose names do not change when
 * their content does. A year's immutable caching of them would pin an old app for a year.
 */
const REVALIDATED = /^\/(sw\.js|manifest\.webmanifest|index\.html|print\.html)?$/;

/**
 * The files of web/public (the map's fonts, the icons) keep their names from one version to the
 * next: kept a day. Without it the browser keeps nothing (no validator either) and loads the
 * fonts twice for the first view, for the page's text and again for the map's labels.
 */
const PUBLIC_FILE_CACHE = 'public, max-age=86400';

/**
 * Serves the built dashboard (web/dist) on the same origin as the API. Hashed assets are
 * cached for a year, the public files a day; the service worker, the manifest and the pages are
 * revalidated every time (`no-cache`); any other path that is not a file gets index.html
 * (client-side routes).
 */
export function webApp(distDir: string) {
  const app = new Hono<AppEnv>();
  if (!existsSync(join(distDir, 'index.html'))) {
    app.get('*', (c) =>
      c.text(`The dashboard is not built yet: run "pnpm --filter @marsad/web build" (looked in ${distDir}).`, 503),
    );
    return app;
  }
  // One rule for both: a page is revalidated even under /assets/ (a chunk name an old page asks for
  // after a deploy gets index.html, which must not be kept for a year as that chunk).
  app.use('*', async (c, next) => {
    await next();
    if (c.res.status !== 200) return;
    const page = c.res.headers.get('content-type')?.startsWith('text/html') ?? false;
    if (page || REVALIDATED.test(c.req.path)) c.header('cache-control', 'no-cache');
    else if (c.req.path.startsWith('/assets/')) c.header('cache-control', 'public, max-age=31536000, immutable');
    else c.header('cache-control', PUBLIC_FILE_CACHE);
  });
  app.use('*', serveStatic({ root: distDir }));
  app.get('*', serveStatic({ path: join(distDir, 'index.html') }));
  return app;
}
