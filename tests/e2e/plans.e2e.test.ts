/**
 * The plans matrix in a real browser: an engineer of Damascus sends a periodic return with the
 * page's own session; a minister opens the matrix, sees the cell's value change, opens the cell
 * (its return history), opens a computed cell and reaches a project in the project drawer, in
 * Arabic (right to left) and in English; the map's "% of plan achieved" colours governorates.
 * Not one request leaves the machine and no console error. Screenshots of the demo's matrix of
 * last year at 1440×900 go to docs/plans-matrix-ar.png and docs/plans-matrix-en.png.
 *
 * The file runs its own server over its own copy of the demo data (serverForFile). It gives
 * Syria's plan of the current year targets through the API (as the admin): a first approved
 * version, then a revision scaled from what was achieved, so that cells fall in every class and
 * some show their original target struck through.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite, getJson, MAP_TIMEOUT, newGuardedPage, SCREENSHOTS, signIn, signOut } from './browser.ts';
import { as, DEMO, httpTarget, type Client } from '../support/client.ts';
import { serverForFile } from '../support/startTestServer.ts';

const marsad = serverForFile();
const POLL = { timeout: 30_000 };
const VIEWPORT = { width: 1440, height: 900 };
const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));
const YEAR = new Date().getFullYear();
const COUNTRY = 'SYR';
const PLAN = `/api/plans/${COUNTRY}/${YEAR}`;
/** A reported monthly flow: the engineer's return adds to it. */
const REPORTED = 'building_permits_issued';
const ENGINEER_GOVERNORATE = 'SY-DI';
/** Computed indicators, with how each is phased over the year. */
const COMPUTED = ['service_centres_opened', 'schools_rehabilitated', 'water_projects_completed', 'road_km_paved', 'budget_spent', 'budget_execution'] as const;
/** How far ahead or behind each governorate is made to be (by its index): every class shows. */
const PACE = [0.35, 0.65, 0.9, 1.1, 1.4];

interface Cell {
  key: string;
  target: number | null;
  achieved: number | null;
}
interface Matrix {
  columns: { key: string; indicator: string; sector: string | null }[];
  rows: { governorate: string; cells: Cell[] }[];
  national: { cells: Cell[] } | null;
}
interface Target {
  governorate: string;
  indicator: string;
  sector: null;
  quarters: [number, number, number, number];
}

async function ok(response: Response, what: string): Promise<Response> {
  if (response.status >= 300) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return response;
}

async function draftVersion(admin: Client): Promise<number> {
  return (await admin.json<{ version: number }>(`${PLAN}/draft/targets`)).version;
}

async function approveTargets(admin: Client, targets: Target[]): Promise<void> {
  await ok(await admin.put(`${PLAN}/draft/targets`, { version: await draftVersion(admin), targets }), 'drafting the targets');
  await ok(await admin.post(`${PLAN}/draft/approve`, {}), 'approving');
}

const round = (value: number, rate: boolean) => (rate ? Math.min(100, Math.round(value)) : Math.max(1, Math.round(value)));
const flowQuarters = (total: number): Target['quarters'] => [total * 0.2, total * 0.45, total * 0.75, total].map((v) => Math.round(v * 100) / 100) as Target['quarters'];

