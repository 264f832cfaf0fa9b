import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PgliteDatabase } from './PgliteDatabase.ts';

/**
 * Prepared PGlite databases, kept as gzipped data-directory tarballs named by a key that
 * changes whenever their content would (migrations, boundary data, demo generator).
 *
 * Creating PGlite with PostGIS from nothing takes ~15 s (initdb, then the extension) plus
 * migrations and seeding; opening a copy of a prepared snapshot takes ~2 s. The app uses it
 * for a fresh data directory, the tests for every database they create.
 */
export class SnapshotCache {
  constructor(private readonly dir: string) {}

  path(key: string): string {
    return join(this.dir, `marsad-${key}.tar.gz`);
  }

  async read(key: string): Promise<Blob | undefined> {
    try {
      return new Blob([await readFile(this.path(key))]);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** Dumps `db` under `key`; written to a temporary name first so a reader never sees half a file. */
  async write(key: string, db: PgliteDatabase): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const blob = await db.dump();
    const temporary = `${this.path(key)}.${process.pid}.tmp`;
    await writeFile(temporary, Buffer.from(await blob.arrayBuffer()));
    await rename(temporary, this.path(key));
  }

  /**
   * The snapshot for `key`, building it when missing: `prepare` runs on an in-memory database,
   * new or copied from `base` (so a chain of snapshots builds each step once).
   */
  async getOrBuild(key: string, prepare: (db: PgliteDatabase) => Promise<void>, base?: Blob): Promise<Blob> {
    const cached = await this.read(key);
    if (cached) return cached;
    const db = await PgliteDatabase.open(base ? { snapshot: base } : {});
    try {
      await prepare(db);
      await this.write(key, db);
    } finally {
      await db.close();
    }
    const built = await this.read(key);
    if (!built) throw new Error(`Snapshot ${this.path(key)} was written but cannot be read back`);
    return built;
  }
}
