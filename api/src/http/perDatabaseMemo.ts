import type { Database } from '@marsad/db';

const memos = new WeakMap<Database, Map<string, Promise<unknown>>>();

/**
 * Computes once per database and key, for data that changes only when the database is set up
 * (boundaries). On PGlite, with its one connection, every query saved is time given back to
 * other requests.
 */
export function perDatabaseMemo<T>(db: Database, key: string, compute: () => Promise<T>): Promise<T> {
  let memo = memos.get(db);
  if (!memo) memos.set(db, (memo = new Map()));
  let value = memo.get(key) as Promise<T> | undefined;
  if (!value) {
    value = compute();
    memo.set(key, value);
    value.catch(() => memo.delete(key)); // a failure is not remembered
  }
  return value;
}