/** Syria's plan of the year, approved, with a revision scaled from what was achieved. Returns the matrix as the minister sees it. */
async function preparePlan(): Promise<Matrix> {
  const app = httpTarget(marsad.url);
  const admin = await as(app, DEMO.admin);
  const governorates = (await admin.json<{ features: { properties: { code: string; country_iso3: string } }[] }>('/api/boundaries/governorates')).features
    .map((f) => f.properties)
    .filter((p) => p.country_iso3 === COUNTRY)
    .map((p) => p.code)
    .sort();
  const first: Target[] = governorates.flatMap((governorate) =>
    [...COMPUTED, REPORTED].map((indicator) => ({ governorate, indicator, sector: null, quarters: indicator === 'budget_execution' ? [20, 40, 60, 80] : flowQuarters(10) })),
  );
  const { items } = await admin.json<{ items: { year: number; has_draft: boolean; current_version: number | null }[] }>(`/api/plans?country=${COUNTRY}`);
  const existing = items.find((p) => p.year === YEAR);
  if (existing === undefined) await ok(await admin.post(PLAN), 'creating the plan');
  if (existing === undefined || existing.has_draft || existing.current_version === null) await approveTargets(admin, first);

  // The revision: each governorate's targets from what it achieved, at its pace.
  const achieved = await admin.json<Matrix>(`${PLAN}/matrix`);
  const revised: Target[] = achieved.rows.flatMap((row, index) =>
    achieved.columns
      .filter((c) => c.sector === null && ([...COMPUTED, REPORTED] as string[]).includes(c.indicator))
      .map((column) => {
        const value = row.cells.find((c) => c.key === column.key)?.achieved ?? 0;
        const pace = PACE[index % PACE.length]!;
        if (column.indicator === 'budget_execution') {
          const t = round(value > 0 ? value / pace : 30, true);
          return { governorate: row.governorate, indicator: column.indicator, sector: null, quarters: [t, t, t, t] as Target['quarters'] };
        }
        // Nine tenths of the year have passed by early December: scale so that achieved / to-date ≈ pace.
        const total = round(value > 0 ? value / (pace * 0.93) : 3 + (index % 4), false);
        return { governorate: row.governorate, indicator: column.indicator, sector: null, quarters: flowQuarters(total) };
      }),
  );
  await ok(await admin.post(`${PLAN}/revisions`, { note: 'e2e: mid-year revision' }), 'starting a revision');
  await approveTargets(admin, revised);
  return admin.json<Matrix>(`${PLAN}/matrix`);
}

/** The engineer of Damascus, signed in through the page, sends a return with the page's session (cookie and CSRF token). */
async function sendReturn(page: Page, period: string, value: number): Promise<void> {
  const me = await getJson<{ csrfToken: string }>(page, marsad.url, '/api/auth/me');
  const response = await page.request.post(new URL('/api/returns', marsad.url).href, {
    headers: { 'x-csrf-token': me.csrfToken },
    data: { indicator: REPORTED, governorate: ENGINEER_GOVERNORATE, period, value, note: 'e2e: رخص الشهر' },
  });
  expect(response.status(), await response.text()).toBe(201);
}

const cellLocator = (page: Page, governorate: string, column: string) =>
  page.locator(`[data-testid="matrix-cell"][data-governorate="${governorate}"][data-column="${column}"]`);

async function openMatrix(page: Page, query: string): Promise<void> {
  await page.goto(new URL(`/?view=plans&country=${COUNTRY}${query}`, marsad.url).href);
  await page.getByTestId('plans-screen').waitFor(POLL);
}

/**
 * The docs' picture of the matrix: last year's plan of the demo data as it is (a full year, a
 * revision, late and missing returns), not the plan this test rewrites; then back to `query`.
 */
