import { prepareAllLevels, serverUrl } from './testDatabases.ts';

/**
 * Before any test file runs: prepares the test databases once (a PGlite snapshot or a server
 * template per level); every file then copies the level it needs.
 */
export default async function globalSetup(): Promise<void> {
  const started = performance.now();
  await prepareAllLevels();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`test databases ready on ${serverUrl() ? 'PostgreSQL' : 'PGlite'} in ${seconds} s`);
}
