import type { MarsadApp } from '@marsad/api';

export interface TestSession {
  /** The `name=value` part of the session cookie, for a `cookie` header. */
  cookie: string;
  /** To send as `x-csrf-token` with changes. */
  csrf: string;
}

/** Signs a demo account in through the real endpoint (password `marsad-demo`). */
export async function signIn(app: MarsadApp, email: string, password = 'marsad-demo'): Promise<TestSession> {
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed with ${res.status}: ${await res.text()}`);
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: (await res.json()).csrfToken };
}
