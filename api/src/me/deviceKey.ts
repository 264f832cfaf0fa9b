import { randomBytes } from 'node:crypto';
import { withActor, type Database } from '@marsad/db';

/** How long a device key is: an AES-256 key. */
export const DEVICE_KEY_BYTES = 32;

/**
 * The user's device key (table user_device_keys, migration 0025): random, made on the first ask
 * and the same ever after, so every device the user signs in on can read what another kept for
 * them, and nobody else's key opens it. Two first asks at once agree: the second insert waits for
 * the first and keeps its key.
 */
export async function deviceKeyOf(db: Database, userId: number): Promise<Uint8Array> {
  const read = (q: Pick<Database, 'query'>) => q.query<{ key: Uint8Array }>('select key from user_device_keys where user_id = $1', [userId]);
  const [known] = await read(db);
  if (known) return known.key;
  return withActor(db, userId, async (tx) => {
    await tx.query('insert into user_device_keys (user_id, key) values ($1, $2) on conflict (user_id) do nothing', [userId, randomBytes(DEVICE_KEY_BYTES)]);
    const [made] = await read(tx);
    return made!.key;
  });
}
