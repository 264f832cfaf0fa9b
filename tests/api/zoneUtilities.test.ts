import { png } from '@marsad/demo';
import { ProgressReportList, ZoneDetail, ZoneTimeline } from '@marsad/contracts';
import { describe, expect, it } from 'vitest';
import { DEMO, type Client } from '../support/client.ts';
import { createProject, reportProgress } from '../support/freshData.ts';
import { expectProblem } from '../support/problems.ts';
import { useTestApp } from '../support/testApp.ts';
import { createZone } from '../support/zoneDetailFixtures.ts';

describe("a zone's utilities, reported with its progress reports", () => {
  const t = useTestApp('demo');

  const versionOf = async (id: number) => (await t.db.query<{ version: number }>('select version from projects where id = $1', [id]))[0]!.version;
  /** A report on `id` at its current version, dated `reported_on`, with `utilities`. */
  const report = async (who: Client, id: number, reported_on: string, utilities: unknown[], extra: Record<string, unknown> = {}) =>
    reportProgress(who, { id, version: await versionOf(id) }, { reported_on, utilities, ...extra });
  const counts = async (id: number) =>
    (
      await t.db.query<{ reports: number; lines: number }>(
        `select (select count(*)::int from progress_updates where project_id = $1) as reports,
                (select count(*)::int from zone_utility_reports where zone_id = $1) as lines`,
        [id],
      )
    )[0]!;

  it('keeps each network at its latest report by date: a report dated earlier, sent later, does not override a newer one', async () => {
    const engineer = await t.as(DEMO.engineer);
    const zone = await createZone(await t.as(DEMO.admin), t.db, { development: 'rehabilitation' });
    const march = await report(engineer, zone.id, '2025-03-01', [
      { network: 'water', stage: 'operational', readiness: 90, note: 'الشبكة تعمل' },
      { network: 'roads', stage: 'under_construction', readiness: 40 },
    ]);
    expect(march.status).toBe(201);
    const january = await report(engineer, zone.id, '2025-01-10', [
      { network: 'water', stage: 'damaged', readiness: 10 },
      { network: 'electricity', stage: 'design', readiness: 20 },
    ]);
    expect(january.status).toBe(201);

    const detail = ZoneDetail.parse(await engineer.json(`/api/zones/${zone.id}`));
    expect(detail.utilities).toEqual([
      { network: 'water', stage: 'operational', readiness: 90, reported_on: '2025-03-01' },
      { network: 'electricity', stage: 'design', readiness: 20, reported_on: '2025-01-10' },
      { network: 'roads', stage: 'under_construction', readiness: 40, reported_on: '2025-03-01' },
      { network: 'sewage', stage: null, readiness: 0, reported_on: null },
      { network: 'telecoms', stage: null, readiness: 0, reported_on: null },
    ]);
    expect(detail.totals.readiness).toBe((90 + 20 + 40) / 5);
    expect((await engineer.json(`/api/projects/${zone.id}`)).zone.utilities).toEqual({ water: 90, electricity: 20, roads: 40, sewage: 0, telecoms: 0 });

    // Each report lists its own lines, in network order; a line without a note has none.
    const list = ProgressReportList.parse(await engineer.json(`/api/projects/${zone.id}/progress`));
    expect(list.items.map((r) => [r.reported_on, r.utilities])).toEqual([
      ['2025-03-01', [{ network: 'water', stage: 'operational', readiness: 90, note: 'الشبكة تعمل' }, { network: 'roads', stage: 'under_construction', readiness: 40 }]],
      ['2025-01-10', [{ network: 'water', stage: 'damaged', readiness: 10 }, { network: 'electricity', stage: 'design', readiness: 20 }]],
    ]);
    // Other projects' reports have none.
    const plain = await createProject(engineer, { status: 'in_progress' });
    const theirs = ProgressReportList.parse(await engineer.json(`/api/projects/${plain.id}/progress`));
    expect(theirs.items.map((r) => r.utilities)).toEqual([[]]);
  });

  it('refuses utility lines on a project that is not a zone, naming them, writing nothing', async () => {
    const engineer = await t.as(DEMO.engineer);
    const plain = await createProject(engineer, { status: 'in_progress' });
    const before = await counts(plain.id);
    const res = await report(engineer, plain.id, '2025-03-01', [{ network: 'water', stage: 'design', readiness: 5 }]);
    await expectProblem(res, 400, { parameter: 'utilities', detail: /only industrial and craft zones/ });
    expect(await counts(plain.id)).toEqual(before);
    // No lines at all is an ordinary report.
    expect((await report(engineer, plain.id, '2025-03-01', [])).status).toBe(201);
  });

  it.each([
    [[{ network: 'water', stage: 'design', readiness: 101 }], 'utilities.0.readiness'],
    [[{ network: 'gas', stage: 'design', readiness: 1 }], 'utilities.0.network'],
    [[{ network: 'water', stage: 'finished', readiness: 1 }], 'utilities.0.stage'],
    [[{ network: 'water', stage: 'design', readiness: 1 }, { network: 'water', stage: 'tendering', readiness: 2 }], 'utilities'],
  ])('refuses the lines %j with a 400 naming %s', async (utilities, parameter) => {
    const engineer = await t.as(DEMO.engineer);
    const zone = await createZone(await t.as(DEMO.admin), t.db);
    const res = await report(engineer, zone.id, '2025-03-01', utilities);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { parameter: string }[] }).errors.map((e) => e.parameter)).toContain(parameter);
    expect(await counts(zone.id)).toEqual({ reports: 0, lines: 0 });
  });

  it('stores a zone report, its photos and its utility lines together, and shows them on the timeline', async () => {
    const engineer = await t.as(DEMO.engineer);
    const zone = await createZone(await t.as(DEMO.admin), t.db);
    const form = new FormData();
    const body = {
      reported_on: '2025-04-02', status: 'in_progress', physical_progress: 30, financial_progress: 20, note: 'محطة الكهرباء',
      version: await versionOf(zone.id), utilities: [{ network: 'electricity', stage: 'partially_operational', readiness: 55 }],
    };
    form.append('report', JSON.stringify(body));
    form.append('photos', new File([png(40, 30, 7) as Uint8Array<ArrayBuffer>], 'substation.png', { type: 'image/png' }));
    const res = await engineer.post(`/api/projects/${zone.id}/progress`, form);
    expect(res.status).toBe(201);
    const recorded = (await res.json()) as { id: number; photos: { url: string }[] };
    expect(recorded.photos).toHaveLength(1);

    const timeline = ZoneTimeline.parse(await engineer.json(`/api/zones/${zone.id}/timeline`));
    expect(timeline.items).toHaveLength(1);
    expect(timeline.items[0]).toMatchObject({
      kind: 'report',
      on: '2025-04-02',
      report: {
        id: recorded.id, note: 'محطة الكهرباء',
        photos: [{ url: recorded.photos[0]!.url, content_type: 'image/png', width: 40, height: 30 }],
        utilities: [{ network: 'electricity', stage: 'partially_operational', readiness: 55 }],
      },
    });
    const photo = await engineer.get(recorded.photos[0]!.url);
    expect(photo.status).toBe(200);
    expect((await engineer.json<ZoneDetail>(`/api/zones/${zone.id}`)).utilities[1]).toEqual({
      network: 'electricity', stage: 'partially_operational', readiness: 55, reported_on: '2025-04-02',
    });

    // A bad line in a form with photos writes neither the report nor its photos.
    const bad = new FormData();
    bad.append('report', JSON.stringify({ ...body, version: await versionOf(zone.id), utilities: [{ network: 'water', stage: 'design', readiness: 500 }] }));
    bad.append('photos', new File([png(40, 30, 8) as Uint8Array<ArrayBuffer>], 'x.png', { type: 'image/png' }));
    await expectProblem(await engineer.post(`/api/projects/${zone.id}/progress`, bad), 400, { parameter: 'utilities.0.readiness' });
    expect(await counts(zone.id)).toEqual({ reports: 1, lines: 1 });
  });
});
