import type { Queryable } from '@marsad/db';
import type { AdminArea } from './loadAdminAreas.ts';
import type { OrganizationIds } from './organizations.ts';

/**
 * The demo sign-in accounts. They have no password yet (password_hash null): setting one is
 * left to the accounts feature, which looks them up by these e-mail addresses.
 */
export const DEMO_EMAIL_DOMAIN = 'marsad.demo';

export interface DemoAccounts {
  adminId: number;
  /** Approves the demo plans. */
  ministerId: number;
  /** Drafts the demo plans. */
  plannerId: number;
  /** Engineer responsible for each governorate (admin area id -> user id). */
  engineerOf: Map<number, number>;
  count: number;
}

interface AccountRow {
  email: string;
  displayName: string;
  role: 'admin' | 'minister' | 'viewer' | 'planner' | 'engineer' | 'donor';
  organizationId: number;
  areaId: number | null;
}

/** `engineer.damascus`, `engineer.rif-dimashq`, `engineer.asir` ... */
export function engineerEmail(area: Pick<AdminArea, 'nameEn'>): string {
  const slug = area.nameEn.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `engineer.${slug}@${DEMO_EMAIL_DOMAIN}`;
}

export async function insertDemoAccounts(db: Queryable, countries: readonly string[], areas: readonly AdminArea[], orgs: OrganizationIds): Promise<DemoAccounts> {
  // The ministry of Syria when Syria is seeded, else of the first country.
  const home = countries.includes('SYR') ? 'SYR' : countries[0]!;
  const ministry = orgs.ministryOf.get(home)!;
  const rows: AccountRow[] = [
    { email: `admin@${DEMO_EMAIL_DOMAIN}`, displayName: 'Demo Administrator', role: 'admin', organizationId: ministry, areaId: null },
    { email: `minister@${DEMO_EMAIL_DOMAIN}`, displayName: 'Demo Minister', role: 'minister', organizationId: ministry, areaId: null },
    { email: `viewer@${DEMO_EMAIL_DOMAIN}`, displayName: 'Demo Viewer', role: 'viewer', organizationId: ministry, areaId: null },
    { email: `planner@${DEMO_EMAIL_DOMAIN}`, displayName: 'Demo Planner', role: 'planner', organizationId: ministry, areaId: null },
    { email: `donor.undp@${DEMO_EMAIL_DOMAIN}`, displayName: 'Demo UNDP Officer', role: 'donor', organizationId: orgs.bySlug.get('undp')!, areaId: null },
    { email: `donor.giz@${DEMO_EMAIL_DOMAIN}`, displayName: 'Demo GIZ Officer', role: 'donor', organizationId: orgs.bySlug.get('giz')!, areaId: null },
  ];
  // One engineer per governorate office: engineer.damascus, engineer.aleppo, ...
  const used = new Set<string>();
  for (const area of areas) {
    let email = engineerEmail(area);
    if (used.has(email)) email = email.replace('@', `-${area.code.toLowerCase()}@`); // two units with one English name
    used.add(email);
    rows.push({ email, displayName: `Demo Engineer (${area.nameEn})`, role: 'engineer', organizationId: orgs.officeOf.get(area.id)!, areaId: area.id });
  }

  const inserted = await db.query<{ id: number; email: string }>(
    `insert into users (email, display_name, role, organization_id)
     select * from unnest($1::text[], $2::text[], $3::text[], $4::int[])
     returning id, email`,
    [rows.map((r) => r.email), rows.map((r) => r.displayName), rows.map((r) => r.role), rows.map((r) => r.organizationId)],
  );
  const idOf = new Map(inserted.map((row) => [row.email, row.id]));
  const engineers = rows.filter((r) => r.areaId !== null);
  await db.query(
    `insert into user_admin_areas (user_id, admin_area_id) select * from unnest($1::int[], $2::int[])`,
    [engineers.map((r) => idOf.get(r.email)), engineers.map((r) => r.areaId)],
  );
  return {
    adminId: idOf.get(`admin@${DEMO_EMAIL_DOMAIN}`)!,
    ministerId: idOf.get(`minister@${DEMO_EMAIL_DOMAIN}`)!,
    plannerId: idOf.get(`planner@${DEMO_EMAIL_DOMAIN}`)!,
    engineerOf: new Map(engineers.map((r) => [r.areaId!, idOf.get(r.email)!])),
    count: rows.length,
  };
}
