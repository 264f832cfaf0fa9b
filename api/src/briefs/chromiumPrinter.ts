import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Route } from 'playwright-core';

/**
 * Prints briefs to PDF with one shared headless Chromium (Debian's package; never a browser
 * download). Launched on the first print, relaunched after a crash, closed again when idle. At
 * most `concurrency` pages print at once and `queueMax` more wait; beyond that, or past the
 * timeout, a print fails with a PrinterUnavailable the route turns into 503 (with Retry-After).
 *
 * The page is loaded from this same server (`origin`), with its data handed over before any
 * script runs (`window.__MARSAD_BRIEF__`). Every request the page makes is intercepted: the
 * photos listed in the data are answered by `photo()`, any other /api request is refused, and
 * nothing goes to another host. No cookie is ever given to the page: it needs none.
 */

export interface PrinterSettings {
  CHROMIUM_PATH?: string;
  BRIEF_CONCURRENCY: number;
  BRIEF_QUEUE_MAX: number;
  BRIEF_TIMEOUT_MS: number;
}

export interface PrintJob {
  /** Where this server answers, e.g. http://127.0.0.1:8787. */
  origin: string;
  /** The print page's path and query, e.g. /print.html?kind=governorate&code=SY-DI&lang=ar. */
  path: string;
  /** Handed to the page as window.__MARSAD_BRIEF__. */
  data: unknown;
  /** The only /api paths the page may load (the brief's photos), and how to answer them. */
  allowedApiPaths: ReadonlySet<string>;
  photo(path: string): Promise<{ bytes: Uint8Array; contentType: string } | undefined>;
}

/** Why a brief could not be printed now: Chromium is missing, the printer is busy, or a print took too long. */
export class PrinterUnavailable extends Error {
  override name = 'PrinterUnavailable';
  constructor(
    readonly reason: 'missing' | 'busy' | 'timeout' | 'failed',
    message: string,
    readonly retryAfterSeconds: number | null,
  ) {
    super(message);
  }
}

/** The Chromium switches of a headless, offline print: no GPU, no background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--font-render-hinting=none',
];

export const INSTALL_HINT = 'install it (Debian/Ubuntu: apt-get install chromium fonts-noto-core), or set CHROMIUM_PATH to a Chromium or Chrome executable';

/** A browser with no print for this long is closed (the next print launches it again, in about a second). */
const IDLE_CLOSE_MS = 60_000;
/** An A4 page at 96 CSS px per inch: the page lays itself out at this width. */
const A4_VIEWPORT = { width: 794, height: 1123 };

export class ChromiumPrinter {
  private browser: Promise<Browser> | undefined;
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private idleTimer: NodeJS.Timeout | undefined;
  /** Recent print durations (ms), for Retry-After. */
  private lastPrintMs = 5_000;

  constructor(private readonly settings: PrinterSettings) {}

  /**
   * Prints the job `prepare` makes to PDF bytes, or throws PrinterUnavailable. `prepare` runs once
   * a printing slot is free: a brief waiting in the queue does not yet read the database, so ten
   * briefs asked at once never run ten assemblies at once beside the server's other work.
   */
  async print(prepare: () => Promise<PrintJob>): Promise<Uint8Array> {
    // The slot is taken (or the queue joined) before anything is awaited: prints are served in
    // the order they were asked for.
    await this.slot();
    const started = performance.now();
    try {
      const executable = await this.executable();
      const pdf = await this.printWithin(executable, await prepare());
      this.lastPrintMs = Math.round((this.lastPrintMs + (performance.now() - started)) / 2);
      return pdf;
    } finally {
      this.release();
    }
  }

