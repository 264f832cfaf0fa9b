/**
 * Issue 14's flow in a real browser against the real app: the Damascus engineer prepares the
 * field, the network is cut (`context.setOffline`), they file three reports with a photo each, the
 * page is reloaded offline (signing in again if asked), and the network comes back: exactly three
 * reports and three photos are on the server, each once. Replaying the whole outbox (its exported
 * file, each item with its own Idempotency-Key) changes nothing. A fourth report, written offline
 * while the ministry reports on the same project, becomes a conflict; the engineer accepts it on
 * the review screen, and the project's history tells what happened.
 */
import { png } from '@marsad/demo';
import { readFile } from 'node:fs/promises';
import type { ProgressReportList } from '@marsad/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite, getJson, newGuardedPage, openApp, signIn, withoutOfflineAnswers } from './browser.ts';
import { as, DEMO, httpTarget } from '../support/client.ts';
import { serverForFile } from '../support/startTestServer.ts';

const marsad = serverForFile();
const POLL = { timeout: 60_000 };
const today = () => new Date().toISOString().slice(0, 10);

interface ExportedItem {
  id: string;
  kind: string;
  projectId: number;
  state: string;
  body: Record<string, unknown>;
  photos: { sha256: string; base64: string }[];
}

const unsent = (page: Page) => page.getByTestId('outbox-button').getAttribute('data-unsent');

/** Opens a project of the work queue and files a report with `note` (and a photo) through the form. */
async function fileReport(page: Page, projectId: number, note: string, photoSeed: number | null): Promise<void> {
  await page.getByTestId('work-queue-list').locator(`button[data-project-id="${projectId}"]`).click();
  await page.getByTestId('progress-form').waitFor(POLL);
  await page.getByTestId('progress-note').fill(note);
  if (photoSeed !== null) {
    await page.getByTestId('photo-input').setInputFiles([{ name: `site-${photoSeed}.png`, mimeType: 'image/png', buffer: png(320, 240, photoSeed) }]);
    await expect.poll(() => page.getByTestId('photo-picker').getAttribute('data-count'), POLL).toBe('1');
  }
  await page.getByTestId('progress-submit').click();
  await expect.poll(() => page.getByTestId('progress-outcome').getAttribute('data-outcome'), POLL).toBe('queued');
  await page.keyboard.press('Escape');
  await page.getByTestId('progress-form').waitFor({ state: 'detached', ...POLL });
}

