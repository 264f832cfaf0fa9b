/**
 * The import screen in a real browser: an anonymous visitor has no Import button; a Damascus
 * engineer downloads the template, sees a file refused as a whole, then a file with one bad row
 * (the row error, and Import kept off), then checks and imports the corrected file, and the new
 * projects exist. Not one request leaves the machine and no console error but the refusal's 400.
 *
 * The file runs its own server over its own copy of the demo data (serverForFile): nothing another
 * browser test writes is seen here, nor the other way round.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite, getJson, newGuardedPage, openApp, SCREENSHOTS, signIn, unexpectedErrors } from './browser.ts';
import { serverForFile } from '../support/startTestServer.ts';

/** This file's own server, over its own copy of the demo data. */
const marsad = serverForFile();
/** The whole e2e run shares one server: under load, answers take a while. */
const POLL = { timeout: 30_000 };
const ENGINEER = 'engineer.damascus@marsad.demo';

interface Listed {
  total: number;
  items: { code: string; governorate: string; is_published: boolean; title_en: string }[];
}

const RUN = Date.now().toString(36).toUpperCase();
const CODES = [`E2E-IMP-${RUN}-1`, `E2E-IMP-${RUN}-2`];

function project(code: string, lon: number, lat: number, titleEn: string | null) {
  return {
    type: 'Feature',
    properties: {
      code,
      kind: 'development_project',
      sector: 'water',
      title_ar: 'مشروع مياه مستورد في اختبار المتصفح',
      ...(titleEn === null ? {} : { title_en: titleEn }),
      budget: 120000,
      is_published: false,
    },
    geometry: { type: 'Point', coordinates: [lon, lat] },
  };
}

/**
 * Two projects in Damascus (SY-DI); the second without its English title when `broken`. The
 * corrected file is padded with whitespace (still the same JSON) so that its upload takes a while
 * on the throttled line.
 */
function geojson(broken: boolean): Buffer {
  const features = [project(CODES[0]!, 36.29, 33.51, `Imported water project ${RUN} 1`), project(CODES[1]!, 36.3, 33.515, broken ? null : `Imported water project ${RUN} 2`)];
  return Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }) + (broken ? '' : ' '.repeat(400_000)));
}

async function choose(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/geo+json', buffer });
  await expect.poll(() => page.getByTestId('import-file-name').textContent(), POLL).toContain(name);
}

async function listed(page: Page, code: string): Promise<Listed> {
  return getJson<Listed>(page, marsad.url, `/api/projects?q=${encodeURIComponent(code)}`);
}

describe('importing projects (browser)', () => {
  const browser = chromiumForSuite();

  it('an engineer checks a file, sees its row errors, then imports the corrected file', { timeout: 180_000 }, async () => {
    const { page, externalRequests, pageErrors } = await newGuardedPage(browser(), { viewport: { width: 1280, height: 900 }, locale: 'ar' });
    await openApp(page, marsad.url);
    await page.getByTestId('sign-in').waitFor();
    expect(await page.getByTestId('open-import').count()).toBe(0);

    await signIn(page, ENGINEER);
    await page.getByTestId('open-import').click();
    await page.getByTestId('import-dialog').waitFor();
    expect(await page.getByTestId('import-check').isDisabled()).toBe(true);
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);

    // The template is made in the page: every required column, and an example row in Damascus.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-template').click()]);
    expect(download.suggestedFilename()).toBe('marsad-projects-template.csv');
    const [header, example] = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
    expect(header!.split(',')).toEqual(expect.arrayContaining(['code', 'kind', 'sector', 'title_ar', 'title_en', 'lon', 'lat']));
    expect(example).toMatch(/^SY-DI-\d{4}-0001,/);

    // A file refused as a whole: the problem's detail is shown.
    await choose(page, 'broken.geojson', Buffer.from('{"type": "FeatureCollection", '));
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-refused').waitFor(POLL);
    expect(await page.getByTestId('import-refused-detail').textContent()).toMatch(/not valid JSON/);
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);

    // One bad row of two: its error is listed, and Import stays off.
    await choose(page, 'projects.geojson', geojson(true));
    await page.getByTestId('import-check').click();
    const dryRun = page.getByTestId('import-dry-run');
    await dryRun.waitFor(POLL);
    expect(await dryRun.getAttribute('data-rows')).toBe('2');
    expect(await dryRun.getAttribute('data-valid')).toBe('1');
    expect(await dryRun.getAttribute('data-clean')).toBe('false');
    const rows = page.getByTestId('import-errors').locator('tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-row')).toBe('2');
    expect(await rows.first().getAttribute('data-field')).toBe('title_en');
    expect(await rows.first().locator('td').first().textContent()).toBe('٢');
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}import-ar-errors.png` });

    // The corrected file: checked clean, then imported.
    await choose(page, 'projects-fixed.geojson', geojson(false));
    expect(await page.getByTestId('import-dry-run').count()).toBe(0);
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    // On a slow line: the upload's progress shows, and a second click sends nothing more.
    const uploads: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/imports/projects') uploads.push(request.url());
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 50, downloadThroughput: -1, uploadThroughput: 100 * 1024 });
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-progress').waitFor(POLL);
    expect(await page.getByTestId('import-progress').getAttribute('data-uploaded')).toBe('false');
    await page.screenshot({ path: `${SCREENSHOTS}import-ar-uploading.png` });
    expect(await page.getByTestId('import-check').isDisabled()).toBe(true);
    await page.getByTestId('import-check').click({ force: true });
    await expect.poll(() => page.getByTestId('import-dry-run').getAttribute('data-clean'), POLL).toBe('true');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    expect(uploads).toHaveLength(1);
    expect(await page.getByTestId('import-dry-run').getAttribute('data-valid')).toBe('2');
    expect(await listed(page, CODES[0]!)).toMatchObject({ total: 0 });
    await page.getByTestId('import-commit').click();
    await expect.poll(() => page.getByTestId('import-created').getAttribute('data-created'), POLL).toBe('2');
    expect(await page.getByTestId('import-created').textContent()).toContain('تم استيراد مشروعين');
    // No second import of the same check.
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);

    for (const code of CODES) {
      const { total, items } = await listed(page, code);
      expect(total).toBe(1);
      expect(items[0]).toMatchObject({ code, governorate: 'SY-DI', is_published: false });
    }
    // Unpublished: anonymous visitors do not see them.
    const anonymous = await fetch(new URL(`/api/projects?q=${encodeURIComponent(CODES[0]!)}`, marsad.url));
    expect(((await anonymous.json()) as Listed).total).toBe(0);

    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('import-dialog').count(), POLL).toBe(0);

    expect(externalRequests).toEqual([]);
    // The refused file's answer is a 400, which Chromium logs; nothing else may be.
    expect(unexpectedErrors(pageErrors, 400)).toEqual([]);
    await page.context().close();
  });
});
