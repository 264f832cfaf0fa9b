/**
 * Issue 12's browser test, end to end over the demo data: the minister reads the national zone
 * KPI cards; an engineer of a zone's governorate allocates one of its vacant plots to a new
 * investor (the zone's figures move on screen) and reports a utility stage with a photo through
 * the zone editor's "Report progress" (the utilities and the timeline show it, with the photo);
 * the minister, signed in again, finds the national KPIs moved by exactly that (vacant plots −1,
 * occupancy and readiness up), on the cards and in /api/zones/summary. Once in Arabic (right to
 * left, a Damascus zone) and once in English (a zone of another governorate, whose engineer also
 * changes the zone's facts, so zones new vs rehabilitated move too). Each test picks its own zone
 * and plot through the API and reads its own "before". Not one request leaves the machine and no
 * console error, on any page.
 *
 * The file runs its own server over its own copy of the demo data (serverForFile).
 */
import type { ZoneDetail, ZoneKpis, ZonePage, UtilityStage } from '@marsad/contracts';
import { png } from '@marsad/demo';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { INTL_LOCALES } from '../../web/src/format/locale.ts';
import { chromiumForSuite, getJson, MAP_TIMEOUT, newGuardedPage, signIn, unexpectedErrors, type OpenedPage } from './browser.ts';
import { DEMO } from '../support/client.ts';
import { serverForFile } from '../support/startTestServer.ts';

const marsad = serverForFile();
const POLL = { timeout: 60_000 };
const DESKTOP = { width: 1440, height: 900 };
type Language = 'ar' | 'en';

/** The KPI cards this test reads, and how each is written on the page. */
const CARDS = { zones: 'count', producing: 'count', vacant: 'count', occupancy: 'percent', readiness: 'percent', jobs: 'count' } as const;
type Card = keyof typeof CARDS;
const valueOf = (kpis: ZoneKpis, card: Card): number | null =>
  ({ zones: kpis.zones, producing: kpis.plots_producing, vacant: kpis.plots_vacant, occupancy: kpis.occupancy, readiness: kpis.readiness, jobs: kpis.jobs_actual })[card];

/** `value` as the page writes it (the browser's own Intl, so Arabic digits and marks are the page's). */
function formatted(page: Page, language: Language, value: number | null, kind: 'count' | 'percent', fractionDigits = 1): Promise<string> {
  return page.evaluate(
    ([locale, v, k, digits]) => {
      if (v === null) return '—';
      return k === 'count'
        ? new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(v)
        : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(v / 100);
    },
    [INTL_LOCALES[language], value, kind, fractionDigits] as const,
  );
}

/** The demo engineer of a governorate, by its English name (as demo/src/demoAccounts.ts names them). */
const engineerOf = (governorateEn: string) =>
  `engineer.${governorateEn.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')}@marsad.demo`;

const home = (language: Language) => (language === 'en' ? '/?lang=en' : '/');

/** Opens `path` and waits for the map (generously: the whole e2e run shares a busy machine). */
async function openPage(page: Page, path: string): Promise<void> {
  await page.goto(new URL(path, marsad.url).href);
  await page.waitForSelector('[data-testid="map"][data-map-ready="true"]', { timeout: 3 * MAP_TIMEOUT });
}

