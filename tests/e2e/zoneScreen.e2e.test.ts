/**
 * The zone screen in a real browser: the minister opens a demo zone (Arabic) and sees its plots
 * drawn from the plot tiles, its figures, utilities and plot list, filters the list and chooses a
 * plot (the address names it; back and forward step through choices); the Damascus engineer
 * (English) allocates a vacant plot to a new investor and the zone's occupancy moves. Not one
 * request leaves the machine and no console error. Screenshots of the screen (Arabic, English at
 * 1440×900, and a tablet) go to docs/zone-screen-*.png.
 *
 * The file runs its own server over its own copy of the demo data (serverForFile).
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { PlotList, ProjectPage, ZoneDetail } from '@marsad/contracts';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite, getJson, MAP_TIMEOUT, newGuardedPage, signIn, unexpectedErrors } from './browser.ts';
import { serverForFile } from '../support/startTestServer.ts';

const marsad = serverForFile();
const POLL = { timeout: 60_000 };
const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));
const DESKTOP = { width: 1440, height: 900 };
const TABLET = { width: 820, height: 1180 };

/** A Damascus zone of the demo with vacant plots and others taken: the engineer of Damascus may write it. */
async function damascusZone(page: Page): Promise<ZoneDetail> {
  const zones = await getJson<ProjectPage>(page, marsad.url, '/api/projects?kind=industrial_zone,craft_zone&governorate=SY-DI&limit=50');
  for (const { id } of zones.items) {
    const zone = await getJson<ZoneDetail>(page, marsad.url, `/api/zones/${id}`);
    if ((zone.totals.plots_by_status.vacant ?? 0) >= 3 && (zone.totals.plots_by_status.producing ?? 0) > 0) return zone;
  }
  throw new Error('the demo has no Damascus zone with vacant and producing plots');
}

const mapZoom = (page: Page) => Number(new URL(page.url()).searchParams.get('map')?.split('/')[0] ?? 0);

/** Waits until the map looks at a zoom where plots are drawn, and has drawn the plot tiles there. */
async function waitForPlots(page: Page): Promise<void> {
  await expect.poll(() => mapZoom(page), { timeout: MAP_TIMEOUT }).toBeGreaterThanOrEqual(13);
  await page.waitForSelector('[data-testid="map"][data-plots-ready="true"]', { timeout: MAP_TIMEOUT });
}

/** Opens the page at `path` and waits for the map (generously: the whole e2e run shares a busy machine). */
async function openPage(page: Page, path: string): Promise<void> {
  await page.goto(new URL(path, marsad.url).href);
  await page.waitForSelector('[data-testid="map"][data-map-ready="true"]', { timeout: 3 * MAP_TIMEOUT });
}

/** Opens the zone screen at `path`. */
async function openZone(page: Page, path: string): Promise<void> {
  await openPage(page, path);
  await page.getByTestId('zone-screen').waitFor({ timeout: MAP_TIMEOUT });
}
const plotRows = (page: Page) => page.getByTestId('plot-row');
const listSettled = (page: Page) => page.waitForSelector('[data-testid="plot-list"][data-loaded="true"]', POLL);
const plotParam = (page: Page) => new URL(page.url()).searchParams.get('plot');