async function docsScreenshot(page: Page, lang: 'ar' | 'en', query: string): Promise<void> {
  const language = lang === 'en' ? '&lang=en' : '';
  await openMatrix(page, `&plan_year=${YEAR - 1}${language}`);
  await page.getByTestId('plans-matrix').waitFor(POLL);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${DOCS}plans-matrix-${lang}.png` });
  await openMatrix(page, `${query}${language}`);
  await page.getByTestId('plans-matrix').waitFor(POLL);
}

describe('plans matrix (browser)', () => {
  const browser = chromiumForSuite();

  it('a return changes the cell; the cell opens its returns and a project; Arabic and English; the map metric', { timeout: 300_000 }, async () => {
    const plan = await preparePlan();
    const month = new Date().getMonth(); // 0-based: the previous month, or January itself in January
    const period = `${YEAR}-${String(Math.max(1, month)).padStart(2, '0')}`;

    const minister = await newGuardedPage(browser(), { viewport: VIEWPORT, locale: 'ar' });
    const { page } = minister;
    // Which answers failed, to name them if a console error says only "404".
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await openMatrix(page, '');
    await signIn(page, DEMO.minister);
    const html = page.locator('html');
    await expect.poll(() => html.getAttribute('dir')).toBe('rtl');
    await page.getByTestId('plans-matrix').waitFor(POLL);
    expect(await page.getByTestId('plans-matrix').getAttribute('data-shows-targets')).toBe('true');
    expect(await page.getByTestId('matrix-national').count()).toBe(1);
    expect(await page.getByTestId('matrix-row').count()).toBe(plan.rows.length);
    expect(await page.getByTestId('plans-legend').textContent()).toContain('▼');
    expect(await page.locator('.plans-title').textContent()).toBe('الخطة السنوية مقابل المنجز');

    // The header and the national row stay in view while the governorates scroll beneath them.
    const nationalTop = async () => (await page.getByTestId('matrix-national').boundingBox())?.y ?? Number.NaN;
    const top = await nationalTop();
    await page.getByTestId('plans-matrix').evaluate((scroller) => scroller.scrollBy(0, 300));
    await expect.poll(() => page.getByTestId('plans-matrix').evaluate((scroller) => scroller.scrollTop)).toBeGreaterThan(0);
    expect(Math.abs((await nationalTop()) - top)).toBeLessThan(2);
    await page.getByTestId('plans-matrix').evaluate((scroller) => scroller.scrollTo(0, 0));

    const permits = cellLocator(page, ENGINEER_GOVERNORATE, REPORTED);
    const before = plan.rows.find((r) => r.governorate === ENGINEER_GOVERNORATE)!.cells.find((c) => c.key === REPORTED)!.achieved ?? 0;
    expect(Number((await permits.getAttribute('data-achieved')) || 0)).toBe(before);

    // The engineer, in a browser of their own, sends the month's return (a correction if the month has one).
    const engineer = await newGuardedPage(browser(), { viewport: VIEWPORT, locale: 'ar' });
    await engineer.page.goto(new URL('/?view=plans', marsad.url).href);
    await signIn(engineer.page, DEMO.engineer);
    // Their own country by default, their own governorate only, and no national total.
    await engineer.page.getByTestId('plans-matrix').waitFor(POLL);
    expect(await engineer.page.getByTestId('plans-country').inputValue()).toBe(COUNTRY);
    await expect.poll(() => engineer.page.getByTestId('matrix-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-governorate'))), POLL).toEqual([ENGINEER_GOVERNORATE]);
    expect(await engineer.page.getByTestId('matrix-national').count()).toBe(0);
    const earlier = (await getJson<{ items: { period: string; value: number; submitted_at: string }[] }>(
      engineer.page,
      marsad.url,
      `/api/returns?country=${COUNTRY}&year=${YEAR}&governorate=${ENGINEER_GOVERNORATE}&indicator=${REPORTED}`,
    )).items
      .filter((r) => r.period === period)
      .sort((a, b) => a.submitted_at.localeCompare(b.submitted_at))
      .at(-1);
    const sent = (earlier?.value ?? 0) + 5;
    await sendReturn(engineer.page, period, sent);
    expect(engineer.externalRequests).toEqual([]);
    expect(engineer.pageErrors).toEqual([]);
    await engineer.page.context().close();

    // The minister sees the cell change: five more permits than before.
    await page.reload();
    await page.getByTestId('plans-matrix').waitFor(POLL);
    await expect.poll(() => permits.getAttribute('data-achieved'), POLL).toBe(String(before + 5));
    expect(await permits.textContent()).toContain(new Intl.NumberFormat('ar-SA-u-nu-arab').format(before + 5));
    await docsScreenshot(page, 'ar', '');

    // The cell opens: its figures, its chart and the return just sent.
    await permits.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('cell'), POLL).toBe(`${ENGINEER_GOVERNORATE}:${REPORTED}`);
    await page.getByTestId('plans-chart').waitFor(POLL);
    const returns = page.getByTestId('plans-cell-return').filter({ has: page.locator(`bdi:text-is("${period}")`) });
    await expect.poll(() => returns.count(), POLL).toBeGreaterThan(0);
    expect(await page.getByTestId('plans-cell-returns').textContent()).toContain('e2e: رخص الشهر');
    expect(await page.getByTestId('plans-cell-achieved').textContent()).toBe(new Intl.NumberFormat('ar-SA-u-nu-arab').format(before + 5));

    // A computed cell opens the projects it counts; one of them opens in the project drawer.
    const spent = plan.rows.find((r) => (r.cells.find((c) => c.key === 'budget_spent')?.achieved ?? 0) > 0);
    if (spent === undefined) throw new Error('no Syrian governorate spent any budget this year in the demo data');
    await cellLocator(page, spent.governorate, 'budget_spent').click();
    const project = page.getByTestId('plans-cell-project').first();
    await project.waitFor(POLL);
    const id = await project.getAttribute('data-project-id');
    await project.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('project'), POLL).toBe(id);
    await page.getByTestId('project-title').waitFor(POLL);
    await page.screenshot({ path: `${SCREENSHOTS}plans-ar-project.png` });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('project-title').count(), POLL).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('plans-panel').count(), POLL).toBe(0);

    // English, left to right: the same matrix, its chart for the national row, the same drawer.
    await page.getByTestId('language-toggle').click();
    await expect.poll(() => html.getAttribute('dir')).toBe('ltr');
    await expect.poll(() => page.locator('.plans-title').textContent()).toBe('The annual plan against what was achieved');
    expect(await permits.textContent()).toContain(new Intl.NumberFormat('en-GB').format(before + 5));
    expect(await page.getByTestId('plans-export-csv').getAttribute('href')).toBe(`${PLAN}/matrix.csv`);
    for (const format of ['csv', 'xlsx']) {
      const href = await page.getByTestId(`plans-export-${format}`).getAttribute('href');
      const file = await page.request.get(new URL(href!, marsad.url).href);
      expect(file.status(), href!).toBe(200);
      expect(file.headers()['content-type']).toMatch(format === 'csv' ? /text\/csv/ : /spreadsheetml/);
    }
    await docsScreenshot(page, 'en', '');
    await cellLocator(page, 'national', 'budget_spent').click();
    await page.getByTestId('plans-chart').waitFor(POLL);
    expect(await page.getByTestId('plans-cell-title').textContent()).toBe('Budget spent');
    await cellLocator(page, spent.governorate, 'budget_spent').click();
    await page.getByTestId('plans-cell-project').first().click();
    await page.getByTestId('project-title').waitFor(POLL);
    await page.screenshot({ path: `${SCREENSHOTS}plans-en-project.png` });

    // The map: "% of plan achieved" for budget spent colours Syria's governorates (the plan metric
    // ignores the project filters: the year 2015 only keeps project markers off the screenshot).
    await page.goto(new URL(`/?lang=en&year=2015&metric=plan&indicator=budget_spent&map=6.00/35.0000/38.5000`, marsad.url).href);
    await page.waitForSelector('[data-testid="map"][data-choropleth="plan"]', { timeout: MAP_TIMEOUT });
    // Syria's governorates all have a target; another country's plan of the year may colour more.
    await expect.poll(async () => Number(await page.getByTestId('plan-metric-coloured').getAttribute('data-count')), POLL).toBeGreaterThanOrEqual(plan.rows.length);
    expect(await page.getByTestId('plan-metric-indicator').inputValue()).toBe('budget_spent');
    await page.screenshot({ path: `${SCREENSHOTS}plans-map-en.png` });

    // A donor sees what was achieved over the projects shared with it, and says so: no targets, no colours.
    await signOut(page);
    await page.goto(new URL(`/?lang=en&view=plans&country=${COUNTRY}`, marsad.url).href);
    await signIn(page, DEMO.undpDonor);
    await page.getByTestId('plans-achieved-only').waitFor(POLL);
    expect(await page.getByTestId('plans-matrix').getAttribute('data-shows-targets')).toBe('false');
    expect(await page.getByTestId('plans-legend').count()).toBe(0);
    expect(await page.locator('[data-testid="matrix-cell"]').evaluateAll((cells) => cells.filter((c) => c.textContent?.includes('/')).length)).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}plans-donor-en.png` });

    expect(minister.externalRequests).toEqual([]);
    expect(minister.pageErrors, failed.join('\n')).toEqual([]);
    await page.context().close();
  });
});
