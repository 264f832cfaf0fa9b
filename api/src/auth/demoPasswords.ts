import type { Queryable } from '@marsad/db';
import { hashPassword } from './passwords.ts';

/** The password every demo account signs in with (README). */
export const DEMO_PASSWORD = 'marsad-demo';

/** Gives the demo accounts (…@marsad.demo) their password; real accounts are never touched. */
export async function setDemoPasswords(db: Queryable): Promise<number> {
  const rows = await db.query(
    `update users set password_hash = $1 where email like '%@marsad.demo' and password_hash is null returning id`,
    [await hashPassword(DEMO_PASSWORD)],
  );
  return rows.length;
}
