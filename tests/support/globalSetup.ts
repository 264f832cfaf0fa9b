import { prepareAllLevels, serverUrl } from './testDatabases.ts';

/** Prepares the test databases once, before any test file runs (they are then copied per file). */
export default async function globalSetup(): Promise<void> {
  const started = performance.now();
  await prepareAllLevels();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`test databases ready on ${serverUrl() ? 'PostgreSQL server' : 'PGlite'} in ${seconds} s`);
}
