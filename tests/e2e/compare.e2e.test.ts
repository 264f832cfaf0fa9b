/**
 * The ranking of governorates in a real browser: the minister opens it beside the map, reads every
 * governorate's value of the map's metric as the choropleth's own read returns it, with each
 * country's national value (checked against SQL over the projects themselves, not against the
 * page's arithmetic), sorts it by click and by keyboard (aria-sort follows), opens a governorate
 * from a row (the address and its panel, whose charts carry tables of the same figures), switches
 * the metric and sees it re-ranked; in Arabic and English, and on a phone. A donor's ranking counts
 * only the projects shared with them. Not one request leaves the machine and no console error.
 */
import type { CountrySummaries, GovernorateDetail, GovernorateSummaries, GovernorateSummary, GovernorateTimeline } from '@marsad/contracts';
import type { Database } from '@marsad/db';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite, getJson, MAP_TIMEOUT, newGuardedPage, SCREENSHOTS, signIn } from './browser.ts';
import { DEMO } from '../support/client.ts';
import { serverForFile } from '../support/startTestServer.ts';

let database: Database | undefined;
const marsad = serverForFile('demo', async (db) => {
  database = db;
});
const DESKTOP = { width: 1280, height: 800 };
const LAPTOP = { width: 1024, height: 768 };
const PHONE = { width: 360, height: 740 };
const POLL = { timeout: 60_000 };
/** The machine may be busy: the first draw (software WebGL) gets thrice the usual room. */
const FIRST_DRAW = 3 * MAP_TIMEOUT;
const STATUSES = ['planned', 'tendering', 'in_progress', 'suspended', 'completed', 'cancelled'] as const;
/** Numbers as the page writes them: Arabic-Indic digits in Arabic. */
const LOCALES = { ar: 'ar-SA-u-nu-arab', en: 'en-GB' } as const;
const count = (n: number, lang: keyof typeof LOCALES) => new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 0 }).format(n);
const percent = (n: number, lang: keyof typeof LOCALES) => new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: 1 }).format(n / 100);

const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

/** The choropleth's value of a governorate, as choroplethMetrics.ts defines it (null: no project). */
function expected(metric: 'progress' | 'delayed' | 'projects', g: GovernorateSummary): number | null {
  if (g.projects === 0) return null;
  if (metric === 'progress') return g.progress_weighted;
  if (metric === 'delayed') return (100 * g.delayed) / g.projects;
  return g.projects;
}

interface ShownRow {
  code: string;
  value: number | null;
  text: string;
}

/** The ranking's rows as shown, per country, in order; the national row as code `national`. */
async function shownRows(table: Locator, country: string): Promise<ShownRow[]> {
  return table.locator(`tbody[data-country="${country}"] tr[data-value]`).evaluateAll((rows) =>
    rows.map((row) => ({
      code: row.getAttribute('data-code') ?? 'national',
      value: row.getAttribute('data-value') === '' ? null : Number(row.getAttribute('data-value')),
      text: row.querySelector('td.compare-value')?.textContent ?? '',
    })),
  );
}

/** Rows in order (highest first when `descending`), those without a value last, the national row where it falls. */
function expectRanked(rows: readonly ShownRow[], descending: boolean): void {
  const valued = rows.filter((r) => r.value !== null);
  const firstNull = rows.findIndex((r) => r.value === null);
  if (firstNull !== -1) expect(rows.slice(firstNull).every((r) => r.value === null), 'no value after the empty rows').toBe(true);
  for (let i = 1; i < valued.length; i++) {
    const [a, b] = [valued[i - 1]!.value!, valued[i]!.value!];
    expect(descending ? a >= b : a <= b, `${valued[i - 1]!.code} ${a} before ${valued[i]!.code} ${b}`).toBe(true);
  }
}

async function sql<T>(text: string, values: unknown[] = []): Promise<T[]> {
  if (database === undefined) throw new Error('the test database is not open');
  return database.query<T>(text, values);
}

