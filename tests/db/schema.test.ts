import { withActor } from '@marsad/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../support/testDatabases.ts';

const DAMASCUS = 'ST_SetSRID(ST_Point(36.29, 33.51), 4326)';

describe('schema behaviour', () => {
  let t: TestDatabase;
  let ministry: number;
  let engineer: number;
  beforeAll(async () => {
    t = await freshDatabase('boundaries');
    [{ id: ministry }] = (await t.db.query<{ id: number }>(
      `insert into organizations (slug, kind, name_en, name_ar, country_iso3)
       values ('test-ministry', 'ministry', 'Test ministry', 'وزارة الاختبار', 'SYR') returning id`,
    )) as [{ id: number }];
    [{ id: engineer }] = (await t.db.query<{ id: number }>(
      `insert into users (organization_id, email, display_name, role) values ($1, 'eng@test.example', 'Engineer', 'engineer') returning id`,
      [ministry],
    )) as [{ id: number }];
  });
  afterAll(() => t.close());

  const insertProject = (code: string, geom: string) =>
    t.db.query<{ id: number; admin_area: string; country_iso3: string }>(
      `with p as (insert into projects (code, kind, sector_code, title_ar, title_en, geom)
                  values ($1, 'development_project', 'water', 'مشروع اختبار', 'Test project', ${geom}) returning *)
       select p.id, a.code as admin_area, p.country_iso3 from p join admin_areas a on a.id = p.admin_area_id`,
      [code],
    );

  it('derives the governorate and country from the geometry', async () => {
    const [row] = await insertProject('T-POINT', DAMASCUS);
    expect(row).toMatchObject({ admin_area: 'SY-DI', country_iso3: 'SYR' });
    // The road from Homs to Palmyra lies in Homs governorate.
    const [road] = await insertProject('T-LINE', `ST_SetSRID(ST_MakeLine(ST_Point(36.72, 34.73), ST_Point(38.27, 34.56)), 4326)`);
    expect(road?.admin_area).toBe('SY-HI');
  });

  it('rejects a project outside every governorate', async () => {
    await expect(insertProject('T-SEA', 'ST_SetSRID(ST_Point(33.0, 34.5), 4326)')).rejects.toThrow(/outside every governorate/);
  });

  it('rejects invalid geometry', async () => {
    const bowtie = `ST_SetSRID(ST_GeomFromText('POLYGON((36.2 33.4, 36.4 33.6, 36.4 33.4, 36.2 33.6, 36.2 33.4))'), 4326)`;
    await expect(insertProject('T-BOWTIE', bowtie)).rejects.toThrow(/Invalid geometry: Self-intersection/);
  });

  it('keeps progress history append-only and mirrors the latest update on the project', async () => {
    const [p] = await insertProject('T-PROGRESS', DAMASCUS);
    await t.db.query(
      `insert into progress_updates (project_id, reported_on, status, physical_progress, financial_progress)
       values ($1, '2025-06-01', 'in_progress', 40, 30), ($1, '2025-01-01', 'tendering', 0, 0)`,
      [p!.id],
    );
    // An older report arriving later does not move the current state back.
    await t.db.query(
      `insert into progress_updates (project_id, reported_on, status, physical_progress, financial_progress)
       values ($1, '2025-03-01', 'in_progress', 10, 5)`,
      [p!.id],
    );
    const [state] = await t.db.query('select status, physical_progress, financial_progress, last_update_on from projects where id = $1', [p!.id]);
    expect(state).toEqual({ status: 'in_progress', physical_progress: 40, financial_progress: 30, last_update_on: '2025-06-01' });
    await expect(t.db.query('update progress_updates set physical_progress = 99 where project_id = $1', [p!.id])).rejects.toThrow(/append-only/);
    await expect(t.db.query('delete from progress_updates where project_id = $1', [p!.id])).rejects.toThrow(/append-only/);
    await expect(
      t.db.query(
        `insert into progress_updates (project_id, reported_on, status, physical_progress, financial_progress)
         values ($1, '2025-07-01', 'in_progress', 140, 30)`,
        [p!.id],
      ),
    ).rejects.toThrow(/check/);
  });

  it('allows zone facts only on zones, and counts plots from the plots whatever is typed', async () => {
    const [p] = await insertProject('T-NOT-A-ZONE', DAMASCUS);
    await expect(
      t.db.query(
        `insert into zone_facts (project_id, kind, development, plots_total, plots_allocated, plots_in_production)
         values ($1, 'industrial_zone', 'new', 10, 5, 1)`,
        [p!.id],
      ),
    ).rejects.toThrow(/foreign key/);
    const [zone] = await t.db.query<{ id: number }>(
      `insert into projects (code, kind, sector_code, title_ar, title_en, geom)
       values ('T-ZONE', 'industrial_zone', 'industry', 'مدينة صناعية', 'Industrial city',
               ST_SetSRID(ST_Buffer(ST_Point(36.29, 33.51), 0.005), 4326)) returning id`,
    );
    // Typed counts, even inconsistent ones, are replaced by what the plots say (none yet).
    await t.db.query(
      `insert into zone_facts (project_id, kind, development, plots_total, plots_allocated, plots_in_production)
       values ($1, 'industrial_zone', 'rehabilitation', 10, 12, 1)`,
      [zone!.id],
    );
    const counts = () =>
      t.db.query('select plots_total, plots_allocated, plots_in_production, occupancy from zone_facts where project_id = $1', [zone!.id]);
    expect(await counts()).toEqual([{ plots_total: 0, plots_allocated: 0, plots_in_production: 0, occupancy: null }]);
    const [investor] = await t.db.query<{ id: number }>(
      `insert into investors (country_iso3, kind, name_ar) values ('SYR', 'company', 'شركة الاختبار') returning id`,
    );
    await t.db.query(
      `insert into zone_plots (zone_id, plot_number, geom, status, investor_id, allocated_on)
       select $1, 'A-' || n, ST_Multi(ST_MakeEnvelope(36.288 + n * 0.0005, 33.509, 36.2884 + n * 0.0005, 33.5094, 4326)),
              case when n = 1 then 'producing' when n = 2 then 'allocated' else 'vacant' end,
              case when n <= 2 then $2::bigint end, case when n <= 2 then date '2025-01-01' end
         from generate_series(1, 4) n`,
      [zone!.id, investor!.id],
    );
    await t.db.query(`update zone_facts set plots_total = 99, plots_in_production = 0 where project_id = $1`, [zone!.id]);
    expect(await counts()).toEqual([{ plots_total: 4, plots_allocated: 2, plots_in_production: 1, occupancy: 50 }]);
  });

  it('records who changed what, from and to, without secrets', async () => {
    const [p] = await insertProject('T-AUDIT', DAMASCUS);
    await withActor(t.db, engineer, (tx) => tx.query(`update projects set budget = 125000, title_en = 'Renamed' where id = $1`, [p!.id]));
    const [entry] = await t.db.query(
      `select actor_id, action, old_values, new_values from audit_log
        where table_name = 'projects' and project_id = $1 and action = 'update'`,
      [p!.id],
    );
    expect(entry).toEqual({
      actor_id: engineer,
      action: 'update',
      old_values: { budget: null, title_en: 'Test project' },
      new_values: { budget: 125000, title_en: 'Renamed' },
    });
    await withActor(t.db, null, (tx) => tx.query(`update users set password_hash = 'secret-hash' where id = $1`, [engineer]));
    const [userEntry] = await t.db.query<{ new_values: Record<string, unknown> }>(
      `select new_values from audit_log where table_name = 'users' and action = 'update' order by id desc limit 1`,
    );
    expect(userEntry?.new_values).toEqual({ password_hash: '***' });
  });

  it('versions each project change for optimistic concurrency', async () => {
    const [p] = await insertProject('T-VERSION', DAMASCUS);
    const [before] = await t.db.query<{ version: number }>('select version from projects where id = $1', [p!.id]);
    await t.db.query(`update projects set title_en = 'v2' where id = $1`, [p!.id]);
    const [after] = await t.db.query<{ version: number }>('select version from projects where id = $1', [p!.id]);
    expect(after!.version).toBe(before!.version + 1);
  });
});
