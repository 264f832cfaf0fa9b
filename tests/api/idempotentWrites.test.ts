import { randomUUID } from 'node:crypto';
import { png } from '@marsad/demo';
import { describe, expect, it } from 'vitest';
import { DEMO, type Client } from '../support/client.ts';
import { createProject, today } from '../support/freshData.ts';
import { expectProblem } from '../support/problems.ts';
import { useTestApp } from '../support/testApp.ts';
import { addInvestor } from '../support/zonePlotFixtures.ts';
import { createZone } from '../support/zoneFixtures.ts';

/**
 * Writes sent with an `Idempotency-Key` (issue 14) are applied once: a retry answers the first
 * result again and writes nothing, a reused key with another body is refused, and duplicates sent
 * at the same moment make one write. On the four routes a device sends from the field.
 */
describe('idempotent writes', () => {
  const t = useTestApp('demo');

  const keyed = (key: string) => ({ 'Idempotency-Key': key });
  const report = (version: number, extra: Record<string, unknown> = {}) => ({
    reported_on: today(),
    status: 'in_progress',
    physical_progress: 35,
    financial_progress: 20,
    note: 'من الموقع',
    version,
    ...extra,
  });
  /** How many rows the tables a write touches hold for `projectId` (the audit log included). */
  const footprint = async (projectId: number) =>
    (
      await t.db.query<{ reports: number; photos: number; audit: number; keys: number }>(
        `select (select count(*) from progress_updates where project_id = $1) as reports,
                (select count(*) from progress_photos where project_id = $1) as photos,
                (select count(*) from audit_log where project_id = $1) as audit,
                (select count(*) from idempotent_requests) as keys`,
        [projectId],
      )
    )[0]!;
  const newProject = async () => createProject(await t.as(DEMO.admin), { status: 'in_progress' });

  it('answers a repeated progress report with the first result, marked replayed, and writes nothing', async () => {
    const project = await newProject();
    const engineer = await t.as(DEMO.engineer);
    const key = randomUUID();
    const first = await engineer.post(`/api/projects/${project.id}/progress`, report(project.version), keyed(key));
    expect(first.status).toBe(201);
    expect(first.headers.get('Idempotent-Replayed')).toBeNull();
    const recorded = await first.json();
    expect(recorded).toMatchObject({ outcome: 'applied', id: expect.any(Number), version: expect.any(Number) });
    const after = await footprint(project.id);

    const again = await engineer.post(`/api/projects/${project.id}/progress`, report(project.version), keyed(key));
    expect(again.status).toBe(201);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await again.json()).toEqual(recorded);
    expect(await footprint(project.id)).toEqual(after);
  });

  it('stores a report with photos once, however the form is framed when sent again', async () => {
    const project = await newProject();
    const engineer = await t.as(DEMO.engineer);
    const key = randomUUID();
    const form = () => {
      const data = new FormData();
      data.append('report', JSON.stringify(report(project.version)));
      data.append('photos', new File([png(20, 10, 3) as Uint8Array<ArrayBuffer>], 'a.png', { type: 'image/png' }));
      data.append('photos', new File([png(20, 10, 4) as Uint8Array<ArrayBuffer>], 'b.png', { type: 'image/png' }));
      return data;
    };
    const first = await engineer.post(`/api/projects/${project.id}/progress`, form(), keyed(key));
    expect(first.status).toBe(201);
    const after = await footprint(project.id);
    const again = await engineer.post(`/api/projects/${project.id}/progress`, form(), keyed(key));
    expect(again.status).toBe(201);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect((await again.json()).photos).toHaveLength(2);
    expect(await footprint(project.id)).toEqual(after);

    // Other photos under the same key are another request.
    const other = new FormData();
    other.append('report', JSON.stringify(report(project.version)));
    other.append('photos', new File([png(20, 10, 5) as Uint8Array<ArrayBuffer>], 'a.png', { type: 'image/png' }));
    await expectProblem(await engineer.post(`/api/projects/${project.id}/progress`, other, keyed(key)), 422, { detail: /Idempotency-Key/ });
  });

  it('refuses the same key with a different body (422) and writes nothing', async () => {
    const project = await newProject();
    const engineer = await t.as(DEMO.engineer);
    const key = randomUUID();
    expect((await engineer.post(`/api/projects/${project.id}/progress`, report(project.version), keyed(key))).status).toBe(201);
    const after = await footprint(project.id);
    const changed = await engineer.post(`/api/projects/${project.id}/progress`, report(project.version, { physical_progress: 36 }), keyed(key));
    await expectProblem(changed, 422, { detail: /different request/ });
    // The same body to another path is another request too.
    const elsewhere = await newProject();
    await expectProblem(await engineer.post(`/api/projects/${elsewhere.id}/progress`, report(project.version), keyed(key)), 422);
    expect(await footprint(project.id)).toEqual(after);
  });

  it('makes one write of many duplicates sent at once; every answer is that write', async () => {
    const project = await newProject();
    const engineer = await t.as(DEMO.engineer);
    const key = randomUUID();
    const before = await footprint(project.id);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => engineer.post(`/api/projects/${project.id}/progress`, report(project.version), keyed(key))),
    );
    expect(answers.map((res) => res.status)).toEqual(Array(6).fill(201));
    expect(answers.filter((res) => res.headers.get('Idempotent-Replayed') === 'true')).toHaveLength(5);
    const bodies = await Promise.all(answers.map((res) => res.json()));
    expect(new Set(bodies.map((body) => body.id)).size).toBe(1);
    const after = await footprint(project.id);
    expect(after.reports).toBe(before.reports + 1);
    expect(after.keys).toBe(before.keys + 1);
  });

  it('keeps no claim for a refused write: sent again, it is judged afresh', async () => {
    const project = await newProject();
    const engineer = await t.as(DEMO.engineer);
    const key = randomUUID();
    const stale = await engineer.post(`/api/projects/${project.id}/progress`, report(project.version - 1), keyed(key));
    await expectProblem(stale, 409);
    const [claims] = await t.db.query<{ n: number }>('select count(*) as n from idempotent_requests where key = $1', [key]);
    expect(claims!.n).toBe(0);
    // The device corrects nothing but its version (a new body): the key is free.
    expect((await engineer.post(`/api/projects/${project.id}/progress`, report(project.version), keyed(key))).status).toBe(201);
  });

  it('names a malformed key, and keeps keys apart per user', async () => {
    const project = await newProject();
    const engineer = await t.as(DEMO.engineer);
    await expectProblem(await engineer.post(`/api/projects/${project.id}/progress`, report(project.version), keyed('not-a-uuid')), 400, { parameter: 'idempotency-key' });
    const key = randomUUID();
    const mine = await engineer.post(`/api/projects/${project.id}/progress`, report(project.version), keyed(key));
    expect(mine.status).toBe(201);
    const { version } = await mine.json();
    const admin = await t.as(DEMO.admin);
    const theirs = await admin.post(`/api/projects/${project.id}/progress`, report(version, { physical_progress: 50 }), keyed(key));
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get('Idempotent-Replayed')).toBeNull();
  });

  it('works without a key as before: each send is a write', async () => {
    const project = await newProject();
    const engineer = await t.as(DEMO.engineer);
    const before = await footprint(project.id);
    const first = await engineer.post(`/api/projects/${project.id}/progress`, report(project.version));
    const { version } = await first.json();
    expect((await engineer.post(`/api/projects/${project.id}/progress`, report(version))).status).toBe(201);
    expect((await footprint(project.id)).reports).toBe(before.reports + 2);
  });

  it('replays a project change', async () => {
    const project = await newProject();
    const engineer = await t.as(DEMO.engineer);
    const key = randomUUID();
    const change = { title_en: 'Water network, phase two', version: project.version };
    const patch = (body: unknown) => engineer.request(`/api/projects/${project.id}`, { method: 'PATCH', body, headers: keyed(key) });
    const first = await patch(change);
    expect(first.status).toBe(200);
    const saved = await first.json();
    const after = await footprint(project.id);
    const again = await patch(change);
    expect(again.status).toBe(200);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await again.json()).toEqual(saved);
    expect(await footprint(project.id)).toEqual(after);
    await expectProblem(await patch({ ...change, title_en: 'Another title' }), 422);
  });

  /** A Damascus zone with two vacant plots, and an investor. */
  const zoneWithPlots = async (admin: Client) => {
    const zone = await createZone(t.db, admin, { grid: { rows: 1, cols: 2 } });
    return { zone, investor: await addInvestor(t.db) };
  };
  const zoneFootprint = async (zoneId: number) =>
    (await t.db.query<{ audit: number }>('select count(*) as audit from audit_log where project_id = $1', [zoneId]))[0]!;

  it('replays a status change of plots, and a plot edit', async () => {
    const engineer = await t.as(DEMO.engineer);
    const { zone, investor } = await zoneWithPlots(await t.as(DEMO.admin));
    const [a, b] = zone.plots;
    const statusKey = randomUUID();
    const change = { plots: [{ id: a!.id, version: a!.version }], status: 'reserved', investor_id: investor };
    const first = await engineer.post(`/api/zones/${zone.id}/plots/status`, change, keyed(statusKey));
    expect(first.status).toBe(200);
    const saved = await first.json();
    const after = await zoneFootprint(zone.id);
    const again = await engineer.post(`/api/zones/${zone.id}/plots/status`, change, keyed(statusKey));
    expect(again.status).toBe(200);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await again.json()).toEqual(saved);
    expect(await zoneFootprint(zone.id)).toEqual(after);

    const editKey = randomUUID();
    const edit = { planned_jobs: 12, version: b!.version };
    const send = () => engineer.request(`/api/zones/${zone.id}/plots/${b!.id}`, { method: 'PATCH', body: edit, headers: keyed(editKey) });
    expect((await send()).status).toBe(200);
    const edited = await zoneFootprint(zone.id);
    const replayed = await send();
    expect(replayed.status).toBe(200);
    expect(replayed.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await zoneFootprint(zone.id)).toEqual(edited);
    const [plot] = await t.db.query<{ version: number }>('select version from zone_plots where id = $1', [b!.id]);
    expect(plot!.version).toBe(b!.version + 1);
  });
});
