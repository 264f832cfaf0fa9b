import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceKey } from '@marsad/contracts';
import { DEMO, type Client } from '../support/client.ts';
import { expectProblem } from '../support/problems.ts';
import { testApp, type TestApp } from '../support/testApp.ts';

/**
 * GET /api/me/device-key (issue 14): the key the page encrypts a user's outbox and drafts with. One
 * per user, the same on every ask and device, another for everyone else, never for anonymous
 * callers, never kept by a cache, and never written into the audit log.
 */
describe('the device key', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await testApp('demo');
  });
  afterAll(() => t.close());

  const keyOf = async (who: Client) => {
    const res = await who.get('/api/me/device-key');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    return DeviceKey.parse(await res.json());
  };
  const userId = async (email: string) => (await t.db.query<{ id: number }>('select id from users where email = $1', [email]))[0]!.id;

  it('is 32 random bytes made on the first ask, the same on every later ask and in every session of the user', async () => {
    const engineer = await t.as(DEMO.engineer);
    const first = await keyOf(engineer);
    expect(first.user_id).toBe(await userId(DEMO.engineer));
    expect(Buffer.from(first.key, 'base64')).toHaveLength(32);
    expect(await keyOf(engineer)).toEqual(first);
    // Another device: another session of the same user.
    expect(await keyOf(await t.as(DEMO.engineer))).toEqual(first);
  });

  it('differs between users, also when they ask at once', async () => {
    const [admin, aleppo] = await Promise.all([t.as(DEMO.admin), t.as(DEMO.aleppoEngineer)]);
    const keys = await Promise.all([keyOf(admin), keyOf(aleppo), keyOf(admin), keyOf(aleppo)]);
    expect(keys[2]).toEqual(keys[0]);
    expect(keys[3]).toEqual(keys[1]);
    expect(keys[0]!.key).not.toBe(keys[1]!.key);
    expect(keys.map((k) => k.user_id)).toEqual([await userId(DEMO.admin), await userId(DEMO.aleppoEngineer), await userId(DEMO.admin), await userId(DEMO.aleppoEngineer)]);
  });

  it('is never given to anonymous callers', async () => {
    const res = await t.anonymous.get('/api/me/device-key');
    await expectProblem(res, 401, { detail: /Sign in/ });
    expect(res.headers.get('cache-control') ?? '').not.toMatch(/public|max-age/);
  });

  it('is audited as made, by whom and when, without the key', async () => {
    const viewer = await t.as(DEMO.viewer);
    const { key, user_id } = await keyOf(viewer);
    const entries = await t.db.query<{ actor_id: number; action: string; new_values: Record<string, unknown>; leaked: boolean }>(
      `select actor_id, action, new_values, position($2 in l.new_values::text) > 0 or position(encode(decode($3, 'base64'), 'hex') in l.new_values::text) > 0 as leaked
         from audit_log l where table_name = 'user_device_keys' and row_key = $1::text`,
      [user_id, key, key],
    );
    expect(entries).toEqual([{ actor_id: user_id, action: 'insert', new_values: { user_id, created_at: expect.any(String) }, leaked: false }]);
  });
});
