/**
 * Seeds demo data at any scale into the configured database (DATABASE_URL, or PGlite in
 * DATA_DIR), after bringing its schema and boundaries up to date. For benchmarks:
 *
 *   DATABASE_URL=postgres://... pnpm seed --projects 100000 --updates 1000000
 *
 * Without --zones, zones grow with the projects (60, or one per 250 projects), and so do plots.
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '@marsad/db';
import { DEMO_DEFAULTS, seedDemoData } from '@marsad/demo';
import { loadConfig } from '../config.ts';
import { setUpDatabase } from '../database/setUpDatabase.ts';

const { values } = parseArgs({
  options: {
    projects: { type: 'string', default: String(DEMO_DEFAULTS.projects) },
    zones: { type: 'string' },
    updates: { type: 'string', default: String(DEMO_DEFAULTS.updates) },
    seed: { type: 'string', default: String(DEMO_DEFAULTS.seed) },
  },
});

const count = (name: keyof typeof values) => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`seed: --${name} must be a whole number (got "${values[name]}")`);
    process.exit(2);
  }
  return n;
};

const config = loadConfig();
const db = await openDatabase(
  config.DATABASE_URL ? { kind: 'postgres', url: config.DATABASE_URL } : { kind: 'pglite', dataDir: config.DATA_DIR },
);
try {
  await setUpDatabase(db, { demo: false });
  const started = performance.now();
  const summary = await seedDemoData(db, {
    projects: count('projects'),
    ...(values.zones === undefined ? {} : { zones: count('zones') }),
    updates: count('updates'),
    seed: count('seed'),
  });
  await db.exec('vacuum analyze'); // the load updated every project row many times: reclaim, then plan
  console.log(`Seeded in ${((performance.now() - started) / 1000).toFixed(1)} s:`, summary);
} catch (error) {
  console.error(`seed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
