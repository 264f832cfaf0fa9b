/**
 * Conflicts for review in a real browser, over the demo data. Through the API the engineer of
 * Damascus files a report with a photo based on a version that changed meanwhile (the admin reported
 * on the project in between): the server holds it as a conflict instead of overwriting the newer
 * values. In Arabic, the engineer sees it at the top of the work queue and counted in the header
 * (in Arabic digits), opens it, reads what they saw → what is there now → what they proposed, the
 * note and the photo, and accepts it: the project takes the proposed values and its history says
 * the report was held and accepted. In English, an admin opens the review screen (`view=review`),
 * is told before anything is sent that a rejection needs a note, rejects another conflict with one,
 * finds it among the rejected, and reads the rejection in the project's history. Signed out and as
 * a donor there is no review entry and no call for conflicts. Not one request leaves the machine
 * and no console error. The Arabic conflict is saved to docs/review-ar.png.
 */
import { fileURLToPath } from 'node:url';
import type { FieldConflict, FieldConflictCount, HeldForReview, ProgressReportList, ProjectDetail, ProjectPage } from '@marsad/contracts';
import { png } from '@marsad/demo';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite, getJson, MAP_TIMEOUT, newGuardedPage, SCREENSHOTS, signIn, signOut } from './browser.ts';
import { as, DEMO, httpTarget, type Client } from '../support/client.ts';
import { serverForFile } from '../support/startTestServer.ts';

const marsad = serverForFile();
const POLL = { timeout: 60_000 };
const VIEWPORT = { width: 1280, height: 800 };
const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));
const AR_PERCENT = new Intl.NumberFormat('ar-SA-u-nu-arab', { style: 'percent', maximumFractionDigits: 1 });
const EN_PERCENT = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 });
const AR_COUNT = new Intl.NumberFormat('ar-SA-u-nu-arab');
const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

async function expectStatus(response: Response, status: number, what: string): Promise<Response> {
  if (response.status !== status) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return response;
}

/** Damascus projects in progress with room to report more (each conflict gets its own). */
async function damascusProjects(admin: Client): Promise<ProjectDetail[]> {
  const page = await admin.json<ProjectPage>('/api/projects?governorate=SY-DI&status=in_progress&limit=40');
  const ids = page.items.filter((p) => p.physical_progress <= 80 && p.financial_progress <= 80).map((p) => p.id);
  if (ids.length < 2) throw new Error('the demo has too few Damascus projects in progress');
  return Promise.all(ids.slice(0, 2).map((id) => admin.json<ProjectDetail>(`/api/projects/${id}`)));
}

interface Held {
  conflict: number;
  project: ProjectDetail;
  /** What the engineer saw, and what the record holds now. */
  seen: { physical: number; financial: number };
  now: { physical: number; financial: number };
  proposed: { physical: number; financial: number };
  fieldDate: string;
  note: string;
}

/**
 * The admin reports on the project (its version and values move); the engineer's report, filled
 * from the version before, then comes in with what they saw as its base and a photo: held (202).
 */
async function holdReport(admin: Client, engineer: Client, project: ProjectDetail, note: string, seed: number): Promise<Held> {
  const seen = { physical: project.physical_progress, financial: project.financial_progress };
  const now = { physical: seen.physical + 4, financial: seen.financial + 2 };
  await expectStatus(
    await admin.post(`/api/projects/${project.id}/progress`, {
      reported_on: daysAgo(0),
      status: project.status,
      physical_progress: now.physical,
      financial_progress: now.financial,
      note: 'admin: site visit (e2e)',
      version: project.version,
    }),
    201,
    'the report that moves the project',
  );
  const proposed = { physical: seen.physical + 10, financial: seen.financial + 5 };
  const fieldDate = daysAgo(3);
  const form = new FormData();
  form.append(
    'report',
    JSON.stringify({
      reported_on: fieldDate,
      status: project.status,
      physical_progress: proposed.physical,
      financial_progress: proposed.financial,
      note,
      version: project.version,
      base: { status: project.status, physical_progress: seen.physical, financial_progress: seen.financial },
    }),
  );
  form.append('photos', new File([png(64, 48, seed) as Uint8Array<ArrayBuffer>], 'site.png', { type: 'image/png' }));
  const held = (await (await expectStatus(await engineer.post(`/api/projects/${project.id}/progress`, form), 202, 'the stale report')).json()) as HeldForReview;
  expect(held.outcome).toBe('held');
  return { conflict: held.conflict_id, project, seen, now, proposed, fieldDate, note };
}