describe('field work offline (browser, issue 14)', () => {
  const browser = chromiumForSuite();

  it('files three reports with photos offline, sends each once, replays to no effect, and reviews a conflict', { timeout: 420_000 }, async () => {
    const opened = await newGuardedPage(browser(), { viewport: { width: 1280, height: 900 }, locale: 'ar' });
    const { page, externalRequests, pageErrors } = opened;
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
    });
    await openApp(page, marsad.url);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, POLL);
    await signIn(page, DEMO.engineer);
    const queue = page.getByTestId('work-queue-list').locator('button[data-project-id]');
    await queue.first().waitFor(POLL);
    const queued = await queue.evaluateAll((buttons) => buttons.map((b) => Number(b.getAttribute('data-project-id'))));

    // Four projects of the queue in progress: three for the offline reports, one for the conflict.
    const { items } = await getJson<{ items: { id: number; status: string; physical_progress: number }[] }>(
      page, marsad.url, '/api/projects?governorate=SY-DI&status=in_progress&limit=200',
    );
    const chosen = items.filter((p) => queued.includes(p.id) && p.physical_progress <= 90).slice(0, 4).map((p) => p.id);
    expect(chosen).toHaveLength(4);
    const [reported, contested] = [chosen.slice(0, 3), chosen[3]!];

    // Prepared for the field: the queue and its projects open without a connection.
    await page.getByTestId('field-prepare-button').click();
    await page.getByTestId('field-download').click();
    await page.getByTestId('field-prepared').waitFor({ timeout: 240_000 });

    // 1. Offline: three reports with a photo each wait in the outbox.
    const run = Date.now();
    const notes = reported.map((id, i) => `e2e ميدان ${run} تقرير ${i + 1} للمشروع ${id}`);
    await page.context().setOffline(true);
    for (const [i, id] of reported.entries()) await fileReport(page, id, notes[i]!, i + 1);
    await expect.poll(() => unsent(page), POLL).toBe('3');

    // 2. Reloaded offline: the page opens from the device, the three still wait (sign in again if asked).
    await page.reload();
    await page.getByTestId('offline-banner').waitFor(POLL);
    if (await page.getByTestId('sign-in').isVisible()) await signIn(page, DEMO.engineer);
    await expect.poll(() => unsent(page), POLL).toBe('3');

    // 3. Online: they send themselves, and the server holds each report and its photo once.
    await page.context().setOffline(false);
    await expect.poll(() => unsent(page), POLL).toBe('0');
    const reportsWith = async (id: number, note: string) =>
      (await getJson<ProgressReportList>(page, marsad.url, `/api/projects/${id}/progress`)).items.filter((r) => r.note === note);
    const onServer = async () => Promise.all(reported.map((id, i) => reportsWith(id, notes[i]!)));
    const first = await onServer();
    expect(first.map((found) => found.length)).toEqual([1, 1, 1]);
    expect(first.map((found) => found[0]!.photos.length)).toEqual([1, 1, 1]);

    // 4. Replaying the outbox, as an administrator would from its exported file, changes nothing.
    await page.getByTestId('outbox-button').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('outbox-export').click()]);
    await page.getByTestId('outbox-close').click();
    const exported = JSON.parse(await readFile((await download.path())!, 'utf8')) as { items: ExportedItem[] };
    const sent = exported.items.filter((item) => item.kind === 'progress_report' && reported.includes(item.projectId));
    expect(sent.map((item) => item.state)).toEqual(['sent', 'sent', 'sent']);
    const engineer = await as(httpTarget(marsad.url), DEMO.engineer);
    for (const item of sent) {
      for (const photo of item.photos) {
        const bytes = Buffer.from(photo.base64, 'base64');
        const part = await engineer.request(`/api/photo-uploads/${photo.sha256}`, {
          method: 'PUT',
          body: bytes,
          headers: { 'content-type': 'application/octet-stream', 'content-range': `bytes 0-${bytes.length - 1}/${bytes.length}` },
        });
        expect(part.status).toBe(200);
        expect(((await part.json()) as { complete: boolean }).complete).toBe(true);
      }
      const body = { ...item.body, photos: item.photos.map((p) => ({ sha256: p.sha256 })) };
      const replay = await engineer.post(`/api/projects/${item.projectId}/progress`, body, { 'Idempotency-Key': item.id });
      expect(replay.status).toBe(201);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
    }
    const again = await onServer();
    expect(again.map((found) => found.map((r) => r.id))).toEqual(first.map((found) => found.map((r) => r.id)));
    expect(again.map((found) => found[0]!.photos.map((p) => p.id))).toEqual(first.map((found) => found[0]!.photos.map((p) => p.id)));

    // 5. A report written offline while the ministry reports on the same project: held for review.
    await page.context().setOffline(true);
    const contestedNote = `e2e ميدان ${run} تقرير خلاف`;
    await fileReport(page, contested, contestedNote, 9);
    const admin = await as(httpTarget(marsad.url), DEMO.admin);
    const before = await admin.json<{ version: number; status: string; physical_progress: number; financial_progress: number }>(`/api/projects/${contested}`);
    const moved = await admin.post(`/api/projects/${contested}/progress`, {
      reported_on: today(),
      status: before.status,
      physical_progress: before.physical_progress + 5,
      financial_progress: before.financial_progress,
      note: 'e2e: the ministry reports meanwhile',
      version: before.version,
    });
    expect(moved.status).toBe(201);
    await page.context().setOffline(false);
    await expect.poll(() => unsent(page), POLL).toBe('0');
    await page.getByTestId('outbox-button').click();
    const heldItem = page.locator('[data-testid="outbox-item"][data-state="held"]');
    await heldItem.waitFor(POLL);
    await page.getByTestId('outbox-close').click();
    expect(await reportsWith(contested, contestedNote)).toEqual([]);
    expect((await admin.json<{ physical_progress: number }>(`/api/projects/${contested}`)).physical_progress).toBe(before.physical_progress + 5);

    // 6. Resolved on screen: the conflict heads the work queue; accepted, it becomes a report.
    const conflicts = page.getByTestId('queue-conflicts');
    await conflicts.waitFor(POLL);
    const { items: pending } = await getJson<{ items: { id: number; note: string | null }[] }>(page, marsad.url, `/api/conflicts?project=${contested}`);
    const conflictId = pending.find((c) => c.note === contestedNote)!.id;
    await conflicts.locator(`[data-testid="conflict-item"][data-conflict-id="${conflictId}"]`).click();
    await expect.poll(() => page.getByTestId('conflict-detail').getAttribute('data-state'), POLL).toBe('pending');
    await page.getByTestId('conflict-accept').click();
    await page.getByTestId('conflict-decided').waitFor(POLL);
    await expect.poll(async () => (await reportsWith(contested, contestedNote)).length, POLL).toBe(1);
    expect((await reportsWith(contested, contestedNote))[0]!.photos).toHaveLength(1);

    // 7. The project's history shows what happened: held, then accepted.
    await page.getByTestId('conflict-open-project').click();
    await page.waitForSelector('[data-testid="changes"][data-loaded="true"]', POLL);
    const events = page.getByTestId('change-history').locator('> li[data-table="field_conflicts"]').getByTestId('conflict-history-event');
    await expect.poll(() => events.allTextContents(), POLL).toEqual(expect.arrayContaining(['حُفظ للمراجعة', 'قُبل بعد المراجعة']));

    expect(externalRequests).toEqual([]);
    // Offline, a project opened is framed closer than the governorate was kept: the tiles around it
    // that hold no project are answered "not kept" by the service worker.
    const unasked = withoutOfflineAnswers(opened, pageErrors).filter((e) => !/ERR_INTERNET_DISCONNECTED|net::ERR_FAILED/.test(e));
    expect(unasked, failed.join('\n')).toEqual([]);
    await page.context().close();
  });
});
