import type { Database, Queryable } from './Database.ts';

/**
 * Runs a write in a transaction that names who is writing, so the audit triggers record the
 * actor (see migration 0008). Every write in the API goes through here.
 */
export function withActor<T>(db: Database, actorId: number | null, work: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query(`select set_config('marsad.actor_id', $1, true)`, [actorId === null ? '' : String(actorId)]);
    return work(tx);
  });
}
