/**
 * The minister's screens in a real browser. Through the API the admin raises obstacles on
 * Damascus and Aleppo projects (one critical, escalated to the minister; one high at the
 * governorate; one critical waiting for another body). The minister opens the obstacles screen
 * (the totals equal /api/obstacles/overview, the level × governorate table), opens a cell's list
 * and a project from it, steps back and forward through the browser history; then creates a
 * meeting for Damascus, sees the escalated obstacle on its live agenda, records a decision on it,
 * tries to close it without a note (refused before anything is sent) and closes it with one; in
 * Arabic (right to left) and in English. The engineer of Damascus reaches the same screens from the
 * header and sees only Damascus, with no new meeting. Not one request leaves the machine and no
 * console error.
 * Screenshots at 1440×900 go to docs/minister-view-ar.png and docs/meeting-ar.png.
 */
import { fileURLToPath } from 'node:url';
import type { ObstacleOverview } from '@marsad/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite, getJson, newGuardedPage, SCREENSHOTS, signIn } from './browser.ts';
import { as, DEMO, httpTarget, type Client } from '../support/client.ts';
import { serverForFile } from '../support/startTestServer.ts';

const marsad = serverForFile();
const POLL = { timeout: 60_000 };
const VIEWPORT = { width: 1440, height: 900 };
const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));
const COUNTRY = 'SYR';
const dayFromToday = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

interface Raised {
  id: number;
  project: { id: number };
  version: number;
}

async function sent(response: Response, status: number, what: string): Promise<Response> {
  if (response.status !== status) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return response;
}

async function projectIn(admin: Client, governorate: string): Promise<number> {
  const page = await admin.json<{ items: { id: number }[] }>(`/api/projects?governorate=${governorate}&limit=1`);
  const id = page.items[0]?.id;
  if (id === undefined) throw new Error(`no project in ${governorate} in the demo data`);
  return id;
}

async function raise(admin: Client, fields: Record<string, unknown>): Promise<Raised> {
  return (await (await sent(await admin.post('/api/obstacles', { category: 'land', ...fields }), 201, `raising ${String(fields.title)}`)).json()) as Raised;
}

/** The obstacles the test looks at: its own, under titles no demo obstacle has. */
async function prepareObstacles() {
  const admin = await as(httpTarget(marsad.url), DEMO.admin);
  const [damascus, aleppo] = [await projectIn(admin, 'SY-DI'), await projectIn(admin, 'SY-HL')];
  const bodies = await admin.json<{ items: { id: number }[] }>(`/api/responsible-bodies?country=${COUNTRY}`);
  const body = bodies.items[0]!.id;
  const escalated = await raise(admin, { project_id: damascus, title: 'قرار تخصيص الأرض معلّق (e2e)', severity: 'critical', responsible_body_id: body });
  await sent(await admin.post(`/api/obstacles/${escalated.id}/escalate`, { to_level: 'minister', reason: 'يحتاج قرار الوزير (e2e)', version: escalated.version }), 200, 'escalating');
  await raise(admin, { project_id: damascus, title: 'تأخر رخصة البناء (e2e)', severity: 'high', category: 'permits' });
  const waiting = await raise(admin, { project_id: aleppo, title: 'بانتظار وصل الكهرباء (e2e)', severity: 'critical', category: 'utilities', responsible_body_id: body });
  await sent(await admin.patch(`/api/obstacles/${waiting.id}`, { status: 'waiting_other_body', version: waiting.version }), 200, 'waiting for another body');
  return { escalated };
}

