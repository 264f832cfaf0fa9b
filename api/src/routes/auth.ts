import { createRoute } from '@hono/zod-openapi';
import { named } from '../http/openApiNames.ts';
import { deleteCookie, setCookie } from 'hono/cookie';
import { decoyHash, passwordMatches } from '../auth/passwords.ts';
import { createSession, endSession, SESSION_COOKIE, SESSION_DAYS, type SessionUser } from '../auth/sessions.ts';
import { clientAddress, isHttps } from '../http/forwarded.ts';
import { problemResponse, unauthorized } from '../http/problems.ts';
import { createRouter } from '../http/router.ts';
import { Login, SessionUser as PublicUser, SignedIn } from '@marsad/contracts';

const SignedInSchema = SignedIn.extend({ user: named(PublicUser, 'User') });

/** "8 seconds", "3 minutes": how long to wait, as a person reads it. */
const waitText = (seconds: number) => (seconds < 90 ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${Math.ceil(seconds / 60)} minutes`);

const publicUser = ({ id, email, display_name, role, organization, governorates }: SessionUser) => ({
  id,
  email,
  display_name,
  role,
  organization,
  governorates,
});

export const auth = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/login',
      tags: ['Accounts'],
      summary: 'Sign in with email and password; sets an httpOnly session cookie',
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: Login,
            },
          },
        },
      },
      responses: {
        200: { description: 'Signed in', content: { 'application/json': { schema: SignedInSchema } } },
        401: { description: 'Wrong email or password (problem+json)' },
        429: { description: 'Too many failed attempts; Retry-After says when to try again (problem+json)' },
      },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const client = clientAddress(c);
      const wait = c.var.loginRateLimit.retryAfter(email, client);
      if (wait > 0) {
        const problem = {
          type: 'urn:marsad:problem:too-many-requests',
          title: 'Too Many Requests',
          status: 429,
          detail: `Too many failed sign-ins from your address: try again in ${waitText(wait)}`,
          instance: c.req.path,
          retry_after_seconds: wait,
        };
        return problemResponse(problem, { 'retry-after': String(wait) }) as never;
      }
      const [user] = await c.var.db.query<SessionUser & { password_hash: string | null }>(
        `select u.id, u.email, u.display_name, u.role, u.organization_id, o.slug as organization, u.password_hash,
                array(select a.code from user_admin_areas ua join admin_areas a on a.id = ua.admin_area_id
                       where ua.user_id = u.id order by a.code) as governorates
           from users u join organizations o on o.id = u.organization_id
          where u.email = $1 and u.disabled_at is null`,
        [email],
      );
      const ok = await passwordMatches(user?.password_hash ?? (await decoyHash()), password);
      if (!user || !ok) {
        c.var.loginRateLimit.fail(email, client);
        throw unauthorized('Wrong email or password');
      }
      c.var.loginRateLimit.succeed(email, client);
      const { token, csrfToken } = await createSession(c.var.db, user.id);
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Lax',
        path: '/',
        secure: isHttps(c),
        maxAge: SESSION_DAYS * 24 * 3600,
      });
      return c.json({ user: publicUser(user), csrfToken }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/logout',
      tags: ['Accounts'],
      summary: 'Sign out: ends the session (needs x-csrf-token)',
      responses: { 204: { description: 'Signed out' } },
    }),
    async (c) => {
      const session = c.get('session');
      if (session) {
        await endSession(c.var.db, session.token);
        c.var.sessions.forgetToken(session.token);
      }
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/me',
      tags: ['Accounts'],
      summary: 'The signed-in user and the CSRF token, or 401',
      responses: {
        200: { description: 'Signed in', content: { 'application/json': { schema: SignedInSchema } } },
        401: { description: 'Not signed in (problem+json)' },
      },
    }),
    (c) => {
      const session = c.get('session');
      if (!session) throw unauthorized('Not signed in');
      return c.json({ user: publicUser(session.user), csrfToken: session.csrfToken }, 200);
    },
  );
