import { DeviceKey } from '@marsad/contracts';
import type { Client } from './client.ts';
import { unlockVault, type UserVault } from '../../web/src/features/outbox/outboxVault.ts';
import type { Transport } from '../../web/src/features/outbox/sendStep.ts';

/**
 * The page's outbox in Node: IndexedDB from fake-indexeddb (import 'fake-indexeddb/auto' first),
 * WebCrypto as Node has it, and requests to the app itself as the client's session.
 */

/** A transport to the app as `client` (its cookie and CSRF token), as the page's fetch would send it. */
export function clientTransport(client: Client): Transport {
  return (path, init) => {
    const headers = new Headers(init.headers);
    if (client.session !== null) {
      headers.set('cookie', client.session.cookie);
      headers.set('x-csrf-token', client.session.csrf);
    }
    return Promise.resolve(client.app.request(path, { ...init, headers }));
  };
}

/** The user's id and device key as the API gives them. */
export async function deviceKeyOf(client: Client): Promise<DeviceKey> {
  const res = await client.get('/api/me/device-key');
  if (res.status !== 200) throw new Error(`GET /api/me/device-key answered ${res.status}: ${await res.text()}`);
  return DeviceKey.parse(await res.json());
}

/** Signs the client's user in on "this device": their vault opened with their key. */
export async function vaultOf(client: Client): Promise<UserVault> {
  const key = await deviceKeyOf(client);
  return unlockVault(key.user_id, key.key);
}