/** The conflict's row of `field`: the texts of its base, current and proposed cells, and whether it moved. */
async function rowOf(page: Page, field: string) {
  const row = page.locator(`[data-testid="conflict-row"][data-field="${field}"]`);
  return {
    base: await row.getByTestId('conflict-base').textContent(),
    current: await row.getByTestId('conflict-current').innerText(),
    proposed: await row.getByTestId('conflict-proposed').textContent(),
    moved: await row.getAttribute('data-moved'),
  };
}

describe('conflicts for review (browser)', () => {
  const browser = chromiumForSuite();

  it('the engineer accepts a held report from the work queue (Arabic); an admin rejects another with a note from view=review (English)', { timeout: 480_000 }, async () => {
    const target = httpTarget(marsad.url);
    const admin = await as(target, DEMO.admin);
    const engineer = await as(target, DEMO.engineer);
    const [first, second] = await damascusProjects(admin);
    const accepted = await holdReport(admin, engineer, first!, 'تقرير من الموقع دون اتصال (e2e)', 1);
    const rejected = await holdReport(admin, engineer, second!, 'Report typed on site without a connection (e2e)', 2);
    // Held, not applied: the project keeps the admin's newer values.
    expect((await admin.json<ProjectDetail>(`/api/projects/${first!.id}`)).physical_progress).toBe(accepted.now.physical);

    const opened = await newGuardedPage(browser(), { viewport: VIEWPORT, locale: 'ar' });
    const { page } = opened;
    const conflictCalls: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/conflicts')) conflictCalls.push(`${r.method()} ${r.url()}`);
    });
    const decisions: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && /\/api\/conflicts\/\d+\/(accept|reject)$/.test(new URL(r.url()).pathname)) decisions.push(new URL(r.url()).pathname);
    });

    // Signed out: no review entry, and nothing asked about conflicts.
    await page.goto(new URL('/', marsad.url).href);
    await page.waitForSelector('[data-testid="map"][data-map-ready="true"]', { timeout: MAP_TIMEOUT });
    expect(await page.getByTestId('review-entry').count()).toBe(0);

    // 1. The engineer: the conflicts head the work queue, and the header counts them in Arabic digits.
    await signIn(page, DEMO.engineer);
    const queue = page.getByTestId('queue-conflicts');
    await queue.waitFor(POLL);
    const { pending } = await getJson<FieldConflictCount>(page, marsad.url, '/api/conflicts/count');
    expect(pending).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.getByTestId('review-count').textContent(), POLL).toBe(AR_COUNT.format(pending));
    expect(await queue.getAttribute('data-count')).toBe(String(pending));
    const item = queue.locator(`[data-testid="conflict-item"][data-conflict-id="${accepted.conflict}"]`);
    await item.waitFor(POLL);

    // 2. It opens on the review screen: base → current → proposed, translated, in Arabic digits.
    await item.click();
    await expect.poll(() => param(page, 'view'), POLL).toBe('review');
    expect(param(page, 'conflict')).toBe(String(accepted.conflict));
    const detail = page.getByTestId('conflict-detail');
    await expect.poll(() => detail.getAttribute('data-kind'), POLL).toBe('progress_report');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await detail.getAttribute('data-state')).toBe('pending');
    expect(await page.getByTestId('conflict-state').textContent()).toBe('بانتظار القرار');
    const physical = await rowOf(page, 'physical_progress');
    expect(physical.base).toBe(AR_PERCENT.format(accepted.seen.physical / 100));
    expect(physical.current).toContain(AR_PERCENT.format(accepted.now.physical / 100));
    expect(physical.proposed).toBe(AR_PERCENT.format(accepted.proposed.physical / 100));
    expect(physical.moved).toBe('true');
    const status = await rowOf(page, 'status');
    expect(status.moved).toBe('false');
    expect(status.proposed).toBe('قيد التنفيذ');
    expect(await page.locator('[data-testid="conflict-row"][data-field="physical_progress"] th').textContent()).toBe('الإنجاز الفعلي');
    expect(await page.getByTestId('conflict-note').textContent()).toBe(accepted.note);
    const photo = page.getByTestId('conflict-photo');
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), POLL).toBe(64);
    const conflict = await getJson<FieldConflict>(page, marsad.url, `/api/conflicts/${accepted.conflict}`);
    expect(await photo.getAttribute('src')).toBe(conflict.photos[0]!.url);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${DOCS}review-ar.png` });

    // 3. Accepted: said on screen, the count goes down, the project takes the proposal as a report
    //    with its field date, and its history tells what happened.
    await page.getByTestId('conflict-accept').click();
    await page.getByTestId('conflict-decided').waitFor(POLL);
    expect(await page.getByTestId('conflict-decided').getAttribute('data-decision')).toBe('accept');
    await expect.poll(() => detail.getAttribute('data-state'), POLL).toBe('accepted');
    await expect.poll(async () => (await getJson<FieldConflictCount>(page, marsad.url, '/api/conflicts/count')).pending, POLL).toBe(pending - 1);
    await expect.poll(() => page.getByTestId('review-entry').getAttribute('data-count'), POLL).toBe(String(pending - 1));
    const after = await getJson<ProjectDetail>(page, marsad.url, `/api/projects/${first!.id}`);
    expect(after.physical_progress).toBe(accepted.proposed.physical);
    expect(after.financial_progress).toBe(accepted.proposed.financial);
    const decided = await getJson<FieldConflict>(page, marsad.url, `/api/conflicts/${accepted.conflict}`);
    expect(decided.state).toBe('accepted');
    const reports = await getJson<ProgressReportList>(page, marsad.url, `/api/projects/${first!.id}/progress`);
    const applied = reports.items.find((r) => r.id === decided.applied_report_id);
    expect(applied?.reported_on).toBe(accepted.fieldDate);
    expect(applied?.photos.length).toBe(1);

    await page.getByTestId('conflict-open-project').click();
    await expect.poll(() => param(page, 'project'), POLL).toBe(String(first!.id));
    await expect.poll(() => page.getByTestId('project-physical').textContent(), POLL).toContain(AR_PERCENT.format(accepted.proposed.physical / 100));
    await page.waitForSelector('[data-testid="changes"][data-loaded="true"]', POLL);
    const history = page.getByTestId('change-history');
    const conflictEntries = history.locator('> li[data-table="field_conflicts"]');
    await expect.poll(() => conflictEntries.getByTestId('conflict-history-event').allTextContents(), POLL).toEqual(expect.arrayContaining(['حُفظ للمراجعة', 'قُبل بعد المراجعة']));
    await page.screenshot({ path: `${SCREENSHOTS}review-ar-history.png` });
    await page.keyboard.press('Escape');
    await signOut(page);
    // Signed out on the review screen: only the way back to the map, which then has no entry.
    const entry = page.getByTestId('review-entry');
    expect(await entry.getAttribute('data-screen')).toBe('review');
    await entry.click();
    await expect.poll(() => param(page, 'view'), POLL).toBeNull();
    expect(await page.getByTestId('review-entry').count()).toBe(0);

    // A donor has none: no entry, no call.
    const callsBeforeDonor = conflictCalls.length;
    await signIn(page, DEMO.undpDonor);
    await page.getByTestId('plans-entry').waitFor();
    expect(await page.getByTestId('review-entry').count()).toBe(0);
    expect(conflictCalls.slice(callsBeforeDonor)).toEqual([]);
    await signOut(page);

    // 4. In English, an admin from view=review: a rejection needs a note (said before sending).
    await page.goto(new URL('/?lang=en&view=review', marsad.url).href);
    await page.getByTestId('review-screen').waitFor(POLL);
    await signIn(page, DEMO.admin);
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    await expect.poll(() => page.getByTestId('review-entry').textContent(), POLL).toContain('Map');
    const listed = page.locator(`[data-testid="review-list"] [data-testid="conflict-item"][data-conflict-id="${rejected.conflict}"]`);
    await listed.waitFor(POLL);
    await listed.click();
    await expect.poll(() => param(page, 'conflict'), POLL).toBe(String(rejected.conflict));
    await expect.poll(() => detail.getAttribute('data-state'), POLL).toBe('pending');
    expect(await page.getByTestId('conflict-state').textContent()).toBe('Waiting for a decision');
    expect(await page.locator('[data-testid="conflict-row"][data-field="financial_progress"] th').textContent()).toBe('Financial progress');
    expect((await rowOf(page, 'financial_progress')).proposed).toBe(EN_PERCENT.format(rejected.proposed.financial / 100));
    await page.getByTestId('conflict-reject').click();
    await page.getByTestId('conflict-decision-note-error').waitFor();
    expect(decisions).toEqual([`/api/conflicts/${accepted.conflict}/accept`]);
    const reason = 'The admin’s site visit is newer (e2e)';
    await page.getByTestId('conflict-decision-note').fill(reason);
    await page.getByTestId('conflict-reject').click();
    await page.getByTestId('conflict-decided').waitFor(POLL);
    await expect.poll(() => detail.getAttribute('data-state'), POLL).toBe('rejected');
    expect(await page.getByTestId('conflict-decision-note').textContent()).toBe(reason);
    // Rejected: nothing applied, the evidence kept.
    expect((await getJson<ProjectDetail>(page, marsad.url, `/api/projects/${second!.id}`)).physical_progress).toBe(rejected.now.physical);
    expect((await getJson<FieldConflict>(page, marsad.url, `/api/conflicts/${rejected.conflict}`)).photos.length).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}review-en-rejected.png` });

    // Among the rejected; its project's history tells the rejection and why.
    await page.getByTestId('conflict-back').click();
    await page.getByTestId('review-state').selectOption('rejected');
    await expect.poll(() => param(page, 'conflict_state'), POLL).toBe('rejected');
    const rejectedItem = page.locator(`[data-testid="review-list"] [data-testid="conflict-item"][data-conflict-id="${rejected.conflict}"]`);
    await rejectedItem.waitFor(POLL);
    await rejectedItem.click();
    await page.getByTestId('conflict-open-project').click();
    await expect.poll(() => param(page, 'project'), POLL).toBe(String(second!.id));
    await page.waitForSelector('[data-testid="changes"][data-loaded="true"]', POLL);
    const rejection = history.locator('> li[data-table="field_conflicts"]').filter({ hasText: 'Rejected after review' });
    await rejection.waitFor(POLL);
    expect(await rejection.getByTestId('conflict-history-decision-note').textContent()).toBe(reason);
    await page.screenshot({ path: `${SCREENSHOTS}review-en-history.png` });

    expect(decisions).toEqual([`/api/conflicts/${accepted.conflict}/accept`, `/api/conflicts/${rejected.conflict}/reject`]);
    expect(opened.externalRequests).toEqual([]);
    expect(opened.pageErrors).toEqual([]);
    await page.context().close();
  });
});
