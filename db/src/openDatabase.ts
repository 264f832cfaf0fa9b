import type { Database } from './Database.ts';
import { PgliteDatabase } from './PgliteDatabase.ts';
import { PostgresDatabase } from './PostgresDatabase.ts';

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir?: string; snapshot?: Blob };

/** Opens the engine the configuration names: a PostgreSQL server, or embedded PGlite. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    return PostgresDatabase.open(target.url, target.poolSize === undefined ? {} : { max: target.poolSize });
  }
  return PgliteDatabase.open({
    ...(target.dataDir === undefined ? {} : { dataDir: target.dataDir }),
    ...(target.snapshot === undefined ? {} : { snapshot: target.snapshot }),
  });
}
