/**
 * The "Print brief" button when the server cannot print: its Chromium is missing (CHROMIUM_PATH
 * points nowhere), so the PDF route answers 503 with a problem whose detail says what to install.
 * The signed-in minister clicks Damascus's brief: the page says the server's words beside the
 * button, and no file is saved. The address stays on the link.
 *
 * The file runs its own server over its own copy of the demo data (serverForFile).
 */
import type { Download } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite, newGuardedPage, signIn, unexpectedErrors } from './browser.ts';
import { DEMO } from '../support/client.ts';
import { serverForFile } from '../support/startTestServer.ts';

const marsad = serverForFile('demo', undefined, { CHROMIUM_PATH: '/nonexistent/chromium' });
const POLL = { timeout: 60_000 };

describe('the brief button when the server cannot print (browser)', () => {
  const browser = chromiumForSuite();

  it('shows the server’s detail beside the button and saves no file', { timeout: 300_000 }, async () => {
    const opened = await newGuardedPage(browser(), { viewport: { width: 1440, height: 900 }, locale: 'en', acceptDownloads: true });
    const { page } = opened;
    const downloads: Download[] = [];
    page.on('download', (download) => downloads.push(download));
    await page.goto(new URL('/?gov=SY-DI&lang=en', marsad.url).href);
    const panel = page.getByTestId('governorate-obstacles');
    await panel.waitFor(POLL);
    await signIn(page, DEMO.minister);
    await expect.poll(() => panel.getAttribute('data-loaded'), POLL).toBe('true');

    const button = panel.getByTestId('governorate-brief-ar');
    expect(await button.getAttribute('href')).toBe('/api/briefs/governorates/SY-DI.pdf?lang=ar');
    await button.click();
    const alert = panel.getByTestId('governorate-brief-ar-error');
    await alert.waitFor(POLL);
    expect(await alert.getAttribute('role')).toBe('alert');
    const said = (await alert.textContent()) ?? '';
    expect(said).toContain('Chromium');
    expect(said).toContain('apt-get install chromium');
    expect(said).toContain('/nonexistent/chromium');
    expect(await button.getAttribute('aria-busy')).toBe('false');
    expect(await button.getAttribute('aria-describedby')).toBe('governorate-brief-ar-error');
    expect(await panel.getByTestId('governorate-brief-ar-status').textContent()).toBe('');

    // Nothing saved, even a moment later; the only console error is the 503 itself.
    await page.waitForTimeout(1_000);
    expect(downloads.map((d) => d.suggestedFilename())).toEqual([]);
    expect(opened.externalRequests).toEqual([]);
    expect(unexpectedErrors(opened.pageErrors, 503)).toEqual([]);
    await page.context().close();
  });
});
