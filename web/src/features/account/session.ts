import { ROLES, type Role } from '@marsad/contracts';
import { guarded, ProblemError, request } from '../../api/http.ts';
import { isRecord } from '../../api/isRecord.ts';

export { ROLES, type Role };

export interface SessionUser {
  id: number;
  email: string;
  display_name: string;
  role: Role;
  /** The organization's slug. */
  organization: string;
  /** ISO 3166-2 codes of the governorates an engineer writes in. */
  governorates: string[];
}

/** The signed-in user and the CSRF token every change must carry (kept in memory only). */
export interface Session {
  user: SessionUser;
  csrfToken: string;
}

export function isSession(body: unknown): body is Session {
  if (!isRecord(body) || typeof body.csrfToken !== 'string' || !isRecord(body.user)) return false;
  const u = body.user;
  return (
    typeof u.id === 'number' &&
    typeof u.display_name === 'string' &&
    typeof u.organization === 'string' &&
    (ROLES as readonly unknown[]).includes(u.role) &&
    Array.isArray(u.governorates)
  );
}

/**
 * Whether this browser signed in before. The session cookie is httpOnly, so the page cannot see
 * it; this flag spares anonymous visitors a `/api/auth/me` that could only answer 401.
 */
const SIGNED_IN_FLAG = 'marsad.signedIn';

function flagged(): boolean {
  try {
    return window.localStorage.getItem(SIGNED_IN_FLAG) === '1';
  } catch {
    return false;
  }
}

function setFlag(on: boolean): void {
  try {
    if (on) window.localStorage.setItem(SIGNED_IN_FLAG, '1');
    else window.localStorage.removeItem(SIGNED_IN_FLAG);
  } catch {
    // Storage disabled: every visit then starts signed out.
  }
}

/** The current session, or `null` when signed out (401, or never signed in on this browser). */
export async function fetchSession(signal?: AbortSignal): Promise<Session | null> {
  if (!flagged()) return null;
  try {
    return await request('/api/auth/me', { schema: guarded(isSession), signal });
  } catch (error) {
    if (!(error instanceof ProblemError) || error.status !== 401) throw error;
    setFlag(false);
    return null;
  }
}

export async function signIn(email: string, password: string): Promise<Session> {
  const session = await request('/api/auth/login', { method: 'POST', body: { email, password }, schema: guarded(isSession) });
  setFlag(true);
  return session;
}

export async function signOut(csrfToken: string): Promise<void> {
  setFlag(false);
  await request('/api/auth/logout', { method: 'POST', csrfToken });
}
