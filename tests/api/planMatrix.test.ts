import type { MatrixCellDetail, PlanMatrix, IndicatorSeries } from '@marsad/contracts';
import { PlanMatrix as PlanMatrixSchema } from '@marsad/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../support/client.ts';
import { clearReturns, governoratesOf, writePlan, writeReturn, type TargetLine } from '../support/planFixtures.ts';
import { expectProblem } from '../support/problems.ts';
import { useTestApp } from '../support/testApp.ts';

/**
 * The matrix against independent computations: each computed value is counted again here from
 * the projects and their whole progress history (not from completed_on, the monthly steps or the
 * rollups the matrix reads), and the reported ones from the returns as written.
 */
describe('the plan matrix', () => {
  const t = useTestApp('demo');
  const YEAR = 2025;
  const AS_OF = `${YEAR}-12-31`;
  const MATRIX = `/api/plans/SYR/${YEAR}/matrix?as_of=${AS_OF}`;
  let governorates: string[];

  const lines = (indicator: string, quarters: (i: number) => [number, number, number, number]): TargetLine[] =>
    governorates.map((governorate, i) => ({ governorate, indicator, quarters: quarters(i) }));

  beforeAll(async () => {
    governorates = await governoratesOf(t.db, 'SYR');
    await clearReturns(t.db, 'SYR', YEAR);
    await writePlan(t.db, {
      country: 'SYR',
      year: YEAR,
      targets: [
        ...lines('service_centres_opened', (i) => [1, 2, 3, 4 + i]),
        ...lines('road_km_paved', () => [10, 20, 30, 40]),
        ...lines('budget_spent', () => [1e6, 2e6, 3e6, 4e6]),
        ...lines('budget_execution', () => [40, 50, 60, 70]),
        ...lines('solid_waste_collected', () => [80, 80, 80, 80]),
        ...lines('fire_brigades_ready', () => [2, 3, 4, 5]),
      ],
    });
    const [damascus, aleppo] = ['SY-DI', 'SY-HL'];
    // Solid waste, monthly rate: Damascus Jan and Feb (Feb corrected), Aleppo Jan only (late).
    await writeReturn(t.db, { governorate: damascus, indicator: 'solid_waste_collected', periodStart: '2025-01-01', value: 90, denominator: 100, submittedAt: '2025-02-03T10:00:00Z' });
    await writeReturn(t.db, { governorate: damascus, indicator: 'solid_waste_collected', periodStart: '2025-02-01', value: 10, denominator: 100, submittedAt: '2025-03-05T10:00:00Z' });
    await writeReturn(t.db, { governorate: damascus, indicator: 'solid_waste_collected', periodStart: '2025-02-01', value: 70, denominator: 100, submittedAt: '2025-03-20T10:00:00Z', note: 'corrected' });
    await writeReturn(t.db, { governorate: aleppo!, indicator: 'solid_waste_collected', periodStart: '2025-01-01', value: 300, denominator: 1000, submittedAt: '2025-03-01T10:00:00Z' });
    // Fire brigades, quarterly stock: Damascus Q1 4, Q3 6 (the latest counts).
    await writeReturn(t.db, { governorate: damascus, indicator: 'fire_brigades_ready', periodStart: '2025-01-01', value: 4, submittedAt: '2025-04-02T10:00:00Z' });
    await writeReturn(t.db, { governorate: damascus, indicator: 'fire_brigades_ready', periodStart: '2025-07-01', value: 6, submittedAt: '2025-10-02T10:00:00Z' });
  });

  const cellOf = (matrix: PlanMatrix, governorate: string | null, key: string) => {
    const row = governorate === null ? matrix.national! : matrix.rows.find((r) => r.governorate === governorate)!;
    return row.cells[matrix.columns.findIndex((c) => c.key === key)]!;
  };

  /** Per governorate: when each completed project of the country was completed, from its history. */
  const completedIn = (extra: string, measure = 'count(*)') =>
    t.db.query<{ code: string; value: number }>(
      `with completed as (
         select p.*, coalesce(p.actual_end, (select min(u.reported_on) from progress_updates u where u.project_id = p.id and u.status = 'completed')) as done_on
           from projects p where p.country_iso3 = 'SYR' and p.status = 'completed')
       select a.code, (${measure})::float8 as value from completed p join admin_areas a on a.id = p.admin_area_id
        where p.done_on between '${YEAR}-01-01' and '${YEAR}-12-31' and ${extra} group by a.code`,
    );

  it('counts completed service centres and paved kilometres per governorate and for the country', async () => {
    const minister = await t.as(DEMO.minister);
    const matrix = PlanMatrixSchema.parse(await minister.json(MATRIX));
    expect(matrix.plan_version).toBe(1);
    expect(matrix.rows.map((r) => r.governorate)).toEqual(governorates);
    const centres = new Map((await completedIn(`p.kind = 'service_centre'`)).map((r) => [r.code, r.value]));
    const km = new Map((await completedIn(`p.sector_code = 'roads' and ST_Dimension(p.geom) = 1`, 'sum(ST_Length(p.geom::geography)) / 1000')).map((r) => [r.code, r.value]));
    expect([...centres.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    for (const code of governorates) {
      expect(cellOf(matrix, code, 'service_centres_opened').achieved ?? 0).toBe(centres.get(code) ?? 0);
      expect(cellOf(matrix, code, 'road_km_paved').achieved ?? 0).toBeCloseTo(km.get(code) ?? 0, 6);
    }
    const national = cellOf(matrix, null, 'service_centres_opened');
    expect(national.achieved).toBe([...centres.values()].reduce((a, b) => a + b, 0));
    expect(national.target).toBe(governorates.reduce((sum, _, i) => sum + 4 + i, 0));
    expect(national.pct_of_target).toBeCloseTo((national.achieved! / national.target!) * 100, 10);
  });

  it('counts money spent within the year and budget execution from the progress history', async () => {
    const matrix = PlanMatrixSchema.parse(await (await t.as(DEMO.viewer)).json(MATRIX));
    // Financial progress at a day's end: the latest report on or before it (0 before the first).
    const at = (day: string) => `coalesce((select u.financial_progress from progress_updates u where u.project_id = p.id and u.reported_on <= '${day}'
                                           order by u.reported_on desc, u.id desc limit 1), 0)`;
    const [spent] = await t.db.query<{ value: number }>(
      `select (sum(coalesce(p.budget, 0) * (${at(AS_OF)} - ${at(`${YEAR - 1}-12-31`)})) / 100)::float8 as value from projects p where p.country_iso3 = 'SYR'`,
    );
    expect(cellOf(matrix, null, 'budget_spent').achieved!).toBeCloseTo(spent!.value, 0);
    const [execution] = await t.db.query<{ numerator: number; denominator: number }>(
      `select (sum(coalesce(p.budget, 0) * ${at(AS_OF)}) / 100)::float8 as numerator, sum(p.budget) filter (where p.budget > 0)::float8 as denominator
         from projects p where p.country_iso3 = 'SYR' and p.status <> 'cancelled'
          and exists (select 1 from progress_updates u where u.project_id = p.id and u.reported_on <= '${AS_OF}')`,
    );
    const cell = cellOf(matrix, null, 'budget_execution');
    expect(cell.numerator!).toBeCloseTo(execution!.numerator, 0);
    expect(cell.denominator!).toBeCloseTo(execution!.denominator, 0);
    expect(cell.achieved!).toBeCloseTo((execution!.numerator / execution!.denominator) * 100, 6);
    // The country's rate is Σ numerators / Σ denominators of its governorates, whatever their mean.
    const parts = matrix.rows.map((r) => r.cells[matrix.columns.findIndex((c) => c.key === 'budget_execution')]!);
    expect(cell.achieved!).toBeCloseTo((parts.reduce((s, p) => s + (p.numerator ?? 0), 0) / parts.reduce((s, p) => s + (p.denominator ?? 0), 0)) * 100, 8);
  });

  it('reads returns: latest value per period, rates from summed parts, stocks at their latest level, late and missing', async () => {
    const matrix = PlanMatrixSchema.parse(await (await t.as(DEMO.minister)).json(MATRIX));
    const damascus = cellOf(matrix, 'SY-DI', 'solid_waste_collected');
    // By 31 December, January to November are due (December's return is due on 15 January).
    expect(damascus).toMatchObject({ numerator: 160, denominator: 200, achieved: 80, returns_late: 0, returns_missing: 9 });
    const aleppo = cellOf(matrix, 'SY-HL', 'solid_waste_collected');
    expect(aleppo).toMatchObject({ achieved: 30, returns_late: 1, returns_missing: 10 });
    const national = cellOf(matrix, null, 'solid_waste_collected');
    expect(national.achieved!).toBeCloseTo((460 / 1200) * 100, 10);
    // The country's target for a rate is weighted by what each governorate reported on.
    expect(national.target!).toBeCloseTo(80, 10);
    expect(national.returns_missing).toBe(9 + 10 + 11 * (governorates.length - 2));
    expect(cellOf(matrix, 'SY-DI', 'fire_brigades_ready')).toMatchObject({ achieved: 6, target: 5, returns_missing: 1 });
    expect(cellOf(matrix, 'SY-HL', 'fire_brigades_ready').achieved).toBeNull();
  });

  it('phases the target to date by quarter and counts only what was there by as_of', async () => {
    const client = await t.as(DEMO.minister);
    const matrix = PlanMatrixSchema.parse(await client.json(`/api/plans/SYR/${YEAR}/matrix?as_of=${YEAR}-08-15`));
    const cell = cellOf(matrix, 'SY-DI', 'service_centres_opened');
    const i = governorates.indexOf('SY-DI');
    expect(cell.target).toBe(4 + i);
    expect(cell.target_to_date!).toBeCloseTo(2 + (3 - 2) * (46 / 92), 10);
    // Returns submitted after as_of do not count yet: in March, Damascus's February is still 10 %.
    const march = PlanMatrixSchema.parse(await client.json(`/api/plans/SYR/${YEAR}/matrix?as_of=${YEAR}-03-10`));
    expect(cellOf(march, 'SY-DI', 'solid_waste_collected')).toMatchObject({ numerator: 100, denominator: 200 });
  });

  it('lists what a cell counts: its projects add up to the value, its returns include corrections', async () => {
    const client = await t.as(DEMO.minister);
    const matrix = PlanMatrixSchema.parse(await client.json(MATRIX));
    const busiest = matrix.rows.reduce((best, r) => ((cellOf(matrix, r.governorate, 'road_km_paved').achieved ?? 0) > (cellOf(matrix, best.governorate, 'road_km_paved').achieved ?? 0) ? r : best));
    const detail = await client.json<MatrixCellDetail>(`/api/plans/SYR/${YEAR}/cells/${busiest.governorate}/road_km_paved?as_of=${AS_OF}`);
    expect(detail.projects.length).toBeGreaterThan(0);
    expect(detail.projects.reduce((s, p) => s + p.contribution, 0)).toBeCloseTo(detail.cell.achieved!, 6);
    for (const p of detail.projects) expect(p.completed_on! >= `${YEAR}-01-01` && p.completed_on! <= AS_OF).toBe(true);
    const returns = await client.json<MatrixCellDetail>(`/api/plans/SYR/${YEAR}/cells/SY-DI/solid_waste_collected?as_of=${AS_OF}`);
    expect(returns.returns.map((r) => [r.period, r.value, r.is_correction])).toEqual([
      ['2025-01', 90, false],
      ['2025-02', 10, false],
      ['2025-02', 70, true],
    ]);
  });

  it('draws the year month by month: cumulative achieved against the phased target', async () => {
    const client = await t.as(DEMO.minister);
    const matrix = PlanMatrixSchema.parse(await client.json(MATRIX));
    const series = await client.json<IndicatorSeries>(`/api/plans/SYR/${YEAR}/series/service_centres_opened?as_of=${AS_OF}`);
    expect(series.months).toHaveLength(12);
    expect(series.months[11]!.achieved).toBe(cellOf(matrix, null, 'service_centres_opened').achieved);
    expect(series.months[11]!.target_to_date).toBeCloseTo(cellOf(matrix, null, 'service_centres_opened').target!, 10);
    const achieved = series.months.map((m) => m.achieved!);
    expect(achieved).toEqual([...achieved].sort((a, b) => a - b));
    const partial = await client.json<IndicatorSeries>(`/api/plans/SYR/${YEAR}/series/service_centres_opened?as_of=${YEAR}-06-30&governorate=SY-DI`);
    expect(partial.months.slice(6).every((m) => m.achieved === null)).toBe(true);
  });
});

describe('who sees what of a plan', () => {
  const t = useTestApp('demo');
  const YEAR = 2025;
  const MATRIX = `/api/plans/LBY/${YEAR}/matrix?as_of=${YEAR}-12-31`;

  beforeAll(async () => {
    const codes = await governoratesOf(t.db, 'LBY');
    const lines = (indicator: string, q4: number): TargetLine[] => codes.map((governorate) => ({ governorate, indicator, quarters: [0, 0, 0, q4] }));
    const first = [...lines('service_centres_opened', 3), ...lines('water_projects_completed', 2), ...lines('building_permits_issued', 100)];
    const revised = first.map((l) => (l.governorate === codes[0] && l.indicator === 'service_centres_opened' ? { ...l, quarters: [0, 0, 0, 9] as const } : l));
    await writePlan(t.db, { country: 'LBY', year: YEAR, targets: first, revised });
    const syria = (await governoratesOf(t.db, 'SYR')).map((governorate) => ({ governorate, indicator: 'service_centres_opened', quarters: [1, 2, 3, 4] as const }));
    await writePlan(t.db, { country: 'SYR', year: YEAR, targets: syria });
  });

  it('serves each engineer their own rows, from the read cache too', async () => {
    const path = `/api/plans/SYR/${YEAR}/matrix`;
    const [damascus, aleppo] = [await t.as(DEMO.engineer), await t.as(DEMO.aleppoEngineer)];
    const rowsOf = async (res: Response) => PlanMatrixSchema.parse(await res.json()).rows.map((r) => r.governorate);
    // The plans above were written straight into the database, so the data version (polled every
    // second in tests) may move once more meanwhile; within a few rounds both answers are cached,
    // and every answer, cached or not, holds the asker's own governorate only.
    const seen: string[] = [];
    for (let round = 0; round < 5 && seen.slice(-2).join() !== 'hit,hit'; round += 1) {
      for (const [client, governorate] of [[damascus, 'SY-DI'], [aleppo, 'SY-HL']] as const) {
        const res = await client.get(path);
        seen.push(res.headers.get('x-read-cache') ?? 'none');
        expect(await rowsOf(res)).toEqual([governorate]);
      }
      if (seen.slice(-2).join() !== 'hit,hit') await new Promise((resolve) => setTimeout(resolve, 600));
    }
    expect(seen.slice(-2)).toEqual(['hit', 'hit']);
    expect(PlanMatrixSchema.parse(await aleppo.json(path)).national).toBeNull();
  });

  it('shows a revised target beside the one first approved', async () => {
    const matrix = PlanMatrixSchema.parse(await (await t.as(DEMO.minister)).json(MATRIX));
    expect(matrix.plan_version).toBe(2);
    const key = matrix.columns.findIndex((c) => c.key === 'service_centres_opened');
    expect(matrix.rows[0]!.cells[key]).toMatchObject({ target: 9, original_target: 3 });
    expect(matrix.rows[1]!.cells[key]).toMatchObject({ target: 3, original_target: null });
  });

  it('gives a donor achieved values over its shared projects only, without targets or returns', async () => {
    const matrix = PlanMatrixSchema.parse(await (await t.as(DEMO.undpDonor)).json(MATRIX));
    expect(matrix.shows_targets).toBe(false);
    expect(matrix.columns.map((c) => c.key)).toEqual(['service_centres_opened', 'water_projects_completed']);
    for (const row of matrix.rows) for (const cell of row.cells) expect(cell.target).toBeNull();
    const [shared] = await t.db.query<{ n: number }>(
      `select count(*)::int as n from projects p join project_shares s on s.project_id = p.id join organizations o on o.id = s.organization_id
        where o.slug = 'undp' and p.country_iso3 = 'LBY' and p.kind = 'service_centre' and p.status = 'completed'
          and p.completed_on between '${YEAR}-01-01' and '${YEAR}-12-31'`,
    );
    expect(matrix.national!.cells[0]!.achieved ?? 0).toBe(shared!.n);
  });

  it('gives an engineer the rows of their governorates only, and anonymous callers nothing until published', async () => {
    const engineer = await t.as(DEMO.engineer);
    await expectProblem(await engineer.get(MATRIX), 404); // a Damascus engineer: no Libyan governorate is theirs
    const syria = await engineer.get(`/api/plans/SYR/2099/matrix`);
    await expectProblem(syria, 404);
    await expectProblem(await t.anonymous.get(MATRIX), 404, { detail: /No plan for LBY in 2025/ });
    await t.db.query(`update plans set is_published = true where country_iso3 = 'LBY' and year = $1`, [YEAR]);
    const published = PlanMatrixSchema.parse(await t.anonymous.json(MATRIX));
    expect(published.shows_targets).toBe(true);
    const detail = await t.anonymous.json<MatrixCellDetail>(`/api/plans/LBY/${YEAR}/cells/${published.rows[0]!.governorate}/building_permits_issued`);
    expect(detail.returns).toEqual([]);
  });

  it('refuses bad parameters with problems that say what to fix', async () => {
    const minister = await t.as(DEMO.minister);
    await expectProblem(await minister.get(`/api/plans/LBY/20x5/matrix`), 400, { parameter: 'year' });
    await expectProblem(await minister.get(`/api/plans/LBY/${YEAR}/matrix?sector=space`), 400, { parameter: 'sector' });
    await expectProblem(await minister.get(`/api/plans/LBY/${YEAR}/matrix?as_of=2025-02-30`), 400, { parameter: 'as_of' });
    await expectProblem(await minister.get(`/api/plans/LBY/${YEAR}/cells/SY-DI/service_centres_opened`), 404, { detail: /SY-DI/ });
    await expectProblem(await minister.get(`/api/plans/LBY/${YEAR}/series/fire_brigades_ready`), 404, { detail: /no column/ });
  });
});
