import { migrate, type Database } from '@marsad/db';
import { seedDemoData } from '@marsad/demo';
import { loadBoundaries } from '@marsad/geodata';
import { setDemoPasswords } from '../auth/demoPasswords.ts';

export interface SetUpOptions {
  /** Seed the demo data when the database has no projects yet. */
  demo: boolean;
}

export interface SetUpReport {
  migrations: string[];
  boundariesLoaded: boolean;
  demoSeeded: boolean;
}

/** Brings any database to a usable state: schema up to date, boundaries loaded, demo data if asked. */
export async function setUpDatabase(db: Database, options: SetUpOptions): Promise<SetUpReport> {
  const migrations = await migrate(db);
  const [counts] = await db.query<{ areas: number; projects: number }>(
    'select (select count(*) from admin_areas) as areas, (select count(*) from projects) as projects',
  );
  const boundariesLoaded = counts?.areas === 0;
  if (boundariesLoaded) await db.transaction((tx) => loadBoundaries(tx));
  const demoSeeded = options.demo && counts?.projects === 0;
  if (demoSeeded) {
    await seedDemoData(db);
    await setDemoPasswords(db);
    // The load rewrote each project row once per batch of updates: reclaim that space and refresh statistics.
    await db.exec('vacuum analyze');
  }
  return { migrations, boundariesLoaded, demoSeeded };
}
