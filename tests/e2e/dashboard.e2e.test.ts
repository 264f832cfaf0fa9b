/**
 * The dashboard in a real browser: national KPIs, a filter that changes them and the URL, a
 * governorate panel, a project drawer with Hijri dates, English, and a tablet layout; not one
 * request leaving the machine and no console error.
 *
 * Runs against its own real server (demo data, built web app; serverForFile); MARSAD_URL
 * points it at another one. Screenshots go to tests/screenshots/ (git-ignored).
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite, MAP_TIMEOUT, newGuardedPage, openApp, type OpenedPage, SCREENSHOTS } from './browser.ts';
import { serverForFile } from '../support/startTestServer.ts';

/** This file's own server, over its own copy of the demo data. */
const marsad = serverForFile();
const DESKTOP = { width: 1280, height: 800 };
/** Software rendering is slow: give the first draw room. */
/** Homs: a large governorate, mostly desert, where the pointer finds the governorate between project markers. */
const GOVERNORATE = { code: 'SY-HI', ar: 'حمص', en: 'Homs', view: 'map=7/34.1897/38.3726' } as const;
/** Arabic-Indic digits, as the page writes numbers in Arabic. */
const AR_COUNT = new Intl.NumberFormat('ar-SA-u-nu-arab', { maximumFractionDigits: 0 });
const EN_COUNT = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

interface Metrics {
  projects: number;
  delayed: number;
  stale: number;
}

