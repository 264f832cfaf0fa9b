/**
 * Issue 13's browser test, end to end over the demo data, as the people it is for would do it:
 * the engineer of Damascus raises a critical obstacle on one of their projects from its drawer and
 * escalates it, with a reason, to the ministry directorate; the minister finds it in the minister's
 * view (Damascus × directorate), opens a meeting at that level for Damascus where it stands on the
 * live agenda, records a decision on it (owned by a responsible body, due in two weeks), and prints
 * Damascus's brief from the governorate panel: the downloaded PDF lists the new obstacle, in
 * logical order, under the open obstacles' heading. In Arabic (right to left). Not one request
 * leaves the machine and no console error, on any page.
 *
 * The file runs its own server over its own copy of the demo data (serverForFile).
 */
import { readFile } from 'node:fs/promises';
import type { Meeting, ObstaclePage, ProjectSummary } from '@marsad/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite, getJson, MAP_TIMEOUT, newGuardedPage, signIn, type OpenedPage } from './browser.ts';
import { DEMO } from '../support/client.ts';
import { pdfFonts, pdfPages } from '../support/pdfTools.ts';
import { serverForFile } from '../support/startTestServer.ts';

const marsad = serverForFile();
const POLL = { timeout: 60_000 };
const DESKTOP = { width: 1440, height: 900 };
const day = (fromToday: number) => new Date(Date.now() + fromToday * 86_400_000).toISOString().slice(0, 10);
const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

// Short enough for one line of the brief's table, and no lam-alef: poppler writes that ligature
// back to front when it extracts text.
const TITLE = 'تعذر تسليم الموقع للمقاول بسبب نزاع';
const REASON = 'مديرية المصالح العقارية لم تبت في النزاع منذ شهرين';
const DECISION = 'تكليف مديرية المصالح العقارية بالبت في النزاع خلال أسبوعين';

async function openMap(page: Page, path: string): Promise<void> {
  await page.goto(new URL(path, marsad.url).href);
  await page.waitForSelector('[data-testid="map"][data-map-ready="true"]', { timeout: 3 * MAP_TIMEOUT });
}

function expectClean(opened: OpenedPage): void {
  expect(opened.externalRequests).toEqual([]);
  expect(opened.pageErrors).toEqual([]);
}

