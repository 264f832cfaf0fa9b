import { png } from '@marsad/demo';
import { describe, expect, it } from 'vitest';
import { DEMO, type Client } from '../support/client.ts';
import { createProject, reportProgress, today } from '../support/freshData.ts';
import { expectProblem } from '../support/problems.ts';
import { useTestApp } from '../support/testApp.ts';
import { addInvestor } from '../support/zonePlotFixtures.ts';
import { createZone } from '../support/zoneFixtures.ts';

/**
 * Writes based on an older version (issue 14): applied when what they change did not move since
 * their writer saw it (`base`), else held as a conflict for review, with their evidence, and
 * accepted (applied then, through the same rules) or rejected (with a note) by whoever may write
 * the project; seen by the ministry and the governorate's engineers; audited and in the history.
 */
describe('writes held for review', () => {
  const t = useTestApp('demo');

  const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const BASE = { status: 'in_progress', physical_progress: 10, financial_progress: 10 } as const;

  interface Project {
    id: number;
    version: number;
  }
  const projectRow = async (id: number) =>
    (
      await t.db.query<{ status: string; physical_progress: number; financial_progress: number; version: number; last_update_on: string; title_en: string; budget: number | null }>(
        'select status, physical_progress, financial_progress, version, last_update_on, title_en, budget from projects where id = $1',
        [id],
      )
    )[0]!;

  /**
   * A Damascus project in progress at 10 % (published, shared with GIZ), which the engineer read at
   * `seen`; the admin then reports `moved` today (or only changes its title when `moved` is null).
   */
  async function staleProject(moved: Record<string, unknown> | null = { physical_progress: 30, financial_progress: 25 }) {
    const admin = await t.as(DEMO.admin);
    const project = await createProject(admin, { status: 'in_progress', is_published: true });
    expect((await admin.put(`/api/projects/${project.id}/shares/giz`)).status).toBe(204);
    const seen = (await projectRow(project.id)).version;
    if (moved) expect((await reportProgress(admin, { id: project.id, version: seen }, moved)).status).toBe(201);
    else expect((await admin.patch(`/api/projects/${project.id}`, { title_en: 'Retitled by the ministry', version: seen })).status).toBe(200);
    return { project, seen, admin };
  }

  /** The engineer's report from the field: as JSON, or with two photos. */
  function fieldReport(engineer: Client, project: Project, version: number, extra: Record<string, unknown> = {}, withPhotos = false) {
    const body = { reported_on: yesterday(), status: 'in_progress', physical_progress: 45, financial_progress: 40, note: 'الجدار الشمالي اكتمل', version, base: BASE, ...extra };
    if (!withPhotos) return engineer.post(`/api/projects/${project.id}/progress`, body);
    const form = new FormData();
    form.append('report', JSON.stringify(body));
    form.append('photos', new File([png(24, 16, 7) as Uint8Array<ArrayBuffer>], 'north.png', { type: 'image/png' }));
    form.append('photos', new File([png(24, 16, 8) as Uint8Array<ArrayBuffer>], 'south.png', { type: 'image/png' }));
    return engineer.post(`/api/projects/${project.id}/progress`, form);
  }

  /** A held report (with photos) on a stale project: its id, the project and who made it. */
  async function heldReport(moved?: Record<string, unknown>) {
    const { project, seen, admin } = await staleProject(moved);
    const engineer = await t.as(DEMO.engineer);
    const res = await fieldReport(engineer, project, seen, {}, true);
    expect(res.status).toBe(202);
    const held = await res.json();
    return { conflictId: held.conflict_id as number, project, admin, engineer, held };
  }

  describe('the base rule', () => {
    it('applies a stale report whose base did not move (someone only retitled the project)', async () => {
      const { project, seen } = await staleProject(null);
      const res = await fieldReport(await t.as(DEMO.engineer), project, seen, { reported_on: today() });
      expect(res.status).toBe(201);
      expect(await res.json()).toMatchObject({ outcome: 'applied', id: expect.any(Number) });
      expect(await projectRow(project.id)).toMatchObject({ physical_progress: 45, financial_progress: 40, title_en: 'Retitled by the ministry' });
    });

    it('holds a stale report whose base moved: 202, the project unchanged, the evidence readable', async () => {
      const { project, seen } = await staleProject();
      const before = await projectRow(project.id);
      const reportsBefore = await t.db.query('select id from progress_updates where project_id = $1', [project.id]);
      const engineer = await t.as(DEMO.engineer);
      const res = await fieldReport(engineer, project, seen, {}, true);
      expect(res.status).toBe(202);
      const held = await res.json();
      expect(held).toEqual({ outcome: 'held', conflict_id: expect.any(Number), version: before.version });
      expect(await projectRow(project.id)).toEqual(before);
      expect(await t.db.query('select id from progress_updates where project_id = $1', [project.id])).toEqual(reportsBefore);

      const conflict = await engineer.json(`/api/conflicts/${held.conflict_id}`);
      expect(conflict).toMatchObject({
        kind: 'progress_report',
        state: 'pending',
        project: { id: project.id, governorate: 'SY-DI' },
        field_date: yesterday(),
        base_version: seen,
        base: BASE,
        current: { status: 'in_progress', physical_progress: 30, financial_progress: 25 },
        proposed: { status: 'in_progress', physical_progress: 45, financial_progress: 40 },
        note: 'الجدار الشمالي اكتمل',
        decided_by: null,
      });
      expect(conflict.photos).toHaveLength(2);
      const photo = await engineer.get(conflict.photos[0].url);
      expect(photo.status).toBe(200);
      expect(photo.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await photo.arrayBuffer()).equals(png(24, 16, 7))).toBe(true);
    });

    it('keeps the 409 of a stale report without a base', async () => {
      const { project, seen } = await staleProject();
      const res = await fieldReport(await t.as(DEMO.engineer), project, seen, { base: undefined });
      await expectProblem(res, 409);
    });
  });

  describe('deciding', () => {
    it('accepts a held report: a new report with its original date, author and photos, and the current state', async () => {
      const { conflictId, project, engineer } = await heldReport();
      const res = await engineer.post(`/api/conflicts/${conflictId}/accept`, { note: 'التحقق من الصور' });
      expect(res.status).toBe(200);
      const decided = await res.json();
      expect(decided).toMatchObject({ state: 'accepted', decided_by: expect.any(String), decision_note: 'التحقق من الصور', applied_report_id: expect.any(Number) });
      // Older than the admin's report of today, yet the current state; last_update_on stays the latest date.
      expect(await projectRow(project.id)).toMatchObject({ physical_progress: 45, financial_progress: 40, last_update_on: today() });
      const reports = (await engineer.json(`/api/projects/${project.id}/progress`)).items as { id: number; reported_on: string; author: string; photos: unknown[] }[];
      const applied = reports.find((r) => r.id === decided.applied_report_id)!;
      expect(applied).toMatchObject({ reported_on: yesterday(), photos: [expect.anything(), expect.anything()] });
      const [author] = await t.db.query<{ email: string }>('select u.email from progress_updates p join users u on u.id = p.author_id where p.id = $1', [applied.id]);
      expect(author!.email).toBe(DEMO.engineer);
      // Decided once.
      await expectProblem(await engineer.post(`/api/conflicts/${conflictId}/accept`, {}), 409);
    });

    it('refuses an accept the lifecycle no longer allows (422) and leaves the conflict pending', async () => {
      const { conflictId, project, admin, engineer } = await heldReport();
      const now = await projectRow(project.id);
      expect((await reportProgress(admin, { id: project.id, version: now.version }, { status: 'completed', physical_progress: 100, financial_progress: 100 })).status).toBe(201);
      await expectProblem(await engineer.post(`/api/conflicts/${conflictId}/accept`), 422, { detail: /completed cannot become in_progress/ });
      expect(await engineer.json(`/api/conflicts/${conflictId}`)).toMatchObject({ state: 'pending', current: { status: 'completed' } });
      expect((await projectRow(project.id)).status).toBe('completed');
    });

    it('rejects only with a note; the evidence stays readable', async () => {
      const { conflictId, engineer } = await heldReport();
      await expectProblem(await engineer.post(`/api/conflicts/${conflictId}/reject`, {}), 400, { parameter: 'note' });
      const res = await engineer.post(`/api/conflicts/${conflictId}/reject`, { note: 'الأرقام قديمة' });
      expect(res.status).toBe(200);
      const rejected = await res.json();
      expect(rejected).toMatchObject({ state: 'rejected', decision_note: 'الأرقام قديمة', note: 'الجدار الشمالي اكتمل', applied_report_id: null });
      expect((await engineer.get(rejected.photos[1].url)).status).toBe(200);
      await expectProblem(await engineer.post(`/api/conflicts/${conflictId}/accept`), 409);
    });
  });

  describe('who sees and decides', () => {
    it('shows a conflict to the ministry and the governorate engineer; lets only admins and that engineer decide', async () => {
      const { conflictId, project } = await heldReport();
      const listed = async (who: Client) => ((await who.json(`/api/conflicts?project=${project.id}`)).items as { id: number }[]).map((c) => c.id);
      const pending = async (who: Client) => (await who.json('/api/conflicts/count')).pending as number;

      for (const email of [DEMO.engineer, DEMO.admin, DEMO.minister, DEMO.viewer, DEMO.planner]) {
        const who = await t.as(email);
        expect(await listed(who)).toEqual([conflictId]);
        expect((await who.get(`/api/conflicts/${conflictId}`)).status).toBe(200);
        expect(await pending(who)).toBeGreaterThan(0);
      }
      for (const who of [await t.as(DEMO.aleppoEngineer), await t.as(DEMO.gizDonor), t.anonymous]) {
        expect(await listed(who)).toEqual([]);
        expect((await who.get(`/api/conflicts/${conflictId}`)).status).toBe(404);
        const photos = await t.db.query<{ id: number }>('select id from field_conflict_photos where conflict_id = $1', [conflictId]);
        expect((await who.get(`/api/conflicts/${conflictId}/photos/${photos[0]!.id}`)).status).toBe(404);
      }
      expect(await pending(await t.as(DEMO.gizDonor))).toBe(0);
      expect(await pending(t.anonymous)).toBe(0);

      await expectProblem(await (await t.as(DEMO.minister)).post(`/api/conflicts/${conflictId}/accept`), 403);
      await expectProblem(await (await t.as(DEMO.aleppoEngineer)).post(`/api/conflicts/${conflictId}/accept`), 404);
      await expectProblem(await (await t.as(DEMO.gizDonor)).post(`/api/conflicts/${conflictId}/reject`, { note: 'no' }), 404);
      await expectProblem(await t.anonymous.post(`/api/conflicts/${conflictId}/accept`), 401);
      expect((await (await t.as(DEMO.admin)).post(`/api/conflicts/${conflictId}/reject`, { note: 'مكرر' })).status).toBe(200);
    });

    it('audits holding and deciding, and shows both in the history only to those who see conflicts', async () => {
      const { conflictId, project, engineer } = await heldReport();
      expect((await engineer.post(`/api/conflicts/${conflictId}/accept`)).status).toBe(200);
      const audit = await t.db.query<{ action: string; email: string }>(
        `select l.action, u.email from audit_log l join users u on u.id = l.actor_id
          where l.table_name = 'field_conflicts' and l.row_key = $1 order by l.id`,
        [String(conflictId)],
      );
      expect(audit).toEqual([
        { action: 'insert', email: DEMO.engineer },
        { action: 'update', email: DEMO.engineer },
      ]);
      const conflictEntries = async (who: Client) =>
        ((await who.json(`/api/projects/${project.id}/history`)).items as { table: string; to: Record<string, unknown> | null }[]).filter((e) => e.table === 'field_conflicts');
      for (const who of [engineer, await t.as(DEMO.admin), await t.as(DEMO.minister)]) {
        const entries = await conflictEntries(who);
        expect(entries).toHaveLength(2);
        expect(entries[0]!.to).toMatchObject({ state: 'accepted' });
        expect(entries[1]!.to).toMatchObject({ kind: 'progress_report', state: 'pending' });
        expect(entries[1]!.to).not.toHaveProperty('request');
      }
      for (const who of [await t.as(DEMO.aleppoEngineer), await t.as(DEMO.gizDonor), t.anonymous]) {
        expect(await conflictEntries(who)).toEqual([]);
      }
    });
  });

  describe('project changes', () => {
    it('applies a stale change whose fields did not move, holds one whose field moved, and applies it on accept', async () => {
      const { project, seen, admin } = await staleProject(null);
      const engineer = await t.as(DEMO.engineer);
      const patch = (body: unknown) => engineer.request(`/api/projects/${project.id}`, { method: 'PATCH', body });
      // The budget was not touched by the ministry's retitling: applied.
      expect((await patch({ budget: 250000, version: seen, base: { budget: null } })).status).toBe(200);
      // The English title was: held.
      const before = await projectRow(project.id);
      const res = await patch({ title_en: 'Water network, as built', version: seen, base: { title_en: 'Test project' } });
      expect(res.status).toBe(202);
      const held = await res.json();
      expect(held).toEqual({ outcome: 'held', conflict_id: expect.any(Number), version: before.version });
      expect(await projectRow(project.id)).toEqual(before);
      expect(await engineer.json(`/api/conflicts/${held.conflict_id}`)).toMatchObject({
        kind: 'project_edit',
        base: { title_en: 'Test project' },
        current: { title_en: 'Retitled by the ministry' },
        proposed: { title_en: 'Water network, as built' },
      });
      // Without a base, as before.
      await expectProblem(await patch({ title_en: 'Water network, as built', version: seen }), 409);
      expect((await admin.post(`/api/conflicts/${held.conflict_id}/accept`)).status).toBe(200);
      expect(await projectRow(project.id)).toMatchObject({ title_en: 'Water network, as built', budget: 250000 });
    });
  });

  describe('plot status changes', () => {
    it('applies a stale plot whose status did not move, holds one whose status moved, and applies it on accept', async () => {
      const admin = await t.as(DEMO.admin);
      const engineer = await t.as(DEMO.engineer);
      const zone = await createZone(t.db, admin, { grid: { rows: 1, cols: 2 } });
      const [a, b] = zone.plots;
      const [mine, theirs] = [await addInvestor(t.db, 'شركة الميدان'), await addInvestor(t.db, 'شركة الوزارة')];
      // Meanwhile: plot A1's jobs are edited (status untouched), plot A2 is reserved for another investor.
      expect((await admin.patch(`/api/zones/${zone.id}/plots/${a!.id}`, { planned_jobs: 30, version: a!.version })).status).toBe(200);
      expect((await admin.post(`/api/zones/${zone.id}/plots/status`, { plots: [{ id: b!.id, version: b!.version }], status: 'reserved', investor_id: theirs })).status).toBe(200);
      const vacant = { status: 'vacant', investor_id: null };
      const plotRow = async (id: number) => (await t.db.query<{ status: string; investor_id: number | null; version: number }>('select status, investor_id, version from zone_plots where id = $1', [id]))[0]!;

      const applied = await engineer.post(`/api/zones/${zone.id}/plots/status`, { plots: [{ id: a!.id, version: a!.version, base: vacant }], status: 'reserved', investor_id: mine });
      expect(applied.status).toBe(200);
      expect(await plotRow(a!.id)).toMatchObject({ status: 'reserved', investor_id: mine });

      const before = await plotRow(b!.id);
      const res = await engineer.post(`/api/zones/${zone.id}/plots/status`, { plots: [{ id: b!.id, version: b!.version, base: vacant }], status: 'allocated', investor_id: mine });
      expect(res.status).toBe(202);
      const held = await res.json();
      expect(held).toMatchObject({ outcome: 'held', conflict_id: expect.any(Number) });
      expect(await plotRow(b!.id)).toEqual(before);
      expect(await engineer.json(`/api/conflicts/${held.conflict_id}`)).toMatchObject({
        kind: 'plot_status',
        project: { id: zone.id },
        plot_ids: [b!.id],
        base: { [b!.id]: vacant },
        current: { [b!.id]: { status: 'reserved', investor_id: theirs } },
        proposed: { [b!.id]: { status: 'allocated', investor_id: mine } },
      });
      // Without a base, as before.
      await expectProblem(await engineer.post(`/api/zones/${zone.id}/plots/status`, { plots: [{ id: b!.id, version: b!.version }], status: 'allocated', investor_id: mine }), 409);

      expect((await engineer.post(`/api/conflicts/${held.conflict_id}/accept`)).status).toBe(200);
      expect(await plotRow(b!.id)).toMatchObject({ status: 'allocated', investor_id: mine });
    });
  });
});