describe('ranking of governorates (browser)', () => {
  const browser = chromiumForSuite();

  it('ranks every governorate by the map metric with the national value, sorts, opens a governorate with its chart tables, in Arabic and English', { timeout: 600_000 }, async () => {
    const { page, externalRequests, pageErrors } = await newGuardedPage(browser(), { viewport: DESKTOP, locale: 'ar' });
    await page.goto(marsad.url);
    await page.waitForSelector('[data-testid="map"][data-map-ready="true"]', { timeout: FIRST_DRAW }).catch((error: unknown) => {
      throw new Error(`the map did not draw; page errors: ${JSON.stringify(pageErrors)}`, { cause: error });
    });
    await signIn(page, DEMO.minister);

    // The same reads the map and the national cards use, as the minister sees them.
    const { governorates } = await getJson<GovernorateSummaries>(page, marsad.url, '/api/summaries/governorates');
    const national = await getJson<CountrySummaries>(page, marsad.url, '/api/summaries/countries');
    expect(governorates.length).toBeGreaterThan(20);

    const toggle = page.getByTestId('compare-toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    await expect.poll(() => param(page, 'compare')).toBe('-value');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const table = page.getByTestId('compare-table');
    await table.waitFor(POLL);
    await expect.poll(() => table.getByTestId('compare-row').count(), POLL).toBe(governorates.length);

    // Every governorate with the choropleth read's value; no projects says so, last, never 0 %.
    const check = async (metric: 'progress' | 'delayed' | 'projects', lang: 'ar' | 'en', descending: boolean) => {
      await expect.poll(() => table.getAttribute('data-metric'), POLL).toBe(metric);
      for (const country of national.countries) {
        const rows = await shownRows(table, country.country);
        const mine = governorates.filter((g) => g.country === country.country);
        expect(rows.filter((r) => r.code !== 'national').map((r) => r.code).sort()).toEqual(mine.map((g) => g.governorate).sort());
        for (const g of mine) {
          const row = rows.find((r) => r.code === g.governorate)!;
          const value = expected(metric, g);
          if (value === null) {
            expect(row.value, g.governorate).toBeNull();
            expect(row.text, g.governorate).toBe(lang === 'ar' ? 'لا مشاريع' : 'no projects');
          } else {
            expect(row.value, g.governorate).toBeCloseTo(value, 6);
            expect(row.text, g.governorate).toBe(metric === 'projects' ? count(value, lang) : percent(value, lang));
          }
        }
        expectRanked(rows.filter((r) => r.code !== 'national'), descending);
      }
    };
    await check('progress', 'ar', true);
    await page.screenshot({ path: `${SCREENSHOTS}compare-ar.png` });

    // Syria's national progress: budget-weighted over all its projects, computed here from the projects themselves.
    const [syria] = await sql<{ progress: number | null; governorates_mean: number | null }>(
      `select sum(p.budget * p.physical_progress) / nullif(sum(p.budget) filter (where p.budget > 0), 0) as progress,
              (select avg(g.v) from (select sum(q.budget * q.physical_progress) / nullif(sum(q.budget) filter (where q.budget > 0), 0) as v
                                       from projects q where q.country_iso3 = 'SYR' group by q.admin_area_id) g) as governorates_mean
         from projects p where p.country_iso3 = 'SYR'`,
    );
    expect(syria?.progress).not.toBeNull();
    const syRows = await shownRows(table, 'SYR');
    const syNational = syRows.find((r) => r.code === 'national')!;
    expect(syNational.value).toBeCloseTo(Number(syria!.progress), 1);
    expect(Math.abs(syNational.value! - Number(syria!.progress))).toBeLessThan(0.006);
    expect(syNational.text).toBe(percent(syNational.value!, 'ar'));
    expect(await table.getByTestId('compare-national').filter({ hasText: 'سوريا' }).locator('th').textContent()).toContain('المستوى الوطني');
    // (Not the mean of the governorates' percentages, which the demo data makes different.)
    expect(Math.abs(Number(syria!.progress) - Number(syria!.governorates_mean))).toBeGreaterThan(0.01);
    // The national row stands between the governorates above and below it.
    const at = syRows.findIndex((r) => r.code === 'national');
    expect(syRows.slice(0, at).every((r) => r.value !== null && r.value >= syNational.value!)).toBe(true);
    expect(syRows.slice(at + 1).every((r) => r.value === null || r.value < syNational.value!)).toBe(true);
    for (const country of national.countries) {
      const shown = (await shownRows(table, country.country)).find((r) => r.code === 'national')!;
      if (country.progress_weighted === null) expect(shown.value, country.country).toBeNull();
      else expect(shown.value, country.country).toBeCloseTo(country.progress_weighted, 6);
    }

    // Sorting by click: lowest first, then by name; by keyboard: Enter and Space on the headings.
    const valueHeading = table.locator('th', { has: page.getByTestId('compare-sort-value') });
    const nameHeading = table.locator('th', { has: page.getByTestId('compare-sort-name') });
    expect(await valueHeading.getAttribute('aria-sort')).toBe('descending');
    expect(await nameHeading.getAttribute('aria-sort')).toBe('none');
    await page.getByTestId('compare-sort-value').click();
    await expect.poll(() => param(page, 'compare')).toBe('value');
    expect(await valueHeading.getAttribute('aria-sort')).toBe('ascending');
    expectRanked((await shownRows(table, 'SYR')).filter((r) => r.code !== 'national'), false);
    await page.getByTestId('compare-sort-name').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => param(page, 'compare')).toBe('name');
    expect(await nameHeading.getAttribute('aria-sort')).toBe('ascending');
    expect(await valueHeading.getAttribute('aria-sort')).toBe('none');
    const collator = new Intl.Collator('ar');
    const names = async () =>
      table.locator('tbody[data-country="SYR"] [data-testid="compare-row"]').evaluateAll((rows) =>
        rows.filter((row) => row.getAttribute('data-value') !== '').map((row) => row.querySelector('button')?.textContent ?? ''),
      );
    const byName = await names();
    expect(byName).toEqual([...byName].sort(collator.compare));
    await page.keyboard.press('Space');
    await expect.poll(() => param(page, 'compare')).toBe('-name');
    expect(await nameHeading.getAttribute('aria-sort')).toBe('descending');
    expect(await names()).toEqual([...byName].sort(collator.compare).reverse());
    await page.getByTestId('compare-sort-value').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => param(page, 'compare')).toBe('-value');

    // A row opens its governorate as the map does: the address and the panel; the ranking stays.
    const homs = governorates.find((g) => g.governorate === 'SY-HI')!;
    await table.locator('[data-code="SY-HI"]').getByTestId('compare-open').click();
    await expect.poll(() => param(page, 'gov')).toBe('SY-HI');
    await expect.poll(() => page.getByTestId('governorate-name').textContent(), POLL).toBe(homs.name_ar_short || homs.name_ar);
    expect(param(page, 'compare')).toBe('-value');
    expect(await table.locator('[data-code="SY-HI"]').getByTestId('compare-open').getAttribute('aria-current')).toBe('true');

    // The panel's charts with their tables: the same figures as the governorate's reads.
    const detail = await getJson<GovernorateDetail>(page, marsad.url, '/api/summaries/governorates/SY-HI');
    const timeline = await getJson<GovernorateTimeline>(page, marsad.url, '/api/summaries/governorates/SY-HI/timeline');
    const statusTable = page.getByTestId('status-chart-table');
    await statusTable.waitFor({ state: 'attached', ...POLL });
    const statusCells = () => statusTable.locator('tbody td').allTextContents();
    await expect.poll(statusCells, POLL).toEqual(STATUSES.map((s) => count(detail.governorate.by_status[s], 'ar')));
    const timelineTable = page.getByTestId('timeline-chart-table');
    await timelineTable.waitFor({ state: 'attached', ...POLL });
    expect(await timelineTable.locator('tbody td').allTextContents()).toEqual(timeline.months.map((m) => (m.progress_weighted === null ? '—' : percent(m.progress_weighted, 'ar'))));
    // Hidden on screen until asked for (screen readers read it); the button unfolds it; print shows it.
    const shownWidth = (chart: string) => page.getByTestId(chart).locator('.chart-table-wrap').evaluate((el) => el.getBoundingClientRect().width);
    expect(await shownWidth('status-chart')).toBeLessThanOrEqual(1);
    const statusToggle = page.getByTestId('status-chart-table-toggle');
    await statusToggle.click();
    expect(await statusToggle.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => shownWidth('status-chart')).toBeGreaterThan(100);
    expect(await page.getByTestId('status-chart').locator('.chart-drawing').getAttribute('aria-hidden')).toBe('true');
    expect(await shownWidth('timeline-chart')).toBeLessThanOrEqual(1);
    await page.emulateMedia({ media: 'print' });
    expect(await shownWidth('timeline-chart')).toBeGreaterThan(100);
    await page.emulateMedia({ media: 'screen' });
    await page.screenshot({ path: `${SCREENSHOTS}compare-ar-governorate.png` });

    // Another metric re-ranks: the share of projects delayed.
    await page.getByTestId('metric-select').selectOption('delayed');
    await expect.poll(() => param(page, 'metric')).toBe('delayed');
    await check('delayed', 'ar', true);
    const delayedNational = (await shownRows(table, 'SYR')).find((r) => r.code === 'national')!;
    const syriaSummary = national.countries.find((c) => c.country === 'SYR')!;
    expect(delayedNational.value).toBeCloseTo((100 * syriaSummary.delayed) / syriaSummary.projects, 6);

    // English, left to right, Latin digits; the number of projects.
    await page.getByTestId('language-toggle').click();
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('ltr');
    await page.getByTestId('metric-select').selectOption('projects');
    await check('projects', 'en', true);
    expect(await page.getByTestId('compare-sort-name').textContent()).toContain('Governorate');
    const total = table.getByTestId('compare-national').filter({ hasText: 'Syria' });
    expect(await total.locator('th').textContent()).toBe('National total — Syria');
    expect(await total.locator('td.compare-value').textContent()).toBe(count(syriaSummary.projects, 'en'));
    await page.screenshot({ path: `${SCREENSHOTS}compare-en.png` });

    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it("counts only a donor's shared projects (at 1024×768), and works on a phone", { timeout: 300_000 }, async () => {
    const { page, externalRequests, pageErrors } = await newGuardedPage(browser(), { viewport: LAPTOP, locale: 'ar' });
    await page.goto(`${marsad.url}/?metric=projects&compare=-value`);
    await page.waitForSelector('[data-testid="map"][data-map-ready="true"]', { timeout: FIRST_DRAW });
    await signIn(page, DEMO.undpDonor);

    // What UNDP may see, counted here from the shares themselves.
    const shared = await sql<{ code: string; country: string; projects: number }>(
      `select a.code, a.country_iso3 as country, count(p.id)::integer as projects
         from admin_areas a
         left join projects p on p.admin_area_id = a.id
              and exists (select 1 from project_shares s join users u on u.organization_id = s.organization_id
                           where s.project_id = p.id and u.email = $1)
        where a.level = 1
        group by a.code, a.country_iso3`,
      [DEMO.undpDonor],
    );
    const sharedTotal = shared.reduce((sum, g) => sum + g.projects, 0);
    expect(sharedTotal).toBeGreaterThan(0);
    const [all] = await sql<{ n: number }>('select count(*)::integer as n from projects');
    expect(sharedTotal).toBeLessThan(all!.n);

    const table = page.getByTestId('compare-table');
    await table.waitFor(POLL);
    const countries = await getJson<CountrySummaries>(page, marsad.url, '/api/summaries/countries');
    await expect.poll(async () => {
      const rows: ShownRow[] = [];
      for (const c of countries.countries) rows.push(...(await shownRows(table, c.country)));
      return rows.filter((r) => r.code !== 'national').reduce((sum, r) => sum + (r.value ?? 0), 0);
    }, POLL).toBe(sharedTotal);
    for (const c of countries.countries) {
      const rows = await shownRows(table, c.country);
      for (const row of rows.filter((r) => r.code !== 'national')) {
        const projects = shared.find((g) => g.code === row.code)?.projects ?? 0;
        expect(row.value, row.code).toBe(projects === 0 ? null : projects);
        if (projects === 0) expect(row.text).toBe('لا مشاريع');
      }
      expectRanked(rows.filter((r) => r.code !== 'national'), true);
      const nationalRow = rows.find((r) => r.code === 'national')!;
      expect(nationalRow.value ?? 0, c.country).toBe(shared.filter((g) => g.country === c.country).reduce((sum, g) => sum + g.projects, 0));
    }
    await fitsAndOpens(page, 'compare-ar-laptop');
    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();

    // A phone, in English: the ranking in the folded sidebar; a row opens the governorate and the sidebar gets out of the way.
    const phone = await newGuardedPage(browser(), { viewport: PHONE, locale: 'en', hasTouch: true, isMobile: true });
    await phone.page.goto(`${marsad.url}/?lang=en&compare=value`);
    await phone.page.waitForSelector('[data-testid="map"][data-map-ready="true"]', { timeout: FIRST_DRAW });
    await phone.page.locator('.sidebar-toggle').click();
    await phone.page.getByTestId('compare-table').waitFor(POLL);
    await fitsAndOpens(phone.page, 'compare-en-phone');
    await expect.poll(() => phone.page.locator('#sidebar').isVisible()).toBe(false);
    expect(phone.externalRequests).toEqual([]);
    expect(phone.pageErrors).toEqual([]);
    await phone.page.context().close();
  });
});

/** The sidebar and the ranking fit the window, rows are big enough to touch, and the first row opens its governorate. */
async function fitsAndOpens(page: Page, screenshot: string): Promise<void> {
  const viewport = page.viewportSize()!;
  const sidebar = await page.locator('#sidebar').boundingBox();
  expect(sidebar!.width).toBeLessThanOrEqual(viewport.width);
  expect(await page.locator('#sidebar').evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  expect(await page.locator('.compare-wrap').evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  const open = page.getByTestId('compare-table').getByTestId('compare-open').first();
  expect((await open.boundingBox())!.height).toBeGreaterThanOrEqual(40);
  expect((await page.getByTestId('compare-sort-value').boundingBox())!.height).toBeGreaterThanOrEqual(40);
  await page.screenshot({ path: `${SCREENSHOTS}${screenshot}.png` });
  const code = await page.getByTestId('compare-table').getByTestId('compare-row').first().getAttribute('data-code');
  await open.click();
  await expect.poll(() => param(page, 'gov')).toBe(code);
  await page.getByTestId('governorate-panel').waitFor(POLL);
  await page.screenshot({ path: `${SCREENSHOTS}${screenshot}-governorate.png` });
}