describe("the minister's view and meetings (browser)", () => {
  const browser = chromiumForSuite();

  it('shows obstacles by level and governorate, opens a cell and a project; creates a meeting, records and closes a decision; Arabic and English', { timeout: 480_000 }, async () => {
    const { escalated } = await prepareObstacles();
    const { page, externalRequests, pageErrors } = await newGuardedPage(browser(), { viewport: VIEWPORT, locale: 'ar' });
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    const closings: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/close')) closings.push(r.url());
    });

    // The obstacles screen, signed in as the minister: the totals are the API's.
    await page.goto(new URL(`/?view=obstacles&country=${COUNTRY}`, marsad.url).href);
    await page.getByTestId('obstacle-screen').waitFor(POLL);
    await signIn(page, DEMO.minister);
    const html = page.locator('html');
    await expect.poll(() => html.getAttribute('dir')).toBe('rtl');
    await page.getByTestId('obstacle-level-table').waitFor(POLL);
    const overview = await getJson<ObstacleOverview>(page, marsad.url, `/api/obstacles/overview?country=${COUNTRY}`);
    for (const [key, value] of [
      ['active', overview.totals.active],
      ['critical', overview.totals.critical],
      ['waiting', overview.totals.waiting_other_bodies],
      ['overdueDecisions', overview.totals.overdue_decisions],
    ] as const) {
      expect(await page.getByTestId(`obstacle-total-${key}`).getAttribute('data-value'), key).toBe(String(value));
    }
    expect(overview.totals.active).toBeGreaterThanOrEqual(3);
    expect(await page.locator('.screen-title').textContent()).toBe('العوائق: نظرة الوزير');
    expect(await page.getByTestId('obstacle-waiting-body').count()).toBeGreaterThan(0);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${DOCS}minister-view-ar.png` });

    // Damascus at the minister's level: its list holds the escalated obstacle, which opens its project.
    const cell = page.locator('[data-testid="obstacle-level-row"][data-governorate="SY-DI"] [data-testid="obstacle-level-cell"][data-level="minister"]');
    const expected = overview.by_level.find((c) => c.governorate === 'SY-DI' && c.level === 'minister');
    expect(await cell.getAttribute('data-count')).toBe(String(expected?.count));
    await cell.click();
    await expect.poll(() => param(page, 'obstacle_cell'), POLL).toBe('SY-DI:minister');
    const item = page.locator(`[data-testid="obstacle-cell-item"][data-obstacle-id="${escalated.id}"]`);
    await item.waitFor(POLL);
    await item.click();
    await expect.poll(() => param(page, 'project'), POLL).toBe(String(escalated.project.id));
    await page.getByTestId('project-title').waitFor(POLL);
    await page.screenshot({ path: `${SCREENSHOTS}minister-view-ar-project.png` });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('project-title').count(), POLL).toBe(0);

    // Back and forward step through the cells and screens. Opening and closing a project are steps
    // of their own: back reopens the project, back again closes it, once more leaves the cell.
    await page.goBack();
    await expect.poll(() => param(page, 'project'), POLL).toBe(String(escalated.project.id));
    await page.getByTestId('project-title').waitFor(POLL);
    await page.goBack();
    await expect.poll(() => param(page, 'project'), POLL).toBeNull();
    expect(param(page, 'obstacle_cell')).toBe('SY-DI:minister');
    await page.goBack();
    await expect.poll(() => param(page, 'obstacle_cell'), POLL).toBeNull();
    await page.goForward();
    await expect.poll(() => param(page, 'obstacle_cell'), POLL).toBe('SY-DI:minister');
    await page.getByTestId('obstacle-cell-list').waitFor(POLL);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('obstacles-panel').count(), POLL).toBe(0);

    // A meeting for Damascus at the minister's level: the escalated obstacle is on its live agenda.
    await page.getByTestId('meetings-entry').click();
    await page.getByTestId('meetings-screen').waitFor(POLL);
    await page.getByTestId('meetings-upcoming').waitFor(POLL);
    await page.getByTestId('new-meeting').click();
    await page.getByTestId('new-meeting-dialog').waitFor(POLL);
    await page.getByTestId('new-meeting-submit').click();
    // Nothing sent: what is missing is said beside its field.
    await page.getByTestId('new-meeting-title_ar-error').waitFor(POLL);
    await page.getByTestId('new-meeting-governorates-error').waitFor(POLL);
    await page.getByTestId('new-meeting-level').selectOption('minister');
    await page.getByTestId('new-meeting-title_ar').fill('اجتماع الوزير مع محافظ دمشق (e2e)');
    await page.getByTestId('new-meeting-title_en').fill('The minister meets the governor of Damascus (e2e)');
    await page.getByTestId('new-meeting-held_on').fill(dayFromToday(10));
    await page.getByTestId('new-meeting-freeze_days').fill('3');
    await page.getByTestId('new-meeting-freezes-on').waitFor(POLL);
    await page.locator('[data-testid="new-meeting-governorate"][data-code="SY-DI"]').check();
    await page.getByTestId('new-meeting-submit').click();
    await page.getByTestId('meeting-detail').waitFor(POLL);
    await expect.poll(() => param(page, 'meeting'), POLL).not.toBeNull();
    const meetingId = Number(param(page, 'meeting'));
    await page.getByTestId('meeting-title').waitFor(POLL);
    expect(await page.getByTestId('meeting-agenda-state').getAttribute('data-frozen')).toBe('false');
    expect(await page.getByTestId('meeting-agenda-state').textContent()).toContain('حيّ حتى');
    await page.locator(`[data-testid="agenda-item"][data-obstacle-id="${escalated.id}"]`).waitFor(POLL);
    expect(await page.getByTestId('meeting-print').getAttribute('href')).toBe(`/api/briefs/meetings/${meetingId}.pdf?lang=ar`);

    // A decision on it, owned by a responsible body.
    await page.getByTestId('record-decision').click();
    await page.getByTestId('decision-dialog').waitFor(POLL);
    await page.getByTestId('decision-text').fill('إصدار قرار التخصيص خلال أسبوعين (e2e)');
    await page.getByTestId('decision-owner').selectOption({ index: 1 });
    await page.getByTestId('decision-due_date').fill(dayFromToday(14));
    await page.getByTestId('decision-obstacle').selectOption(String(escalated.id));
    await page.getByTestId('decision-submit').click();
    const decision = page.getByTestId('decision').filter({ hasText: 'إصدار قرار التخصيص خلال أسبوعين' });
    await decision.waitFor(POLL);
    expect(await decision.getAttribute('data-status')).toBe('open');

    // Closing it without a note is refused before anything is sent; with one it closes.
    await decision.getByTestId('decision-close').click();
    await page.getByTestId('close-decision-dialog').waitFor(POLL);
    expect(await page.getByTestId('close-decision-explain').textContent()).toContain('مطلوبة');
    await page.getByTestId('close-decision-submit').click();
    await page.getByTestId('close-decision-closing_note-error').waitFor(POLL);
    expect(closings).toEqual([]);
    expect(await decision.getAttribute('data-status')).toBe('open');
    await page.getByTestId('close-decision-closing_note').fill('صدر القرار رقم ١٢ وسُلّم للمحافظة (e2e)');
    await page.getByTestId('close-decision-closing_document').fill('كتاب رقم 12/ت');
    await page.getByTestId('close-decision-submit').click();
    await expect.poll(() => decision.getAttribute('data-status'), POLL).toBe('closed');
    expect(closings).toHaveLength(1);
    expect(await decision.getByTestId('decision-closing-note').textContent()).toContain('صدر القرار رقم ١٢');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${DOCS}meeting-ar.png` });

    // English, left to right: the same meeting, then the obstacles table.
    await page.getByTestId('language-toggle').click();
    await expect.poll(() => html.getAttribute('dir')).toBe('ltr');
    await expect.poll(() => page.locator('.screen-title').textContent()).toBe('Meetings and decisions');
    expect(await page.getByTestId('meeting-title').textContent()).toBe('The minister meets the governor of Damascus (e2e)');
    expect(await page.getByTestId('meeting-agenda-state').textContent()).toContain('live until');
    expect(await page.getByTestId('meeting-print').getAttribute('href')).toBe(`/api/briefs/meetings/${meetingId}.pdf?lang=en`);
    await page.screenshot({ path: `${SCREENSHOTS}meeting-en.png` });
    await page.getByTestId('meeting-back').click();
    await page.locator(`[data-testid="meeting-row"][data-meeting-id="${meetingId}"]`).waitFor(POLL);
    await page.getByTestId('obstacles-entry').click();
    await page.getByTestId('obstacle-level-table').waitFor(POLL);
    expect(await page.locator('.level-table thead th').nth(3).textContent()).toBe('Minister');
    await page.screenshot({ path: `${SCREENSHOTS}minister-view-en.png` });
    await page.getByTestId('obstacles-entry').click();
    await page.waitForSelector('[data-testid="map"]', POLL);

    expect(externalRequests).toEqual([]);
    expect(pageErrors, failed.join(', ')).toEqual([]);

    // The engineer of Damascus: the same screens from the header, their governorate's obstacles only, no new meeting.
    const engineer = await newGuardedPage(browser(), { viewport: VIEWPORT, locale: 'ar' });
    await engineer.page.goto(marsad.url);
    await signIn(engineer.page, DEMO.engineer);
    await engineer.page.getByTestId('obstacles-entry').click();
    await engineer.page.getByTestId('obstacle-level-table').waitFor(POLL);
    expect(await engineer.page.getByTestId('obstacle-level-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-governorate')))).toEqual(['SY-DI']);
    await engineer.page.getByTestId('meetings-entry').click();
    await engineer.page.getByTestId('meetings-upcoming').waitFor(POLL);
    expect(await engineer.page.getByTestId('new-meeting').count()).toBe(0);
    expect(engineer.externalRequests).toEqual([]);
    expect(engineer.pageErrors).toEqual([]);
    await engineer.page.context().close();
  });
});
