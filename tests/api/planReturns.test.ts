import { describe, expect, it } from 'vitest';
import { DEMO, type Client } from '../support/client.ts';
import { expectStatus } from '../support/freshData.ts';
import { expectProblem } from '../support/problems.ts';
import { useTestApp } from '../support/testApp.ts';

/**
 * Periodic returns: append-only (the database refuses changes; a correction appends and the
 * latest counts), audited, permissioned (an engineer returns their own governorates only), and
 * where each expected return stands (on time, late, missing, not due) against a computation of
 * the test's own. Each test works on a country-year of its own.
 */
type Quarters = [number, number, number, number];
const line = (governorate: string, indicator: string, quarters: Quarters) => ({ governorate, indicator, sector: null, quarters });

describe('periodic returns', () => {
  const t = useTestApp('demo');
  const today = () => new Date().toISOString().slice(0, 10);

  /** A plan of `country` `year` with `targets`, approved unless told otherwise. */
  async function plan(country: string, year: number, targets: ReturnType<typeof line>[], approve = true) {
    const planner = await t.as(DEMO.planner);
    await expectStatus(await planner.post(`/api/plans/${country}/${year}`), 201, 'creating the plan');
    const { version } = await planner.json<{ version: number }>(`/api/plans/${country}/${year}/draft/targets`);
    await expectStatus(await planner.put(`/api/plans/${country}/${year}/draft/targets`, { version, targets }), 200, 'drafting');
    if (approve) await expectStatus(await (await t.as(DEMO.minister)).post(`/api/plans/${country}/${year}/draft/approve`, {}), 200, 'approving');
  }
  const submit = (client: Client, body: Record<string, unknown>) => client.post('/api/returns', body);

  it('appends corrections, counts the latest, audits each and lets the database change none', async () => {
    const engineer = await t.as(DEMO.engineer);
    const first = await (await expectStatus(await submit(engineer, { indicator: 'fire_brigades_ready', governorate: 'SY-DI', period: '2019-Q1', value: 5, note: 'Two trucks in repair' }), 201, 'first')).json();
    expect(first).toMatchObject({ indicator: 'fire_brigades_ready', governorate: 'SY-DI', period: '2019-Q1', value: 5, denominator: null, due_on: '2019-04-15', late: true, is_correction: false });
    const second = await (await expectStatus(await submit(engineer, { indicator: 'fire_brigades_ready', governorate: 'SY-DI', period: '2019-Q1', value: 6.5 }), 201, 'correction')).json();
    expect(second).toMatchObject({ value: 6.5, is_correction: true, submitted_by: expect.any(String) });

    const { items } = await engineer.json<{ items: { id: number; value: number; is_correction: boolean }[] }>('/api/returns?year=2019&indicator=fire_brigades_ready&governorate=SY-DI');
    expect(items.map((r) => [r.id, r.value, r.is_correction])).toEqual([[first.id, 5, false], [second.id, 6.5, true]]);

    await plan('SYR', 2019, [line('SY-DI', 'fire_brigades_ready', [5, 5, 6, 6])]);
    const status = await engineer.json<{ items: { period: string; value: number | null; state: string }[] }>('/api/returns/status?country=SYR&year=2019&governorate=SY-DI');
    expect(status.items.find((i) => i.period === '2019-Q1')).toMatchObject({ value: 6.5, state: 'late' });

    const [engineerId] = await t.db.query<{ id: number }>('select id from users where email = $1', [DEMO.engineer]);
    const audited = await t.db.query<{ actor_id: number }>(`select actor_id from audit_log where table_name = 'indicator_returns' and row_key = any($1::text[])`, [[String(first.id), String(second.id)]]);
    expect(audited).toEqual([{ actor_id: engineerId!.id }, { actor_id: engineerId!.id }]);

    await expect(t.db.query('update indicator_returns set value = 1 where id = $1', [first.id])).rejects.toThrow(/append-only/);
    await expect(t.db.query('delete from indicator_returns where id = $1', [first.id])).rejects.toThrow(/append-only/);
  });

  it('lets engineers return and read their own governorates only, admins any, others none', async () => {
    const body = { indicator: 'building_permits_issued', governorate: 'SY-HL', period: '2020-03', value: 40 };
    const [engineer, aleppo, admin] = [await t.as(DEMO.engineer), await t.as(DEMO.aleppoEngineer), await t.as(DEMO.admin)];
    await expectProblem(await submit(engineer, body), 403, { detail: /own governorates, not of SY-HL/ });
    for (const email of [DEMO.minister, DEMO.viewer, DEMO.planner, DEMO.undpDonor]) await expectProblem(await submit(await t.as(email), body), 403);
    await expectProblem(await submit(t.anonymous, body), 401);
    await expectStatus(await submit(aleppo, body), 201, 'Aleppo');
    await expectStatus(await submit(admin, { ...body, governorate: 'SY-DI' }), 201, 'an admin for Damascus');

    const governoratesSeen = async (c: Client) => new Set((await c.json<{ items: { governorate: string }[] }>('/api/returns?year=2020&indicator=building_permits_issued')).items.map((r) => r.governorate));
    expect(await governoratesSeen(engineer)).toEqual(new Set(['SY-DI']));
    expect(await governoratesSeen(aleppo)).toEqual(new Set(['SY-HL']));
    expect(await governoratesSeen(await t.as(DEMO.minister))).toEqual(new Set(['SY-DI', 'SY-HL']));
    await expectProblem(await engineer.get('/api/returns?governorate=SY-HL'), 403);
    await expectProblem(await engineer.get('/api/returns/status?country=SYR&year=2020&governorate=SY-HL'), 403);
    await expectProblem(await (await t.as(DEMO.undpDonor)).get('/api/returns'), 403);
    await expectProblem(await t.anonymous.get('/api/returns/status?country=SYR&year=2020'), 401);
  });

  it('says what to fix in a return it refuses', async () => {
    const admin = await t.as(DEMO.admin);
    const ok = { indicator: 'solid_waste_collected', governorate: 'SY-DI', period: '2021-05', value: 80, denominator: 100 };
    await expectProblem(await submit(admin, { ...ok, indicator: 'service_centres_opened' }), 422, { parameter: 'indicator', detail: /computed/ });
    await expectProblem(await submit(admin, { ...ok, period: '2021-Q2' }), 400, { parameter: 'period', detail: /monthly.*2021-01/ });
    await expectProblem(await submit(admin, { ...ok, denominator: undefined }), 400, { parameter: 'denominator', detail: /rate/ });
    await expectProblem(await submit(admin, { ...ok, value: 120 }), 400, { parameter: 'value' });
    await expectProblem(await submit(admin, { ...ok, indicator: 'building_permits_issued' }), 400, { parameter: 'denominator', detail: /leave the denominator out/ });
    await expectProblem(await submit(admin, { ...ok, period: `${new Date().getUTCFullYear() + 1}-01` }), 422, { parameter: 'period', detail: /not started/ });
    await expectProblem(await submit(admin, { ...ok, governorate: 'SY-ZZ' }), 400, { parameter: 'governorate' });
    await expectProblem(await submit(admin, { ...ok, indicator: 'no_such_thing' }), 400, { parameter: 'indicator' });
    expect((await (await expectStatus(await submit(admin, ok), 201, 'a good one')).json()).denominator).toBe(100);
  });

  it('finds late, missing, on-time and not-yet-due returns as an independent computation does', async () => {
    // The current year, so that some periods are not due yet; Jordan, where no other test plans.
    const year = new Date().getUTCFullYear();
    const targets = [line('JO-AM', 'fire_brigades_ready', [3, 3, 4, 4]), line('JO-AJ', 'solid_waste_collected', [50, 50, 60, 60]), line('JO-AM', 'service_centres_opened', [1, 1, 2, 2])];
    await plan('JOR', year, targets, false); // a draft is the plan in force while nothing is approved
    const areas = new Map((await t.db.query<{ code: string; id: number }>(`select code, id from admin_areas where code in ('JO-AM', 'JO-AJ')`)).map((a) => [a.code, a.id]));
    // Returns submitted on chosen days, written as the history they would be (the API stamps now()).
    const history: [string, string, string, number, number | null, string][] = [
      ['fire_brigades_ready', 'JO-AM', `${year}-01-01`, 3, null, `${year}-04-10T08:00:00Z`], // Q1 due 04-15: on time
      ['fire_brigades_ready', 'JO-AM', `${year}-01-01`, 4, null, `${year}-06-01T08:00:00Z`], // its correction: still on time
      ['fire_brigades_ready', 'JO-AM', `${year}-04-01`, 3, null, `${year}-07-20T08:00:00Z`], // Q2 due 07-15: late
      ['solid_waste_collected', 'JO-AJ', `${year}-01-01`, 40, 90, `${year}-02-15T23:00:00Z`], // January due 02-15: on time
      ['solid_waste_collected', 'JO-AJ', `${year}-02-01`, 30, 80, `${year}-03-16T00:30:00Z`], // February due 03-15: late
    ];
    for (const [indicator, gov, start, value, denominator, at] of history) {
      await t.db.query('insert into indicator_returns (indicator_code, admin_area_id, period_start, value, denominator, submitted_at) values ($1, $2, $3, $4, $5, $6)', [
        indicator, areas.get(gov), start, value, denominator, at,
      ]);
    }
    const status = await (await t.as(DEMO.minister)).json<{ items: { indicator: string; governorate: string; period: string; due_on: string; state: string; value: number | null }[]; counts: Record<string, number> }>(
      `/api/returns/status?country=JOR&year=${year}`,
    );

    // The test's own computation: periods, due dates by calendar arithmetic, first and latest submission.
    const dueDays: Record<string, number> = { fire_brigades_ready: 15, solid_waste_collected: 15 };
    const expected = [
      ...[1, 2, 3, 4].map((q) => ({ indicator: 'fire_brigades_ready', governorate: 'JO-AM', period: `${year}-Q${q}`, firstMonth: 3 * q - 2, months: 3 })),
      ...Array.from({ length: 12 }, (_, m) => ({ indicator: 'solid_waste_collected', governorate: 'JO-AJ', period: `${year}-${String(m + 1).padStart(2, '0')}`, firstMonth: m + 1, months: 1 })),
    ].map((e) => {
      const due = new Date(Date.UTC(year, e.firstMonth - 1 + e.months, 1 + dueDays[e.indicator]! - 1)).toISOString().slice(0, 10);
      const start = `${year}-${String(e.firstMonth).padStart(2, '0')}-01`;
      const sent = history.filter((h) => h[0] === e.indicator && h[1] === e.governorate && h[2] === start).sort((a, b) => a[5].localeCompare(b[5]));
      const state = sent.length ? (sent[0]![5].slice(0, 10) > due ? 'late' : 'on_time') : due < today() ? 'missing' : 'not_due';
      return { indicator: e.indicator, governorate: e.governorate, period: e.period, due_on: due, state, value: sent.at(-1)?.[3] ?? null };
    });
    const key = (i: { indicator: string; period: string }) => `${i.indicator} ${i.period}`;
    const got = status.items.map(({ indicator, governorate, period, due_on, state, value }) => ({ indicator, governorate, period, due_on, state, value }));
    expect(got.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(expected.sort((a, b) => key(a).localeCompare(key(b))));
    expect(got.find((i) => i.period === `${year}-Q1`)).toMatchObject({ state: 'on_time', value: 4 });
    const counts = { on_time: 0, late: 0, missing: 0, not_due: 0 } as Record<string, number>;
    for (const e of expected) counts[e.state]! += 1;
    expect(status.counts).toEqual(counts);
    expect(status.counts.late).toBe(2);
    // A computed indicator expects no return; an engineer of another country sees nothing of it.
    expect(got.some((i) => i.indicator === 'service_centres_opened')).toBe(false);
    expect((await (await t.as(DEMO.engineer)).json<{ items: unknown[] }>(`/api/returns/status?country=JOR&year=${year}`)).items).toEqual([]);
  });
});