/** A signed-in page of its own context, in `language`. */
async function signedIn(browser: Browser, language: Language, email: string): Promise<OpenedPage> {
  const opened = await newGuardedPage(browser, { viewport: DESKTOP, locale: language });
  await openPage(opened.page, home(language));
  await signIn(opened.page, email);
  expect(await opened.page.locator('html').getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
  return opened;
}

/** The minister's dashboard: the zone KPI cards equal /api/zones/summary; their texts. */
async function readKpiCards(page: Page, language: Language): Promise<{ kpis: ZoneKpis; texts: Record<Card, string> }> {
  const kpis = await getJson<ZoneKpis>(page, marsad.url, '/api/zones/summary');
  const texts = {} as Record<Card, string>;
  for (const [card, kind] of Object.entries(CARDS) as [Card, 'count' | 'percent'][]) {
    const expected = await formatted(page, language, valueOf(kpis, card), kind);
    await expect.poll(() => page.getByTestId(`zone-kpis-${card}`).textContent(), POLL).toBe(expected);
    texts[card] = expected;
  }
  return { kpis, texts };
}

/** A zone with a vacant plot: in Damascus, or else in any other governorate. */
async function pickZone(page: Page, where: { governorate: string } | { notGovernorate: string }): Promise<number> {
  const { items } = await getJson<ZonePage>(page, marsad.url, '/api/zones?sort=-plots&limit=100');
  const zone = items.find((z) => z.plots_vacant > 0 && ('governorate' in where ? z.governorate === where.governorate : z.governorate !== where.notGovernorate));
  if (zone === undefined) throw new Error(`the demo has no zone with a vacant plot ${JSON.stringify(where)}`);
  return zone.id;
}

/** A stage and a readiness for electricity that differ from where it stands. */
function nextElectricity(zone: ZoneDetail): { stage: UtilityStage; readiness: number } {
  const now = zone.utilities.find((u) => u.network === 'electricity')!;
  const stage: UtilityStage = now.stage === 'partially_operational' ? 'under_construction' : 'partially_operational';
  return { stage, readiness: Math.round(now.readiness) === 70 ? 65 : 70 };
}

const zoneOf = (page: Page, id: number) => getJson<ZoneDetail>(page, marsad.url, `/api/zones/${id}`);
const legendCount = (page: Page, status: string) => page.getByTestId('plot-legend').locator(`li[data-status="${status}"]`).getAttribute('data-count');
const listSettled = (page: Page) => page.waitForSelector('[data-testid="plot-list"][data-loaded="true"]', POLL);

/** Step 2: the engineer allocates the first vacant plot of the zone's list to a new investor; the plot's id. */
async function allocateVacantPlot(page: Page, language: Language, before: ZoneDetail): Promise<number> {
  await page.getByTestId('plot-filter-vacant').check();
  await expect.poll(() => page.getByTestId('plot-count').getAttribute('data-count'), POLL).toBe(String(before.totals.plots_by_status.vacant));
  await listSettled(page);
  const row = page.getByTestId('plot-row').first();
  const plotId = Number(await row.getAttribute('data-plot-id'));
  await row.getByTestId('plot-open').click();
  await expect.poll(() => new URL(page.url()).searchParams.get('plot'), POLL).toBe(String(plotId));
  await page.getByTestId('plot-detail').waitFor(POLL);
  expect(await page.getByTestId('plot-detail-status').getAttribute('data-status')).toBe('vacant');

  await page.getByTestId('change-status').click();
  await page.getByTestId('plot-status-dialog').waitFor();
  await page.getByTestId('plot-status-target-allocated').check();
  await page.getByTestId('investor-new').check();
  const nameAr = language === 'ar' ? 'شركة النسيج الحديث' : 'شركة الزيتون للصناعات';
  const nameEn = language === 'ar' ? 'Modern Textiles' : 'Olive Industries';
  await page.getByTestId('new-investor-name-ar').fill(nameAr);
  await page.getByTestId('new-investor-name-en').fill(nameEn);
  await page.getByTestId('plot-status-save').click();
  await page.getByTestId('plot-status-saved').waitFor(POLL);
  expect(await page.getByTestId('plot-status-dialog').count()).toBe(0);

  // The plot is held; the zone's figures on screen follow: occupancy up, one vacant plot fewer.
  await expect.poll(() => page.getByTestId('plot-detail-status').getAttribute('data-status'), POLL).toBe('allocated');
  await expect.poll(() => page.getByTestId('plot-detail-investor').textContent(), POLL).toBe(language === 'ar' ? nameAr : nameEn);
  const after = await zoneOf(page, before.id);
  const vacantBefore = before.totals.plots_by_status.vacant ?? 0;
  expect(after.totals.plots_by_status.vacant ?? 0).toBe(vacantBefore - 1);
  expect(after.totals.plots_by_status.allocated ?? 0).toBe((before.totals.plots_by_status.allocated ?? 0) + 1);
  expect(after.totals.occupancy).toBeGreaterThan(before.totals.occupancy ?? 0);
  await expect.poll(() => page.getByTestId('zone-occupancy').getAttribute('data-value'), POLL).toBe(String(after.totals.occupancy));
  expect(await page.getByTestId('zone-occupancy').locator('strong').textContent()).toBe(await formatted(page, language, after.totals.occupancy, 'percent', 0));
  await expect.poll(() => legendCount(page, 'vacant'), POLL).toBe(String(vacantBefore - 1));
  await expect.poll(() => page.getByTestId('plot-count').getAttribute('data-count'), POLL).toBe(String(vacantBefore - 1));
  expect(await page.locator(`tr[data-plot-id="${plotId}"]`).count()).toBe(0); // no longer in the vacant list
  await page.getByTestId('plot-filter-vacant').uncheck();
  await page.getByTestId('clear-selection').click();
  return plotId;
}

/** Step 3: the engineer reports electricity's stage with a photo through "Report progress"; what was sent. */
async function reportElectricity(page: Page, language: Language, before: ZoneDetail): Promise<{ stage: UtilityStage; readiness: number; note: string }> {
  const { stage, readiness } = nextElectricity(before);
  const note = language === 'ar' ? 'e2e: تمديد شبكة الكهرباء إلى المقاسم الجديدة' : 'e2e: power lines reach the new plots';
  await page.getByTestId('zone-edit-report').click();
  const form = page.getByTestId('zone-report-form');
  await form.waitFor(POLL);
  // Five networks, filled from where the zone stands.
  for (const utility of before.utilities) {
    expect(await page.getByTestId(`zone-report-${utility.network}-stage`).inputValue(), utility.network).toBe(utility.stage ?? '');
  }
  await page.getByTestId('zone-report-electricity-stage').selectOption(stage);
  expect(await form.locator('tr[data-network="electricity"]').getAttribute('data-changed')).toBe('true');

  // A readiness over 100 is stopped in the form, beside its network, and nothing is sent.
  await page.getByTestId('zone-report-electricity-readiness').fill('150');
  await page.getByTestId('zone-report-submit').click();
  await page.getByTestId('zone-report-electricity-error').waitFor();
  expect(await page.getByTestId('zone-report-electricity-readiness').getAttribute('aria-invalid')).toBe('true');
  await page.getByTestId('zone-report-electricity-readiness').fill(String(readiness));
  expect(await page.getByTestId('zone-report-electricity-error').count()).toBe(0);

  await page.getByTestId('zone-report-note').fill(note);
  await form.getByTestId('photo-input').setInputFiles([{ name: 'substation.png', mimeType: 'image/png', buffer: png(320, 240, 5) }]);
  const picker = form.getByTestId('photo-picker');
  await expect.poll(() => picker.getAttribute('data-count'), POLL).toBe('1');
  await expect.poll(() => picker.getAttribute('data-preparing'), POLL).toBe('false');
  await page.getByTestId('zone-report-submit').click();
  await page.getByTestId('zone-report-saved').waitFor(POLL);
  await expect.poll(() => picker.getAttribute('data-count'), POLL).toBe('0');

  // The utilities section: electricity at its new stage and readiness; the zone's readiness as the API now says.
  const after = await zoneOf(page, before.id);
  expect(after.utilities.find((u) => u.network === 'electricity')).toMatchObject({ stage, readiness });
  const electricity = page.getByTestId('zone-utility-electricity');
  await expect.poll(() => electricity.getAttribute('data-stage'), POLL).toBe(stage);
  expect(await electricity.getByRole('meter').getAttribute('aria-valuenow')).toBe(String(readiness));
  await expect.poll(() => page.locator('#zone-utilities-heading').textContent(), POLL).toContain(await formatted(page, language, after.totals.readiness, 'percent', 0));

  // The timeline: the report first, with electricity's line, the note and the photo (loaded from this machine).
  await page.getByTestId('zone-report-task-close').click();
  await page.getByTestId('zone-tab-timeline').click();
  await page.waitForSelector('[data-testid="zone-timeline"][data-loaded="true"]', POLL);
  const report = page.getByTestId('timeline-report').first();
  await report.locator(`li[data-network="electricity"][data-stage="${stage}"]`).waitFor(POLL);
  expect(await report.textContent()).toContain(note);
  const photo = report.getByTestId('zone-photo');
  expect(await photo.count()).toBe(1);
  await photo.scrollIntoViewIfNeeded();
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), POLL).toBe(320);
  expect(new URL((await photo.getAttribute('src'))!, marsad.url).host).toBe(new URL(marsad.url).host);
  // The photos tab has it too.
  await page.getByTestId('zone-tab-photos').click();
  await page.getByTestId('zone-photos-tab').getByTestId('zone-photo').first().waitFor(POLL);
  return { stage, readiness, note };
}

