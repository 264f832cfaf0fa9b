/**
 * Signing in and talking to the API as someone: the one place that knows the session cookie and
 * the CSRF token. `signIn` goes through the real endpoint; a `Client` sends the cookie with every
 * request, the CSRF token with every change, and a plain-object body as JSON.
 */

/** Every demo account's password (set when the demo database is prepared). */
export const DEMO_PASSWORD = 'marsad-demo';

/** The demo accounts tests sign in as. */
export const DEMO = {
  admin: 'admin@marsad.demo',
  minister: 'minister@marsad.demo',
  viewer: 'viewer@marsad.demo',
  planner: 'planner@marsad.demo',
  /** Engineer of Damascus (SY-DI). */
  engineer: 'engineer.damascus@marsad.demo',
  /** Engineer of Aleppo (SY-HL). */
  aleppoEngineer: 'engineer.aleppo@marsad.demo',
  /** Engineer of Rif Dimashq (SY-RD), the governorate around Damascus. */
  rifEngineer: 'engineer.rif-dimashq@marsad.demo',
  undpDonor: 'donor.undp@marsad.demo',
  gizDonor: 'donor.giz@marsad.demo',
} as const;

export interface Session {
  /** The `name=value` part of the session cookie, for a `cookie` header. */
  cookie: string;
  /** To send as `x-csrf-token` with changes. */
  csrf: string;
}

/** What requests go to: the app itself (`app.request`, no port), or a running server (`httpTarget`). */
export interface Target {
  request(path: string, init?: RequestInit): Response | Promise<Response>;
}

/** A running server at `baseUrl`, as a target: requests go over HTTP with fetch. */
export function httpTarget(baseUrl: string): Target {
  return { request: (path, init) => fetch(new URL(path, baseUrl), init) };
}

/** The sign-in endpoint's raw answer, for tests about signing in itself. */
export async function logIn(app: Target, email: string, password = DEMO_PASSWORD, headers: Record<string, string> = {}): Promise<Response> {
  return app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password }),
  });
}

/** The `name=value` part of a response's session cookie. */
export function cookieOf(res: Response): string {
  const setCookie = res.headers.get('set-cookie');
  if (!setCookie) throw new Error(`no session cookie in a ${res.status} answer`);
  return setCookie.split(';')[0]!;
}

/** Signs an account in through the real endpoint (the demo password unless given); fails loudly. */
export async function signIn(app: Target, email: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await logIn(app, email, password);
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed with ${res.status}: ${await res.text()}`);
  return { cookie: cookieOf(res), csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  /** A plain object or array is sent as JSON; text, bytes, a Blob or FormData as they are. */
  body?: unknown;
}

function isRaw(body: unknown): body is BodyInit {
  return typeof body === 'string' || body instanceof Uint8Array || body instanceof Blob || body instanceof FormData || body instanceof ArrayBuffer;
}

/** Requests as one caller: a signed-in session, or nobody (`session` null). */
export class Client {
  constructor(
    readonly app: Target,
    readonly session: Session | null,
  ) {}

  async request(path: string, { method = 'GET', headers = {}, body }: RequestOptions = {}): Promise<Response> {
    const sent: Record<string, string> = {};
    if (body !== undefined && !isRaw(body)) sent['content-type'] = 'application/json';
    if (this.session) Object.assign(sent, { cookie: this.session.cookie, 'x-csrf-token': this.session.csrf });
    Object.assign(sent, headers);
    const init: RequestInit = { method, headers: sent };
    if (body !== undefined) init.body = isRaw(body) ? body : JSON.stringify(body);
    return this.app.request(path, init);
  }

  get(path: string, headers?: Record<string, string>): Promise<Response> {
    return this.request(path, { headers });
  }

  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<Response> {
    return this.request(path, { method: 'POST', body, headers });
  }

  patch(path: string, body: unknown): Promise<Response> {
    return this.request(path, { method: 'PATCH', body });
  }

  put(path: string, body?: unknown): Promise<Response> {
    return this.request(path, { method: 'PUT', body });
  }

  delete(path: string): Promise<Response> {
    return this.request(path, { method: 'DELETE' });
  }

  /** GET and parse (as loosely typed as `Response.json()` unless told); anything but a 200 fails, with the answer in the message. */
  async json<T = Awaited<ReturnType<Response['json']>>>(path: string): Promise<T> {
    const res = await this.get(path);
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  }
}

/** Signs `email` in and returns its client. */
export async function as(app: Target, email: string, password = DEMO_PASSWORD): Promise<Client> {
  return new Client(app, await signIn(app, email, password));
}

/** A client without a session. */
export function anonymous(app: Target): Client {
  return new Client(app, null);
}
