import type { TestProject } from 'vitest/node';
import { startTestServer } from './startTestServer.ts';
import { prepareAllLevels, serverUrl } from './testDatabases.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of a running Marsad server (demo data, built web app) for browser tests. */
    marsadUrl: string;
  }
}

/**
 * Before any test file runs: prepares the test databases once (files then copy them), and
 * starts one real server for the browser tests.
 */
export default async function globalSetup(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  await prepareAllLevels();
  const server = await startTestServer('demo');
  project.provide('marsadUrl', server.url);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`test databases and server ready on ${serverUrl() ? 'PostgreSQL' : 'PGlite'} in ${seconds} s`);
  return () => server.close();
}
