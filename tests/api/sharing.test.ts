import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/signIn.ts';
import { testApp, type TestApp } from '../support/testApp.ts';

describe('sharing projects with donors, and the project history', () => {
  let t: TestApp;
  const sessions: Record<string, { cookie: string; csrf: string }> = {};
  let project: number;
  let otherGovernorate: number;

  const as = (email: string, method: string, path: string) =>
    t.app.request(path, { method, headers: { cookie: sessions[email]!.cookie, 'x-csrf-token': sessions[email]!.csrf } });

  beforeAll(async () => {
    t = await testApp('demo');
    for (const email of ['engineer.damascus@marsad.demo', 'donor.giz@marsad.demo', 'minister@marsad.demo', 'admin@marsad.demo']) {
      sessions[email] = await signIn(t.app, email);
    }
    const unsharedWithGiz = `not exists (select 1 from project_shares s join organizations o on o.id = s.organization_id
                                          where s.project_id = p.id and o.slug = 'giz')`;
    [{ id: project }] = (await t.db.query<{ id: number }>(
      `select p.id from projects p join admin_areas a on a.id = p.admin_area_id
        where a.code = 'SY-DI' and p.status = 'in_progress' and p.is_published and ${unsharedWithGiz} limit 1`,
    )) as [{ id: number }];
    [{ id: otherGovernorate }] = (await t.db.query<{ id: number }>(
      `select p.id from projects p join admin_areas a on a.id = p.admin_area_id where a.code = 'SY-HL' and ${unsharedWithGiz} limit 1`,
    )) as [{ id: number }];
  });
  afterAll(() => t.close());

  it('lets the owning engineer share a project, which the donor then sees, and unshare it again', async () => {
    const donorSees = async () => (await as('donor.giz@marsad.demo', 'GET', `/api/projects/${project}`)).status;
    expect(await donorSees()).toBe(404);
    expect((await as('engineer.damascus@marsad.demo', 'PUT', `/api/projects/${project}/shares/giz`)).status).toBe(204);
    expect((await as('engineer.damascus@marsad.demo', 'PUT', `/api/projects/${project}/shares/giz`)).status).toBe(204);
    expect(await donorSees()).toBe(200);
    expect((await as('engineer.damascus@marsad.demo', 'DELETE', `/api/projects/${project}/shares/giz`)).status).toBe(204);
    expect(await donorSees()).toBe(404);
  });

  it('lists whom a project is shared with to staff, and to no donor', async () => {
    const shares = async (email: string) => {
      const response = await as(email, 'GET', `/api/projects/${project}/shares`);
      return { status: response.status, body: (await response.json()) as { items?: { organization: string; shared_by: string | null }[] } };
    };
    const expected = await t.db.query<{ slug: string }>(
      `select o.slug from project_shares s join organizations o on o.id = s.organization_id where s.project_id = $1 order by o.slug`,
      [project],
    );
    const before = await shares('minister@marsad.demo');
    expect(before.status).toBe(200);
    expect(before.body.items!.map((i) => i.organization)).toEqual(expected.map((r) => r.slug));
    expect((await as('engineer.damascus@marsad.demo', 'PUT', `/api/projects/${project}/shares/giz`)).status).toBe(204);
    const after = await shares('engineer.damascus@marsad.demo');
    expect(after.body.items!.map((i) => i.organization)).toEqual([...expected.map((r) => r.slug), 'giz'].sort());
    const [engineer] = await t.db.query<{ display_name: string }>(`select display_name from users where email = 'engineer.damascus@marsad.demo'`);
    expect(after.body.items!.find((i) => i.organization === 'giz')!.shared_by).toBe(engineer!.display_name);
    // The donor now sees the project, but not whom else it is shared with.
    expect((await as('donor.giz@marsad.demo', 'GET', `/api/projects/${project}`)).status).toBe(200);
    expect((await shares('donor.giz@marsad.demo')).status).toBe(403);
    expect((await t.app.request(`/api/projects/${project}/shares`)).status).toBe(401);
    expect((await as('minister@marsad.demo', 'GET', '/api/projects/999999999/shares')).status).toBe(404);
    expect((await as('engineer.damascus@marsad.demo', 'DELETE', `/api/projects/${project}/shares/giz`)).status).toBe(204);
  });

  it('refuses sharing by roles that may not write the project, and with non-donors', async () => {
    expect((await as('engineer.damascus@marsad.demo', 'PUT', `/api/projects/${otherGovernorate}/shares/giz`)).status).toBe(403);
    expect((await as('minister@marsad.demo', 'PUT', `/api/projects/${project}/shares/giz`)).status).toBe(403);
    expect((await as('donor.giz@marsad.demo', 'PUT', `/api/projects/${project}/shares/giz`)).status).toBe(404);
    expect((await as('admin@marsad.demo', 'PUT', `/api/projects/${otherGovernorate}/shares/ministry-syr`)).status).toBe(400);
    expect((await as('admin@marsad.demo', 'PUT', `/api/projects/${otherGovernorate}/shares/nobody`)).status).toBe(400);
    const anonymous = await t.app.request(`/api/projects/${project}/shares/giz`, { method: 'PUT' });
    expect(anonymous.status).toBe(401);
  });

  it('shows who changed what, from and to, newest first, without revealing sharing', async () => {
    const [before] = await t.db.query<{ version: number }>('select version from projects where id = $1', [project]);
    const reported = await t.app.request(`/api/projects/${project}/progress`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: sessions['engineer.damascus@marsad.demo']!.cookie,
        'x-csrf-token': sessions['engineer.damascus@marsad.demo']!.csrf,
      },
      body: JSON.stringify({
        reported_on: new Date().toISOString().slice(0, 10),
        status: 'in_progress',
        physical_progress: 42,
        financial_progress: 21,
        version: before!.version,
      }),
    });
    expect(reported.status).toBe(201);
    const history = await (await as('minister@marsad.demo', 'GET', `/api/projects/${project}/history`)).json();
    expect(history.items.some((i: { table: string }) => i.table === 'project_shares')).toBe(false);
    expect(history.items[0]).toMatchObject({ actor: expect.any(String), action: 'update', table: 'projects', to: { physical_progress: 42 } });
    expect(history.items[1]).toMatchObject({ action: 'insert', table: 'progress_updates' });
    expect((await t.app.request(`/api/projects/${project}/history`)).status).toBe(200); // published: anyone may read it
    const [hidden] = await t.db.query<{ id: number }>('select id from projects where not is_published limit 1');
    expect((await t.app.request(`/api/projects/${hidden!.id}/history`)).status).toBe(404);
  });
});
