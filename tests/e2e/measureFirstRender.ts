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
  scripts: number;
  names: string[];
}

/** Opens `url` in `page` and measures its first render (see the top of this file). */
export async function firstRender(page: Page, url: string): Promise<FirstRender> {
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
      .map((entry) => ({ name: entry.name.split('/').pop() ?? '', bytes: entry.encodedBodySize })),
  );
  return { mapReadyMs: mapReady, projectsReadyMs: projectsReady, scriptBytes: scripts.reduce((a, b) => a + b.bytes, 0), scripts: scripts.length, names: scripts.map((s) => s.name) };
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
        `${run.scripts} scripts, ${(run.scriptBytes / 1024).toFixed(1)} KiB transferred (${run.names.join(' ')})`,
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