  /** Closes the browser, if one is open (on shutdown; prints after this launch a new one). */
  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const browser = this.browser;
    this.browser = undefined;
    if (browser) await browser.then((b) => b.close()).catch(() => {});
  }

  /** The Chromium to run: CHROMIUM_PATH, else /usr/bin/chromium, else chromium on PATH. */
  private async executable(): Promise<string> {
    const candidates = this.settings.CHROMIUM_PATH
      ? [this.settings.CHROMIUM_PATH]
      : ['/usr/bin/chromium', ...(process.env.PATH ?? '').split(delimiter).filter(Boolean).flatMap((dir) => [join(dir, 'chromium'), join(dir, 'chromium-browser')])];
    for (const path of candidates) {
      if (await access(path, constants.X_OK).then(() => true, () => false)) return path;
    }
    const where = this.settings.CHROMIUM_PATH ? `CHROMIUM_PATH (${this.settings.CHROMIUM_PATH}) is not an executable file` : 'Chromium was not found (/usr/bin/chromium, or chromium on PATH)';
    throw new PrinterUnavailable('missing', `Briefs are printed to PDF with headless Chromium, and ${where}: ${INSTALL_HINT}.`, null);
  }

  /**
   * Waits for a printing slot, or throws busy when the queue is full. The wait needs no timer of
   * its own: every print ahead ends within the timeout, so a queued print starts within
   * ceil(queue / concurrency) timeouts.
   */
  private async slot(): Promise<void> {
    if (this.running < this.settings.BRIEF_CONCURRENCY) {
      this.running += 1;
      return;
    }
    if (this.waiting.length >= this.settings.BRIEF_QUEUE_MAX) throw this.busy();
    // release() hands its slot over: `running` already counts this print when it wakes.
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) {
      next();
      return;
    }
    this.running -= 1;
    if (this.running === 0) {
      clearTimeout(this.idleTimer);
      this.idleTimer = setTimeout(() => void this.close(), IDLE_CLOSE_MS);
      this.idleTimer.unref();
    }
  }

  private busy(): PrinterUnavailable {
    const ahead = this.waiting.length + this.running;
    const seconds = Math.max(1, Math.ceil(((ahead / this.settings.BRIEF_CONCURRENCY) * this.lastPrintMs) / 1000));
    return new PrinterUnavailable('busy', `Briefs are being printed for others (${this.running} printing, ${this.waiting.length} waiting): try again in ${seconds} s.`, seconds);
  }

  private launched(executable: string): Promise<Browser> {
    clearTimeout(this.idleTimer);
    if (!this.browser) {
      const launching = chromium.launch({ executablePath: executable, args: CHROMIUM_ARGS, timeout: this.settings.BRIEF_TIMEOUT_MS }).then((browser) => {
        // A crashed or killed browser is forgotten: the next print launches a new one.
        browser.on('disconnected', () => {
          if (this.browser === launching) this.browser = undefined;
        });
        return browser;
      });
      launching.catch(() => {
        if (this.browser === launching) this.browser = undefined;
      });
      this.browser = launching;
    }
    return this.browser;
  }

  private async printWithin(executable: string, job: PrintJob): Promise<Uint8Array> {
    let context: BrowserContext | undefined;
    const pageErrors: string[] = [];
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const errors = pageErrors.length > 0 ? ` The page reported: ${pageErrors.slice(0, 3).join('; ')}` : '';
        reject(new PrinterUnavailable('timeout', `Printing the brief took longer than ${this.settings.BRIEF_TIMEOUT_MS} ms.${errors}`, 5));
      }, this.settings.BRIEF_TIMEOUT_MS);
    });
    const work = (async () => {
      const browser = await this.launched(executable).catch((error: Error) => {
        throw new PrinterUnavailable('failed', `Chromium (${executable}) did not start: ${error.message.split('\n')[0]}. Check it runs, or ${INSTALL_HINT}.`, 5);
      });
      context = await browser.newContext({ viewport: A4_VIEWPORT, serviceWorkers: 'block', acceptDownloads: false });
      await context.route('**/*', (route) => this.answer(route, job));
      // Before any script of the page runs (JSON is a JavaScript expression).
      await context.addInitScript({ content: `window.__MARSAD_BRIEF__ = ${JSON.stringify(job.data)};` });
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      // The printer reaches this server over the network: a failure to get there is the server's fault, said as 503.
      const response = await page.goto(new URL(job.path, job.origin).href, { waitUntil: 'load' }).catch((error: Error) => {
        throw new PrinterUnavailable('failed', `The printing browser could not open the print page at ${job.origin}: ${error.message.split('\n')[0]}.`, 5);
      });
      if (!response || !response.ok()) throw new PrinterUnavailable('failed', `The print page answered ${response?.status() ?? 'nothing'}: check that the web app is built (pnpm --filter @marsad/web build).`, 5);
      // Selectors, not script: the page's Content-Security-Policy refuses evaluating strings.
      await page.locator('body[data-brief-ready="true"]').waitFor({ state: 'attached', timeout: 0 });
      const drawError = await page.locator('body').getAttribute('data-brief-error');
      if (drawError !== null) throw new PrinterUnavailable('failed', `The print page could not draw the brief: ${drawError.slice(0, 300)}`, null);
      // A4 portrait and its margins come from the page's @page rule, and so does the running
      // footer (page n / total and the data stamp, in @page margin boxes): Chromium's own
      // header and footer would be drawn over it.
      return page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false });
    })();
    try {
      return await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
      work.catch(() => {}); // settled after a timeout: its failure is already answered
      await (context as BrowserContext | undefined)?.close().catch(() => {});
    }
  }

  /** Answers one request of the printing page: this server's pages and assets, the brief's photos, nothing else. */
  private async answer(route: Route, job: PrintJob): Promise<void> {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    if (url.origin !== new URL(job.origin).origin) return route.abort('blockedbyclient');
    if (url.pathname.startsWith('/api/')) {
      const photo = job.allowedApiPaths.has(url.pathname) ? await job.photo(url.pathname) : undefined;
      if (!photo) return route.fulfill({ status: 403, contentType: 'text/plain', body: 'The printing page reads only the brief it was given.' });
      return route.fulfill({ status: 200, contentType: photo.contentType, body: Buffer.from(photo.bytes) });
    }
    if (route.request().method() !== 'GET') return route.abort('blockedbyclient');
    return route.continue();
  }
}
