/**
 * Photos on a progress report, in a real browser: an engineer picks three photos (the page
 * downscales them), removes one, sends the report, and sees the two photos with the report in
 * the change history; the server holds them as JPEGs no larger than 1600 px.
 *
 * The file runs its own server over its own copy of the demo data (serverForFile): nothing another
 * browser test writes is seen here, nor the other way round.
 */
import { describe, expect, it } from 'vitest';
import { png } from '@marsad/demo';
import { chromiumForSuite, getJson, MAP_TIMEOUT, newGuardedPage, openApp, SCREENSHOTS, signIn } from './browser.ts';
import { serverForFile } from '../support/startTestServer.ts';

/** This file's own server, over its own copy of the demo data. */
const marsad = serverForFile();
const POLL = { timeout: 30_000 };

interface ProjectFacts {
  id: number;
  status: string;
  is_published: boolean;
  physical_progress: number;
  financial_progress: number;
  version: number;
}

interface Listed {
  id: number;
  photos: { url: string; content_type: string; width: number; height: number }[];
}

describe('progress photos (browser)', () => {
  const browser = chromiumForSuite();

  it('an engineer sends a report with photos and sees them with the report', { timeout: 180_000 }, async () => {
    const { page, externalRequests, pageErrors } = await newGuardedPage(browser(), { viewport: { width: 1280, height: 900 }, locale: 'ar' });
    await openApp(page, marsad.url);
    await signIn(page, 'engineer.damascus@marsad.demo');

    // The least delayed unpublished Damascus project: far below the work queue's first 100.
    const { items } = await getJson<{ items: (ProjectFacts & { id: number })[] }>(page, marsad.url, '/api/projects?governorate=SY-DI&sort=-delay&limit=1000');
    const candidates = items.slice(110).filter((p) => !p.is_published && p.status === 'in_progress');
    if (candidates.length === 0) throw new Error('no unpublished Damascus project in progress beyond the work queue');
    const target = await getJson<ProjectFacts>(page, marsad.url, `/api/projects/${candidates.at(-1)!.id}`);

    await page.goto(new URL(`/?project=${target.id}`, marsad.url).href);
    await page.getByTestId('progress-form').waitFor({ timeout: MAP_TIMEOUT });
    await page.waitForSelector('[data-testid="changes"][data-loaded="true"]');

    // Three photos, one too large for the wire as it is; then one taken back.
    await page.getByTestId('photo-input').setInputFiles([
      { name: 'site-wide.png', mimeType: 'image/png', buffer: png(2400, 1200, 1) },
      { name: 'gate.png', mimeType: 'image/png', buffer: png(300, 400, 2) },
      { name: 'extra.png', mimeType: 'image/png', buffer: png(200, 200, 3) },
    ]);
    const picker = page.getByTestId('photo-picker');
    await expect.poll(() => picker.getAttribute('data-count'), POLL).toBe('3');
    expect(await page.getByTestId('photo-thumbnails').locator('img').evaluateAll((imgs) => imgs.map((img) => img.getAttribute('alt')))).toEqual([
      'الصورة ١ المختارة',
      'الصورة ٢ المختارة',
      'الصورة ٣ المختارة',
    ]);
    await page.getByTestId('photo-remove').nth(2).click();
    await expect.poll(() => picker.getAttribute('data-count'), POLL).toBe('2');
    expect(await page.getByTestId('photo-input').getAttribute('accept')).toBe('image/jpeg,image/png,image/webp');
    expect(await page.getByTestId('photo-camera').getAttribute('capture')).toBe('environment');
    await picker.screenshot({ path: `${SCREENSHOTS}engineer-ar-photo-picker.png` });

    await page.getByTestId('progress-note').fill('e2e: صور من الموقع');
    await page.getByTestId('progress-submit').click();
    await page.getByTestId('progress-saved').waitFor({ timeout: POLL.timeout });
    await expect.poll(() => picker.getAttribute('data-count'), POLL).toBe('0');

    // The server holds two JPEGs, downscaled in the page to at most 1600 px on the long side.
    const { items: reports } = await getJson<{ items: Listed[] }>(page, marsad.url, `/api/projects/${target.id}/progress`);
    const newest = reports[0]!;
    expect(newest.photos.map((p) => [p.content_type, p.width, p.height])).toEqual([
      ['image/jpeg', 1600, 800],
      ['image/jpeg', 300, 400],
    ]);
    const image = await page.request.get(new URL(newest.photos[0]!.url, marsad.url).href);
    expect(image.headers()['content-type']).toBe('image/jpeg');
    expect([...(await image.body()).subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);

    // The report list of the drawer shows them too.
    await page.getByTestId('project-history').locator(`[data-testid="report-photos"][data-update-id="${newest.id}"]`).waitFor({ timeout: POLL.timeout });
    // The history entry of the report shows both photos, lazily, each linking to the full image.
    const strip = page.getByTestId('change-history').locator(`[data-testid="report-photos"][data-update-id="${newest.id}"]`);
    await strip.waitFor({ timeout: POLL.timeout });
    const thumbnails = strip.getByTestId('report-photo');
    expect(await thumbnails.count()).toBe(2);
    expect(await thumbnails.first().getAttribute('loading')).toBe('lazy');
    expect(await thumbnails.first().getAttribute('alt')).toMatch(/^صورة ١ من تقرير /);
    expect(await strip.locator('a').first().getAttribute('href')).toBe(newest.photos[0]!.url);
    await strip.scrollIntoViewIfNeeded();
    await expect.poll(() => thumbnails.first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), POLL).toBe(1600);
    await page.screenshot({ path: `${SCREENSHOTS}engineer-ar-photos.png` });

    // Status and progress as they were; still unpublished.
    const after = await getJson<ProjectFacts>(page, marsad.url, `/api/projects/${target.id}`);
    expect(after).toMatchObject({ status: target.status, physical_progress: target.physical_progress, is_published: false });
    expect(after.version).toBeGreaterThan(target.version);

    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
