export type { Database, EngineName, Queryable } from './Database.ts';
export { PgliteDatabase } from './PgliteDatabase.ts';
export { PostgresDatabase } from './PostgresDatabase.ts';
export { openDatabase, type DatabaseTarget } from './openDatabase.ts';
export { migrate, readMigrations, MigrationEditedError, MIGRATIONS_DIR, type Migration } from './migrate.ts';
export { withActor } from './withActor.ts';
export { SnapshotCache } from './snapshotCache.ts';
export { ensureTemplate, copyTemplate, withDatabase } from './templateDatabase.ts';
