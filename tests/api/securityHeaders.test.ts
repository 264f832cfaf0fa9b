import { describe, expect, it } from 'vitest';
import { testApp, useTestApp, type TestApp } from '../support/testApp.ts';

/** The CSP as a map of directive to sources. */
const directives = (csp: string | null) =>
  Object.fromEntries((csp ?? '').split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));

describe('security headers', () => {
  const t = useTestApp('demo');

  /** A read asked again until the read cache answers it (the first answers may race the data version's first look). */
  const readUntilCached = async (path: string) => {
    for (let i = 0; ; i += 1) {
      const res = await t.app.request(path);
      if (res.headers.get('x-read-cache') === 'hit' || i === 5) return res;
      await res.arrayBuffer();
    }
  };

  it('sends a strict policy, no framing, no sniffing and a short referrer on every kind of response', async () => {
    const responses = {
      'web app': await t.app.request('/'),
      'client route': await t.app.request('/projects/1'),
      'API JSON': await t.app.request('/api/projects?limit=1'),
      'API JSON from the read cache': await readUntilCached('/api/projects?limit=1'),
      'API 304': await t.app.request('/api/summaries/countries', {
        headers: { 'if-none-match': (await t.app.request('/api/summaries/countries')).headers.get('etag')! },
      }),
      'API problem': await t.app.request('/api/projects/0x10'),
      'API 404': await t.app.request('/api/nothing'),
      'OGC HTML page': await t.app.request('/ogc/collections?f=html'),
      'OGC HTML problem': await t.app.request('/ogc/collections/nothing?f=html'),
      tile: await t.app.request('/tiles/projects/0/0/0.mvt'),
      export: await t.app.request('/api/exports/projects.csv'),
      '405': await t.app.request('/api/projects', { method: 'DELETE' }),
    };
    expect(responses['API JSON from the read cache'].headers.get('x-read-cache')).toBe('hit');
    expect(responses['API 304'].status).toBe(304);
    for (const [what, res] of Object.entries(responses)) {
      await res.arrayBuffer();
      expect(res.headers.get('x-frame-options'), what).toBe('DENY');
      expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), what).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('cross-origin-opener-policy'), what).toBe('same-origin');
      const csp = directives(res.headers.get('content-security-policy'));
      expect(csp['default-src'], what).toEqual(["'self'"]);
      expect(csp['script-src'], what).toEqual(["'self'"]);
      expect(csp['frame-ancestors'], what).toEqual(["'none'"]);
      expect(csp['object-src'], what).toEqual(["'none'"]);
      expect(csp['worker-src'], what).toEqual(["'self'", 'blob:']);
      expect(csp['connect-src'], what).toEqual(["'self'"]);
      expect(Object.values(csp).flat().join(' '), what).not.toMatch(/unsafe-eval|unsafe-inline|\*/);
    }
  });

  it("allows the OGC pages' one inline stylesheet by its hash, and no inline script anywhere", async () => {
    const { createHash } = await import('node:crypto');
    const res = await t.app.request('/ogc?f=html');
    const page = await res.text();
    const inline = /<style>([\s\S]*?)<\/style>/.exec(page)![1]!;
    const hash = `'sha256-${createHash('sha256').update(inline).digest('base64')}'`;
    expect(directives(res.headers.get('content-security-policy'))['style-src']).toContain(hash);
    expect(page).not.toMatch(/<script|\son\w+=|style="/);
    const app = await (await t.app.request('/')).text();
    expect(app).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // every script of the built app is a file
  });
});

describe('security headers with an external basemap', () => {
  const t = useTestApp('boundaries', { BASEMAP_STYLE_URL: 'https://tiles.example.org/styles/basic/style.json' });

  it("lets the map reach the basemap's origin, and nothing else outside", async () => {
    const csp = directives((await t.app.request('/')).headers.get('content-security-policy'));
    expect(csp['connect-src']).toEqual(["'self'", 'https://tiles.example.org']);
    expect(csp['img-src']).toEqual(["'self'", 'data:', 'blob:', 'https://tiles.example.org']);
    expect(csp['script-src']).toEqual(["'self'"]);
  });
});

describe('TRUST_PROXY', () => {
  const login = (t: TestApp, headers: Record<string, string>) =>
    t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ email: 'viewer@marsad.demo', password: 'marsad-demo' }),
    });

  it('makes the session cookie Secure when the proxy says the client came over https', async () => {
    const t = await testApp('demo', { TRUST_PROXY: 'true' });
    try {
      expect((await login(t, { 'x-forwarded-proto': 'https' })).headers.get('set-cookie')).toMatch(/; Secure/);
      expect((await login(t, { 'x-forwarded-proto': 'http' })).headers.get('set-cookie')).not.toMatch(/Secure/);
      expect((await login(t, {})).headers.get('set-cookie')).not.toMatch(/Secure/);
    } finally {
      await t.close();
    }
  });

  it('ignores X-Forwarded-Proto and X-Forwarded-For when off (the default): any client can write them', async () => {
    const t = await testApp('demo');
    try {
      expect((await login(t, { 'x-forwarded-proto': 'https' })).headers.get('set-cookie')).not.toMatch(/Secure/);
      // Failures "from" many forwarded addresses are all the one real client's.
      const wrong = (forwardedFor: string) =>
        t.app.request('/api/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
          body: JSON.stringify({ email: 'minister@marsad.demo', password: 'wrong password' }),
        });
      const statuses = [];
      for (let i = 0; i < 12 && statuses.at(-1) !== 429; i += 1) statuses.push((await wrong(`10.0.0.${i}`)).status);
      expect(statuses.at(-1)).toBe(429);
    } finally {
      await t.close();
    }
  });
});
