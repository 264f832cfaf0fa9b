import { createApp, loadConfig, serveApp } from '@marsad/api';
import { freshDatabase, type Level } from './testDatabases.ts';

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** The real server (API and built web app) on a free loopback port, over a fresh database copy. */
export async function startTestServer(level: Level = 'demo'): Promise<TestServer> {
  const database = await freshDatabase(level);
  const app = createApp({ db: database.db, config: loadConfig({ LOG_REQUESTS: 'false', WEB_DIST: process.env.WEB_DIST }) });
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
