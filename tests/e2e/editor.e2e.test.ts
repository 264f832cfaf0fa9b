/**
 * The project editor in a real browser: a Damascus engineer draws a new project's polygon on the
 * map with the mouse, is warned that it crosses itself, has the server refuse it with the reason
 * and then repair it, edits the saved project, shares it with a donor and unshares it, and is
 * refused a project in a governorate that is not theirs. Every outcome is checked through the API.
 *
 * The file runs its own server over its own copy of the demo data (serverForFile): nothing another
 * browser test writes is seen here, nor the other way round.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite, getJson, MAP_TIMEOUT, newGuardedPage, openApp, SCREENSHOTS, signIn, unexpectedErrors, withoutOfflineAnswers } from './browser.ts';
import { serverForFile } from '../support/startTestServer.ts';

/** This file's own server, over its own copy of the demo data. */
const marsad = serverForFile();
const POLL = { timeout: 30_000 };
/** Central Damascus at a zoom where 100 px are about 400 m: every click below stays in the governorate. */
const DAMASCUS_CAMERA = '15.00/33.5130/36.2920';

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox();
  if (found === null) throw new Error('element has no box');
  return found;
}

/** The middle of the map's part that the editor panel does not cover (it sits on the left in Arabic). */
async function openMapMiddle(page: Page): Promise<{ x: number; y: number }> {
  const map = await box(page.getByTestId('map'));
  const panel = await box(page.getByTestId('editor-panel'));
  const panelOnLeft = panel.x + panel.width / 2 < map.x + map.width / 2;
  const left = panelOnLeft ? Math.max(map.x, panel.x + panel.width) : map.x;
  const right = panelOnLeft ? map.x + map.width : Math.min(map.x + map.width, panel.x);
  return { x: Math.round((left + right) / 2), y: Math.round(map.y + map.height / 2) };
}

interface SavedProject {
  id: number;
  code: string;
  title_en: string;
  governorate: string;
  is_published: boolean;
  version: number;
  geometry: { type: string };
  funding: { organization: string; amount: number; currency: string }[];
}

