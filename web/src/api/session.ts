import { ROLES, type Role } from '@marsad/contracts';
import { ApiError } from './fetchJson.ts';
import { isRecord } from './isRecord.ts';

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

/** An RFC 9457 problem from the API, with the fields the page shows. */
export class ProblemResponseError extends ApiError {
  constructor(
    url: string,
    status: number,
    readonly detail: string,
    readonly body: Record<string, unknown>,
  ) {
    super(url, status, detail);
    this.name = 'ProblemResponseError';
  }

  /** `errors: [{parameter, message}]` of a 400, as parameter → message. */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    const errors = this.body.errors;
    if (Array.isArray(errors)) {
      for (const e of errors) {
        if (isRecord(e) && typeof e.parameter === 'string' && typeof e.message === 'string') out[e.parameter] = e.message;
      }
    }
    return out;
  }
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

/** A failed answer as the page shows it: the problem's `detail`, or the status when there is none. */
export function problemFrom(url: string, status: number, body: unknown): ProblemResponseError {
  const problem = isRecord(body) ? body : {};
  const detail = typeof problem.detail === 'string' ? problem.detail : `${url}: HTTP ${status}`;
  return new ProblemResponseError(url, status, detail, problem);
}

/**
 * Sends a change to the API: JSON, or a `FormData` (multipart, for files). A non-2xx answer
 * becomes a `ProblemResponseError` with the problem's detail.
 */
export async function sendJson(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  body: unknown,
  csrfToken: string | null,
): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const form = body instanceof FormData;
  // For a form the browser writes the content type itself, with the multipart boundary.
  if (body !== undefined && !form) headers['content-type'] = 'application/json';
  if (csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body: body === undefined ? null : form ? body : JSON.stringify(body) });
  } catch {
    throw new ApiError(url, null, `${url}: no answer from the server; is the Marsad API running?`);
  }
  if (response.status === 204) return null;
  const parsed: unknown = await response.json().catch(() => null);
  if (!response.ok) throw problemFrom(url, response.status, parsed);
  return parsed;
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
  const response = await fetch('/api/auth/me', { signal: signal ?? null, headers: { accept: 'application/json' } });
  if (response.status === 401) {
    setFlag(false);
    return null;
  }
  if (!response.ok) throw new ApiError('/api/auth/me', response.status, `/api/auth/me: HTTP ${response.status}`);
  const body: unknown = await response.json();
  if (!isSession(body)) throw new ApiError('/api/auth/me', response.status, '/api/auth/me: the answer does not have the expected shape');
  return body;
}

export async function signIn(email: string, password: string): Promise<Session> {
  const body = await sendJson('POST', '/api/auth/login', { email, password }, null);
  if (!isSession(body)) throw new ApiError('/api/auth/login', 200, '/api/auth/login: the answer does not have the expected shape');
  setFlag(true);
  return body;
}

export async function signOut(csrfToken: string): Promise<void> {
  setFlag(false);
  await sendJson('POST', '/api/auth/logout', undefined, csrfToken);
}
