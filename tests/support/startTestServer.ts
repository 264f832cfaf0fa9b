import { afterAll, beforeAll } from 'vitest';
import { createApp, loadConfig, serveApp } from '@marsad/api';
import type { Database } from '@marsad/db';
import { freshDatabase, type Level } from './testDatabases.ts';

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The real server (API and built web app) on a free loopback port, over a fresh database copy;
 * `prepare` writes what a test needs straight into that copy before the server starts.
 */
export async function startTestServer(level: Level = 'demo', prepare?: (db: Database) => Promise<void>, env: Record<string, string> = {}): Promise<TestServer> {
  const database = await freshDatabase(level);
  await prepare?.(database.db);
  const app = createApp({ db: database.db, config: loadConfig({ LOG_REQUESTS: 'false', WEB_DIST: process.env.WEB_DIST, ...env }) });
  const server = serveApp(app, { port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}

/**
 * The real server for one test file, over its own copy of the demo database: started before
 * the file's tests, closed after, so no file sees what another wrote. `url` is its base URL
 * (MARSAD_URL, when set, points every file at a server of your own instead, and `prepare` is not run).
 * `env`: settings of this server (as the environment would give them).
 */
export function serverForFile(level: Level = 'demo', prepare?: (db: Database) => Promise<void>, env: Record<string, string> = {}): { readonly url: string } {
  let server: TestServer | undefined;
  const external = process.env.MARSAD_URL;
  beforeAll(async () => {
    if (!external) server = await startTestServer(level, prepare, env);
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get url() {
      if (external) return external;
      if (!server) throw new Error('the server is not running yet: read `url` inside a test');
      return server.url;
    },
  };
}
