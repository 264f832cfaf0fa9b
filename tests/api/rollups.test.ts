import { VectorTile } from '@mapbox/vector-tile';
import type { Viewer } from '@marsad/api/internals';
import Pbf from 'pbf';
import { canMove, STATUS_TRANSITIONS, type ProjectStatus } from '@marsad/contracts';
import { countProjects, summarizeAll, summarizeByCountry, summarizeByGovernorate } from '@marsad/api/internals';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO, type Client } from '../support/client.ts';
import { uploadImport } from '../support/freshData.ts';
import { testApp, type TestApp } from '../support/testApp.ts';

const ADMIN = DEMO.admin;
const DONOR = DEMO.gizDonor;
/** Points inside three governorates. */
const PLACES = { 'SY-DI': [36.29, 33.51], 'SY-HL': [37.16, 36.2], 'SY-HI': [36.72, 34.73] } as const;
type Place = keyof typeof PLACES;

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]! };
}

/**
 * The rollups (project_standings for summaries, progress_month_steps for timelines) against
 * the plain computation over projects and the whole progress history, after random writes
 * through the API on every write path that moves them. Each test works on its own copy of the
 * demo data ("as loaded" means it).
 */
describe('rollups equal the plain computation', () => {
  let t: TestApp;
  const clients: Record<string, Client> = {};
  let giz: number;

  beforeEach(async () => {
    t = await testApp('demo', { DATA_VERSION_POLL_SECONDS: '3600' });
    for (const email of [ADMIN, DONOR]) clients[email] = await t.as(email);
    [{ id: giz }] = (await t.db.query<{ id: number }>(`select id from organizations where slug = 'giz'`)) as [{ id: number }];
  });
  afterEach(() => t.close());

  const send = (method: string, path: string, body?: unknown) => clients[ADMIN]!.request(path, { method, body });
  const as = (email: string | undefined) => (email ? clients[email]! : t.anonymous);
  const projectIn = async (place: Place, extra = '') =>
    (await t.db.query<{ id: number; version: number; status: ProjectStatus }>(
      `select p.id, p.version, p.status from projects p join admin_areas a on a.id = p.admin_area_id
        where a.code = $1 ${extra} order by random() limit 1`,
      [place],
    ))[0]!;
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

  async function randomWrites(seed: number) {
    const r = random(seed);
    const places = Object.keys(PLACES) as Place[];
    for (let i = 0; i < 12; i += 1) {
      const project = await projectIn(r.pick(places));
      const moves = [project.status, ...STATUS_TRANSITIONS[project.status]].filter((s) => canMove(project.status, s));
      // Some reports are backdated: they change the history (timelines), not the current state.
      const res = await send('POST', `/api/projects/${project.id}/progress`, {
        reported_on: day(r.next() < 0.3 ? r.int(100, 900) : r.int(0, 20)),
        status: r.pick(moves),
        physical_progress: r.int(0, 100),
        financial_progress: r.int(0, 100),
        version: project.version,
      });
      expect(res.status, await res.clone().text()).toBe(201);
    }
    for (let i = 0; i < 6; i += 1) {
      const project = await projectIn(r.pick(places));
      const change = r.pick([
        { budget: r.int(0, 5) * 250_000 },
        { budget: null },
        { is_published: r.next() < 0.5 },
        { planned_end: day(r.int(-400, 400)) },
        { geometry: { type: 'Point', coordinates: PLACES[r.pick(places)] } },
        { sector: r.pick(['water', 'health', 'roads']) },
      ]);
      const res = await send('PATCH', `/api/projects/${project.id}`, { ...change, version: project.version });
      expect(res.status, await res.clone().text()).toBe(200);
    }
    for (let i = 0; i < 2; i += 1) {
      const res = await send('POST', '/api/projects', {
        code: `ROLLUP-${seed}-${i}`, kind: 'development_project', sector: 'water', title_ar: 'مشروع', title_en: 'Rollup project',
        budget: r.int(1, 9) * 100_000, is_published: i === 0, planned_end: day(r.int(-200, 200)),
        geometry: { type: 'Point', coordinates: PLACES[r.pick(places)] },
      });
      expect(res.status, await res.clone().text()).toBe(201);
      const { id } = await res.json();
      expect((await send('PUT', `/api/projects/${id}/shares/giz`)).status).toBe(204);
    }
    const shared = await projectIn(r.pick(places), `and exists (select 1 from project_shares s where s.project_id = p.id and s.organization_id = ${giz})`);
    expect((await send('DELETE', `/api/projects/${shared.id}/shares/giz`)).status).toBe(204);
    const file = {
      type: 'FeatureCollection',
      features: [0, 1].map((n) => ({
        type: 'Feature',
        properties: { code: `ROLLUP-IMP-${seed}-${n}`, kind: 'development_project', sector: 'health', title_ar: 'مشروع', title_en: 'Imported', budget: 300_000, is_published: true },
        geometry: { type: 'Point', coordinates: PLACES[r.pick(places)] },
      })),
    };
    const imported = await uploadImport(clients[ADMIN]!, 'rollup.geojson', JSON.stringify(file), '?dry_run=false');
    expect(imported.status, await imported.clone().text()).toBe(201);
  }

  const viewers = (): [string, Viewer][] => [
    ['anonymous', { kind: 'anonymous' }],
    ['all', { kind: 'user', userId: 1, role: 'minister', organizationId: 1 }],
    ['donor', { kind: 'user', userId: 1, role: 'donor', organizationId: giz }],
  ];
  const FILTERS = [{}, { status: ['in_progress', 'planned'] as ProjectStatus[] }, { country: ['SYR'] }, { governorate: ['SY-DI', 'SY-HL'] }, { sector: ['water' as const] }];

  async function expectSummariesEqual() {
    for (const [name, viewer] of viewers()) {
      for (const filter of FILTERS) {
        const label = `${name} ${JSON.stringify(filter)}`;
        expect(await summarizeByGovernorate(t.db, filter, viewer), label).toEqual(await summarizeByGovernorate(t.db, filter, viewer, { standings: false }));
        expect(await summarizeByCountry(t.db, filter, viewer), label).toEqual(await summarizeByCountry(t.db, filter, viewer, { standings: false }));
        const plain = await summarizeAll(t.db, filter, viewer, { standings: false });
        expect(await summarizeAll(t.db, filter, viewer), label).toEqual(plain);
        // Lists' totals and OGC's numberMatched count from the rollup too.
        expect(await countProjects(t.db, filter, viewer), label).toBe(plain.projects);
      }
    }
  }

  /** The timeline as first defined: each project's latest report on or before each month's end. */
  async function plainTimeline(place: Place, visible: string, extra: string) {
    return t.db.query(
      `with months as (
         select generate_series(date_trunc('month', current_date) - interval '35 months', date_trunc('month', current_date), interval '1 month')::date as m),
       scope as (select p.id, p.budget from projects p join admin_areas a on a.id = p.admin_area_id where a.code = $1 and ${visible} ${extra}),
       standing as (
         select months.m, scope.budget, latest.physical_progress, latest.financial_progress
           from months cross join scope
           join lateral (select u.physical_progress, u.financial_progress from progress_updates u
                          where u.project_id = scope.id and u.reported_on < months.m + interval '1 month'
                          order by u.reported_on desc, u.id desc limit 1) latest on true)
       select to_char(months.m, 'YYYY-MM') as month,
              round(sum(standing.budget * standing.physical_progress) / nullif(sum(standing.budget) filter (where standing.budget > 0), 0), 2) as progress_weighted,
              round(coalesce(sum(standing.budget * standing.financial_progress), 0) / 100, 2) as budget_spent,
              count(standing.m) as projects_reporting
         from months left join standing on standing.m = months.m
        group by months.m order by months.m`,
      [place],
    );
  }

  async function expectTimelinesEqual() {
    const scopes: [string, string | undefined, string][] = [
      ['anonymous', undefined, 'p.is_published'],
      ['all', ADMIN, 'true'],
      ['donor', DONOR, `exists (select 1 from project_shares s where s.project_id = p.id and s.organization_id = ${giz})`],
    ];
    const filters: [string, string][] = [['', ''], ['?status=in_progress,suspended', `and p.status in ('in_progress', 'suspended')`], ['?sector=water', `and p.sector_code = 'water'`]];
    for (const place of Object.keys(PLACES) as Place[]) {
      for (const [name, email, visible] of scopes) {
        for (const [query, extra] of filters) {
          const res = await as(email).get(`/api/summaries/governorates/${place}/timeline${query}`);
          expect(res.status).toBe(200);
          const { months } = await res.json();
          expect(months, `${place} ${name} ${query}`).toEqual(await plainTimeline(place, visible, extra));
        }
      }
    }
  }

  /** The governorates tile colours by the same numbers as the plain summaries. */
  async function expectChoroplethEqual() {
    for (const [email, viewer] of [[undefined, { kind: 'anonymous' }], [ADMIN, { kind: 'user', userId: 1, role: 'admin', organizationId: 1 }]] as const) {
      const res = await as(email).get('/tiles/governorates/5/19/12.mvt?status=in_progress,suspended');
      const layer = new VectorTile(new Pbf(new Uint8Array(await res.arrayBuffer()))).layers.governorates!;
      const plain = new Map((await summarizeByGovernorate(t.db, { status: ['in_progress', 'suspended'] }, viewer, { standings: false })).map((g) => [g.governorate, g]));
      expect(layer.length).toBeGreaterThan(5);
      for (let i = 0; i < layer.length; i += 1) {
        const { code, projects, delayed, stale } = layer.feature(i).properties;
        const expected = plain.get(code as string)!;
        expect({ projects, delayed, stale }, `${code}`).toEqual({ projects: expected.projects, delayed: expected.delayed, stale: expected.stale });
      }
    }
  }

  it('holds on the demo data as loaded', async () => {
    await expectChoroplethEqual();
    await expectSummariesEqual();
    await expectTimelinesEqual();
  });

  it('holds after random reports, edits, new projects, sharing and an import', async () => {
    await randomWrites(20_251);
    await expectSummariesEqual();
    await expectTimelinesEqual();
    await randomWrites(7);
    await expectSummariesEqual();
    await expectTimelinesEqual();
    await expectChoroplethEqual();
  });

  it('holds after concurrent reports and edits in the same governorates', async () => {
    const projects = await t.db.query<{ id: number; version: number; status: ProjectStatus }>(
      `select p.id, p.version, p.status from projects p join admin_areas a on a.id = p.admin_area_id
        where a.code in ('SY-DI', 'SY-HL') and p.status in ('in_progress', 'planned') order by p.id limit 16`,
    );
    const writes = projects.map((project, i) =>
      i % 4 === 3
        ? send('PATCH', `/api/projects/${project.id}`, { budget: 1_000_000 + i, is_published: i % 8 === 3, version: project.version })
        : send('POST', `/api/projects/${project.id}/progress`, {
            reported_on: day(i % 3), status: i % 2 ? 'suspended' : project.status, physical_progress: 10 + i, financial_progress: 5 + i, version: project.version,
          }),
    );
    expect((await Promise.all(writes)).map((res) => res.status).sort()).toEqual(projects.map((_, i) => (i % 4 === 3 ? 200 : 201)).sort());
    await expectSummariesEqual();
    await expectTimelinesEqual();
  });
});