async function api<T>(path: string): Promise<T> {
  const response = await fetch(new URL(path, marsad.url));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

async function open(browser: Browser, query: string, viewport = DESKTOP): Promise<OpenedPage> {
  const opened = await newGuardedPage(browser, { viewport, locale: 'ar' });
  await openApp(opened.page, marsad.url, `/${query}`);
  await opened.page.waitForSelector('[data-testid="map"][data-projects-ready="true"]', { timeout: MAP_TIMEOUT });
  return opened;
}

function kpi(page: Page, group: string, key: string) {
  return page.getByTestId(`${group}-${key}`).textContent();
}

/** Moves over the map around its centre until the pointer is on the governorate itself (not a project). */
async function clickGovernorate(page: Page, name: string): Promise<void> {
  const box = await page.getByTestId('map').boundingBox();
  if (box === null) throw new Error('the map container is not visible');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  for (const [dx, dy] of [[0, 0], [30, 0], [-30, 0], [0, 30], [0, -30], [40, 40], [-40, -40], [40, -40], [-40, 40], [60, 0], [-60, 0]] as const) {
    await page.mouse.move(cx + dx, cy + dy);
    await page.waitForTimeout(150);
    const label = page.getByTestId('hover-label-name');
    if ((await label.count()) > 0 && (await label.textContent()) === name) {
      await page.mouse.click(cx + dx, cy + dy);
      return;
    }
  }
  throw new Error(`found no point of ${name} free of project markers near the centre of the map`);
}

describe('dashboard (browser)', () => {
  const browser = chromiumForSuite();

  it('shows the national KPIs and filters them, the map and the URL together', { timeout: 120_000 }, async () => {
    const national = await api<{ total: Metrics }>('/api/summaries/countries');
    const suspended = await api<{ total: Metrics }>('/api/summaries/countries?status=suspended');
    expect(suspended.total.projects).toBeLessThan(national.total.projects);

    const { page, externalRequests, pageErrors } = await open(browser(), '');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expect.poll(() => kpi(page, 'national-kpis', 'projects')).toBe(AR_COUNT.format(national.total.projects));
    expect(await kpi(page, 'national-kpis', 'delayed')).toBe(AR_COUNT.format(national.total.delayed));
    expect(await kpi(page, 'national-kpis', 'stale')).toBe(AR_COUNT.format(national.total.stale));
    expect(await page.getByTestId('map').getAttribute('data-choropleth')).toBe('progress');
    await page.screenshot({ path: `${SCREENSHOTS}dashboard-ar-national.png` });

    await page.getByTestId('filter-status').locator('[data-value="suspended"]').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('suspended');
    await expect.poll(() => kpi(page, 'national-kpis', 'projects')).toBe(AR_COUNT.format(suspended.total.projects));
    await page.waitForSelector('[data-testid="map"][data-projects-ready="true"]', { timeout: MAP_TIMEOUT });

    await page.getByTestId('metric-select').selectOption('delayed');
    await expect.poll(() => new URL(page.url()).searchParams.get('metric')).toBe('delayed');
    await expect.poll(() => page.getByTestId('map').getAttribute('data-choropleth')).toBe('delayed');
    await page.screenshot({ path: `${SCREENSHOTS}dashboard-ar-filtered.png` });

    await page.getByTestId('filters-clear').click();
    await expect.poll(() => kpi(page, 'national-kpis', 'projects')).toBe(AR_COUNT.format(national.total.projects));
    expect(new URL(page.url()).searchParams.get('status')).toBeNull();

    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('opens a governorate, then a project with funding and Hijri dates, then switches to English', { timeout: 180_000 }, async () => {
    const summary = await api<{ governorate: Metrics }>(`/api/summaries/governorates/${GOVERNORATE.code}`);
    const list = await api<{ items: { id: number; title_ar: string; title_en: string }[] }>(
      `/api/projects?governorate=${GOVERNORATE.code}&sort=-delay&limit=1`,
    );
    const first = list.items[0];
    if (first === undefined) throw new Error('the demo data has no project in Homs');
    const project = await api<{ funding: unknown[]; progress: unknown[] }>(`/api/projects/${first.id}`);

    const { page, externalRequests, pageErrors } = await open(browser(), `?${GOVERNORATE.view}`);
    await clickGovernorate(page, GOVERNORATE.ar);
    await expect.poll(() => page.getByTestId('governorate-name').textContent()).toBe(GOVERNORATE.ar);
    expect(new URL(page.url()).searchParams.get('gov')).toBe(GOVERNORATE.code);
    await expect.poll(() => kpi(page, 'governorate-kpis', 'projects')).toBe(AR_COUNT.format(summary.governorate.projects));
    expect(await kpi(page, 'governorate-kpis', 'delayed')).toBe(AR_COUNT.format(summary.governorate.delayed));
    expect(await kpi(page, 'governorate-kpis', 'stale')).toBe(AR_COUNT.format(summary.governorate.stale));
    await page.getByTestId('status-chart').locator('svg').first().waitFor();
    await page.getByTestId('timeline-chart').locator('svg').first().waitFor();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${SCREENSHOTS}dashboard-ar-governorate.png` });

    await page.getByTestId('project-list').locator('button').first().click();
    await expect.poll(() => page.getByTestId('project-title').textContent()).toBe(first.title_ar);
    expect(new URL(page.url()).searchParams.get('project')).toBe(String(first.id));
    await expect.poll(() => page.getByTestId('project-funding').locator('tbody tr').count()).toBe(project.funding.length);
    expect(await page.getByTestId('project-history').locator('li').count()).toBe(project.progress.length);
    const hijri = await page.getByTestId('project-history').getByTestId('hijri-date').first().textContent();
    expect(hijri).toMatch(/هـ/);
    expect(hijri).toMatch(/[٠-٩]/);
    await page.getByTestId('project-progress-chart').locator('svg').first().waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}dashboard-ar-project.png` });

    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('project-panel').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('project')).toBeNull();
    await expect.poll(() => page.getByTestId('governorate-name').textContent()).toBe(GOVERNORATE.ar);

    await page.getByTestId('language-toggle').click();
    const html = page.locator('html');
    await expect.poll(() => html.getAttribute('dir')).toBe('ltr');
    expect(await html.getAttribute('lang')).toBe('en');
    await expect.poll(() => page.getByTestId('governorate-name').textContent()).toBe(GOVERNORATE.en);
    expect(await kpi(page, 'governorate-kpis', 'projects')).toBe(EN_COUNT.format(summary.governorate.projects));
    expect(await page.locator('h1').textContent()).toBe('Marsad');
    expect(await page.getByTestId('national-kpis').textContent()).toMatch(/^[^٠-٩]*$/);
    await page.getByTestId('project-list').locator('button').first().click();
    await expect.poll(() => page.getByTestId('project-title').textContent()).toBe(first.title_en);
    expect(await page.getByTestId('project-history').getByTestId('hijri-date').first().textContent()).toMatch(/AH/);
    await page.waitForSelector('[data-testid="map"][data-map-language="en"]', { timeout: MAP_TIMEOUT });
    await page.screenshot({ path: `${SCREENSHOTS}dashboard-en-project.png` });

    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('fits a tablet: the sidebar folds away and the panel becomes a bottom sheet', { timeout: 120_000 }, async () => {
    const { page, externalRequests, pageErrors } = await open(browser(), '?gov=SY-DI', { width: 768, height: 1024 });
    await expect.poll(() => page.getByTestId('governorate-name').textContent()).toBe('دمشق');
    expect(await page.locator('#sidebar').isVisible()).toBe(false);
    const panel = await page.getByTestId('governorate-panel').boundingBox();
    expect(panel?.width).toBe(768);
    await page.getByTestId('governorate-kpis-projects').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}dashboard-ar-tablet.png` });

    await page.locator('.sidebar-toggle').click();
    expect(await page.locator('#sidebar').isVisible()).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}dashboard-ar-tablet-sidebar.png` });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('governorate-panel').count()).toBe(0);

    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
