import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DEMO, type Client } from '../support/client.ts';
import { expectStatus } from '../support/freshData.ts';
import { expectProblem } from '../support/problems.ts';
import { useTestApp } from '../support/testApp.ts';

/**
 * A plan's targets out to Excel and back: the template, a lossless round trip (decimals
 * included), every bad cell listed by sheet, row, column and cell, and nothing written on a dry
 * run or from a bad file. Each test works on a year of its own.
 */
type Quarters = [number, number, number, number];
const line = (governorate: string, indicator: string, quarters: Quarters, sector: string | null = null) => ({ governorate, indicator, sector, quarters });

/** Numbers a spreadsheet could spoil: binary fractions, many digits, tiny and large ones. */
const AWKWARD = [
  line('SY-DI', 'service_centres_opened', [0.1, 0.30000000000000004, 1 / 3, 2.675]),
  line('SY-DI', 'schools_rehabilitated', [1e-7, 0.5, 3, 1234567.891], 'education'),
  line('SY-DI', 'schools_rehabilitated', [0, 0, 0, 0], 'water'),
  line('SY-DI', 'budget_execution', [12.345678901234567, 50, 66.66666666666667, 99.99]),
  line('SY-HL', 'road_km_paved', [123456789.123, 123456789.125, 987654321.5, 9007199254740991]),
  line('SY-HL', 'fire_brigades_ready', [9, 7, 8.25, 8]),
]; // in the order lines are listed: governorate, the catalogue's order, sector

let nextYear = 2070;
const freshYear = () => nextYear++;

