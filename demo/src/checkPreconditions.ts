import type { Queryable } from '@marsad/db';

/**
 * Refuses, with a message that says what to do, to seed a database that is not ready
 * (not migrated, boundaries missing) or that already holds demo data (seeding twice would
 * silently double every count on the dashboard).
 */
export async function checkPreconditions(db: Queryable, countries: readonly string[]): Promise<void> {
  const [schema] = await db.query<{ ready: boolean }>(
    `select to_regclass('public.projects') is not null and to_regclass('public.progress_updates') is not null
            and to_regclass('public.project_shares') is not null as ready`,
  );
  if (!schema?.ready) {
    throw new Error('Cannot seed demo data: the database is not migrated (table "projects" is missing). Run migrate() from @marsad/db first.');
  }

  const counts = await db.query<{ iso3: string; has_country: boolean; areas: number }>(
    `select w.iso3, exists (select 1 from countries c where c.iso3 = w.iso3) as has_country,
            (select count(*) from admin_areas a where a.country_iso3 = w.iso3 and a.level = 1) as areas
       from unnest($1::text[]) as w(iso3)`,
    [countries],
  );
  const missing = counts.filter((row) => !row.has_country || row.areas === 0).map((row) => row.iso3);
  if (missing.length > 0) {
    throw new Error(
      `Cannot seed demo data: no boundaries for ${missing.join(', ')} (tables "countries" and level-1 "admin_areas"). ` +
        `Load the boundaries first (the geodata loader), or seed only countries that are loaded with the "countries" option.`,
    );
  }

  const [present] = await db.query<{ projects: number; users: number }>(
    `select (select count(*) from projects where is_demo) as projects,
            (select count(*) from users where email like '%@marsad.demo') as users`,
  );
  if (present && (present.projects > 0 || present.users > 0)) {
    throw new Error(
      `Demo data is already present (${present.projects} demo projects, ${present.users} demo accounts); refusing to seed it twice. ` +
        `Use a fresh database, or delete the demo data first (projects where is_demo, users whose email ends in @marsad.demo).`,
    );
  }
}
