/**
 * The installed app offline, in a real browser against the real app: the service worker
 * installs; an engineer prepares the field for their governorate (bytes, requests and seconds are
 * printed); the network is cut (`context.setOffline`) and the page reloaded: it opens from the
 * device — map drawn, the work queue of that governorate, a project's drawer with its reports —
 * within 3 s of navigation (printed); a screen that needs the network says so; nothing leaves the
 * machine and the console stays clean. Then sign-out, and another user's sign-in: the first user's
 * data caches are gone.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite, MAP_TIMEOUT, newGuardedPage, openApp, SCREENSHOTS, signIn, signOut, withoutOfflineAnswers } from './browser.ts';
import { serverForFile } from '../support/startTestServer.ts';

const marsad = serverForFile();
const POLL = { timeout: 30_000 };
/** The bound for the installed app's first offline start on this machine kind. */
const OFFLINE_START_LIMIT_MS = 3000;

const cacheNames = (page: Page) => page.evaluate(() => caches.keys());
const queueIds = (page: Page) =>
  page.getByTestId('work-queue-list').locator('button[data-project-id]').evaluateAll((buttons) => buttons.map((b) => Number(b.getAttribute('data-project-id'))));

/** Milliseconds from navigation until the map has drawn its boundaries and the work queue lists projects. */
async function startTime(page: Page): Promise<number> {
  const ready = await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="map"][data-map-ready="true"]') !== null &&
      document.querySelectorAll('[data-testid="work-queue-list"] button[data-project-id]').length > 0 &&
      performance.now(),
    null,
    { timeout: MAP_TIMEOUT, polling: 'raf' },
  );
  return Number(await ready.jsonValue());
}