describe('plan targets in XLSX', () => {
  const t = useTestApp('demo');
  const path = (year: number, rest = '') => `/api/plans/SYR/${year}${rest}`;

  async function download(client: Client, url: string): Promise<ExcelJS.Workbook> {
    const res = await expectStatus(await client.get(url), 200, `downloading ${url}`);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    return workbook;
  }
  async function upload(client: Client, year: number, file: ExcelJS.Workbook | Uint8Array, { version, dryRun = true }: { version?: number; dryRun?: boolean } = {}) {
    const bytes = file instanceof Uint8Array ? file : new Uint8Array(await file.xlsx.writeBuffer());
    const form = new FormData();
    form.append('file', new File([bytes as BlobPart], 'targets.xlsx'));
    if (version !== undefined) form.append('version', String(version));
    return client.post(path(year, `/draft/targets.xlsx?dry_run=${dryRun}`), form);
  }
  const rowsOf = (workbook: ExcelJS.Workbook) => {
    const sheet = workbook.getWorksheet('Targets')!;
    return Array.from({ length: sheet.actualRowCount }, (_, i) => (sheet.getRow(i + 1).values as ExcelJS.CellValue[]).slice(1));
  };
  async function draft(client: Client, year: number) {
    return client.json<{ version: number; targets: ReturnType<typeof line>[] }>(path(year, '/draft/targets'));
  }
  async function planWith(year: number, targets: ReturnType<typeof line>[]) {
    const planner = await t.as(DEMO.planner);
    await expectStatus(await planner.post(path(year)), 201, 'creating the plan');
    await expectStatus(await planner.put(path(year, '/draft/targets'), { version: (await draft(planner, year)).version, targets }), 200, 'drafting');
    return planner;
  }
  const planCount = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from plans'))[0]!.n;

  it('gives planners a template of every governorate × indicator, and creates the plan from it', async () => {
    const year = freshYear();
    const planner = await t.as(DEMO.planner);
    const template = await download(planner, path(year, '/targets.xlsx'));
    const rows = rowsOf(template);
    const [governorates, indicators] = await Promise.all([
      t.db.query<{ code: string }>(`select code from admin_areas where country_iso3 = 'SYR' and level = 1 order by code`),
      t.db.query<{ code: string }>('select code from indicators order by sort_order, code'),
    ]);
    expect(rows[0]).toEqual(expect.arrayContaining(['Governorate code · رمز المحافظة', 'Indicator code · رمز المؤشر', 'Q4 = year (cumulative) · الربع الرابع = السنة (تراكمي)']));
    expect(rows.slice(1).map((r) => `${r[0]} ${r[3]}`)).toEqual(governorates.flatMap((g) => indicators.map((i) => `${g.code} ${i.code}`)));
    expect(rows.slice(1).every((r) => r.length <= 8)).toBe(true); // no quarter filled in
    expect(rows[1]!.slice(1, 3).every((name) => typeof name === 'string' && name.length > 0)).toBe(true);

    await expectProblem(await (await t.as(DEMO.viewer)).get(path(year, '/targets.xlsx')), 404);
    await expectProblem(await t.anonymous.get(path(year, '/targets.xlsx')), 404);

    // Fill two rows in; the upload makes the plan with them as its draft.
    const sheet = template.getWorksheet('Targets')!;
    const fill = (governorate: string, indicator: string, quarters: Quarters) => {
      const row = rows.findIndex((r) => r[0] === governorate && r[3] === indicator) + 1;
      quarters.forEach((q, i) => (sheet.getRow(row).getCell(9 + i).value = q));
    };
    fill('SY-HI', 'water_projects_completed', [1, 2, 2, 5]);
    fill('SY-DI', 'complaints_resolved', [40, 55.5, 60, 80]);
    const plans = await planCount();
    expect(await (await expectStatus(await upload(planner, year, template), 200, 'dry run')).json()).toEqual({ ok: true, dry_run: true, applied: false, lines: 2, version: null, errors: [] });
    expect(await planCount()).toBe(plans);
    const applied = await (await expectStatus(await upload(planner, year, template, { dryRun: false }), 200, 'applying')).json();
    expect(applied).toMatchObject({ ok: true, applied: true, lines: 2 });
    expect(await draft(planner, year)).toEqual({
      version: applied.version,
      targets: [line('SY-DI', 'complaints_resolved', [40, 55.5, 60, 80]), line('SY-HI', 'water_projects_completed', [1, 2, 2, 5])],
    });
  });

  it('round-trips the targets losslessly: download, upload, the same numbers', async () => {
    const year = freshYear();
    const planner = await planWith(year, AWKWARD);
    const before = await draft(planner, year);
    expect(before.targets).toEqual(AWKWARD);
    const workbook = await download(planner, path(year, '/targets.xlsx'));
    const rows = rowsOf(workbook).slice(1);
    expect(rows.map((r) => [r[0], r[3], r[7] ?? null, r.slice(8, 12)])).toEqual(AWKWARD.map((l) => [l.governorate, l.indicator, l.sector, l.quarters]));

    // Applied over a draft that was emptied meanwhile: the file alone brings every line back, exactly.
    const emptied = await (await expectStatus(await planner.put(path(year, '/draft/targets'), { version: before.version, targets: [] }), 200, 'emptying')).json();
    const applied = await (await expectStatus(await upload(planner, year, workbook, { version: emptied.version, dryRun: false }), 200, 'uploading')).json();
    expect(applied).toMatchObject({ ok: true, applied: true, lines: AWKWARD.length });
    expect(await draft(planner, year)).toEqual({ version: applied.version, targets: AWKWARD });

    // The approved version downloads the same; an engineer gets their governorate's rows; a donor none.
    await expectStatus(await (await t.as(DEMO.minister)).post(path(year, '/draft/approve'), {}), 200, 'approving');
    const aleppo = rowsOf(await download(await t.as(DEMO.aleppoEngineer), path(year, '/targets.xlsx?version=1'))).slice(1);
    expect(aleppo.map((r) => r.slice(8, 12))).toEqual(AWKWARD.filter((l) => l.governorate === 'SY-HL').map((l) => l.quarters));
    await expectProblem(await (await t.as(DEMO.undpDonor)).get(path(year, '/targets.xlsx')), 403);
  });

  it('lists every bad cell, and writes nothing on a dry run or from a bad file', async () => {
    const year = freshYear();
    const planner = await planWith(year, AWKWARD.slice(0, 2));
    const before = await draft(planner, year);
    const workbook = await download(planner, path(year, '/targets.xlsx'));
    const sheet = workbook.getWorksheet('Targets')!;
    const bad: [string, string, string | null, ExcelJS.CellValue[]][] = [
      ['SY-ZZ', 'service_centres_opened', null, [1, 2, 3, 4]], // row 4: unknown governorate (A4)
      ['LY-TB', 'service_centres_opened', null, [1, 2, 3, 4]], // row 5: another country's (A5)
      ['SY-HL', 'no_such_indicator', null, [1, 2, 3, 4]], // row 6: unknown indicator (D6)
      ['SY-HL', 'fire_brigades_ready', 'water', [1, 2, 3, 4]], // row 7: sector on a reported indicator (H7)
      ['SY-HL', 'service_centres_opened', null, ['abc', 2, 3, 4]], // row 8: not a number (I8)
      ['SY-HL', 'building_permits_issued', null, [-1, 2, 3, 4]], // row 9: negative (I9)
      ['SY-HL', 'water_projects_completed', null, [5, 3, 6, 7]], // row 10: a flow that decreases (J10)
      ['SY-HL', 'complaints_resolved', null, [50, 60, 70, 101]], // row 11: a percentage above 100 (L11)
      ['SY-DI', 'service_centres_opened', null, [1, 2, 3, 4]], // row 12: row 2 again (A12)
      ['SY-HL', 'health_facilities_completed', 'bridges', [1, null, 3, 4]], // row 13: unknown sector (H13), a quarter left empty (J13)
      ['', '', null, [null, null, null, null]], // row 14: an empty row, no target
      ['SY-HL', 'zone_plots_producing', null, [1, 1, 1, '1.5']], // row 15: a number written as text is a number
    ];
    bad.forEach(([governorate, indicator, sector, quarters], i) => {
      const row = sheet.getRow(4 + i);
      row.getCell(1).value = governorate;
      row.getCell(4).value = indicator;
      row.getCell(8).value = sector;
      quarters.forEach((q, k) => (row.getCell(9 + k).value = q));
    });
    const audit = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from audit_log'))[0]!.n;
    const audited = await audit();

    const report = await (await expectStatus(await upload(planner, year, workbook, { version: before.version }), 200, 'dry run')).json();
    expect(report).toMatchObject({ ok: false, dry_run: true, applied: false, lines: 13 });
    expect(report.errors.map((e: { cell: string }) => e.cell)).toEqual(['A4', 'A5', 'D6', 'H7', 'I8', 'I9', 'J10', 'L11', 'A12', 'H13', 'J13']);
    expect(report.errors[0]).toEqual({ sheet: 'Targets', row: 4, column: 'A', cell: 'A4', message: expect.stringMatching(/unknown governorate SY-ZZ/) });
    const messages = report.errors.map((e: { message: string }) => e.message);
    [/unknown governorate/, /of LBY, not of SYR/, /unknown indicator/, /leave the sector empty/, /not a number: "abc"/, /0 or more/, /below Q1/, /at most 100/, /as row 2/, /unknown sector/, /empty/].forEach(
      (pattern, i) => expect(messages[i]).toMatch(pattern),
    );

    const refused = await expectProblem(await upload(planner, year, workbook, { version: before.version, dryRun: false }), 422, { detail: /nothing was changed/ });
    expect(refused.errors).toHaveLength(11);
    expect(refused.errors![0]).toMatchObject({ parameter: 'Targets!A4', cell: 'A4' });
    expect(await draft(planner, year)).toEqual(before);
    expect(await audit()).toBe(audited);

    // A clean file on a dry run changes nothing either.
    for (let row = 4; row <= 15; row++) sheet.spliceRows(4, 1);
    expect((await (await upload(planner, year, workbook, { version: before.version })).json()).ok).toBe(true);
    expect(await draft(planner, year)).toEqual(before);
    expect(await audit()).toBe(audited);
  });

  it('refuses what cannot be applied: a stale version, no draft, a file that is no workbook, a missing column, a reader', async () => {
    const year = freshYear();
    const planner = await planWith(year, AWKWARD.slice(0, 1));
    const { version } = await draft(planner, year);
    const workbook = await download(planner, path(year, '/targets.xlsx'));
    await expectProblem(await upload(planner, year, workbook, { version: version - 1, dryRun: false }), 409, { detail: /changed since/ });
    await expectProblem(await upload(planner, year, workbook, { dryRun: false }), 400, { parameter: 'version' });
    await expectProblem(await upload(planner, year, new TextEncoder().encode('governorate,indicator\nSY-DI,x\n')), 400, { detail: /not an Excel workbook/ });
    const noQ4 = await download(planner, path(year, '/targets.xlsx'));
    noQ4.getWorksheet('Targets')!.getRow(1).getCell(12).value = 'Remarks';
    await expectProblem(await upload(planner, year, noQ4), 400, { detail: /lacks the column\(s\) "Q4 = year \(cumulative\)"/ });
    for (const email of [DEMO.minister, DEMO.viewer, DEMO.engineer, DEMO.undpDonor]) await expectProblem(await upload(await t.as(email), year, workbook, { version }), 403);
    await expectProblem(await upload(t.anonymous, year, workbook, { version }), 401);

    await expectStatus(await (await t.as(DEMO.minister)).post(path(year, '/draft/approve'), {}), 200, 'approving');
    await expectProblem(await upload(planner, year, workbook, { version, dryRun: false }), 409, { detail: /start a revision first/i });
    await expectProblem(await upload(planner, year, workbook, { version }), 409, { detail: /start a revision first/i });
  });
});
