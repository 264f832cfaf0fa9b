import { createRoute } from '@hono/zod-openapi';
import { DeviceKey } from '@marsad/contracts';
import { named } from '../http/openApiNames.ts';
import { json } from '../http/openApiRoutes.ts';
import { requireUser } from '../http/requireUser.ts';
import { createRouter } from '../http/router.ts';
import { deviceKeyOf } from './deviceKey.ts';

/** /api/me: what belongs to the signed-in user alone, never kept by any cache. */
export const meRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/device-key',
    tags: ['Accounts'],
    summary: 'Your key for what your devices keep for you (outbox, drafts)',
    description:
      'A random 32-byte key (base64), made on the first ask and the same ever after, for you alone. The page encrypts your outbox and drafts ' +
      'with it (AES-GCM) and forgets it when you sign out. Sent with `Cache-Control: no-store`: no cache, the service worker\'s included, keeps it.',
    middleware: [requireUser('Sign in to get the key your device keeps your outbox and drafts under')] as const,
    responses: {
      200: { description: 'Your key', content: json(named(DeviceKey, 'DeviceKey')) },
      401: { description: 'Not signed in: there is no key for anonymous callers' },
    },
  }),
  async (c) => {
    const { userId } = c.var.user;
    const key = await deviceKeyOf(c.var.db, userId);
    return c.json({ user_id: userId, key: Buffer.from(key).toString('base64') }, 200, { 'cache-control': 'no-store', vary: 'Cookie' });
  },
);
