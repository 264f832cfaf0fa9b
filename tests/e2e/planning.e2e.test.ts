/**
 * The planning screens in a real browser. A planner downloads the targets template of a year
 * without a plan, uploads it with bad cells and sees every one listed (Apply kept off), uploads a
 * clean one and applies it (the plan and its draft are created), is told plainly when someone else
 * changed the draft before Apply (409) and applies after checking again; an admin approves the
 * draft with a note, starts a revision and changes one target (original and revised listed), and
 * the returns the plan now expects show in the ministry's follow-up. A Damascus engineer, in
 * English, sends a statistical return through the form (kept on the device while typed), sees it
 * on time, then sends a correction, appended to the history; in Arabic, right to left, the same.
 * Not one request leaves the machine, and no console error but the refusals provoked on purpose.
 *
 * The file runs its own server over its own copy of the demo data (serverForFile).
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite, getJson, newGuardedPage, openApp, SCREENSHOTS, signIn, signOut, unexpectedErrors } from './browser.ts';
import { serverForFile } from '../support/startTestServer.ts';

/** This file's own server, over its own copy of the demo data. */
const marsad = serverForFile();
const POLL = { timeout: 30_000 };
const PLANNER = 'planner@marsad.demo';
const ADMIN = 'admin@marsad.demo';
const ENGINEER = 'engineer.damascus@marsad.demo';

/** A year no demo plan has: its targets download as an empty template. */
const YEAR = new Date().getFullYear() + 2;

interface PlanAnswer {
  versions: { number: number; status: string; note: string | null; targets: number; approved_by: string | null }[];
}
interface TargetsAnswer {
  targets: { governorate: string; indicator: string; sector: string | null; quarters: number[] }[];
}
interface ReturnsAnswer {
  items: { period: string; value: number; denominator: number | null; is_correction: boolean; late: boolean; note: string | null }[];
}

