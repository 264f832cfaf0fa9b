import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumPrinter, PrinterUnavailable, type PrintJob } from './chromiumPrinter.ts';

/**
 * The printer against a small page of its own (no database, no web build): what the page may
 * load, what it is refused, the data handed over, waiting for the page, the queue and timeouts.
 * Needs Chromium (/usr/bin/chromium or CHROMIUM_PATH) and poppler's pdftotext.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A page that asks for everything it should not have, writes what it got, then says it is ready. */
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><script src="/page.js"></script></head><body><pre id="out"></pre></body></html>`;
const SCRIPT = `
const out = [];
const get = (url) => fetch(url).then((r) => r.status + (r.ok ? ':' + r.headers.get('content-type') : ''), () => 'failed');
(async () => {
  out.push('data=' + (window.__MARSAD_BRIEF__ && window.__MARSAD_BRIEF__.title));
  out.push('photo=' + await get('/api/projects/1/progress/2/photos/3'));
  out.push('unlisted=' + await get('/api/projects/1/progress/2/photos/4'));
  out.push('health=' + await get('/api/health'));
  out.push('outside=' + await get('http://192.0.2.1/x'));
  out.push('post=' + await fetch('/page.js', { method: 'POST' }).then((r) => r.status, () => 'failed'));
  document.getElementById('out').textContent = out.join('\\n');
  if (!location.search.includes('never')) document.body.dataset.briefReady = 'true';
})();`;

describe.skipIf(!existsSync(CHROMIUM))('ChromiumPrinter', () => {
  let server: Server;
  let origin = '';
  const hits: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(`${req.method} ${req.url}`);
      if (req.url?.startsWith('/page.js')) return res.writeHead(200, { 'content-type': 'text/javascript' }).end(SCRIPT);
      if (req.url?.startsWith('/print')) return res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"from":"the server"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const job = (path = '/print'): PrintJob => ({
    origin,
    path,
    data: { title: 'handed over' },
    allowedApiPaths: new Set(['/api/projects/1/progress/2/photos/3']),
    photo: async (p) => (p.endsWith('/3') ? { bytes: new Uint8Array([137, 80, 78, 71]), contentType: 'image/png' } : undefined),
  });
  const text = (pdf: Uint8Array) => execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString();

  it('hands the data over, serves only the listed photos, refuses other /api requests, other hosts and writes', async () => {
    const printer = new ChromiumPrinter({ CHROMIUM_PATH: CHROMIUM, BRIEF_CONCURRENCY: 1, BRIEF_QUEUE_MAX: 0, BRIEF_TIMEOUT_MS: 20_000 });
    try {
      const printed = text(await printer.print(async () => job()));
      expect(printed).toContain('data=handed over');
      expect(printed).toContain('photo=200:image/png');
      expect(printed).toContain('unlisted=403');
      expect(printed).toContain('health=403');
      expect(printed).toContain('outside=failed');
      expect(printed).toContain('post=failed');
      // The server saw the page and its script, nothing of /api, no POST.
      expect(hits.filter((h) => h.includes('/api/') || h.startsWith('POST'))).toEqual([]);
    } finally {
      await printer.close();
    }
  });

  it('a page that never gets ready times out; beyond the queue the printer is busy with a Retry-After; closed or crashed, it launches again', async () => {
    const printer = new ChromiumPrinter({ CHROMIUM_PATH: CHROMIUM, BRIEF_CONCURRENCY: 1, BRIEF_QUEUE_MAX: 1, BRIEF_TIMEOUT_MS: 3_000 });
    try {
      const never = printer.print(async () => job('/print?never'));
      const queued = printer.print(async () => job());
      const refused = printer.print(async () => job());
      await expect(refused).rejects.toMatchObject({ reason: 'busy', retryAfterSeconds: expect.any(Number) });
      await expect(never).rejects.toBeInstanceOf(PrinterUnavailable);
      await expect(never).rejects.toMatchObject({ reason: 'timeout' });
      expect(text(await queued)).toContain('data=handed over');
      await printer.close();
      expect(text(await printer.print(async () => job()))).toContain('photo=200');
      // A browser gone behind the printer's back (crashed, killed) is launched anew.
      const { browser } = printer as unknown as { browser: Promise<Browser> };
      await (await browser).close();
      expect(text(await printer.print(async () => job()))).toContain('photo=200');
    } finally {
      await printer.close();
    }
  });

  it('names what to install when Chromium is missing', async () => {
    const printer = new ChromiumPrinter({ CHROMIUM_PATH: '/nonexistent/chromium', BRIEF_CONCURRENCY: 1, BRIEF_QUEUE_MAX: 0, BRIEF_TIMEOUT_MS: 3_000 });
    await expect(printer.print(async () => job())).rejects.toMatchObject({ reason: 'missing', message: expect.stringMatching(/apt-get install chromium fonts-noto-core.*CHROMIUM_PATH/) });
  });
});