describe('an obstacle from the field to the minister’s brief (browser)', () => {
  const browser = chromiumForSuite();

  it('is raised and escalated by the engineer, found by the minister, decided on in a meeting and printed in the brief', { timeout: 600_000 }, async () => {
    // 1. The engineer of Damascus, on a Damascus project of theirs.
    const engineer = await newGuardedPage(browser(), { viewport: DESKTOP, locale: 'ar' });
    await openMap(engineer.page, '/');
    await signIn(engineer.page, DEMO.engineer);
    const { items } = await getJson<{ items: ProjectSummary[] }>(engineer.page, marsad.url, '/api/projects?governorate=SY-DI&status=in_progress&limit=5');
    const project = items[0];
    if (project === undefined) throw new Error('the demo has no Damascus project in progress');
    await openMap(engineer.page, `/?project=${project.id}`);
    const section = engineer.page.getByTestId('project-obstacles');
    await expect.poll(() => section.getAttribute('data-loaded'), POLL).toBe('true');
    await section.getByTestId('obstacle-raise').click();
    const form = section.getByTestId('obstacle-new-form');
    await form.getByTestId('obstacle-new-title').fill(TITLE);
    await form.getByTestId('obstacle-new-category').selectOption('land');
    await form.getByTestId('obstacle-new-severity').selectOption('critical');
    await form.getByTestId('obstacle-new-estimated_delay_days').fill('60');
    await form.getByTestId('obstacle-new-target_date').fill(day(20));
    await form.getByTestId('obstacle-new-submit').click();
    const card = section.getByTestId('obstacle').filter({ hasText: TITLE });
    await card.waitFor(POLL);
    const obstacleId = Number(await card.getAttribute('data-obstacle-id'));
    expect(await card.getAttribute('data-level')).toBe('governorate');

    await card.getByTestId('obstacle-escalate').click();
    expect(await card.getByTestId('obstacle-escalate-to_level').inputValue()).toBe('directorate');
    await card.getByTestId('obstacle-escalate-reason').fill(REASON);
    await card.getByTestId('obstacle-escalate-submit').click();
    await expect.poll(() => card.getAttribute('data-level'), POLL).toBe('directorate');
    expectClean(engineer);
    await engineer.page.context().close();

    // 2. The minister's view: Damascus at the directorate holds it; it opens its project.
    const minister = await newGuardedPage(browser(), { viewport: DESKTOP, locale: 'ar' });
    const { page } = minister;
    await page.goto(new URL('/?view=obstacles&country=SYR', marsad.url).href);
    await page.getByTestId('obstacle-screen').waitFor(POLL);
    await signIn(page, DEMO.minister);
    await page.getByTestId('obstacle-level-table').waitFor(POLL);
    const atDirectorate = await getJson<ObstaclePage>(page, marsad.url, '/api/obstacles?governorate=SY-DI&level=directorate&status=active&limit=200');
    expect(atDirectorate.items.map((o) => o.id)).toContain(obstacleId);
    const cell = page.locator('[data-testid="obstacle-level-row"][data-governorate="SY-DI"] [data-testid="obstacle-level-cell"][data-level="directorate"]');
    expect(await cell.getAttribute('data-count')).toBe(String(atDirectorate.total));
    await cell.click();
    const listed = page.locator(`[data-testid="obstacle-cell-item"][data-obstacle-id="${obstacleId}"]`);
    await listed.waitFor(POLL);
    await listed.click();
    await expect.poll(() => param(page, 'project'), POLL).toBe(String(project.id));
    await page.getByTestId('project-obstacles').getByTestId('obstacle').filter({ hasText: TITLE }).waitFor(POLL);
    await page.keyboard.press('Escape');

    // 3. A meeting at the directorate for Damascus: the obstacle is on its live agenda; a decision on it.
    await page.getByTestId('meetings-entry').click();
    await page.getByTestId('meetings-screen').waitFor(POLL);
    await page.getByTestId('new-meeting').click();
    await page.getByTestId('new-meeting-dialog').waitFor(POLL);
    await page.getByTestId('new-meeting-level').selectOption('directorate');
    await page.getByTestId('new-meeting-title_ar').fill('اجتماع مديرية الوزارة مع محافظة دمشق');
    await page.getByTestId('new-meeting-held_on').fill(day(10));
    await page.getByTestId('new-meeting-freeze_days').fill('3');
    await page.locator('[data-testid="new-meeting-governorate"][data-code="SY-DI"]').check();
    await page.getByTestId('new-meeting-submit').click();
    await page.getByTestId('meeting-detail').waitFor(POLL);
    await expect.poll(() => param(page, 'meeting'), POLL).not.toBeNull();
    const meetingId = Number(param(page, 'meeting'));
    await page.locator(`[data-testid="agenda-item"][data-obstacle-id="${obstacleId}"]`).waitFor(POLL);

    await page.getByTestId('record-decision').click();
    await page.getByTestId('decision-dialog').waitFor(POLL);
    await page.getByTestId('decision-text').fill(DECISION);
    await page.getByTestId('decision-owner').selectOption({ index: 1 });
    await page.getByTestId('decision-due_date').fill(day(14));
    await page.getByTestId('decision-obstacle').selectOption(String(obstacleId));
    await page.getByTestId('decision-submit').click();
    const decision = page.getByTestId('decision').filter({ hasText: DECISION });
    await decision.waitFor(POLL);
    expect(await decision.getAttribute('data-status')).toBe('open');
    const meeting = await getJson<Meeting>(page, marsad.url, `/api/meetings/${meetingId}`);
    expect(meeting.decisions.find((d) => d.text === DECISION)).toMatchObject({ obstacle_id: obstacleId, status: 'open', is_overdue: false });

    // 4. The brief, from Damascus's panel: a PDF whose open obstacles list the new one, its fonts embedded.
    await openMap(page, '/?gov=SY-DI');
    const panel = page.getByTestId('governorate-obstacles');
    await expect.poll(() => panel.getAttribute('data-loaded'), POLL).toBe('true');
    const [download] = await Promise.all([page.waitForEvent('download', POLL), panel.getByTestId('governorate-brief-ar').click()]);
    expect(download.suggestedFilename()).toMatch(/^brief-SY-DI-\d{4}-\d{2}-\d{2}-ar\.pdf$/);
    const pdf = new Uint8Array(await readFile((await download.path())!));
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
    const text = (await pdfPages(pdf)).join('\n');
    expect(text).toContain('العوائق القائمة');
    // Its row (pdftotext lays a table row out on one line) says it is critical, at the directorate.
    const row = text.split('\n').find((line) => line.includes(TITLE));
    expect(row, text).toBeDefined();
    expect(row).toContain('حرجة');
    expect(row).toContain('مديرية الوزارة');
    expect((await pdfFonts(pdf)).every((font) => font.embedded)).toBe(true);
    expectClean(minister);
    await page.context().close();
  });
});
