import { createApp, loadConfig, type MarsadApp } from '@marsad/api';
import { anonymous, as, type Client } from './client.ts';
import { freshDatabase, openForSuite, type Level, type TestDatabase } from './testDatabases.ts';

export interface TestApp extends TestDatabase {
  app: MarsadApp;
  /** Signs `email` in (the demo password unless given): a client carrying its cookie and CSRF token. */
  as(email: string, password?: string): Promise<Client>;
  /** A client without a session. */
  anonymous: Client;
  /**
   * Another app over the same database, with nothing in memory: no cached reads or tiles, no
   * cached sessions, no sign-in throttle. For tests about those. Closing it closes nothing.
   */
  freshApp(): TestApp;
}

/** The real app over a fresh database copy; requests go through `app.request()`, no port. */
export async function testApp(level: Level, env: Record<string, string> = {}): Promise<TestApp> {
  const database = await freshDatabase(level);
  const config = loadConfig({ LOG_REQUESTS: 'false', DATA_VERSION_POLL_SECONDS: '1', ...env });
  const over = (close: () => Promise<void>): TestApp => {
    const app = createApp({ db: database.db, config });
    return {
      db: database.db,
      close,
      app,
      as: (email, password) => as(app, email, password),
      anonymous: anonymous(app),
      freshApp: () => over(async () => {}),
    };
  };
  return over(() => database.close());
}

/**
 * The app for the tests of one `describe` (or file): a fresh database copy at `level` opened
 * before them and closed after. Read its fields inside tests, once it is open.
 */
export function useTestApp(level: Level, env: Record<string, string> = {}): TestApp {
  const current = openForSuite(() => testApp(level, env));
  return {
    get db() {
      return current().db;
    },
    get app() {
      return current().app;
    },
    get anonymous() {
      return current().anonymous;
    },
    as: (email, password) => current().as(email, password),
    close: () => current().close(),
    freshApp: () => current().freshApp(),
  };
}
