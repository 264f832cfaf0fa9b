/**
 * The outbox in a real browser: an engineer reports progress with the connection cut, the form
 * says the report waits in the outbox and the header counts it; the connection comes back and it
 * sends itself, once. Another report waits when they sign out (the page warns first); the next
 * user of the browser finds an empty outbox and no plaintext of the first one's note in the
 * browser's storage; the first user signs in again and their report is sent.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite, getJson, MAP_TIMEOUT, newGuardedPage, openApp, signIn, signOut, withoutOfflineAnswers } from './browser.ts';
import { serverForFile } from '../support/startTestServer.ts';

const marsad = serverForFile();
const POLL = { timeout: 30_000 };

/** Every value of the page's IndexedDB store, with bytes read as UTF-8: what a storage inspector would show. */
function rawDeviceStore(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('marsad-device');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error as Error);
    });
    const text = (value: unknown): string => {
      if (value instanceof ArrayBuffer) return new TextDecoder().decode(value);
      if (ArrayBuffer.isView(value)) return new TextDecoder().decode(value);
      if (typeof value === 'object' && value !== null) return Object.values(value).map(text).join(' ');
      return String(value);
    };
    const parts: string[] = [];
    for (const name of Array.from(db.objectStoreNames)) {
      const values = await new Promise<unknown[]>((resolve) => {
        const req = db.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => resolve(req.result as unknown[]);
      });
      parts.push(text(values));
    }
    db.close();
    return parts.join('\n');
  });
}

describe('the outbox (browser)', () => {
  const browser = chromiumForSuite();

  it('keeps a report written offline, sends it once back online, and keeps it from the next user', { timeout: 240_000 }, async () => {
    const opened = await newGuardedPage(browser(), { viewport: { width: 1280, height: 900 }, locale: 'ar' });
    const { page, externalRequests, pageErrors } = opened;
    await openApp(page, marsad.url);
    await page.waitForSelector('[data-testid="map"][data-projects-ready="true"]', { timeout: MAP_TIMEOUT });
    await signIn(page, 'engineer.damascus@marsad.demo');
    await page.getByTestId('outbox-button').waitFor(POLL);

    const first = page.getByTestId('work-queue-list').locator('button').first();
    await first.waitFor(POLL);
    const projectId = Number(await first.getAttribute('data-project-id'));
    await first.click();
    await page.getByTestId('progress-form').waitFor(POLL);
    const notesOnServer = async (note: string) =>
      (await getJson<{ items: { note: string | null }[] }>(page, marsad.url, `/api/projects/${projectId}/progress`)).items.filter((r) => r.note === note).length;

    // Offline: the report waits in the outbox, counted in the header. The app is installed first (its
    // service worker active, so the app's code is kept): deck.gl, fetched after the first draw, is there offline.
    const offlineNote = `e2e outbox: كُتب دون اتصال ${Date.now()}`;
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await page.context().setOffline(true);
    await page.getByTestId('progress-note').fill(offlineNote);
    await page.getByTestId('progress-submit').click();
    await expect.poll(() => page.getByTestId('progress-outcome').getAttribute('data-outcome'), POLL).toBe('queued');
    await expect.poll(() => page.getByTestId('outbox-button').getAttribute('data-unsent'), POLL).toBe('1');
    await page.getByTestId('outbox-button').click();
    await page.getByTestId('outbox-panel').waitFor();
    expect(await page.getByTestId('outbox-item').first().getAttribute('data-state')).toBe('waiting');
    await page.getByTestId('outbox-close').click();

    // Back online: it sends itself, once.
    await page.context().setOffline(false);
    await expect.poll(() => page.getByTestId('outbox-button').getAttribute('data-unsent'), POLL).toBe('0');
    expect(await notesOnServer(offlineNote)).toBe(1);
    await page.getByTestId('outbox-button').click();
    await expect.poll(() => page.getByTestId('outbox-item').first().getAttribute('data-state'), POLL).toBe('sent');
    await page.getByTestId('outbox-close').click();

    // Another report waits when the engineer signs out (the server unreachable for reports): the
    // page warns, and the outbox stays on the device, locked.
    const lockedNote = `e2e outbox: بقي على الجهاز ${Date.now()}`;
    const reports = `**/api/projects/${projectId}/progress`;
    await page.route(reports, (route) => (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue()));
    await page.getByTestId('progress-note').fill(lockedNote);
    await page.getByTestId('progress-submit').click();
    await expect.poll(() => page.getByTestId('progress-outcome').getAttribute('data-outcome'), POLL).toBe('queued');
    await expect.poll(() => page.getByTestId('outbox-button').getAttribute('data-unsent'), POLL).toBe('1');
    await page.keyboard.press('Escape');
    const warnings: string[] = [];
    page.once('dialog', (dialog) => {
      warnings.push(dialog.message());
      void dialog.accept();
    });
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in').waitFor(POLL);
    await page.unroute(reports);
    expect(warnings.join(' ')).toMatch(/لم يُرسل بعد/);
    expect(await rawDeviceStore(page)).not.toContain('بقي على الجهاز');

    // The next user on this browser: an empty outbox, and nothing of the first one's note readable.
    await signIn(page, 'engineer.aleppo@marsad.demo');
    await page.getByTestId('outbox-button').waitFor(POLL);
    expect(await page.getByTestId('outbox-button').getAttribute('data-unsent')).toBe('0');
    await page.getByTestId('outbox-button').click();
    await page.getByTestId('outbox-empty').waitFor();
    await page.getByTestId('outbox-close').click();
    expect(await rawDeviceStore(page)).not.toContain('بقي على الجهاز');
    expect(await notesOnServer(lockedNote)).toBe(0);
    await signOut(page);

    // The first user again: their outbox opens and sends what waited.
    await signIn(page, 'engineer.damascus@marsad.demo');
    await expect.poll(() => notesOnServer(lockedNote), POLL).toBe(1);
    await expect.poll(() => page.getByTestId('outbox-button').getAttribute('data-unsent'), POLL).toBe('0');

    expect(externalRequests).toEqual([]);
    // Offline, map tiles the device does not keep are answered "not kept" by the service worker, and
    // what passes through it fails as the network does (ERR_FAILED): asked for, as in fieldOffline.
    expect(withoutOfflineAnswers(opened, pageErrors).filter((e) => !/ERR_INTERNET_DISCONNECTED|net::ERR_FAILED/.test(e))).toEqual([]);
    await page.context().close();
  });
});