/** The current month, as a monthly return's period: it has started, and is due after it ends, so a return now is on time. */
function currentMonth(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/** The column numbers of the targets sheet's header (governorate, indicator, sector, q1…q4), found by their names. */
interface Layout {
  sheet: ExcelJS.Worksheet;
  headerRow: number;
  governorate: number;
  indicator: number;
  quarters: [number, number, number, number];
}

function layoutOf(workbook: ExcelJS.Workbook): Layout {
  for (const sheet of workbook.worksheets) {
    for (let r = 1; r <= Math.min(sheet.rowCount, 20); r += 1) {
      const names = new Map<string, number>();
      // Headers read "Q1 (cumulative) · الربع الأول (تراكمي)": the English words name the column.
      sheet.getRow(r).eachCell((cell, col) => names.set(String(cell.value ?? '').split('·')[0]!.trim().toLowerCase(), col));
      const find = (pattern: RegExp) => [...names.entries()].find(([name]) => pattern.test(name))?.[1];
      const quarters = [1, 2, 3, 4].map((q) => find(new RegExp(`^q${q}\\b`)));
      const governorate = find(/^governorate code$/);
      const indicator = find(/^indicator code$/);
      if (governorate !== undefined && indicator !== undefined && quarters.every((q) => q !== undefined)) {
        return { sheet, headerRow: r, governorate, indicator, quarters: quarters as Layout['quarters'] };
      }
    }
  }
  throw new Error('no sheet with governorate, indicator and Q1…Q4 columns in the downloaded targets');
}

/** The template's rows of one governorate and indicator: their row numbers. */
function rowOf(layout: Layout, governorate: string, indicator: string): number {
  for (let r = layout.headerRow + 1; r <= layout.sheet.rowCount; r += 1) {
    const row = layout.sheet.getRow(r);
    if (String(row.getCell(layout.governorate).value) === governorate && String(row.getCell(layout.indicator).value) === indicator) return r;
  }
  throw new Error(`no row for ${governorate} × ${indicator} in the template`);
}

const cellName = (layout: Layout, row: number, col: number) => layout.sheet.getRow(row).getCell(col).address;

async function chooseWorkbook(page: Page, name: string, workbook: ExcelJS.Workbook): Promise<void> {
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  await page.getByTestId('plan-upload-file').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  await expect.poll(() => page.getByTestId('plan-upload-file-name').textContent(), POLL).toBe(name);
}

async function openPlans(page: Page): Promise<void> {
  await page.getByTestId('open-plans').click();
  await page.getByTestId('planning-dialog').waitFor();
  await page.getByTestId('planning-country').selectOption('SYR');
  await page.getByTestId('planning-year').selectOption(String(YEAR));
  await page.locator('[data-testid="plan"]').waitFor(POLL);
}

describe('plans and returns (browser)', () => {
  const browser = chromiumForSuite();

  it('a planner uploads targets (bad cells listed, then a clean file applied), an admin approves them', { timeout: 240_000 }, async () => {
    const { page, externalRequests, pageErrors } = await newGuardedPage(browser(), { viewport: { width: 1280, height: 900 }, locale: 'ar', acceptDownloads: true });
    await openApp(page, marsad.url);
    await page.getByTestId('sign-in').waitFor();
    expect(await page.getByTestId('open-plans').count()).toBe(0);

    await signIn(page, PLANNER);
    await openPlans(page);
    expect(await page.getByTestId('plan').getAttribute('data-exists')).toBe('false');
    expect(await page.getByTestId('planning-dialog').textContent()).toContain('كيف يستعملها المخطِّط');

    // The template: a line for every governorate × indicator, quarters empty.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('plan-download').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const template = new ExcelJS.Workbook();
    const bytes = await readFile(await download.path());
    await template.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const layout = layoutOf(template);
    const damascus = rowOf(layout, 'SY-DI', 'service_centres_opened');
    const aleppo = rowOf(layout, 'SY-HL', 'service_centres_opened');
    const waste = rowOf(layout, 'SY-DI', 'solid_waste_collected');

    // Two bad cells: a word where a number goes, and a rate over 100 %.
    const row = (r: number) => layout.sheet.getRow(r);
    [1, 2, 3, 4].forEach((q, i) => (row(damascus).getCell(layout.quarters[i]!).value = q));
    row(aleppo).getCell(layout.quarters[0]).value = 'خمسة';
    [40, 50, 60, 170].forEach((v, i) => (row(waste).getCell(layout.quarters[i]!).value = v));
    await chooseWorkbook(page, 'targets-bad.xlsx', template);
    expect(await page.getByTestId('plan-upload-apply').getAttribute('aria-disabled')).toBe('true');
    await page.getByTestId('plan-upload-check').click();
    const report = page.getByTestId('plan-upload-report');
    await expect.poll(() => report.getAttribute('data-clean'), POLL).toBe('false');
    const cells = await page.getByTestId('plan-upload-errors').locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-cell')));
    expect(cells).toEqual(expect.arrayContaining([cellName(layout, aleppo, layout.quarters[0]), cellName(layout, waste, layout.quarters[3])]));
    expect(await page.getByTestId('plan-upload-apply').getAttribute('aria-disabled')).toBe('true');
    await page.screenshot({ path: `${SCREENSHOTS}planning-ar-bad-cells.png` });

    // Corrected: checked clean, then applied; the plan exists now, with its draft.
    row(aleppo).getCell(layout.quarters[0]).value = 0;
    [0, 1, 2, 3].forEach((q, i) => (row(aleppo).getCell(layout.quarters[i]!).value = q));
    row(waste).getCell(layout.quarters[3]).value = 70;
    await chooseWorkbook(page, 'targets.xlsx', template);
    await page.getByTestId('plan-upload-check').click();
    await expect.poll(() => report.getAttribute('data-clean'), POLL).toBe('true');
    expect(await report.getAttribute('data-lines')).toBe('3');
    await page.getByTestId('plan-upload-apply').click();
    await page.getByTestId('plan-upload-applied').waitFor(POLL);
    await expect.poll(() => page.getByTestId('plan').getAttribute('data-exists'), POLL).toBe('true');
    const draftRow = page.getByTestId('plan-versions').locator('tbody tr[data-number="1"]');
    await expect.poll(() => draftRow.getAttribute('data-status'), POLL).toBe('draft');
    expect(await draftRow.getAttribute('data-targets')).toBe('3');
    // A planner drafts; approving is for ministers and admins.
    expect(await page.getByTestId('plan-approve').count()).toBe(0);
    const targets = await getJson<TargetsAnswer>(page, marsad.url, `/api/plans/SYR/${YEAR}/versions/1/targets`);
    expect(targets.targets.find((t) => t.governorate === 'SY-DI' && t.indicator === 'service_centres_opened')?.quarters).toEqual([1, 2, 3, 4]);

    // Someone else changes the draft between the check and Apply: 409, said plainly, the draft read again.
    [2, 4, 6, 8].forEach((v, i) => (row(damascus).getCell(layout.quarters[i]!).value = v));
    await chooseWorkbook(page, 'targets-2.xlsx', template);
    await page.getByTestId('plan-upload-check').click();
    await expect.poll(() => report.getAttribute('data-clean'), POLL).toBe('true');
    const { csrfToken } = await getJson<{ csrfToken: string }>(page, marsad.url, '/api/auth/me');
    const draft = await getJson<{ version: number; targets: TargetsAnswer['targets'] }>(page, marsad.url, `/api/plans/SYR/${YEAR}/draft/targets`);
    const elsewhere = await page.request.put(new URL(`/api/plans/SYR/${YEAR}/draft/targets`, marsad.url).href, {
      headers: { 'x-csrf-token': csrfToken },
      data: { version: draft.version, targets: draft.targets },
    });
    expect(elsewhere.status()).toBe(200);
    await page.getByTestId('plan-upload-apply').click();
    const refused = page.getByTestId('plan-upload-refused');
    await refused.waitFor(POLL);
    expect(await refused.getAttribute('data-conflict')).toBe('true');
    expect(await refused.textContent()).toContain('غيّر شخص آخر هذه المسودة');
    expect(await page.getByTestId('plan-upload-apply').getAttribute('aria-disabled')).toBe('true');
    // Checked again against the draft as it is now, the file applies.
    await page.getByTestId('plan-upload-check').click();
    await expect.poll(() => report.getAttribute('data-clean'), POLL).toBe('true');
    await page.getByTestId('plan-upload-apply').click();
    await page.getByTestId('plan-upload-applied').waitFor(POLL);
    const applied = await getJson<TargetsAnswer>(page, marsad.url, `/api/plans/SYR/${YEAR}/draft/targets`);
    expect(applied.targets.find((t) => t.governorate === 'SY-DI' && t.indicator === 'service_centres_opened')?.quarters).toEqual([2, 4, 6, 8]);
    await page.getByTestId('planning-close').click();
    await signOut(page);

    // An admin approves the draft with a note, then starts a revision of it.
    await signIn(page, ADMIN);
    await openPlans(page);
    await page.getByTestId('plan-approve').waitFor(POLL);
    await page.getByTestId('plan-approve-note').fill('أُقرت في اجتماع مجلس الوزارة');
    await page.getByTestId('plan-approve-submit').click();
    const firstRow = page.getByTestId('plan-versions').locator('tbody tr[data-number="1"]');
    await expect.poll(() => firstRow.getAttribute('data-status'), POLL).toBe('approved');
    expect(await firstRow.getByTestId('hijri-date').count()).toBe(2);
    const approved = await getJson<PlanAnswer>(page, marsad.url, `/api/plans/SYR/${YEAR}`);
    expect(approved.versions[0]).toMatchObject({ number: 1, status: 'approved', note: 'أُقرت في اجتماع مجلس الوزارة', targets: 3 });
    expect(approved.versions[0]!.approved_by).not.toBeNull();

    await page.getByTestId('plan-revision-submit').click();
    const revisionRow = page.getByTestId('plan-versions').locator('tbody tr[data-number="2"]');
    await expect.poll(() => revisionRow.getAttribute('data-status'), POLL).toBe('draft');
    // The revision copies the approved targets: nothing changed yet.
    await page.getByTestId('plan-compare-none').waitFor(POLL);
    // Revised: Damascus is to open one centre more; original and revised show side by side.
    row(damascus).getCell(layout.quarters[3]).value = 9;
    await chooseWorkbook(page, 'targets-revised.xlsx', template);
    await page.getByTestId('plan-upload-check').click();
    await expect.poll(() => report.getAttribute('data-clean'), POLL).toBe('true');
    await page.getByTestId('plan-upload-apply').click();
    const changed = page.getByTestId('plan-compare-lines').locator('tbody tr');
    await expect.poll(() => changed.count(), POLL).toBe(1);
    expect(await changed.first().getAttribute('data-line')).toBe('SY-DI|service_centres_opened|');
    expect(await changed.first().textContent()).toContain('+١');
    await page.getByTestId('plan-compare').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}planning-ar-versions.png` });

    // The ministry's follow-up of returns: Damascus owes twelve monthly waste returns, none due yet.
    await page.getByTestId('admin-tab-returns').click();
    const damascusReturns = page.getByTestId('returns-overview-table').locator('tbody tr[data-governorate="SY-DI"]');
    await damascusReturns.waitFor(POLL);
    expect(await damascusReturns.locator('td[data-state="not_due"]').textContent()).toBe('١٢');
    expect(await damascusReturns.getAttribute('data-missing')).toBe('0');

    expect(externalRequests).toEqual([]);
    // The 409 of the change made elsewhere was provoked on purpose.
    expect(unexpectedErrors(pageErrors, 409)).toEqual([]);
  });

  it('an engineer sends a return through the form, sees it on time, then corrects it', { timeout: 180_000 }, async () => {
    const { page, externalRequests, pageErrors } = await newGuardedPage(browser(), { viewport: { width: 1280, height: 900 }, locale: 'en' });
    await openApp(page, marsad.url, '/?lang=en');
    await signIn(page, ENGINEER);
    expect(await page.getByTestId('open-plans').count()).toBe(0);
    await page.getByTestId('open-returns').click();
    await page.getByTestId('returns-dialog').waitFor();
    expect(await page.getByTestId('returns-dialog').textContent()).toContain('How an engineer uses it');
    await page.getByTestId('returns-indicator').selectOption('solid_waste_collected');
    const period = currentMonth();
    const button = page.getByTestId(`returns-period-${period}`);
    await button.waitFor(POLL);
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('return-form').getAttribute('data-period')).toBe(period);
    expect(await page.getByTestId('return-form').textContent()).toContain('tonnes generated');

    // What is typed is kept on the device: closing the dialog loses nothing.
    await page.getByTestId('return-value').fill('45');
    await page.getByTestId('return-denominator').fill('60');
    await expect.poll(() => page.getByTestId('return-rate').textContent(), POLL).toContain('75');
    await page.getByTestId('returns-close').click();
    await page.getByTestId('open-returns').click();
    await page.getByTestId('returns-indicator').selectOption('solid_waste_collected');
    await page.getByTestId('return-draft').waitFor(POLL);
    expect(await page.getByTestId('return-value').inputValue()).toBe('45');

    // A value over its denominator is refused on the field, with the API's reason.
    await page.getByTestId('return-value').fill('75');
    await page.getByTestId('return-denominator').fill('60');
    await page.getByTestId('return-submit').click();
    await page.getByTestId('return-value-error').waitFor(POLL);

    await page.getByTestId('return-value').fill('45');
    await page.getByTestId('return-note').fill('weighbridge totals');
    await page.getByTestId('return-submit').click();
    await expect.poll(() => page.getByTestId('return-saved').textContent(), POLL).toContain('On time');
    await expect.poll(() => button.getAttribute('data-state'), POLL).toBe('on_time');
    const history = page.getByTestId('returns-history').locator(`tbody tr[data-period="${period}"]`);
    await expect.poll(() => history.count(), POLL).toBe(1);
    expect(await history.first().getAttribute('data-correction')).toBe('false');
    expect(await page.getByTestId('return-draft').count()).toBe(0);

    // A correction: appended after the original, the period stays on time.
    await expect.poll(() => page.getByTestId('return-form').getAttribute('data-correcting'), POLL).toBe('true');
    await page.getByTestId('return-value').fill('48');
    await page.getByTestId('return-note').fill('late weighbridge ticket added');
    await page.getByTestId('return-submit').click();
    await expect.poll(() => page.getByTestId('return-saved').textContent(), POLL).toContain('correction');
    await expect.poll(() => history.count(), POLL).toBe(2);
    expect(await history.nth(1).getAttribute('data-correction')).toBe('true');
    expect(await history.nth(1).getAttribute('data-value')).toBe('48');
    expect(await button.getAttribute('data-state')).toBe('on_time');
    await page.screenshot({ path: `${SCREENSHOTS}planning-en-returns.png` });

    // In Arabic, right to left: the same period, its state and its history in Arabic words and digits.
    await page.getByTestId('returns-close').click();
    await page.getByTestId('language-toggle').click();
    await expect.poll(() => page.locator('html').getAttribute('dir'), POLL).toBe('rtl');
    await page.getByTestId('open-returns').click();
    await page.getByTestId('returns-indicator').selectOption('solid_waste_collected');
    await expect.poll(() => button.textContent(), POLL).toContain('في الموعد');
    expect(await page.getByTestId('return-form').textContent()).toContain('الأطنان المتولّدة');
    expect(await history.nth(1).textContent()).toContain('(٤٨ من ٦٠)');
    expect(await history.getByTestId('hijri-date').count()).toBe(2);
    await page.screenshot({ path: `${SCREENSHOTS}planning-ar-returns.png` });

    const sent = await getJson<ReturnsAnswer>(page, marsad.url, `/api/returns?governorate=SY-DI&indicator=solid_waste_collected&year=${period.slice(0, 4)}`);
    expect(sent.items.filter((r) => r.period === period).map((r) => [r.value, r.denominator, r.is_correction])).toEqual([
      [45, 60, false],
      [48, 60, true],
    ]);

    expect(externalRequests).toEqual([]);
    // The refusal of 75 over 60 was provoked on purpose.
    expect(unexpectedErrors(pageErrors, 400)).toEqual([]);
  });
});
