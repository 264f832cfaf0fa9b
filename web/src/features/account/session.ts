import { ROLES, SignedIn, type Role, type SessionUser } from '@marsad/contracts';
import { ProblemError, request } from '../../api/http.ts';

export { ROLES, type Role, type SessionUser };

/** The signed-in user and the CSRF token every change must carry (kept in memory only). */
export type Session = SignedIn;

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

/** Where the page asks who is signed in (offline too: "prepare for the field" keeps its answer). */
export const SESSION_URL = '/api/auth/me';

/** The current session, or `null` when signed out (401, or never signed in on this browser). */
export async function fetchSession(signal?: AbortSignal): Promise<Session | null> {
  if (!flagged()) return null;
  try {
    return await request(SESSION_URL, { schema: SignedIn, signal });
  } catch (error) {
    if (!(error instanceof ProblemError) || error.status !== 401) throw error;
    setFlag(false);
    return null;
  }
}

export async function signIn(email: string, password: string): Promise<Session> {
  const session = await request('/api/auth/login', { method: 'POST', body: { email, password }, schema: SignedIn });
  setFlag(true);
  return session;
}

export async function signOut(csrfToken: string): Promise<void> {
  setFlag(false);
  await request('/api/auth/logout', { method: 'POST', csrfToken });
}
