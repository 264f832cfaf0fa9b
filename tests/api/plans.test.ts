import { describe, expect, it } from 'vitest';
import { DEMO, type Client } from '../support/client.ts';
import { expectStatus, unique } from '../support/freshData.ts';
import { expectProblem } from '../support/problems.ts';
import { useTestApp } from '../support/testApp.ts';

/**
 * Plans: the indicator catalogue, a plan's lifecycle (draft → approved → revised, the approved
 * version kept), optimistic concurrency, every bad line named, and who may do what on every route.
 * Each test works on a year of its own, far from the demo's plans.
 */
type Quarters = [number, number, number, number];
const line = (governorate: string, indicator: string, quarters: Quarters, sector: string | null = null) => ({ governorate, indicator, sector, quarters });

const ORIGINAL = [
  line('SY-DI', 'service_centres_opened', [1, 2, 3, 4]),
  line('SY-DI', 'schools_rehabilitated', [0.5, 1.25, 2.125, 3.0625], 'education'),
  line('SY-HL', 'budget_execution', [20, 45.5, 60, 99.99]),
  line('SY-HL', 'fire_brigades_ready', [7, 6, 8, 8]),
];

let nextYear = 2060;
const freshYear = () => nextYear++;

describe('plans', () => {
  const t = useTestApp('demo');
  const path = (year: number, rest = '') => `/api/plans/SYR/${year}${rest}`;

  async function createPlan(planner: Client, year: number) {
    return (await (await expectStatus(await planner.post(path(year)), 201, `creating the plan of ${year}`)).json()) as { versions: { number: number; status: string; version: number }[] };
  }
  async function draftVersion(client: Client, year: number): Promise<number> {
    return ((await client.json(path(year, '/draft/targets'))) as { version: number }).version;
  }
  async function putTargets(client: Client, year: number, targets: unknown[], version?: number) {
    return client.put(path(year, '/draft/targets'), { version: version ?? (await draftVersion(client, year)), targets });
  }
  /** A plan with ORIGINAL approved as version 1. */
  async function approvedPlan(year: number) {
    const [planner, minister] = [await t.as(DEMO.planner), await t.as(DEMO.minister)];
    await createPlan(planner, year);
    await expectStatus(await putTargets(planner, year, ORIGINAL), 200, 'drafting');
    await expectStatus(await minister.post(path(year, '/draft/approve'), {}), 200, 'approving');
    return { planner, minister };
  }

  it('lists the catalogue in its order, and lets admins alone add to it', async () => {
    const { items } = await t.anonymous.json<{ items: { code: string }[] }>('/api/indicators');
    const ordered = await t.db.query<{ code: string }>('select code from indicators order by sort_order, code');
    expect(items.map((i) => i.code)).toEqual(ordered.map((r) => r.code));
    expect(items.length).toBeGreaterThanOrEqual(15);

    const code = unique('ind').toLowerCase().replace(/-/g, '_');
    const body = {
      code, name_en: 'Street lights repaired', name_ar: 'أعمدة الإنارة المصلحة', unit_en: 'lights', unit_ar: 'عمود',
      better: 'higher', rollup: 'sum', temporal: 'flow', source: 'reported', frequency: 'monthly',
    };
    const admin = await t.as(DEMO.admin);
    expect((await admin.post('/api/indicators', body)).status).toBe(201);
    await expectProblem(await admin.post('/api/indicators', body), 409, { detail: /exists/ });
    await expectProblem(await admin.post('/api/indicators', { ...body, code: `${code}_2`, source: 'computed', frequency: null, definition: 'projects_completed', filter_kind: 'castle' }), 400, {
      parameter: 'filter_kind',
    });
    await expectProblem(await (await t.as(DEMO.planner)).post('/api/indicators', { ...body, code: `${code}_3` }), 403);
    await expectProblem(await t.anonymous.post('/api/indicators', { ...body, code: `${code}_4` }), 401);
    expect((await t.anonymous.json<{ items: { code: string }[] }>('/api/indicators')).items.map((i) => i.code)).toContain(code);
  });

  it('drafts, approves and revises a plan; a revision keeps the approved version', async () => {
    const year = freshYear();
    const planner = await t.as(DEMO.planner);
    const created = await createPlan(planner, year);
    expect(created.versions).toMatchObject([{ number: 1, status: 'draft', targets: 0 }]);
    await expectProblem(await planner.post(path(year)), 409, { detail: /exists already/ });

    const saved = await (await expectStatus(await putTargets(planner, year, ORIGINAL), 200, 'drafting')).json();
    expect(saved.targets).toEqual(ORIGINAL);
    const minister = await t.as(DEMO.minister);
    const approved = await (await expectStatus(await minister.post(path(year, '/draft/approve'), { note: 'Council of 3 March' }), 200, 'approving')).json();
    expect(approved.versions).toMatchObject([{ number: 1, status: 'approved', note: 'Council of 3 March', approved_by: expect.any(String), targets: 4 }]);
    await expectProblem(await putTargets(planner, year, ORIGINAL, 99), 409, { detail: /start a revision/i });

    const revising = await (await expectStatus(await planner.post(path(year, '/revisions'), { note: 'Mid-year' }), 201, 'revising')).json();
    expect(revising.versions.map((v: { number: number; status: string }) => [v.number, v.status])).toEqual([[2, 'draft'], [1, 'approved']]);
    expect((await planner.json(path(year, '/draft/targets'))).targets).toEqual(ORIGINAL);
    await expectProblem(await planner.post(path(year, '/revisions'), {}), 409, { detail: /draft already/ });

    const revised = [line('SY-DI', 'service_centres_opened', [2, 4, 6, 9]), ...ORIGINAL.slice(2)];
    await expectStatus(await putTargets(planner, year, revised), 200, 'revising the targets');
    // Until the revision is approved, version 1 is in force and unchanged.
    expect((await minister.json(path(year, '/versions/1/targets'))).targets).toEqual(ORIGINAL);
    await expectStatus(await minister.post(path(year, '/draft/approve')), 200, 'approving the revision (no body needed)');

    const plan = await minister.json(path(year));
    expect(plan.versions.map((v: { number: number; status: string }) => [v.number, v.status])).toEqual([[2, 'approved'], [1, 'superseded']]);
    expect((await minister.json(path(year, '/versions/1/targets'))).targets).toEqual(ORIGINAL);
    expect((await minister.json(path(year, '/versions/2/targets'))).targets).toEqual(revised);
    // Not even the database lets a superseded or approved version's targets change.
    await expect(
      t.db.query(`update plan_targets set q4 = 100 where plan_version_id = (select v.id from plan_versions v join plans p on p.id = v.plan_id where p.year = $1 and v.number = 1)`, [year]),
    ).rejects.toThrow(/start a revision/);
  });

  it('refuses a change based on a stale version, and moves the version on with each change', async () => {
    const year = freshYear();
    const planner = await t.as(DEMO.planner);
    await createPlan(planner, year);
    const first = await draftVersion(planner, year);
    const saved = await (await expectStatus(await putTargets(planner, year, ORIGINAL, first), 200, 'first change')).json();
    expect(saved.version).toBeGreaterThan(first);
    const stale = await expectProblem(await putTargets(planner, year, ORIGINAL.slice(1), first), 409, { detail: /changed since/ });
    expect(stale).toMatchObject({ current_version: saved.version });
    await expectProblem(await (await t.as(DEMO.minister)).post(path(year, '/draft/approve'), { version: first }), 409);
    expect((await planner.json(path(year, '/draft/targets'))).targets).toEqual(ORIGINAL);
  });

  it('names every bad line and saves none of them', async () => {
    const year = freshYear();
    const planner = await t.as(DEMO.planner);
    await createPlan(planner, year);
    const version = await draftVersion(planner, year);
    const bad = [
      line('SY-DI', 'service_centres_opened', [1, 2, 3, 4]), // fine
      line('SY-ZZ', 'service_centres_opened', [1, 2, 3, 4]), // unknown governorate
      line('LY-TB', 'service_centres_opened', [1, 2, 3, 4]), // another country's
      line('SY-DI', 'no_such_indicator', [1, 2, 3, 4]),
      line('SY-DI', 'fire_brigades_ready', [1, 2, 3, 4], 'water'), // sector on a reported indicator
      line('SY-HL', 'service_centres_opened', [5, 3, 6, 7]), // a flow that decreases
      line('SY-HL', 'budget_execution', [50, 60, 70, 120]), // a percentage above 100
      line('SY-DI', 'service_centres_opened', [1, 2, 3, 5]), // the first line again
      line('SY-HL', 'fire_brigades_ready', [9, 7, 8, 6]), // a stock may go down
    ];
    const problem = await expectProblem(await putTargets(planner, year, bad, version), 400);
    expect(problem.errors!.map((e) => e.parameter)).toEqual([
      'targets.1.governorate',
      'targets.2.governorate',
      'targets.3.indicator',
      'targets.4.sector',
      'targets.5.quarters',
      'targets.6.quarters',
      'targets.7.governorate',
    ]);
    expect(problem.errors![1]!.message).toMatch(/LBY, not of SYR/);
    expect(problem.errors![6]!.message).toMatch(/targets\.0/);
    expect(await planner.json(path(year, '/draft/targets'))).toEqual({ version, targets: [] });
    // The schema's own refusals name their line too.
    await expectProblem(await putTargets(planner, year, [line('SY-DI', 'service_centres_opened', [1, -2, 3, 4])], version), 400, { parameter: 'targets.0.quarters.1' });
  });

  it('shows an engineer their governorates, a donor no targets, anonymous callers published plans only', async () => {
    const year = freshYear();
    const { minister } = await approvedPlan(year);
    const engineer = await t.as(DEMO.aleppoEngineer);
    expect((await engineer.json(path(year, '/versions/1/targets'))).targets).toEqual(ORIGINAL.filter((l) => l.governorate === 'SY-HL'));
    expect((await engineer.json(path(year))).versions).toMatchObject([{ number: 1, targets: 2 }]);

    const donor = await t.as(DEMO.undpDonor);
    expect(await donor.json(path(year))).toMatchObject({ country: 'SYR', year, versions: [] });
    await expectProblem(await donor.get(path(year, '/versions/1/targets')), 403, { detail: /not plan targets/ });

    await expectProblem(await t.anonymous.get(path(year)), 404, { detail: /No plan/ });
    await expectProblem(await t.anonymous.get(path(year, '/versions/1/targets')), 404);
    expect((await t.anonymous.json(`/api/plans?country=SYR`)).items.map((p: { year: number }) => p.year)).not.toContain(year);

    const admin = await t.as(DEMO.admin);
    await expectStatus(await admin.put(path(year, '/publication'), { published: true }), 200, 'publishing');
    const published = await t.anonymous.json(path(year));
    expect(published).toMatchObject({ is_published: true, versions: [{ number: 1, created_by: null, approved_by: null }] });
    expect((await t.anonymous.json(path(year, '/versions/1/targets'))).targets).toEqual(ORIGINAL);
    expect((await t.anonymous.json(`/api/plans?country=SYR`)).items).toContainEqual({ country: 'SYR', year, is_published: true, current_version: 1, has_draft: false });

    // A draft stays with those who draft and approve it.
    await expectStatus(await (await t.as(DEMO.planner)).post(path(year, '/revisions'), {}), 201, 'revising');
    await expectProblem(await t.anonymous.get(path(year, '/versions/2/targets')), 404);
    expect((await t.anonymous.json(path(year))).versions.map((v: { number: number }) => v.number)).toEqual([1]);
    await expectProblem(await (await t.as(DEMO.viewer)).get(path(year, '/versions/2/targets')), 403, { detail: /draft/ });
    expect((await minister.json(path(year, '/versions/2/targets'))).targets).toEqual(ORIGINAL);
  });

  it('lets each role do exactly what it may on every plan route', async () => {
    const year = freshYear();
    await approvedPlan(year);
    await expectStatus(await (await t.as(DEMO.planner)).post(path(year, '/revisions'), {}), 201, 'opening a draft');
    const roles = { admin: DEMO.admin, minister: DEMO.minister, viewer: DEMO.viewer, planner: DEMO.planner, engineer: DEMO.engineer, donor: DEMO.undpDonor };
    const clients: Record<string, Client> = { anonymous: t.anonymous };
    for (const [role, email] of Object.entries(roles)) clients[role] = await t.as(email);
    // Stale versions tell "allowed but conflicting" (409) apart from "not allowed" (401, 403).
    const routes: [string, string, string, unknown, Record<string, number>][] = [
      ['GET', '/api/plans?country=SYR', 'list', undefined, { anonymous: 200, admin: 200, minister: 200, viewer: 200, planner: 200, engineer: 200, donor: 200 }],
      ['GET', path(year), 'one plan', undefined, { anonymous: 404, admin: 200, minister: 200, viewer: 200, planner: 200, engineer: 200, donor: 200 }],
      ['POST', path(year), 'create', undefined, { anonymous: 401, admin: 409, minister: 403, viewer: 403, planner: 409, engineer: 403, donor: 403 }],
      ['GET', path(year, '/versions/1/targets'), 'version targets', undefined, { anonymous: 404, admin: 200, minister: 200, viewer: 200, planner: 200, engineer: 200, donor: 403 }],
      ['GET', path(year, '/draft/targets'), 'draft targets', undefined, { anonymous: 401, admin: 200, minister: 200, viewer: 403, planner: 200, engineer: 403, donor: 403 }],
      ['PUT', path(year, '/draft/targets'), 'replace targets', { version: 999_999, targets: [] }, { anonymous: 401, admin: 409, minister: 403, viewer: 403, planner: 409, engineer: 403, donor: 403 }],
      ['POST', path(year, '/draft/approve'), 'approve', { version: 999_999 }, { anonymous: 401, admin: 409, minister: 409, viewer: 403, planner: 403, engineer: 403, donor: 403 }],
      ['POST', path(year, '/revisions'), 'revise', {}, { anonymous: 401, admin: 409, minister: 403, viewer: 403, planner: 409, engineer: 403, donor: 403 }],
      ['PUT', path(year, '/publication'), 'publish', { published: false }, { anonymous: 401, admin: 200, minister: 403, viewer: 403, planner: 403, engineer: 403, donor: 403 }],
    ];
    for (const [method, url, name, body, expected] of routes) {
      const got = Object.fromEntries(await Promise.all(Object.entries(clients).map(async ([role, c]) => [role, (await c.request(url, { method, body })).status])));
      expect(got, name).toEqual(expected);
    }
    await expectProblem(await clients.planner!.post('/api/plans/XYZ/2061'), 404, { detail: /No country XYZ/ });
    await expectProblem(await clients.planner!.get('/api/plans/SYR/1999'), 400, { parameter: 'year' });
  });
});