/** Steps 1–4 in `language` for the zone `pick` finds; `facts` also flips the zone between new and rehabilitated. */
async function zoneWork(browser: Browser, language: Language, pick: (page: Page) => Promise<number>, facts: boolean): Promise<void> {
  const pages: OpenedPage[] = [];

  // 1. The minister reads the national zone KPI cards.
  const minister = await signedIn(browser, language, DEMO.minister);
  pages.push(minister);
  const before = await readKpiCards(minister.page, language);
  const zoneId = await pick(minister.page);
  const ministerZoneBefore = await zoneOf(minister.page, zoneId);

  // 2. The engineer of the zone's governorate opens it and allocates a vacant plot.
  const engineer = await signedIn(browser, language, engineerOf(ministerZoneBefore.governorate_name_en));
  pages.push(engineer);
  const { page } = engineer;
  const zoneBefore = await zoneOf(page, zoneId);
  expect(zoneBefore.writable).toBe(true);
  await openPage(page, `${home(language)}${language === 'en' ? '&' : '?'}zone=${zoneId}`);
  await page.getByTestId('zone-screen').waitFor({ timeout: MAP_TIMEOUT });
  expect(await page.getByTestId('zone-name').textContent()).toBe(language === 'ar' ? zoneBefore.title_ar : zoneBefore.title_en);
  expect(await page.getByTestId('zone-screen').getAttribute('data-writable')).toBe('true');
  await listSettled(page);
  const plotId = await allocateVacantPlot(page, language, zoneBefore);

  // 3. The same engineer reports electricity's stage with a photo.
  const afterAllocation = await zoneOf(page, zoneId);
  const reported = await reportElectricity(page, language, afterAllocation);
  await page.getByTestId('zone-tab-timeline').click();
  await page.locator(`[data-testid="timeline-plot"][data-plot-id="${plotId}"]`).first().waitFor(POLL);

  // (English) The zone's facts: a negative area is refused in words; then new ↔ rehabilitated.
  let flipped: 'new' | 'rehabilitation' | null = null;
  if (facts) {
    flipped = zoneBefore.development === 'new' ? 'rehabilitation' : 'new';
    await page.getByTestId('zone-edit-facts').click();
    await page.getByTestId('zone-facts-task').waitFor();
    const area = page.getByTestId('zone-facts-area_ha');
    const areaWas = await area.inputValue();
    await area.fill('-3');
    await page.getByTestId('zone-facts-save').click();
    await page.getByTestId('zone-facts-area_ha-error').waitFor();
    await area.fill(areaWas);
    await page.getByTestId('zone-facts-development').selectOption(flipped);
    await page.getByTestId('zone-facts-save').click();
    await page.getByTestId('zone-edit-done').waitFor(POLL);
    await expect.poll(() => page.getByTestId('zone-development').getAttribute('data-development'), POLL).toBe(flipped);
    expect((await zoneOf(page, zoneId)).development).toBe(flipped);
  }
  const zoneAfter = await zoneOf(page, zoneId);
  expect(zoneAfter.utilities.find((u) => u.network === 'electricity')).toMatchObject({ stage: reported.stage, readiness: reported.readiness });

  // 4. The minister, in a new context, finds the national KPIs moved by exactly that.
  const again = await signedIn(browser, language, DEMO.minister);
  pages.push(again);
  const after = await readKpiCards(again.page, language);
  const k0 = before.kpis;
  const k1 = after.kpis;
  expect(k1.zones).toBe(k0.zones);
  expect(k1.plots_total).toBe(k0.plots_total);
  expect(k1.plots_vacant).toBe(k0.plots_vacant - 1);
  expect(k1.plots_producing).toBe(k0.plots_producing);
  expect(k1.jobs_actual).toBe(k0.jobs_actual);
  expect(k1.vacant_area_m2).toBeLessThan(k0.vacant_area_m2);
  expect(k1.occupancy!).toBeCloseTo(k0.occupancy! + 100 / k0.plots_total, 1);
  expect(k1.readiness!).toBeCloseTo(k0.readiness! + (zoneAfter.totals.readiness - zoneBefore.totals.readiness) / k0.zones, 1);
  expect(k1.readiness).not.toBe(k0.readiness);
  if (flipped === null) {
    expect([k1.zones_new, k1.zones_rehabilitation]).toEqual([k0.zones_new, k0.zones_rehabilitation]);
  } else {
    const shift = flipped === 'new' ? 1 : -1;
    expect([k1.zones_new, k1.zones_rehabilitation]).toEqual([k0.zones_new + shift, k0.zones_rehabilitation - shift]);
  }
  // On the cards, against what was read in step 1: vacant, occupancy and readiness changed; the rest did not.
  expect(after.texts.vacant).toBe(await formatted(again.page, language, k0.plots_vacant - 1, 'count'));
  expect(after.texts.vacant).not.toBe(before.texts.vacant);
  // One plot among thousands, one network of one zone among many: occupancy and readiness move by
  // less than the cards' tenth of a percent may show; a card's text changes exactly when its rounded figure does.
  for (const card of ['occupancy', 'readiness'] as const) {
    const moved = (await formatted(again.page, language, valueOf(k1, card), 'percent')) !== (await formatted(again.page, language, valueOf(k0, card), 'percent'));
    expect(after.texts[card] !== before.texts[card], card).toBe(moved);
  }
  for (const card of ['zones', 'producing', 'jobs'] as const) expect(after.texts[card], card).toBe(before.texts[card]);

  // The step 1 page, reloaded, shows the new figures too (nothing stale kept by the browser).
  await minister.page.reload();
  for (const card of ['vacant', 'occupancy', 'readiness'] as const) {
    await expect.poll(() => minister.page.getByTestId(`zone-kpis-${card}`).textContent(), POLL).toBe(after.texts[card]);
  }

  for (const opened of pages) {
    expect(opened.externalRequests).toEqual([]);
    expect(unexpectedErrors(opened.pageErrors)).toEqual([]);
  }
  for (const opened of pages) await opened.page.context().close();
}

describe('zone work end to end (browser)', () => {
  const browser = chromiumForSuite();

  it('an engineer allocates a vacant plot and reports electricity with a photo; the minister’s zone KPIs move (Arabic)', { timeout: 900_000 }, async () => {
    await zoneWork(browser(), 'ar', (page) => pickZone(page, { governorate: 'SY-DI' }), false);
  });

  it('the same in English, in another governorate, with the zone’s facts changed too', { timeout: 900_000 }, async () => {
    await zoneWork(browser(), 'en', (page) => pickZone(page, { notGovernorate: 'SY-DI' }), true);
  });
});
