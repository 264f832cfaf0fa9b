/**
 * Time to first map render in headless Chromium: from navigation start to the boundaries and the
 * choropleth drawn (`data-map-ready="true"`) and to the first projects layer drawn
 * (`data-projects-ready="true"`), plus the JavaScript the page loaded for it (bytes over the wire,
 * gzip when the server compresses). `firstRender` is used by the browser tests
 * (nationalMap.e2e.test.ts prints its figures); run on its own, against a running server:
 *
 *   pnpm --filter @marsad/api exec tsx ../tests/e2e/measureFirstRender.ts http://127.0.0.1:8787/ [runs]
 */
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { launchChromium, newGuardedPage } from './browser.ts';

const MAP_TIMEOUT = 120_000;

export interface FirstRender {
  mapReadyMs: number;
  projectsReadyMs: number;
  /** JavaScript loaded by the time the projects were drawn, bytes as sent (gzip). */
  scriptBytes: number;
  /** JavaScript asked for before the map was drawn: the first view's, bytes as sent (gzip). */
  firstViewBytes: number;
  /** The entry chunk (`index-*.js`), bytes as sent (gzip). */
  entryBytes: number;
  /**
   * What the first draw waited for: when the entry chunk, each boundary file, the fonts, MapLibre's
   * worker and the governorate summaries had arrived (ms after navigation), and how long the main
   * thread was blocked by long tasks (over 50 ms) before the map was drawn.
   */
  breakdown: string;
  scripts: number;
  names: string[];
}

/** Opens `url` in `page` and measures its first render (see the top of this file). */
export async function firstRender(page: Page, url: string): Promise<FirstRender> {
  await page.addInitScript(() => {
    const blocked = { ms: 0, count: 0 };
    (window as unknown as { __longTasks: typeof blocked }).__longTasks = blocked;
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          blocked.ms += entry.duration;
          blocked.count += 1;
        }
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // No long-task timing in this browser: the breakdown says 0.
    }
  });
  await page.goto(url);
  const stamp = (attribute: string) =>
    page.waitForFunction(
      (name) => document.querySelector(`[data-testid="map"][${name}="true"]`) !== null && performance.now(),
      attribute,
      { timeout: MAP_TIMEOUT, polling: 'raf' },
    );
  const mapReady = Number(await (await stamp('data-map-ready')).jsonValue());
  const projectsReady = Number(await (await stamp('data-projects-ready')).jsonValue());
  const scripts = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry): entry is PerformanceResourceTiming => entry instanceof PerformanceResourceTiming)
      .filter((entry) => entry.initiatorType === 'script' || /\.m?js(\?|$)/.test(entry.name))
      .map((entry) => ({ name: entry.name.split('/').pop() ?? '', bytes: entry.encodedBodySize, start: entry.startTime })),
  );
  const breakdown = await page.evaluate((drawn) => {
    const entries = performance.getEntriesByType('resource').filter((e): e is PerformanceResourceTiming => e instanceof PerformanceResourceTiming);
    const at = (pattern: RegExp) => {
      const found = entries.filter((e) => pattern.test(e.name)).map((e) => e.responseEnd);
      return found.length === 0 ? '—' : Math.max(...found).toFixed(0);
    };
    const tasks = (window as unknown as { __longTasks?: { ms: number; count: number } }).__longTasks ?? { ms: 0, count: 0 };
    return (
      `entry ${at(/index-[^/]*\.js$/)}, countries ${at(/boundaries\/countries/)}, governorates ${at(/boundaries\/governorates/)}, ` +
      `labels ${at(/boundaries\/labels/)}, fonts ${at(/\.ttf$/)}, worker ${at(/maplibre-gl-worker/)}, summaries ${at(/summaries\/governorates/)}, ` +
      `drawn ${drawn.toFixed(0)} ms; long tasks ${tasks.count} blocking ${tasks.ms.toFixed(0)} ms in all`
    );
  }, mapReady);
  const sum = (list: typeof scripts) => list.reduce((a, b) => a + b.bytes, 0);
  return {
    mapReadyMs: mapReady,
    projectsReadyMs: projectsReady,
    scriptBytes: sum(scripts),
    firstViewBytes: sum(scripts.filter((script) => script.start <= mapReady)),
    entryBytes: sum(scripts.filter((script) => /^index-.*\.js$/.test(script.name))),
    scripts: scripts.length,
    names: scripts.map((s) => s.name),
    breakdown,
  };
}

async function measureOnce(url: string): Promise<FirstRender> {
  const browser = await launchChromium();
  try {
    const { page, externalRequests, pageErrors } = await newGuardedPage(browser, { viewport: { width: 1280, height: 800 }, locale: 'ar' });
    const run = await firstRender(page, url);
    if (externalRequests.length > 0) throw new Error(`external requests: ${externalRequests.join(', ')}`);
    if (pageErrors.length > 0) throw new Error(`page errors: ${pageErrors.join(' | ')}`);
    return run;
  } finally {
    await browser.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function main(url: string, runs: number): Promise<void> {
  const results: FirstRender[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await measureOnce(url);
    results.push(run);
    console.log(
      `run ${i + 1}: boundaries drawn ${run.mapReadyMs.toFixed(0)} ms, first projects layer drawn ${run.projectsReadyMs.toFixed(0)} ms, ` +
        `${run.scripts} scripts, ${(run.scriptBytes / 1024).toFixed(1)} KiB transferred, ${(run.firstViewBytes / 1024).toFixed(1)} KiB before the map was drawn ` +
        `(entry chunk ${(run.entryBytes / 1024).toFixed(1)} KiB; ${run.names.join(' ')}); ${run.breakdown}`,
    );
  }
  console.log(
    `median of ${runs} (cold browser each): boundaries ${median(results.map((r) => r.mapReadyMs)).toFixed(0)} ms, ` +
      `projects ${median(results.map((r) => r.projectsReadyMs)).toFixed(0)} ms — ${url}`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main(process.argv[2] ?? 'http://127.0.0.1:8787/', Number(process.argv[3] ?? 3));
}
