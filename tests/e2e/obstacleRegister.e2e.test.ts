/**
 * The obstacle register in the dashboard, end to end over the demo data: the engineer of Damascus
 * opens a Damascus project's drawer, raises a critical obstacle already past its target date (the
 * system proposes escalating it, and says why), is told before anything is sent that resolving
 * needs a note, is told when someone else changed it meanwhile (409: reloaded), escalates it with a reason (an empty reason is refused in words first), and reads
 * it all in the obstacle's history. The map rings the project; the governorate panel counts the
 * obstacles, opens a listed obstacle's project, and offers the brief in Arabic and English. Once in
 * Arabic (right to left; the drawer's obstacle section is saved to docs/obstacles-drawer-ar.png)
 * and once in English. Not one request leaves the machine and no console error, on any page.
 *
 * The file runs its own server over its own copy of the demo data (serverForFile).
 */
import type { CriticalProjectsCollection, ObstacleHistory, ObstaclePage, ProjectSummary } from '@marsad/contracts';
import type { Browser, Page } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite, getJson, MAP_TIMEOUT, newGuardedPage, SCREENSHOTS, signIn, unexpectedErrors } from './browser.ts';
import { DEMO } from '../support/client.ts';
import { serverForFile } from '../support/startTestServer.ts';

const marsad = serverForFile();
const POLL = { timeout: 60_000 };
const DESKTOP = { width: 1440, height: 900 };
const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));
type Language = 'ar' | 'en';

const TEXT = {
  ar: {
    title: 'لم تُسلَّم الأرض للمقاول بعد (e2e)',
    reason: 'مديرية الأملاك لم تردّ منذ شهرين؛ نحتاج قرار المديرية',
    level: 'مديرية الوزارة',
    critical: 'حرجة',
    mustAct: 'مهندسو المحافظة',
  },
  en: {
    title: 'The site is not handed over to the contractor (e2e)',
    reason: 'The land registry has not answered for two months; the directorate must decide',
    level: 'Ministry directorate',
    critical: 'Critical',
    mustAct: 'The governorate’s engineers',
  },
} as const;

/** `path` in `language` (Arabic is the default and needs no `lang`). */
const inLanguage = (language: Language, query: string) => `/?${[language === 'en' ? 'lang=en' : '', query].filter((p) => p !== '').join('&')}`;

async function openPage(page: Page, path: string): Promise<void> {
  await page.goto(new URL(path, marsad.url).href);
  await page.waitForSelector('[data-testid="map"][data-map-ready="true"]', { timeout: 3 * MAP_TIMEOUT });
}

/** A day `days` before today, as YYYY-MM-DD (a target date already passed). */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

