/**
 * "What changed" in a real browser (issue 15). The demo data, plus three progress reports an
 * engineer sends today through the API (one project completed, one suspended, one jumping ahead),
 * since last week: the panel's counts and rows equal an independent computation over the raw
 * progress history and the projects' dates (plain SQL rows and JavaScript here, none of the
 * server's code), its projects are ringed on the map, each row opens its project; a donor sees
 * only the projects shared with them; "since my last visit" starts at the minister's previous
 * visit. At 1440×900, 1024×768, 768×1024 and 360×740, in Arabic and English, nothing of the panel
 * spills out (the header's own fit at 360 px is the final pass's).
 * Not one request leaves the machine and no console error.
 */
import type { Database } from '@marsad/db';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite, newGuardedPage, SCREENSHOTS, signIn } from './browser.ts';
import { as, DEMO, httpTarget } from '../support/client.ts';
import { serverForFile } from '../support/startTestServer.ts';

let db: Database;
const marsad = serverForFile('demo', async (prepared) => {
  db = prepared;
});
const POLL = { timeout: 60_000 };
const KINDS = ['delayed', 'stalled', 'completed', 'jump', 'reported'] as const;
type Kind = (typeof KINDS)[number];
/** The thresholds, written down again here: 90 days without a report is stale; +20 points is a big jump. */
const STALE_DAYS = 90;
const JUMP = 20;
const DAY = 86_400_000;

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

interface Report { project_id: number; reported_on: string; id: number; status: string; physical: number }
interface ProjectRow { id: number; status: string; planned_end: string | null; last_update_on: string | null; created_on: string; shared_with_undp: boolean }

/** What changed from `since` to `today`, computed from the raw rows: the expected ids per kind. */
async function expectedChanges(since: string, today: string, onlyUndp = false): Promise<Record<Kind, Set<number>>> {
  const reports = await db.query<Report>(
    `select project_id::int, to_char(reported_on, 'YYYY-MM-DD') as reported_on, id::int, status, physical_progress::float8 as physical from progress_updates`,
  );
  const projects = await db.query<ProjectRow>(
    `select p.id::int, p.status, to_char(p.planned_end, 'YYYY-MM-DD') as planned_end, to_char(p.last_update_on, 'YYYY-MM-DD') as last_update_on,
            to_char(p.created_at, 'YYYY-MM-DD') as created_on,
            exists (select 1 from project_shares s join organizations o on o.id = s.organization_id where s.project_id = p.id and o.slug = 'undp') as shared_with_undp
       from projects p`,
  );
  const seen = new Set(projects.filter((p) => !onlyUndp || p.shared_with_undp).map((p) => p.id));
  const out = Object.fromEntries(KINDS.map((k) => [k, new Set<number>()])) as Record<Kind, Set<number>>;
  const byProject = new Map<number, Report[]>();
  for (const r of reports) byProject.set(r.project_id, [...(byProject.get(r.project_id) ?? []), r]);
  for (const [id, list] of byProject) {
    if (!seen.has(id)) continue;
    list.sort((a, b) => (a.reported_on === b.reported_on ? a.id - b.id : a.reported_on < b.reported_on ? -1 : 1));
    const inPeriod = list.filter((r) => r.reported_on >= since);
    if (inPeriod.length === 0) continue;
    const before = list.filter((r) => r.reported_on < since).at(-1);
    const now = list.at(-1)!;
    out.reported.add(id);
    if (now.status === 'completed' && before?.status !== 'completed') out.completed.add(id);
    if (now.status === 'suspended' && before?.status !== 'suspended') out.stalled.add(id);
    if (now.physical - (before?.physical ?? 0) >= JUMP) out.jump.add(id);
  }
  for (const p of projects) {
    if (!seen.has(p.id) || p.status === 'completed' || p.status === 'cancelled') continue;
    // Late from the day after the planned end: newly so when that day is in the period.
    if (p.planned_end !== null && p.planned_end < today && addDays(p.planned_end, 1) >= since) out.delayed.add(p.id);
    // Stale from the day STALE_DAYS + 1 after the last report (or the creation): newly so when that day is in the period.
    const last = p.last_update_on ?? p.created_on;
    const staleFrom = addDays(last, STALE_DAYS + 1);
    if (staleFrom <= today && staleFrom >= since) out.stalled.add(p.id);
  }
  return out;
}

/** The panel's counts and listed ids per kind, once it has loaded `since`. */
async function panelChanges(page: Page, since: string) {
  await page.locator(`[data-testid="changes-period"][data-since="${since}"]`).waitFor(POLL);
  const counts = {} as Record<Kind, number>;
  const rows = {} as Record<Kind, Set<number>>;
  for (const kind of KINDS) {
    counts[kind] = Number(await page.getByTestId(`changes-kind-${kind}`).getAttribute('data-count'));
    const ids = await page.locator(`[data-testid="changes-group-${kind}"] [data-testid="changes-row"]`).evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-project'))));
    rows[kind] = new Set(ids);
  }
  return { counts, rows };
}