describe('zone screen (browser)', () => {
  const browser = chromiumForSuite();

  it('the minister opens a zone, filters its plots and chooses one (Arabic)', { timeout: 600_000 }, async () => {
    const { page, externalRequests, pageErrors } = await newGuardedPage(browser(), { viewport: DESKTOP, locale: 'ar' });
    await openPage(page, '/');
    await signIn(page, 'minister@marsad.demo');
    const zone = await damascusZone(page);
    await openZone(page, `/?zone=${zone.id}`);
    expect(await page.getByTestId('zone-name').textContent()).toBe(zone.title_ar);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');

    // The map comes to the zone at a zoom where plots are drawn, and draws them.
    await waitForPlots(page);

    // At a glance: occupancy, the legend with every status and its count, the five utilities with their stage.
    expect(await page.getByTestId('zone-occupancy').getAttribute('data-value')).toBe(String(zone.totals.occupancy ?? ''));
    const legend = page.getByTestId('plot-legend').locator('li');
    expect(await legend.count()).toBe(5);
    expect(await legend.evaluateAll((items) => items.map((li) => Number(li.getAttribute('data-count'))).reduce((a, b) => a + b, 0))).toBe(zone.totals.plots_total);
    for (const network of ['water', 'electricity', 'roads', 'sewage', 'telecoms']) {
      const utility = zone.utilities.find((u) => u.network === network)!;
      expect(await page.getByTestId(`zone-utility-${network}`).getAttribute('data-stage')).toBe(utility.stage ?? '');
    }
    expect(await page.getByTestId('zone-development').getAttribute('data-development')).toBe(zone.development);

    // The list: every plot, then only vacant ones, then only vacant ones by the checkbox, then one plot by number.
    await listSettled(page);
    expect(Number(await page.getByTestId('plot-count').getAttribute('data-count'))).toBe(zone.totals.plots_total);
    expect(await page.getByTestId('plot-investor').count()).toBeGreaterThan(0); // the ministry sees who holds plots
    await page.getByTestId('plot-filter-status').selectOption('vacant');
    await expect.poll(() => page.getByTestId('plot-count').getAttribute('data-count'), POLL).toBe(String(zone.totals.plots_by_status.vacant));
    await listSettled(page);
    const shownVacant = Math.min(100, zone.totals.plots_by_status.vacant ?? 0);
    expect(await plotRows(page).count()).toBe(shownVacant);
    expect(await page.locator('[data-testid="plot-row"] .plot-status').evaluateAll((cells) => cells.every((c) => c.getAttribute('data-status') === 'vacant'))).toBe(true);
    await page.getByTestId('plot-filter-status').selectOption('');
    await page.getByTestId('plot-filter-vacant').check();
    await expect.poll(() => page.getByTestId('plot-count').getAttribute('data-count'), POLL).toBe(String(zone.totals.plots_by_status.vacant));
    await page.getByTestId('plot-filter-vacant').uncheck();
    const plots = await getJson<PlotList>(page, marsad.url, `/api/zones/${zone.id}/plots?status=producing`);
    const producing = plots.items[0]!;
    await page.getByTestId('plot-filter-search').fill(producing.plot_number);
    await expect.poll(async () => (await plotRows(page).locator('th').allTextContents()).includes(producing.plot_number), POLL).toBe(true);

    // Choosing a plot: its detail and history, in the address; back and forward step through choices.
    await page.locator(`tr[data-plot-id="${producing.id}"]`).getByTestId('plot-open').click();
    await expect.poll(() => plotParam(page), POLL).toBe(String(producing.id));
    await page.getByTestId('plot-detail').waitFor(POLL);
    expect(await page.getByTestId('plot-detail-status').getAttribute('data-status')).toBe('producing');
    await page.getByTestId('plot-detail-investor').waitFor(POLL);
    expect(await page.getByTestId('change-status').count()).toBe(0); // the minister reads, the engineer writes
    await page.getByTestId('plot-filter-search').fill('');
    await listSettled(page);
    const other = (await getJson<PlotList>(page, marsad.url, `/api/zones/${zone.id}/plots?status=vacant`)).items[0]!;
    await page.locator(`tr[data-plot-id="${other.id}"]`).getByTestId('plot-open').click();
    await expect.poll(() => plotParam(page), POLL).toBe(String(other.id));
    await page.goBack();
    await expect.poll(() => plotParam(page), POLL).toBe(String(producing.id));
    await page.getByTestId('plot-detail').and(page.locator(`[data-plot-id="${producing.id}"]`)).waitFor(POLL);
    await page.goForward();
    await expect.poll(() => plotParam(page), POLL).toBe(String(other.id));
    await waitForPlots(page);

    // Clicking a plot on the map chooses it in the list: the chosen plot sits in the middle of the map beside the panel.
    await page.waitForTimeout(1200); // the camera eases to the plot
    const box = (await page.getByTestId('map').boundingBox())!;
    await page.getByTestId('plot-detail-close').click();
    await expect.poll(() => plotParam(page), POLL).toBeNull();
    await page.mouse.click(box.x + 48 + (box.width - 48 - Math.min(540, box.width / 2)) / 2, box.y + box.height / 2);
    await expect.poll(() => plotParam(page), POLL).toBe(String(other.id));
    await page.getByTestId('plot-detail').and(page.locator(`[data-plot-id="${other.id}"]`)).waitFor(POLL);

    await page.screenshot({ path: `${DOCS}zone-screen-ar.png` });
    expect(externalRequests).toEqual([]);
    expect(unexpectedErrors(pageErrors)).toEqual([]);
  });

  it('the engineer allocates a vacant plot to a new investor and the occupancy moves (English)', { timeout: 600_000 }, async () => {
    const { page, externalRequests, pageErrors } = await newGuardedPage(browser(), { viewport: DESKTOP, locale: 'en' });
    await openPage(page, '/?lang=en');
    await signIn(page, 'engineer.damascus@marsad.demo');
    const zone = await damascusZone(page);
    expect(zone.writable).toBe(true);
    await openZone(page, `/?lang=en&zone=${zone.id}`);
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    expect(await page.getByTestId('zone-name').textContent()).toBe(zone.title_en);
    await waitForPlots(page);

    await page.getByTestId('plot-filter-vacant').check();
    await expect.poll(() => page.getByTestId('plot-count').getAttribute('data-count'), POLL).toBe(String(zone.totals.plots_by_status.vacant));
    await listSettled(page);
    const row = plotRows(page).first();
    const plotId = Number(await row.getAttribute('data-plot-id'));
    await row.getByTestId('plot-open').click();
    await expect.poll(() => plotParam(page), POLL).toBe(String(plotId));
    await page.getByTestId('change-status').click();
    const dialog = page.getByTestId('plot-status-dialog');
    await dialog.waitFor();
    await page.getByTestId('plot-status-target-allocated').check();
    await page.getByTestId('investor-new').check();
    // Saving without a name is stopped in the dialog, in words.
    await page.getByTestId('plot-status-save').click();
    await page.getByTestId('plot-status-problem').waitFor();
    await page.getByTestId('new-investor-name-ar').fill('شركة الياسمين للصناعات الغذائية');
    await page.getByTestId('new-investor-name-en').fill('Jasmine Food Industries');
    await page.getByTestId('plot-status-save').click();
    await page.getByTestId('plot-status-saved').waitFor(POLL);
    expect(await dialog.count()).toBe(0);

    // The plot is allocated to the new investor; the zone's figures and the list follow.
    await expect.poll(() => page.getByTestId('plot-detail-status').getAttribute('data-status'), POLL).toBe('allocated');
    await expect.poll(() => page.getByTestId('plot-detail-investor').textContent(), POLL).toBe('Jasmine Food Industries');
    const after = await getJson<ZoneDetail>(page, marsad.url, `/api/zones/${zone.id}`);
    expect(after.totals.plots_by_status.vacant).toBe(zone.totals.plots_by_status.vacant! - 1);
    expect(after.totals.occupancy).toBeGreaterThan(zone.totals.occupancy ?? 0);
    await expect.poll(() => page.getByTestId('zone-occupancy').getAttribute('data-value'), POLL).toBe(String(after.totals.occupancy));
    await expect.poll(() => page.getByTestId('plot-count').getAttribute('data-count'), POLL).toBe(String(after.totals.plots_by_status.vacant));
    expect(await page.locator(`tr[data-plot-id="${plotId}"]`).count()).toBe(0); // no longer vacant

    // The timeline tells the change.
    await page.getByTestId('zone-tab-timeline').click();
    await page.locator(`[data-testid="timeline-plot"][data-plot-id="${plotId}"]`).first().waitFor(POLL);
    await page.getByTestId('zone-tab-plots').click();
    await page.getByTestId('plot-filter-vacant').uncheck();
    await listSettled(page);
    await waitForPlots(page);
    await page.screenshot({ path: `${DOCS}zone-screen-en.png` });
    expect(externalRequests).toEqual([]);
    expect(unexpectedErrors(pageErrors)).toEqual([]);
  });

  it('fits a tablet held upright (Arabic)', { timeout: 600_000 }, async () => {
    const { page, externalRequests, pageErrors } = await newGuardedPage(browser(), { viewport: TABLET, locale: 'ar', hasTouch: true, isMobile: true });
    await openPage(page, '/');
    await signIn(page, 'engineer.damascus@marsad.demo');
    const zone = await damascusZone(page);
    await openZone(page, `/?zone=${zone.id}`);
    await waitForPlots(page);
    await listSettled(page);
    // Every control of the plot list is at least 44 px high: fingers, not a mouse.
    for (const testId of ['plot-filter-status', 'plot-filter-activity', 'plot-filter-search', 'zone-tab-plots']) {
      expect((await page.getByTestId(testId).boundingBox())!.height, testId).toBeGreaterThanOrEqual(44);
    }
    expect((await plotRows(page).first().getByTestId('plot-open').boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await page.screenshot({ path: `${DOCS}zone-screen-tablet.png` });
    expect(externalRequests).toEqual([]);
    expect(unexpectedErrors(pageErrors)).toEqual([]);
  });
});
