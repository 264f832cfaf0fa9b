import { describe, expect, it } from 'vitest';
import { DEMO } from '../support/client.ts';
import { pointIn } from '../support/fixtures.ts';
import { createProject, reportProgress } from '../support/freshData.ts';
import { useTestApp } from '../support/testApp.ts';

describe('sharing projects with donors, and the project history', () => {
  const t = useTestApp('demo');

  /** A published Damascus project in progress, shared with no donor yet. */
  const damascusProject = async () => (await createProject(await t.as(DEMO.engineer), { is_published: true, status: 'in_progress' })).id;
  const aleppoProject = async () => (await createProject(await t.as(DEMO.admin), { geometry: pointIn('SY-HL') })).id;

  it('lets the owning engineer share a project, which the donor then sees, and unshare it again', async () => {
    const project = await damascusProject();
    const [engineer, donor] = [await t.as(DEMO.engineer), await t.as(DEMO.gizDonor)];
    const donorSees = async () => (await donor.get(`/api/projects/${project}`)).status;
    expect(await donorSees()).toBe(404);
    expect((await engineer.put(`/api/projects/${project}/shares/giz`)).status).toBe(204);
    expect((await engineer.put(`/api/projects/${project}/shares/giz`)).status).toBe(204);
    expect(await donorSees()).toBe(200);
    expect((await engineer.delete(`/api/projects/${project}/shares/giz`)).status).toBe(204);
    expect(await donorSees()).toBe(404);
  });

  it('lists whom a project is shared with to staff, and to no donor', async () => {
    const project = await damascusProject();
    const [engineer, donor, minister] = [await t.as(DEMO.engineer), await t.as(DEMO.gizDonor), await t.as(DEMO.minister)];
    expect((await engineer.put(`/api/projects/${project}/shares/undp`)).status).toBe(204);
    const shares = async (client: typeof engineer) => {
      const response = await client.get(`/api/projects/${project}/shares`);
      return { status: response.status, body: (await response.json()) as { items?: { organization: string; shared_by: string | null }[] } };
    };
    const expected = await t.db.query<{ slug: string }>(
      `select o.slug from project_shares s join organizations o on o.id = s.organization_id where s.project_id = $1 order by o.slug`,
      [project],
    );
    expect(expected.map((r) => r.slug)).toEqual(['undp']);
    const before = await shares(minister);
    expect(before.status).toBe(200);
    expect(before.body.items!.map((i) => i.organization)).toEqual(expected.map((r) => r.slug));
    expect((await engineer.put(`/api/projects/${project}/shares/giz`)).status).toBe(204);
    const after = await shares(engineer);
    expect(after.body.items!.map((i) => i.organization)).toEqual([...expected.map((r) => r.slug), 'giz'].sort());
    const [shared] = await t.db.query<{ display_name: string }>(`select display_name from users where email = $1`, [DEMO.engineer]);
    expect(after.body.items!.find((i) => i.organization === 'giz')!.shared_by).toBe(shared!.display_name);
    // The donor now sees the project, but not whom else it is shared with.
    expect((await donor.get(`/api/projects/${project}`)).status).toBe(200);
    expect((await shares(donor)).status).toBe(403);
    expect((await t.anonymous.get(`/api/projects/${project}/shares`)).status).toBe(401);
    expect((await minister.get('/api/projects/999999999/shares')).status).toBe(404);
    expect((await engineer.delete(`/api/projects/${project}/shares/giz`)).status).toBe(204);
  });

  it('refuses sharing by roles that may not write the project, and with non-donors', async () => {
    const [project, otherGovernorate] = [await damascusProject(), await aleppoProject()];
    expect((await (await t.as(DEMO.engineer)).put(`/api/projects/${otherGovernorate}/shares/giz`)).status).toBe(403);
    expect((await (await t.as(DEMO.minister)).put(`/api/projects/${project}/shares/giz`)).status).toBe(403);
    expect((await (await t.as(DEMO.gizDonor)).put(`/api/projects/${project}/shares/giz`)).status).toBe(404);
    const admin = await t.as(DEMO.admin);
    expect((await admin.put(`/api/projects/${otherGovernorate}/shares/ministry-syr`)).status).toBe(400);
    expect((await admin.put(`/api/projects/${otherGovernorate}/shares/nobody`)).status).toBe(400);
    expect((await t.anonymous.put(`/api/projects/${project}/shares/giz`)).status).toBe(401);
  });

  it('shows who changed what, from and to, newest first, without revealing sharing', async () => {
    const project = await damascusProject();
    const engineer = await t.as(DEMO.engineer);
    expect((await engineer.put(`/api/projects/${project}/shares/giz`)).status).toBe(204);
    const [before] = await t.db.query<{ version: number }>('select version from projects where id = $1', [project]);
    const reported = await reportProgress(engineer, { id: project, version: before!.version }, { physical_progress: 42, financial_progress: 21 });
    expect(reported.status).toBe(201);
    const history = await (await t.as(DEMO.minister)).json(`/api/projects/${project}/history`);
    expect(history.items.some((i: { table: string }) => i.table === 'project_shares')).toBe(false);
    expect(history.items[0]).toMatchObject({ actor: expect.any(String), action: 'update', table: 'projects', to: { physical_progress: 42 } });
    expect(history.items[1]).toMatchObject({ action: 'insert', table: 'progress_updates' });
    expect((await t.anonymous.get(`/api/projects/${project}/history`)).status).toBe(200); // published: anyone may read it
    const hidden = await createProject(await t.as(DEMO.admin), { is_published: false });
    expect((await t.anonymous.get(`/api/projects/${hidden.id}/history`)).status).toBe(404);
  });
});
