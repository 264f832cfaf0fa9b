import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/**
 * A temporary directory for the tests of one `describe`: made before them (and before the hooks
 * registered after this call), removed with everything in it after them. Call inside `describe`;
 * the returned function gives its path.
 */
export function tempDirForSuite(prefix: string): () => string {
  let dir: string | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return () => {
    if (!dir) throw new Error('The temporary directory is not made yet: call tempDirForSuite() inside describe()');
    return dir;
  };
}
