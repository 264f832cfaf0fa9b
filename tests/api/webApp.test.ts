import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirForSuite } from '../support/tempDir.ts';
import { testApp } from '../support/testApp.ts';

/**
 * The built web app as the API serves it: hashed assets cached for a year, but the service
 * worker, the manifest and the pages revalidated on every use — or an installed app would stay
 * on an old version — and the service worker's CSP as the page's.
 */
describe('serving the web app', () => {
  const dir = tempDirForSuite('marsad-web-');

  it('caches hashed assets immutably, the public files a day, and revalidates the service worker, the manifest and the pages', async () => {
    const dist = dir();
    await mkdir(join(dist, 'assets'), { recursive: true });
    await writeFile(join(dist, 'index.html'), '<!doctype html><title>مرصد</title>');
    await writeFile(join(dist, 'print.html'), '<!doctype html><title>print</title>');
    await writeFile(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    await writeFile(join(dist, 'manifest.webmanifest'), JSON.stringify({ name: 'مرصد', display: 'standalone' }));
    await writeFile(join(dist, 'assets', 'index-abc123.js'), 'console.log(1);');
    await mkdir(join(dist, 'fonts'));
    await writeFile(join(dist, 'fonts', 'NotoSans-Regular.ttf'), Buffer.from([0, 1, 0, 0]));
    const t = await testApp('migrated', { WEB_DIST: dist });
    try {
      const get = (path: string) => t.app.request(path);
      const asset = await get('/assets/index-abc123.js');
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

      // The public files keep their names across versions: a day, so the map's labels reuse the fonts the page loaded.
      const font = await get('/fonts/NotoSans-Regular.ttf');
      expect(font.status).toBe(200);
      expect(font.headers.get('cache-control')).toBe('public, max-age=86400');

      const sw = await get('/sw.js');
      expect(sw.status).toBe(200);
      expect(sw.headers.get('cache-control')).toBe('no-cache');
      expect(sw.headers.get('content-type')).toMatch(/javascript/);
      expect(sw.headers.get('content-security-policy')).toMatch(/worker-src 'self'/);

      const manifest = await get('/manifest.webmanifest');
      expect(manifest.headers.get('cache-control')).toBe('no-cache');
      expect(manifest.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
      expect(await manifest.json()).toMatchObject({ name: 'مرصد' });

      // A chunk name that is not (or no longer) in the build gets the page, which is never kept for a year.
      for (const path of ['/', '/index.html', '/some/client/route', '/print.html', '/assets/index-gone999.js']) {
        const page = await get(path);
        expect(page.status, path).toBe(200);
        expect(page.headers.get('cache-control'), path).toBe('no-cache');
      }
    } finally {
      await t.close();
    }
  });
});