describe('prepare for the field (browser)', () => {
  const browser = chromiumForSuite();

  it('installs, prepares one governorate, and opens offline with its map, work queue and reports', { timeout: 300_000 }, async () => {
    const opened = await newGuardedPage(browser(), { viewport: { width: 1280, height: 900 }, locale: 'ar' });
    const { page, externalRequests, pageErrors } = opened;
    // Which addresses failed, to say what a console error was about.
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await openApp(page, marsad.url);

    // Installable: a manifest, and a service worker that takes control of the page.
    const manifest = await (await page.request.get(new URL('/manifest.webmanifest', marsad.url).href)).json();
    expect(manifest).toMatchObject({ name: 'مرصد', dir: 'rtl', lang: 'ar', display: 'standalone' });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, POLL);

    await signIn(page, 'engineer.damascus@marsad.demo');
    await expect.poll(() => queueIds(page).then((ids) => ids.length), POLL).toBeGreaterThan(0);
    const online = await queueIds(page);

    await page.getByTestId('field-prepare-button').click();
    const estimate = page.getByTestId('field-estimate');
    await estimate.waitFor(POLL);
    const estimatedBytes = Number(await estimate.getAttribute('data-bytes'));
    expect(estimatedBytes).toBeGreaterThan(0);
    const started = Date.now();
    await page.getByTestId('field-download').click();
    const prepared = page.getByTestId('field-prepared');
    await prepared.waitFor({ timeout: 240_000 });
    const wall = (Date.now() - started) / 1000;
    const facts = await prepared.evaluate((p) => ({ ...(p as HTMLElement).dataset }));
    console.log(
      `prepare for the field, one governorate (SY-DI): ${facts.projects} projects, ${facts.tiles} map tiles, ` +
        `${(Number(facts.bytes) / 1024 / 1024).toFixed(2)} MB downloaded in ${facts.requests} requests, ${Number(facts.seconds).toFixed(1)} s ` +
        `(${wall.toFixed(1)} s from the click; the estimate said ${(estimatedBytes / 1024 / 1024).toFixed(2)} MB of data)`,
    );
    const user = await page.evaluate(() => caches.keys());
    expect(user.filter((name) => name.startsWith('marsad-data-u'))).toHaveLength(1);

    // The same page reloaded online first, for comparison on this machine as loaded as it is now.
    await page.reload();
    const onlineStart = await startTime(page);

    // The network cut: the page opens from what the device keeps.
    await page.context().setOffline(true);
    await page.reload();
    const offlineStart = await startTime(page);
    const load = await import('node:os').then((os) => os.loadavg()[0]!.toFixed(1));
    console.log(
      `first offline start: map drawn and work queue usable ${offlineStart.toFixed(0)} ms after navigation ` +
        `(online reload ${onlineStart.toFixed(0)} ms; load average ${load} on this machine)`,
    );
    // The figure is printed above; what is asserted is that nothing waits for the network that is not
    // there (one timeout waited offline doubles the start). Load slows both starts alike (measured
    // 1.1–1.3 × online under load averages 4–15), so the bound is relative to the online reload.
    expect(offlineStart).toBeLessThanOrEqual(Math.max(OFFLINE_START_LIMIT_MS, onlineStart * 2));
    await page.getByTestId('offline-banner').waitFor();
    expect(await queueIds(page)).toEqual(online);

    // The network is cut for the service worker too: what the device does not keep is refused, plainly.
    const errorsBefore = pageErrors.length;
    const notKept = await page.evaluate(async () => {
      const res = await fetch('/api/field/version');
      return { status: res.status, detail: ((await res.json()) as { detail: string }).detail };
    });
    expect(notKept.status).toBe(503);
    expect(notKept.detail).toMatch(/^Not available offline/);
    // That 503 was asked for: its console line and its address are not counted.
    const asked = pageErrors.indexOf('Failed to load resource: the server responded with a status of 503 ()', errorsBefore);
    if (asked >= 0) pageErrors.splice(asked, 1);
    const address = failed.findIndex((line) => line.endsWith('/api/field/version'));
    if (address >= 0) failed.splice(address, 1);

    // A project of the queue with reports opens in its drawer, reports and all.
    const withReports = await page.evaluate(async (ids) => {
      for (const id of ids) {
        const detail = (await (await fetch(`/api/projects/${id}`)).json()) as { progress: unknown[] };
        if (detail.progress.length > 0) return id;
      }
      return null;
    }, online);
    expect(withReports).not.toBeNull();
    await page.getByTestId('work-queue-list').locator(`button[data-project-id="${withReports}"]`).click();
    await page.getByTestId('project-facts').waitFor(POLL);
    await expect.poll(() => page.getByTestId('project-history').locator('> li').count(), POLL).toBeGreaterThan(0);
    await page.waitForSelector('[data-testid="changes"][data-loaded="true"]', POLL);
    await page.screenshot({ path: `${SCREENSHOTS}field-offline-ar.png` });
    await page.keyboard.press('Escape');

    // A screen that needs the network says so.
    await page.getByTestId('plans-entry').click();
    await page.getByTestId('unavailable-offline').waitFor(POLL);
    expect(await page.getByTestId('unavailable-offline').textContent()).toContain('غير متاح دون اتصال');

    expect(externalRequests).toEqual([]);
    // Offline, opening a project frames it closer than the whole governorate was kept (zoom 10): the
    // tiles around it that hold no project are answered "not kept" by the service worker.
    expect(withoutOfflineAnswers(opened, pageErrors), failed.join('\n')).toEqual([]);
    pageErrors.splice(0);

    // Back online: sign out, and another engineer signs in — the first one's data is gone.
    await page.context().setOffline(false);
    await page.goto(new URL('/', marsad.url).href);
    await page.getByTestId('account-name').waitFor(POLL);
    await expect.poll(() => page.getByTestId('field-progress').count(), POLL).toBe(0);
    await signOut(page);
    await expect.poll(async () => (await cacheNames(page)).filter((name) => name.startsWith('marsad-data-u')), POLL).toEqual([]);

    // Offline, the sign-in dialog says it needs a connection. (Signed out, the device keeps
    // nothing of the data: what the page asks for meanwhile fails, and is not counted below.)
    const beforeCut = pageErrors.length;
    await page.context().setOffline(true);
    await page.getByTestId('sign-in').click();
    await page.getByTestId('sign-in-offline').waitFor(POLL);
    expect(await page.getByTestId('sign-in-submit').isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    await page.context().setOffline(false);
    const duringCut = pageErrors.splice(beforeCut);
    expect(duringCut.filter((error) => error !== 'Failed to load resource: net::ERR_FAILED')).toEqual([]);

    await signIn(page, 'engineer.aleppo@marsad.demo');
    await expect.poll(() => queueIds(page).then((ids) => ids.length), POLL).toBeGreaterThan(0);
    const names = await cacheNames(page);
    expect(names.filter((name) => name.startsWith('marsad-data-u')).length).toBeLessThanOrEqual(1);
    expect(names).not.toContain(user.find((name) => name.startsWith('marsad-data-u')));

    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