describe('project editor (browser)', () => {
  const browser = chromiumForSuite();

  it('an engineer draws a project, has its shape repaired, edits it, and shares it', { timeout: 240_000 }, async () => {
    const opened = await newGuardedPage(browser(), { viewport: { width: 1280, height: 900 }, locale: 'ar' });
    const { page, externalRequests, pageErrors } = opened;
    const api = <T,>(path: string) => getJson<T>(page, marsad.url, path);
    await openApp(page, marsad.url, `/?map=${DAMASCUS_CAMERA}`);
    expect(await page.getByTestId('new-project').count()).toBe(0);

    await signIn(page, 'engineer.damascus@marsad.demo');
    await page.getByTestId('new-project').click();
    await page.waitForSelector('[data-testid="project-editor"][data-editor-ready="true"]', { timeout: MAP_TIMEOUT });
    expect(await page.getByTestId('map').getAttribute('data-drawing')).toBe('true');

    // A bow-tie drawn with the mouse: four corners whose sides cross, closed on the first corner.
    await page.getByTestId('editor-tool-polygon').click();
    const { x, y } = await openMapMiddle(page);
    const corners = [
      [x - 60, y - 60],
      [x + 60, y + 60],
      [x + 60, y - 60],
      [x - 60, y + 60],
      [x - 60, y - 60],
    ] as const;
    for (const [cx, cy] of corners) {
      await page.mouse.move(cx, cy, { steps: 4 });
      await page.mouse.click(cx, cy);
    }
    const facts = page.getByTestId('editor-geometry-facts');
    await expect.poll(() => facts.getAttribute('data-vertices'), POLL).toBe('4');
    expect(await facts.getAttribute('data-governorate')).toBe('SY-DI');
    await page.getByTestId('editor-self-intersecting').waitFor();
    // A finished drawing hands over to the vertex tool.
    expect(await page.getByTestId('editor-tool-select').getAttribute('aria-pressed')).toBe('true');

    // The browser refuses what it can check before anything is sent.
    await page.getByTestId('editor-save').click();
    await page.getByTestId('editor-code-error').waitFor();
    await page.getByTestId('editor-title_ar-error').waitFor();

    const code = `SY-DI-E2E-${Date.now().toString(36).toUpperCase()}`;
    await page.getByTestId('editor-code').fill(code);
    await page.getByTestId('editor-title_ar').fill('ساحة خدمات تجريبية');
    await page.getByTestId('editor-title_en').fill('Trial service yard');
    await page.getByTestId('editor-sector').selectOption('roads');
    await page.getByTestId('editor-budget').fill('125000');
    // A funder without an amount is refused beside the funders, before anything is sent.
    await page.getByTestId('editor-add-funder').click();
    await page.getByTestId('editor-funder').selectOption('undp');
    await page.getByTestId('editor-save').click();
    await page.getByTestId('editor-funding-error').waitFor();
    await page.getByTestId('editor-funding-amount').fill('100000');
    await page.getByTestId('editor-planned_start').fill('2026-03-01');
    await page.getByTestId('editor-planned_end').fill('2027-02-28');
    await page.screenshot({ path: `${SCREENSHOTS}editor-ar-draw.png` });

    // The server refuses the crossing outline with PostGIS's reason, then repairs it on request.
    await page.getByTestId('editor-save').click();
    await expect.poll(() => page.getByTestId('editor-outcome').getAttribute('data-outcome'), POLL).toBe('geometryRefused');
    expect(await page.getByTestId('editor-outcome').textContent()).toMatch(/Self-intersection/);
    expect((await api<{ total: number }>(`/api/projects?q=${code}`)).total).toBe(0);
    await page.getByTestId('editor-repair').click();
    await page.getByTestId('editor-repaired').waitFor(POLL);
    await page.getByTestId('editor-done').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('project'), POLL).not.toBeNull();
    const id = Number(new URL(page.url()).searchParams.get('project'));
    await page.getByTestId('project-panel').waitFor();
    expect(await page.getByTestId('map').getAttribute('data-drawing')).toBeNull();

    const created = await api<SavedProject>(`/api/projects/${id}`);
    expect(created).toMatchObject({ code, title_en: 'Trial service yard', governorate: 'SY-DI', is_published: false });
    expect(created.geometry.type).toBe('MultiPolygon'); // the bow-tie, repaired into its two triangles
    expect(created.funding.map((f) => [f.organization, f.amount, f.currency])).toEqual([['undp', 100000, 'USD']]);

    // Editing: only the changed field is sent, and the history records it from → to.
    await page.getByTestId('project-edit').click();
    await page.getByTestId('project-editor').waitFor();
    await page.waitForSelector('[data-testid="project-editor"][data-editor-ready="true"]', { timeout: MAP_TIMEOUT });
    expect(await page.getByTestId('editor-code').inputValue()).toBe(code);
    await page.getByTestId('editor-title_en').fill('Trial service yard, phase 2');
    await page.getByTestId('editor-save').click();
    await page.getByTestId('project-panel').waitFor(POLL);
    const edited = await api<SavedProject>(`/api/projects/${id}`);
    expect(edited.title_en).toBe('Trial service yard, phase 2');
    expect(edited.version).toBeGreaterThan(created.version);
    const history = await api<{ items: { table: string; action: string; from: Record<string, unknown> | null; to: Record<string, unknown> | null }[] }>(
      `/api/projects/${id}/history`,
    );
    expect(history.items[0]).toMatchObject({ table: 'projects', action: 'update', from: { title_en: 'Trial service yard' }, to: { title_en: 'Trial service yard, phase 2' } });
    expect(Object.keys(history.items[0]!.to!)).not.toContain('budget');

    // Sharing with a donor from the drawer, then undoing it.
    const sharing = page.getByTestId('project-sharing');
    await sharing.getByTestId('share-undp').waitFor(POLL);
    await sharing.getByTestId('share-undp').check();
    await expect
      .poll(async () => (await api<{ items: { organization: string }[] }>(`/api/projects/${id}/shares`)).items.map((s) => s.organization), POLL)
      .toEqual(['undp']);
    await expect.poll(() => sharing.textContent(), POLL).toMatch(/شاركه/);
    await page.screenshot({ path: `${SCREENSHOTS}editor-ar-sharing.png` });
    await sharing.getByTestId('share-undp').uncheck();
    await expect.poll(async () => (await api<{ items: unknown[] }>(`/api/projects/${id}/shares`)).items.length, POLL).toBe(0);

    // A point typed in Aleppo: the browser warns it is not the engineer's, and the server refuses it.
    await page.getByTestId('project-close').click();
    await page.getByTestId('new-project').click();
    await page.waitForSelector('[data-testid="project-editor"][data-editor-ready="true"]', { timeout: MAP_TIMEOUT });
    await page.getByTestId('editor-lat').fill('36.2');
    await page.getByTestId('editor-lon').fill('37.15');
    await page.getByTestId('editor-place-point').click();
    await expect.poll(() => facts.getAttribute('data-governorate'), POLL).toBe('SY-HL');
    const aleppoCode = `${code}-HL`;
    await page.getByTestId('editor-code').fill(aleppoCode);
    await page.getByTestId('editor-title_ar').fill('مشروع خارج المحافظة');
    await page.getByTestId('editor-title_en').fill('Not my governorate');
    await page.getByTestId('editor-save').click();
    await expect.poll(() => page.getByTestId('editor-outcome').getAttribute('data-outcome'), POLL).toBe('failed');
    expect(await page.getByTestId('editor-outcome').textContent()).toMatch(/SY-HL/);
    expect((await api<{ total: number }>(`/api/projects?q=${aleppoCode}`)).total).toBe(0);
    await page.getByTestId('editor-cancel').click();
    await expect.poll(() => page.getByTestId('project-editor').count(), POLL).toBe(0);
    // Cancel threw that draft away.
    await page.getByTestId('new-project').click();
    await page.waitForSelector('[data-testid="project-editor"][data-editor-ready="true"]', { timeout: MAP_TIMEOUT });
    expect(await page.getByTestId('editor-draft').count()).toBe(0);
    expect(await page.getByTestId('editor-title_en').inputValue()).toBe('');

    // The connection drops while saving: nothing is lost. The page says so, the panel is closed,
    // and once the connection is back the draft (fields and point) comes back and is saved.
    const offlineCode = `${code}-OFF`;
    await page.getByTestId('editor-lat').fill('33.5130');
    await page.getByTestId('editor-lon').fill('36.2920');
    await page.getByTestId('editor-place-point').click();
    await expect.poll(() => facts.getAttribute('data-governorate'), POLL).toBe('SY-DI');
    await page.getByTestId('editor-code').fill(offlineCode);
    await page.getByTestId('editor-title_ar').fill('مشروع كُتب دون اتصال');
    await page.getByTestId('editor-title_en').fill('Written offline');
    await page.context().setOffline(true);
    await page.getByTestId('editor-save').click();
    await expect.poll(() => page.getByTestId('editor-outcome').getAttribute('data-outcome'), POLL).toBe('failed');
    expect(await page.getByTestId('editor-outcome').textContent()).toMatch(/محفوظ على هذا الجهاز/);
    await page.getByTestId('editor-close').click();
    await page.context().setOffline(false);
    await page.getByTestId('new-project').click();
    await page.waitForSelector('[data-testid="project-editor"][data-editor-ready="true"]', { timeout: MAP_TIMEOUT });
    await page.getByTestId('editor-draft').waitFor();
    expect(await page.getByTestId('editor-title_en').inputValue()).toBe('Written offline');
    expect(await facts.getAttribute('data-governorate')).toBe('SY-DI');
    await page.screenshot({ path: `${SCREENSHOTS}editor-ar-draft.png` });
    await page.getByTestId('editor-save').click();
    await page.getByTestId('project-panel').waitFor(POLL);
    const offline = await api<{ items: SavedProject[] }>(`/api/projects?q=${offlineCode}`);
    expect(offline.items.map((p) => [p.code, p.title_en, p.governorate])).toEqual([[offlineCode, 'Written offline', 'SY-DI']]);

    // In English the editor reads left to right, vertex counts in English plurals.
    await page.getByTestId('language-toggle').click();
    await page.getByTestId('project-edit').click();
    await page.waitForSelector('[data-testid="project-editor"][data-editor-ready="true"]', { timeout: MAP_TIMEOUT });
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    expect(await facts.textContent()).toMatch(/Point · 1 vertex/);
    await page.screenshot({ path: `${SCREENSHOTS}editor-en.png` });
    await page.getByTestId('editor-cancel').click();

    expect(externalRequests).toEqual([]);
    // Asked for: the refused bow-tie (400), the refused Aleppo project (403), the save while offline
    // and the map tiles the service worker does not keep while offline.
    const asked = withoutOfflineAnswers(opened, unexpectedErrors(pageErrors, 400, 403));
    expect(asked.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
    await page.context().close();
  });
});
