/**
 * Signed-in use in a real browser: an engineer signs in, works through their queue, reports
 * progress on a project and sees the new value and the history entry, then signs out; a donor
 * sees the banner and fewer projects than an admin. Not one request leaves the machine and no
 * console error.
 *
 * The file runs its own server over its own copy of the demo data (serverForFile): nothing another
 * browser test writes is seen here, nor the other way round.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite, getJson, MAP_TIMEOUT, newGuardedPage, openApp, type OpenedPage, SCREENSHOTS, signIn, signOut } from './browser.ts';
import { serverForFile } from '../support/startTestServer.ts';

/** This file's own server, over its own copy of the demo data. */
const marsad = serverForFile();
/** The whole e2e run shares one server: under load, answers take a while. */
const POLL = { timeout: 30_000 };
const AR_COUNT = new Intl.NumberFormat('ar-SA-u-nu-arab', { maximumFractionDigits: 0 });
const AR_PERCENT = new Intl.NumberFormat('ar-SA-u-nu-arab', { style: 'percent', maximumFractionDigits: 0 });

interface ProjectFacts {
  id: number;
  status: string;
  is_published: boolean;
  physical_progress: number;
  governorate: string;
}

async function open(browser: Browser): Promise<OpenedPage> {
  const opened = await newGuardedPage(browser, { viewport: { width: 1280, height: 900 }, locale: 'ar' });
  await openApp(opened.page, marsad.url);
  await opened.page.waitForSelector('[data-testid="map"][data-projects-ready="true"]', { timeout: MAP_TIMEOUT });
  return opened;
}

/** The countries summary as the browser's signed-in user sees it (the context carries the cookie). */
async function projectCount(page: Page): Promise<number> {
  return (await getJson<{ total: { projects: number } }>(page, marsad.url, '/api/summaries/countries')).total.projects;
}

describe('signed in (browser)', () => {
  const browser = chromiumForSuite();

  it('an engineer reports progress from the work queue and signs out', { timeout: 180_000 }, async () => {
    const { page, externalRequests, pageErrors } = await open(browser());
    expect(await page.getByTestId('work-queue').count()).toBe(0);

    // Escape closes the dialog without signing in.
    await page.getByTestId('sign-in').click();
    await page.getByTestId('sign-in-dialog').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('sign-in-dialog').count(), POLL).toBe(0);

    await signIn(page, 'engineer.damascus@marsad.demo');
    expect(await page.getByTestId('account-role').getAttribute('data-role')).toBe('engineer');
    const queue = page.getByTestId('work-queue-list').locator('button');
    await expect.poll(() => queue.count(), POLL).toBeGreaterThan(0);
    expect(await page.getByTestId('work-queue').getByTestId('hijri-date').count()).toBeGreaterThan(0);

    // An unpublished project of the queue whose status may stay as it is.
    let target: ProjectFacts | null = null;
    for (const id of await queue.evaluateAll((buttons) => buttons.map((b) => Number(b.getAttribute('data-project-id'))))) {
      const facts = (await (await page.request.get(new URL(`/api/projects/${id}`, marsad.url).href)).json()) as ProjectFacts;
      if (!facts.is_published) {
        target = facts;
        break;
      }
    }
    if (target === null) throw new Error('the Damascus work queue has no unpublished project to report on');
    expect(target.governorate).toBe('SY-DI');

    await page.getByTestId('work-queue-list').locator(`button[data-project-id="${target.id}"]`).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('project'), POLL).toBe(String(target.id));
    await page.getByTestId('progress-form').waitFor();
    const inserts = page.getByTestId('change-history').locator('> li[data-table="progress_updates"][data-action="insert"]');
    await page.waitForSelector('[data-testid="changes"][data-loaded="true"]');
    const before = await inserts.count();

    // Client-side validation first: 150 % is refused beside the field.
    await page.getByTestId('progress-physical_progress').fill('150');
    await page.getByTestId('progress-submit').click();
    await page.getByTestId('progress-physical_progress-error').waitFor();

    const next = target.physical_progress < 100 ? Math.min(100, Math.floor(target.physical_progress) + 1) : 99;
    expect(await page.getByTestId('progress-status').inputValue()).toBe(target.status);
    await page.getByTestId('progress-physical_progress').fill(String(next));
    await page.getByTestId('progress-note').fill('e2e: تحديث من قائمة العمل');
    // Closing the drawer before sending loses nothing: the report is kept on the device.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('progress-form').count(), POLL).toBe(0);
    await page.getByTestId('work-queue-list').locator(`button[data-project-id="${target.id}"]`).click();
    await page.getByTestId('progress-draft').waitFor(POLL);
    expect(await page.getByTestId('progress-note').inputValue()).toBe('e2e: تحديث من قائمة العمل');
    expect(await page.getByTestId('progress-physical_progress').inputValue()).toBe(String(next));
    await page.getByTestId('progress-submit').click();
    await page.getByTestId('progress-saved').waitFor();
    expect(await page.getByTestId('progress-draft').count()).toBe(0); // sent: nothing kept any more
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('marsad:draft:progress:')))).toEqual([]);
    await expect.poll(() => page.getByTestId('project-physical').textContent(), POLL).toContain(AR_PERCENT.format(next / 100));
    await expect.poll(() => inserts.count(), POLL).toBe(before + 1);
    const newest = page.getByTestId('change-history').locator('> li').first();
    expect(await newest.getByTestId('hijri-date').textContent()).toMatch(/هـ/);
    await page.screenshot({ path: `${SCREENSHOTS}engineer-ar-progress.png` });

    const after = (await (await page.request.get(new URL(`/api/projects/${target.id}`, marsad.url).href)).json()) as ProjectFacts;
    expect(after.physical_progress).toBe(next);
    expect(after.status).toBe(target.status);
    expect(after.is_published).toBe(false);

    await page.keyboard.press('Escape');
    await signOut(page);
    expect(await page.getByTestId('work-queue').count()).toBe(0);

    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('a donor sees the shared-projects banner and fewer projects than an admin', { timeout: 180_000 }, async () => {
    const { page, externalRequests, pageErrors } = await open(browser());
    await signIn(page, 'admin@marsad.demo');
    const adminCount = await projectCount(page);
    await expect.poll(() => page.getByTestId('national-kpis-projects').textContent(), POLL).toBe(AR_COUNT.format(adminCount));
    expect(await page.getByTestId('donor-banner').count()).toBe(0);
    await signOut(page);

    await signIn(page, 'donor.undp@marsad.demo');
    await page.getByTestId('donor-banner').waitFor();
    expect(await page.getByTestId('donor-banner').textContent()).toMatch(/^المشاريع المشتركة مع /);
    const donorCount = await projectCount(page);
    expect(donorCount).toBeLessThan(adminCount);
    await expect.poll(() => page.getByTestId('national-kpis-projects').textContent(), POLL).toBe(AR_COUNT.format(donorCount));
    await page.waitForSelector('[data-testid="map"][data-projects-ready="true"]', { timeout: MAP_TIMEOUT });
    await page.screenshot({ path: `${SCREENSHOTS}donor-ar.png` });

    await signOut(page);
    await expect.poll(() => page.getByTestId('donor-banner').count(), POLL).toBe(0);

    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
