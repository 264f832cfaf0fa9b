import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { AppEnv } from './router.ts';

/**
 * Serves the built dashboard (web/dist) on the same origin as the API. Hashed assets are
 * cached for a year; any other path that is not a file gets index.html (client-side routes).
 */
export function webApp(distDir: string) {
  const app = new Hono<AppEnv>();
  if (!existsSync(join(distDir, 'index.html'))) {
    app.get('*', (c) =>
      c.text(`The dashboard is not built yet: run "pnpm --filter @marsad/web build" (looked in ${distDir}).`, 503),
    );
    return app;
  }
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('cache-control', 'public, max-age=31536000, immutable');
  });
  app.use('*', serveStatic({ root: distDir }));
  app.get('*', serveStatic({ path: join(distDir, 'index.html') }));
  return app;
}
