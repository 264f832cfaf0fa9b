import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '@marsad/db';
import type { Role, Viewer } from '../access/Viewer.ts';

export const SESSION_COOKIE = 'marsad_session';
export const SESSION_DAYS = 14;

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

export interface SessionUser {
  id: number;
  email: string;
  display_name: string;
  role: Role;
  organization_id: number;
  organization: string;
  /** ISO 3166-2 codes of the governorates an engineer may write. */
  governorates: string[];
}

/** Starts a session: returns the cookie token (never stored as is) and the CSRF token. */
export async function createSession(db: Queryable, userId: number): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.query(
    `insert into sessions (token_hash, user_id, csrf_token, expires_at)
     values ($1, $2, $3, now() + make_interval(days => $4))`,
    [sha256(token), userId, csrfToken, SESSION_DAYS],
  );
  return { token, csrfToken };
}

/** The live session behind a cookie token, with its user; undefined when unknown, expired or disabled. */
export async function findSession(
  db: Queryable,
  token: string,
): Promise<{ user: SessionUser; csrfToken: string; viewer: Viewer } | undefined> {
  const [row] = await db.query<SessionUser & { csrf_token: string }>(
    `select u.id, u.email, u.display_name, u.role, u.organization_id, o.slug as organization, s.csrf_token,
            array(select a.code from user_admin_areas ua join admin_areas a on a.id = ua.admin_area_id
                   where ua.user_id = u.id order by a.code) as governorates
       from sessions s join users u on u.id = s.user_id join organizations o on o.id = u.organization_id
      where s.token_hash = $1 and s.expires_at > now() and u.disabled_at is null`,
    [sha256(token)],
  );
  if (!row) return undefined;
  const { csrf_token, ...user } = row;
  return {
    user,
    csrfToken: csrf_token,
    viewer: { kind: 'user', userId: user.id, role: user.role, organizationId: user.organization_id },
  };
}

export async function endSession(db: Queryable, token: string): Promise<void> {
  await db.query('delete from sessions where token_hash = $1', [sha256(token)]);
}
