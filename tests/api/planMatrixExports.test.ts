import type { PlanMatrix } from '@marsad/contracts';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type Client } from '../support/client.ts';
import { expectStatus } from '../support/freshData.ts';
import { writePlan } from '../support/planFixtures.ts';
import { expectProblem } from '../support/problems.ts';
import { useTestApp } from '../support/testApp.ts';

/**
 * The matrix as CSV and XLSX: the same numbers as GET …/matrix under the same query, for each
 * viewer as the matrix shows it to them (donors achieved only, engineers their rows, anonymous
 * callers published plans only).
 */
describe('the plan matrix as files', () => {
  const t = useTestApp('demo');
  const YEAR = 2025;
  const QUERY = `as_of=${YEAR}-09-30&sector=education`;
  const url = (what: string) => `/api/plans/SYR/${YEAR}/${what}?${QUERY}`;

  beforeAll(async () => {
    await writePlan(t.db, {
      country: 'SYR',
      year: YEAR,
      targets: [
        { governorate: 'SY-DI', indicator: 'schools_rehabilitated', sector: 'education', quarters: [1, 2, 3, 4] },
        { governorate: 'SY-HL', indicator: 'schools_rehabilitated', sector: 'education', quarters: [2, 4, 6, 8] },
        { governorate: 'SY-HL', indicator: 'fire_brigades_ready', quarters: [1, 1, 1, 1] },
      ],
    });
  });

  /** The matrix's rows as the files hold them: code, names, then target, achieved and both attainments per column. */
  const expectedRows = (matrix: PlanMatrix) => {
    const measures = matrix.shows_targets ? (['target', 'achieved', 'pct_of_target', 'pct_of_target_to_date'] as const) : (['achieved'] as const);
    const rows = [...matrix.rows, ...(matrix.national ? [matrix.national] : [])];
    return rows.map((row) => [
      row.governorate ?? 'SYR',
      row.name_en,
      row.name_ar,
      ...matrix.columns.flatMap((column) => measures.map((m) => row.cells.find((c) => c.key === column.key)![m])),
    ]);
  };
  const csvRows = async (client: Client) => {
    const res = await expectStatus(await client.get(url('matrix.csv')), 200, 'the CSV');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/marsad-matrix-SYR-2025-2025-09-30\.csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the byte order mark
    // Plain values (names hold no commas or quotes): numbers back as numbers, empty cells as null.
    return new TextDecoder().decode(bytes).trim().split('\r\n').slice(1).map((line) => line.split(',').map((v, i) => (i < 3 ? v : v === '' ? null : Number(v))));
  };

  it('holds the numbers of the matrix, in CSV and in XLSX', async () => {
    const minister = await t.as(DEMO.minister);
    const matrix = await minister.json<PlanMatrix>(url('matrix'));
    expect(matrix.columns.map((c) => c.key)).toEqual(['schools_rehabilitated:education']);
    expect(matrix.national).not.toBeNull();
    expect(await csvRows(minister)).toEqual(expectedRows(matrix));

    const res = await expectStatus(await minister.get(url('matrix.xlsx')), 200, 'the workbook');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.getWorksheet('Matrix')!;
    const rows = Array.from({ length: sheet.actualRowCount - 1 }, (_, i) => (sheet.getRow(i + 2).values as ExcelJS.CellValue[]).slice(1));
    const padded = expectedRows(matrix).map((row) => {
      const cells = row.map((v) => (v === null ? undefined : v));
      while (cells.length && cells.at(-1) === undefined) cells.pop();
      return cells;
    });
    expect(rows).toEqual(padded);
  });

  it('shows each viewer what the matrix shows them', async () => {
    const donor = await t.as(DEMO.undpDonor);
    const donorMatrix = await donor.json<PlanMatrix>(url('matrix'));
    expect(donorMatrix.shows_targets).toBe(false);
    expect(await csvRows(donor)).toEqual(expectedRows(donorMatrix));

    const engineer = await t.as(DEMO.engineer);
    const engineerRows = await csvRows(engineer);
    expect(engineerRows.map((r) => r[0])).toEqual(['SY-DI']);

    await expectProblem(await t.anonymous.get(url('matrix.csv')), 404, { detail: /No plan/ });
    await expectProblem(await t.anonymous.get(url('matrix.xlsx')), 404);
    await expectProblem(await engineer.get(`/api/plans/SYR/${YEAR}/matrix.csv?as_of=2025-02-30`), 400, { parameter: 'as_of' });
    await expectStatus(await (await t.as(DEMO.admin)).put(`/api/plans/SYR/${YEAR}/publication`, { published: true }), 200, 'publishing');
    expect((await t.anonymous.get(url('matrix.csv'))).status).toBe(200);
  });
});
