/**
 * The governorate map in a real browser: Arabic first and right to left, hover and selection,
 * switching to English, and not one request leaving the machine.
 *
 * Runs against its own real server (demo data, built web app; serverForFile); MARSAD_URL
 * points it at another one. Screenshots go to tests/screenshots/ (git-ignored).
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite, MAP_TIMEOUT, newGuardedPage, openApp, type OpenedPage, SCREENSHOTS, unexpectedErrors } from './browser.ts';
import { serverForFile } from '../support/startTestServer.ts';

/** This file's own server, over its own copy of the demo data. */
const marsad = serverForFile();
const VIEWPORT = { width: 1280, height: 800 };
/** Software rendering is slow: give the first draw of 156 polygons and their labels room. */
/**
 * Damascus's label point: at this zoom the governorate covers the middle of the map. The year
 * filter (no project was active in 2015) keeps project markers off the map, so that the pointer
 * meets the governorate itself.
 */
const DAMASCUS_VIEW = 'year=2015&map=8/33.5152/36.2826';

async function openMap(browser: Browser, query = ''): Promise<OpenedPage> {
  const opened = await newGuardedPage(browser, { viewport: VIEWPORT, locale: 'ar' });
  await openApp(opened.page, marsad.url, `/${query}`);
  return opened;
}

async function mapCentre(page: Page): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId('map').boundingBox();
  if (box === null) throw new Error('the map container is not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

describe('governorate map (browser)', () => {
  const browser = chromiumForSuite();

  it('opens in Arabic, right to left, with all 156 governorates', { timeout: 120_000 }, async () => {
    const { page, externalRequests, pageErrors } = await openMap(browser());
    const html = page.locator('html');
    await expect.poll(() => html.getAttribute('dir')).toBe('rtl');
    expect(await html.getAttribute('lang')).toBe('ar');
    expect(await page.getByTestId('map').getAttribute('data-governorates')).toBe('156');
    expect(await page.getByTestId('map').getAttribute('data-map-language')).toBe('ar');
    expect(await page.locator('h1').textContent()).toBe('مرصد');
    await page.screenshot({ path: `${SCREENSHOTS}map-ar-overview.png` });
    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('names and selects Damascus, then switches to English', { timeout: 120_000 }, async () => {
    const { page, externalRequests, pageErrors } = await openMap(browser(), `?${DAMASCUS_VIEW}`);
    const centre = await mapCentre(page);

    await page.mouse.move(centre.x, centre.y);
    await expect.poll(() => page.getByTestId('hover-label').textContent()).toBe('دمشق');

    await page.mouse.click(centre.x, centre.y);
    await expect.poll(() => page.getByTestId('governorate-name').textContent()).toBe('دمشق');
    expect(await page.getByTestId('governorate-code').textContent()).toBe('SY-DI');
    expect(new URL(page.url()).searchParams.get('gov')).toBe('SY-DI');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${SCREENSHOTS}map-ar.png` });

    await page.getByTestId('language-toggle').click();
    const html = page.locator('html');
    await expect.poll(() => html.getAttribute('dir')).toBe('ltr');
    expect(await html.getAttribute('lang')).toBe('en');
    await expect.poll(() => page.getByTestId('governorate-name').textContent()).toBe('Damascus');
    await page.waitForSelector('[data-testid="map"][data-map-language="en"]', { timeout: MAP_TIMEOUT });
    expect(await page.locator('h1').textContent()).toBe('Marsad');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    await page.screenshot({ path: `${SCREENSHOTS}map-en.png` });

    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('draws under the strict Content-Security-Policy: no inline script, worker from this origin, no violation', { timeout: 120_000 }, async () => {
    const { page, externalRequests, pageErrors } = await newGuardedPage(browser(), { viewport: VIEWPORT, locale: 'en' });
    const response = await page.goto(new URL('/?lang=en', marsad.url).href);
    expect(response!.headers()['content-security-policy']).toMatch(/script-src 'self';/);
    await page.waitForSelector('[data-testid="map"][data-map-ready="true"]', { timeout: MAP_TIMEOUT });
    // An inline script is refused, and says so: the policy is live, not only sent.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.head.append(script);
    });
    await expect.poll(() => pageErrors.some((error) => error.startsWith('CSP violation: script-src'))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan)).toBeUndefined();
    expect(pageErrors.filter((error) => !error.includes('script-src') && !/Content Security Policy/.test(error))).toEqual([]);
    expect(externalRequests).toEqual([]);
    await page.context().close();
  });

  it('waits out a busy server: the choropleth comes once the summaries answer, after five "busy, come back in 1 s"', { timeout: 120_000 }, async () => {
    // No service worker: the page's own requests are the ones answered busy here.
    const { page, externalRequests, pageErrors } = await newGuardedPage(browser(), { viewport: VIEWPORT, locale: 'en', serviceWorkers: 'block' });
    const BUSY_ANSWERS = 5;
    let busy = 0;
    await page.route('**/api/summaries/governorates*', (route) => {
      if (busy === BUSY_ANSWERS) return route.fallback();
      busy += 1;
      return route.fulfill({
        status: 503,
        headers: { 'retry-after': '1' },
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'urn:marsad:problem:database-unavailable', title: 'Service Unavailable', status: 503, detail: 'The database is busy with other requests. Try again in 1 s.', reason: 'busy' }),
      });
    });
    await page.goto(new URL('/?lang=en', marsad.url).href);
    await page.waitForSelector('[data-testid="map"][data-map-ready="true"][data-choropleth]', { timeout: MAP_TIMEOUT });
    expect(busy).toBe(BUSY_ANSWERS);
    expect(await page.getByTestId('map-error').count()).toBe(0);
    expect(unexpectedErrors(pageErrors, 503)).toEqual([]);
    expect(externalRequests).toEqual([]);
    await page.context().close();
  });
});