async function expectSame(page: Page, since: string, expected: Record<Kind, Set<number>>) {
  // After a sign-in or another period the panel keeps the answer before until the new one is in.
  const expectedCounts = Object.fromEntries(KINDS.map((kind) => [kind, expected[kind].size]));
  await expect.poll(async () => (await panelChanges(page, since)).counts, POLL).toEqual(expectedCounts);
  await page.locator('[data-testid="changes-period"][aria-busy="false"]').waitFor(POLL);
  const { counts, rows } = await panelChanges(page, since);
  for (const kind of KINDS) {
    expect(counts[kind], kind).toBe(expected[kind].size);
    if (expected[kind].size <= 100) expect([...rows[kind]].sort(), kind).toEqual([...expected[kind]].sort());
    else for (const id of rows[kind]) expect(expected[kind].has(id), `${kind} ${id}`).toBe(true);
  }
  const ringed = new Set(Object.values(rows).flatMap((ids) => [...ids]));
  await expect.poll(() => page.getByTestId('map').getAttribute('data-changed-projects'), POLL).toBe(String(ringed.size));
  return { counts, rows };
}

/** Nothing of the panel spills out of the window, and the page does not scroll sideways. */
async function expectFits(page: Page) {
  const size = page.viewportSize()!;
  const box = (await page.getByTestId('changes-panel').boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(-1);
  expect(box.x + box.width).toBeLessThanOrEqual(size.width + 1);
  expect(box.y + box.height).toBeLessThanOrEqual(size.height + 1);
  // Nothing in the panel sticks out of it or of the window, and it does not scroll sideways.
  const spilled = await page.evaluate(() => {
    const panel = document.querySelector('[data-testid="changes-panel"]')!;
    const outer = panel.getBoundingClientRect();
    const out = Array.from(panel.querySelectorAll('fieldset, label, p, h3, .changes-kinds button, .changes-row, .changes-row > span')).filter((el) => {
      const b = el.getBoundingClientRect();
      return b.width > 0 && (b.left < Math.max(0, outer.left) - 1 || b.right > Math.min(window.innerWidth, outer.right) + 1);
    });
    return { sideways: panel.scrollWidth - panel.clientWidth, out: out.slice(0, 5).map((el) => `${el.tagName}.${el.className}`) };
  });
  expect(spilled).toEqual({ sideways: 0, out: [] });
  for (const option of ['week', 'month', 'visit']) {
    const label = (await page.locator(`label:has([data-testid="changes-since-${option}"])`).boundingBox())!;
    expect(label.height, option).toBeGreaterThanOrEqual(40);
  }
}

describe('what changed (browser)', () => {
  const browser = chromiumForSuite();

  it('lists and rings the changes since last week as the history says; a donor sees only theirs; since my last visit', { timeout: 480_000 }, async () => {
    // Today's reports from the engineer of Damascus, on demo projects in progress (one of them shared with UNDP).
    const [{ today }] = (await db.query<{ today: string }>('select current_date::text as today')) as [{ today: string }];
    const since = addDays(today, -7);
    const inProgress = await db.query<{ id: number; version: number; physical: number; undp: boolean }>(
      `select p.id::int, p.version, p.physical_progress::float8 as physical,
              exists (select 1 from project_shares s join organizations o on o.id = s.organization_id where s.project_id = p.id and o.slug = 'undp') as undp
         from projects p join admin_areas a on a.id = p.admin_area_id
        where a.code = 'SY-DI' and p.status = 'in_progress' and p.physical_progress between 20 and 60 and p.kind = 'development_project'
        order by p.id`,
    );
    // The jump on a project shared with UNDP, the completion and the suspension on two that are not.
    const candidates = [inProgress.find((p) => p.undp), ...inProgress.filter((p) => !p.undp).slice(0, 2)];
    expect(candidates.every((c) => c !== undefined)).toBe(true);
    const engineer = await as(httpTarget(marsad.url), DEMO.engineer);
    const reports = [
      { status: 'in_progress', physical_progress: Math.min(99, candidates[0]!.physical + 30) },
      { status: 'completed', physical_progress: 100 },
      { status: 'suspended', physical_progress: candidates[2]!.physical },
    ];
    for (const [i, body] of reports.entries()) {
      const { id, version, physical } = candidates[i]!;
      const res = await engineer.post(`/api/projects/${id}/progress`, { reported_on: today, financial_progress: Math.min(100, physical), version, ...body });
      expect(res.status, await res.clone().text()).toBe(201);
    }

    const { page, externalRequests, pageErrors } = await newGuardedPage(browser(), { viewport: { width: 1440, height: 900 }, locale: 'ar' });
    // The minister's previous visit: three days ago, on another device.
    await db.query(
      `insert into user_visits (user_id, last_seen_at) select id, now() - interval '3 days' from users where email = $1
       on conflict (user_id) do update set last_seen_at = excluded.last_seen_at`,
      [DEMO.minister],
    );
    await page.goto(new URL('/', marsad.url).href);
    await page.getByTestId('changes-entry').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('changes'), POLL).toBe('week');
    await page.getByTestId('changes-panel').waitFor(POLL);

    const expected = await expectedChanges(since, today);
    // Anonymous: the published projects only; the panel must equal the computation restricted to them.
    const published = new Set((await db.query<{ id: number }>('select id::int from projects where is_published')).map((r) => r.id));
    const anonymousExpected = Object.fromEntries(KINDS.map((k) => [k, new Set([...expected[k]].filter((id) => published.has(id)))])) as Record<Kind, Set<number>>;
    await expectSame(page, since, anonymousExpected);

    // The minister sees every project: all of today's reports are there, and the demo's own changes.
    await signIn(page, DEMO.minister);
    const minister = await expectSame(page, since, expected);
    expect(minister.rows.jump.has(candidates[0]!.id)).toBe(true);
    expect(minister.rows.completed.has(candidates[1]!.id)).toBe(true);
    expect(minister.rows.stalled.has(candidates[2]!.id)).toBe(true);
    expect(minister.counts.delayed + minister.counts.stalled).toBeGreaterThan(3);
    const suspendedRow = page.locator(`[data-testid="changes-group-stalled"] [data-testid="changes-row"][data-project="${candidates[2]!.id}"]`);
    expect(await suspendedRow.getByTestId('changes-after').textContent()).toContain('متوقف');
    await page.screenshot({ path: `${SCREENSHOTS}changes-ar-1440.png` });

    // A row opens its project.
    await suspendedRow.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('project'), POLL).toBe(String(candidates[2]!.id));
    await page.getByTestId('project-title').waitFor(POLL);
    await page.keyboard.press('Escape');
    await expect.poll(() => new URL(page.url()).searchParams.get('project'), POLL).toBeNull();

    // Since my last visit: three days ago.
    await page.getByTestId('changes-since-visit').check();
    await expect.poll(() => new URL(page.url()).searchParams.get('changes'), POLL).toBe('visit');
    const visitDay = addDays(today, -3);
    await page.getByTestId('changes-visit').waitFor(POLL);
    await expectSame(page, visitDay, await expectedChanges(visitDay, today));

    // A month back.
    await page.getByTestId('changes-since-month').check();
    await expectSame(page, addDays(today, -30), await expectedChanges(addDays(today, -30), today));

    // The donor: only what is shared with UNDP.
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in').waitFor(POLL);
    await page.getByTestId('changes-since-week').check();
    await signIn(page, DEMO.undpDonor);
    const undp = await expectSame(page, since, await expectedChanges(since, today, true));
    expect(undp.rows.jump.has(candidates[0]!.id)).toBe(true);
    expect(undp.rows.completed.has(candidates[1]!.id)).toBe(false);

    // Closed with Escape: no rings, nothing in the address.
    await page.getByTestId('changes-title').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('changes-panel').count(), POLL).toBe(0);
    await expect.poll(() => page.getByTestId('map').getAttribute('data-changed-projects'), POLL).toBe('0');
    expect(new URL(page.url()).searchParams.get('changes')).toBeNull();

    // Every size, both languages.
    for (const [width, height, lang] of [[1440, 900, 'en'], [1024, 768, 'ar'], [1024, 768, 'en'], [768, 1024, 'ar'], [768, 1024, 'en'], [360, 740, 'ar'], [360, 740, 'en']] as const) {
      await page.setViewportSize({ width, height });
      await page.goto(new URL(`/?changes=week${lang === 'en' ? '&lang=en' : ''}`, marsad.url).href);
      await page.getByTestId('changes-panel').waitFor(POLL);
      await page.locator(`[data-testid="changes-period"][data-since="${since}"]`).waitFor(POLL);
      expect(await page.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      await expectFits(page).catch((error: unknown) => {
        throw new Error(`at ${width}×${height} in ${lang}: ${String(error)}`);
      });
      expect(await page.getByTestId('changes-title').textContent()).toBe(lang === 'ar' ? 'ما الذي تغيّر' : 'What changed');
      await page.screenshot({ path: `${SCREENSHOTS}changes-${lang}-${width}x${height}.png` });
    }

    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
