/**
 * The national zones view in a real browser: the minister sees the zone KPI cards equal to
 * /api/zones/summary, colours the zones on the map by another metric (the address follows),
 * opens the zones table, sorts it by occupancy both ways and opens a zone from a row; in Arabic
 * (right to left, Arabic-Indic digits) and in English. Not one request leaves the machine and no
 * console error.
 *
 * The file runs its own server over its own copy of the demo data (serverForFile), in which
 * three zones are given plots and utility reports first, so that occupancy, readiness and jobs
 * differ from zone to zone.
 */
import type { ZoneKpis, ZonePage } from '@marsad/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite, getJson, MAP_TIMEOUT, newGuardedPage, SCREENSHOTS, signIn } from './browser.ts';
import { DEMO } from '../support/client.ts';
import { serverForFile } from '../support/startTestServer.ts';
import { addInvestor, addPlots, reportUtilities } from '../support/zonePlotFixtures.ts';

const marsad = serverForFile('demo', async (db) => {
  const zones = await db.query<{ id: number; lon: number; lat: number }>(
    `select p.id, ST_X(p.label_point) as lon, ST_Y(p.label_point) as lat
       from projects p join zone_facts z on z.project_id = p.id order by p.id limit 3`,
  );
  const investor = await addInvestor(db);
  const mixes = [
    ['vacant', 'vacant', 'reserved', 'allocated', 'under_construction', 'producing', 'producing', 'producing'],
    ['producing', 'producing', 'producing', 'vacant'],
    ['vacant', 'vacant', 'allocated'],
  ];
  for (const [i, zone] of zones.entries()) {
    await addPlots(db, zone.id, investor, mixes[i]!, { lon: zone.lon, lat: zone.lat });
  }
  await reportUtilities(db, zones[0]!.id, { water: 80, electricity: 60, roads: 40, sewage: 20, telecoms: 100 });
  await reportUtilities(db, zones[2]!.id, { water: 100, electricity: 90 });
});
const DESKTOP = { width: 1280, height: 800 };
const POLL = { timeout: 60_000 };
/** The machine may be busy: the first draw (software WebGL) gets thrice the usual room. */
const FIRST_DRAW = 3 * MAP_TIMEOUT;
/** Numbers as the page writes them: Arabic-Indic digits in Arabic. */
const COUNT = {
  ar: new Intl.NumberFormat('ar-SA-u-nu-arab', { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }),
};

const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);
const kpi = (page: Page, key: string) => page.getByTestId(`zone-kpis-${key}`).textContent();
const firstRowId = async (page: Page) => Number(await page.getByTestId('zones-row').first().getAttribute('data-zone-id'));

describe('national zones view (browser)', () => {
  const browser = chromiumForSuite();

  it('shows the minister zone KPIs, colours zones by a metric, sorts the zones table and opens a zone, in Arabic and English', { timeout: 480_000 }, async () => {
    const { page, externalRequests, pageErrors } = await newGuardedPage(browser(), { viewport: DESKTOP, locale: 'ar' });
    await page.goto(marsad.url);
    await page.waitForSelector('[data-testid="map"][data-map-ready="true"]', { timeout: FIRST_DRAW }).catch((error: unknown) => {
      throw new Error(`the map did not draw; page errors: ${JSON.stringify(pageErrors)}`, { cause: error });
    });
    await signIn(page, DEMO.minister);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');

    const kpis = await getJson<ZoneKpis>(page, marsad.url, '/api/zones/summary');
    expect(kpis.plots_total).toBeGreaterThan(0);
    for (const [key, value] of [['producing', kpis.plots_producing], ['vacant', kpis.plots_vacant], ['jobs', kpis.jobs_actual], ['zones', kpis.zones]] as const) {
      await expect.poll(() => kpi(page, key), POLL).toBe(COUNT.ar.format(value));
    }

    // The map's zones: occupancy by default, then readiness; the address keeps the choice.
    const map = page.getByTestId('map');
    await expect.poll(() => map.getAttribute('data-zone-metric'), { timeout: FIRST_DRAW }).toBe('occupancy');
    expect(param(page, 'zone_metric')).toBeNull();
    await page.getByTestId('zone-metric-select').selectOption('readiness');
    await expect.poll(() => param(page, 'zone_metric')).toBe('readiness');
    await expect.poll(() => map.getAttribute('data-zone-metric')).toBe('readiness');
    await page.screenshot({ path: `${SCREENSHOTS}zones-national-ar.png` });

    // The table: most occupied first, then least occupied first (zones without plots last either way).
    const byOccupancy = async (sort: string) => (await getJson<ZonePage>(page, marsad.url, `/api/zones?sort=${sort}&limit=1`)).items[0]!;
    const most = await byOccupancy('-occupancy');
    const least = await byOccupancy('occupancy');
    expect(most.occupancy).toBeGreaterThan(least.occupancy ?? 0);
    await page.getByTestId('zones-table-toggle').click();
    await expect.poll(() => param(page, 'zones')).toBe('-occupancy');
    await expect.poll(() => firstRowId(page), POLL).toBe(most.id);
    const occupancyHeader = page.locator('th', { has: page.getByTestId('zones-sort-occupancy') });
    expect(await occupancyHeader.getAttribute('aria-sort')).toBe('descending');
    await page.getByTestId('zones-sort-occupancy').click();
    await expect.poll(() => param(page, 'zones')).toBe('occupancy');
    await expect.poll(() => firstRowId(page), POLL).toBe(least.id);
    expect(await occupancyHeader.getAttribute('aria-sort')).toBe('ascending');
    await page.getByTestId('zones-sort-occupancy').click();
    await expect.poll(() => firstRowId(page), POLL).toBe(most.id);
    await page.screenshot({ path: `${SCREENSHOTS}zones-table-ar.png` });

    // A row opens its zone; closing the zone comes back to the table.
    await page.getByTestId('zones-open').first().click();
    await expect.poll(() => param(page, 'zone')).toBe(String(most.id));
    await expect.poll(() => page.getByTestId('zone-name').textContent(), POLL).toBe(most.title_ar);
    await page.keyboard.press('Escape');
    await expect.poll(() => param(page, 'zone')).toBeNull();
    await page.getByTestId('zones-table').waitFor();

    // English: the same figures in Western digits, left to right.
    await page.getByTestId('language-toggle').click();
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('ltr');
    await expect.poll(() => kpi(page, 'producing')).toBe(COUNT.en.format(kpis.plots_producing));
    expect(await kpi(page, 'jobs')).toBe(COUNT.en.format(kpis.jobs_actual));
    expect(await page.getByTestId('zones-sort-occupancy').textContent()).toContain('Occupancy');
    await expect.poll(() => page.getByTestId('zones-open').first().textContent()).toBe(most.title_en);
    await page.getByTestId('zones-open').first().click();
    await expect.poll(() => page.getByTestId('zone-name').textContent(), POLL).toBe(most.title_en);
    await page.screenshot({ path: `${SCREENSHOTS}zones-national-en.png` });

    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
