import { createApp, loadConfig, type MarsadApp } from '@marsad/api';
import { freshDatabase, type Level, type TestDatabase } from './testDatabases.ts';

export interface TestApp extends TestDatabase {
  app: MarsadApp;
}

/** The real app over a fresh database copy; requests go through `app.request()`, no port. */
export async function testApp(level: Level, env: Record<string, string> = {}): Promise<TestApp> {
  const database = await freshDatabase(level);
  const config = loadConfig({ LOG_REQUESTS: 'false', DATA_VERSION_POLL_SECONDS: '1', ...env });
  return { ...database, app: createApp({ db: database.db, config }) };
}
