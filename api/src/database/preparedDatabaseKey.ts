import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { readMigrations } from '@marsad/db';
import { boundaryDataVersion } from '@marsad/geodata';

const DEMO_SRC = new URL('../../../demo/src/', import.meta.url);

/**
 * Names the content of a freshly prepared database: it changes when a migration, the boundary
 * data or the demo generator changes, so a stale snapshot or template is never reused.
 */
export async function preparedDatabaseKey(options: { demo: boolean }): Promise<string> {
  const hash = createHash('sha256');
  for (const m of await readMigrations()) hash.update(`${m.id}:${m.checksum}\n`);
  hash.update(await boundaryDataVersion());
  if (options.demo) {
    const files = (await readdir(DEMO_SRC)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort();
    for (const file of files) hash.update(await readFile(new URL(file, DEMO_SRC)));
    hash.update(await readFile(new URL('../auth/demoPasswords.ts', import.meta.url)));
  }
  hash.update(options.demo ? 'demo' : 'empty');
  return hash.digest('hex').slice(0, 12);
}