async function obstacleRegister(browser: Browser, language: Language, pick: number): Promise<void> {
  const text = TEXT[language];
  const opened = await newGuardedPage(browser, { viewport: DESKTOP, locale: language });
  const { page } = opened;
  // Signed out: the governorate panel shows no obstacles, and its brief buttons say why they are off.
  await openPage(page, inLanguage(language, 'gov=SY-DI'));
  const anonymous = page.getByTestId('governorate-obstacles');
  await anonymous.waitFor(POLL);
  expect(await anonymous.getByTestId('governorate-brief-ar').isDisabled()).toBe(true);
  expect(await anonymous.getByTestId('governorate-brief-en').isDisabled()).toBe(true);
  expect(await anonymous.getByTestId('governorate-obstacle').count()).toBe(0);
  expect(await page.getByTestId('legend-critical-obstacles').count()).toBe(0);

  await openPage(page, inLanguage(language, ''));
  await signIn(page, DEMO.engineer);
  // The national brief sits with the national KPIs, for each country shown.
  await expect.poll(() => page.getByTestId('country-brief-SYR-ar').getAttribute('href'), POLL).toBe('/api/briefs/countries/SYR.pdf?lang=ar');
  // Only for countries with projects the reader sees (the demo fills Syria, Libya and Saudi Arabia), said once.
  const countryBriefs = await page.locator('[data-testid^="country-brief-"][role="group"]').evaluateAll((groups) => groups.map((g) => g.getAttribute('data-testid')));
  expect(countryBriefs.sort()).toEqual(['country-brief-LBY', 'country-brief-SAU', 'country-brief-SYR']);
  expect(await page.locator('.brief-hint').count()).toBe(1);
  expect(await page.locator('html').getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');

  // A Damascus project of the engineer's own (each language its own project).
  const { items } = await getJson<{ items: ProjectSummary[] }>(page, marsad.url, '/api/projects?governorate=SY-DI&limit=20');
  const project = items[pick];
  if (project === undefined) throw new Error('the demo has too few Damascus projects');

  // 1. The drawer shows the project's obstacles and offers to raise one.
  await openPage(page, inLanguage(language, `project=${project.id}`));
  const section = page.getByTestId('project-obstacles');
  await section.waitFor(POLL);
  await expect.poll(() => section.getAttribute('data-loaded'), POLL).toBe('true');
  await section.getByTestId('obstacle-raise').click();
  const form = section.getByTestId('obstacle-new-form');
  // Too short a title is refused in words, before anything is sent.
  await form.getByTestId('obstacle-new-title').fill('ab');
  await form.getByTestId('obstacle-new-submit').click();
  await form.getByTestId('obstacle-new-title-error').waitFor();
  await form.getByTestId('obstacle-new-title').fill(text.title);
  await form.getByTestId('obstacle-new-category').selectOption('land');
  await form.getByTestId('obstacle-new-severity').selectOption('critical');
  await form.getByTestId('obstacle-new-estimated_delay_days').fill('45');
  await form.getByTestId('obstacle-new-target_date').fill(daysAgo(10));
  await form.getByTestId('obstacle-new-submit').click();
  await section.getByTestId('obstacle-raised').waitFor(POLL);

  // 2. It is listed: critical, at the governorate, the governorate's engineers must act, overdue,
  //    and the system proposes escalating it with its reason.
  const card = section.getByTestId('obstacle').filter({ hasText: text.title });
  await card.waitFor(POLL);
  const id = Number(await card.getAttribute('data-obstacle-id'));
  expect(await card.getAttribute('data-level')).toBe('governorate');
  expect(await card.locator('[data-severity]').first().textContent()).toBe(text.critical);
  expect(await card.getByTestId('obstacle-must-act').textContent()).toBe(text.mustAct);
  await card.getByTestId('obstacle-overdue').waitFor();
  await card.getByTestId('obstacle-proposal').waitFor(POLL);
  expect(await card.getByTestId('obstacle-proposal').getAttribute('data-to-level')).toBe('directorate');

  // 3. Resolving needs a note: said before sending; nothing changes.
  await card.getByTestId('obstacle-edit').click();
  const version = Number(await card.getAttribute('data-version'));
  await card.getByTestId('obstacle-edit-status').selectOption('resolved');
  await card.getByTestId('obstacle-edit-submit').click();
  await card.getByTestId('obstacle-edit-resolution_note-error').waitFor();
  expect(await card.getAttribute('data-status')).toBe('open');

  //    Someone else changes it meanwhile: the save answers 409, the page says so and reloads it;
  //    the form starts again from what is there now, and saves.
  const { csrfToken } = await getJson<{ csrfToken: string }>(page, marsad.url, '/api/auth/me');
  const elsewhere = await page.request.patch(new URL(`/api/obstacles/${id}`, marsad.url).href, {
    data: { estimated_delay_days: 60, version },
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(elsewhere.status()).toBe(200);
  await card.getByTestId('obstacle-edit-status').selectOption('in_progress');
  await card.getByTestId('obstacle-edit-submit').click();
  await card.getByTestId('obstacle-conflict').waitFor(POLL);
  await expect.poll(async () => Number(await card.getAttribute('data-version')), POLL).toBeGreaterThan(version);
  expect(await card.getByTestId('obstacle-edit-status').inputValue()).toBe('open');
  await card.getByTestId('obstacle-edit-status').selectOption('in_progress');
  await card.getByTestId('obstacle-edit-submit').click();
  await card.getByTestId('obstacle-saved').waitFor(POLL);
  await expect.poll(() => card.getAttribute('data-status'), POLL).toBe('in_progress');

  // The map rings the project (a critical obstacle); the legend says what the ring means.
  const critical = await getJson<CriticalProjectsCollection>(page, marsad.url, '/api/obstacles/critical-projects');
  expect(critical.features.map((f) => f.properties.project_id)).toContain(project.id);
  await expect.poll(async () => Number(await page.getByTestId('map').getAttribute('data-critical-projects')), POLL).toBe(critical.features.length);
  await page.getByTestId('legend-critical-obstacles').waitFor(POLL);

  await page.screenshot({ path: `${SCREENSHOTS}obstacles-map-${language}.png` });

  // 4. Escalating asks for a reason (prefilled from the proposal; emptied, it is refused in words).
  await card.getByTestId('obstacle-escalate').click();
  const reason = card.getByTestId('obstacle-escalate-reason');
  expect((await reason.inputValue()).length).toBeGreaterThan(3);
  expect(await card.getByTestId('obstacle-escalate-to_level').inputValue()).toBe('directorate');
  await reason.fill('');
  await card.getByTestId('obstacle-escalate-submit').click();
  await card.getByTestId('obstacle-escalate-reason-error').waitFor();
  await reason.fill(text.reason);
  await card.getByTestId('obstacle-escalate-submit').click();
  await card.getByTestId('obstacle-escalated').waitFor(POLL);
  await expect.poll(() => card.getAttribute('data-level'), POLL).toBe('directorate');
  expect(await card.getByTestId('obstacle-level').textContent()).toBe(text.level);

  // 5. The history shows it: raised, then escalated with the reason, by the engineer.
  const history = card.getByTestId('obstacle-history');
  await expect.poll(() => history.getAttribute('data-loaded'), POLL).toBe('true');
  await expect.poll(() => history.getByTestId('obstacle-history-entry').count(), POLL).toBeGreaterThanOrEqual(2);
  const escalated = history.locator('[data-testid="obstacle-history-entry"][data-kind="escalated"]');
  expect(await escalated.getByTestId('obstacle-history-reason').textContent()).toBe(text.reason);
  expect(await history.locator('[data-testid="obstacle-history-entry"][data-kind="raised"]').count()).toBe(1);
  const recorded = await getJson<ObstacleHistory>(page, marsad.url, `/api/obstacles/${id}/history`);
  expect(recorded.items[0]).toMatchObject({ kind: 'escalated', from_level: 'governorate', to_level: 'directorate', reason: text.reason });
  // The section whole: a viewport tall enough that the drawer need not scroll it under the header.
  await page.setViewportSize({ width: DESKTOP.width, height: 2400 });
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: language === 'ar' ? `${DOCS}obstacles-drawer-ar.png` : `${SCREENSHOTS}obstacles-drawer-en.png` });
  await page.setViewportSize(DESKTOP);

  // 6. The governorate panel counts it, lists it, opens its project; the brief is offered in both languages.
  const active = await getJson<ObstaclePage>(page, marsad.url, '/api/obstacles?governorate=SY-DI&status=active&limit=200');
  await openPage(page, inLanguage(language, 'gov=SY-DI'));
  const panel = page.getByTestId('governorate-obstacles');
  await expect.poll(() => panel.getAttribute('data-loaded'), POLL).toBe('true');
  expect(await panel.getByTestId('governorate-obstacles-total').getAttribute('data-count')).toBe(String(active.items.length));
  expect(await panel.getByTestId('governorate-brief-ar').getAttribute('href')).toBe('/api/briefs/governorates/SY-DI.pdf?lang=ar');
  expect(await panel.getByTestId('governorate-brief-en').getAttribute('href')).toBe('/api/briefs/governorates/SY-DI.pdf?lang=en');
  // The list holds the most severe few; the first opens its own project in the drawer.
  const first = panel.getByTestId('governorate-obstacle').first();
  const opens = Number(await first.getAttribute('data-project-id'));
  expect(active.items.map((o) => o.project.id)).toContain(opens);
  await first.click();
  await expect.poll(() => new URL(page.url()).searchParams.get('project'), POLL).toBe(String(opens));
  await page.getByTestId('project-obstacles').getByTestId('obstacle').first().waitFor(POLL);
  await page.screenshot({ path: `${SCREENSHOTS}obstacles-governorate-${language}.png` });

  expect(opened.externalRequests).toEqual([]);
  // The one failed response is the 409 provoked above.
  expect(unexpectedErrors(opened.pageErrors, 409)).toEqual([]);
  await page.context().close();
}

describe('obstacle register (browser)', () => {
  const browser = chromiumForSuite();

  it('an engineer of Damascus raises an obstacle on a Damascus project, escalates it with a reason, reads its history (Arabic)', { timeout: 600_000 }, async () => {
    await obstacleRegister(browser(), 'ar', 0);
  });

  it('the same in English', { timeout: 600_000 }, async () => {
    await obstacleRegister(browser(), 'en', 1);
  });
});
