import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** Every setting Marsad reads from the environment, with its default. Nothing else reads process.env. */
const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** A PostgreSQL + PostGIS server; when unset, embedded PGlite in DATA_DIR is used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default(resolve(REPO_ROOT, '.data/pglite')),
  /**
   * Load shedding toward the database: connections to a PostgreSQL server (queries running at
   * once), and how many queries may wait for one, for how long, before they are answered 503
   * busy with Retry-After. The embedded engine has one connection; the queue settings apply.
   */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_QUEUE_MAX: z.coerce.number().int().min(0).max(100_000).default(500),
  DATABASE_QUEUE_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(3000),
  /** How long opening a PostgreSQL connection may take before the server counts as unreachable (503). */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(2000),
  /** Prepared database snapshots (see db/src/snapshotCache.ts). */
  SNAPSHOT_DIR: z.string().min(1).default(resolve(REPO_ROOT, '.data/snapshots')),
  /** Seed the demo data into an empty database. */
  DEMO_DATA: booleanFlag.default(true),
  WEB_DIST: z.string().min(1).default(resolve(REPO_ROOT, 'web/dist')),
  LOG_REQUESTS: booleanFlag.default(true),
  /**
   * An external basemap style (MapLibre style JSON URL) for deployments with internet. Unset,
   * the map draws its own air-gapped basemap from the boundaries.
   */
  BASEMAP_STYLE_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL of a MapLibre style' }).optional(),
  /** Memory for encoded vector tiles. */
  TILE_CACHE_MB: z.coerce.number().min(0).max(4096).default(64),
  /** Memory for JSON answers of repeated reads (summaries, lists, OGC pages); 0 turns it off. */
  RESPONSE_CACHE_MB: z.coerce.number().min(0).max(4096).default(64),
  /** How often to look for data written by other processes (the tile cache then starts afresh). */
  DATA_VERSION_POLL_SECONDS: z.coerce.number().min(0.1).max(3600).default(5),
  /** Page size of lists when the client does not ask, and the most it may ask for. */
  PAGE_SIZE_DEFAULT: z.coerce.number().int().min(1).max(10_000).default(50),
  PAGE_SIZE_MAX: z.coerce.number().int().min(1).max(100_000).default(1000),
  /**
   * How long a looked-up session is reused without asking the database. Sign-out and admin
   * changes to an account take effect at once in this process; in another, within this time.
   */
  SESSION_CACHE_SECONDS: z.coerce.number().min(0).max(300).default(5),
  /**
   * Behind one reverse proxy that terminates TLS: believe its X-Forwarded-Proto (session cookies
   * become Secure) and the address it appends to X-Forwarded-For (the sign-in throttle's client).
   * Off, both headers are ignored: any client can write them.
   */
  TRUST_PROXY: booleanFlag.default(false),
  /**
   * When the system proposes escalating an obstacle (api/src/obstacles/escalationProposals.ts):
   * a critical one past its target date, or any active one longer than these many days at its
   * level (governorate, ministry directorate, minister; an inter-ministerial meeting is the top).
   */
  OBSTACLE_DAYS_AT_GOVERNORATE: z.coerce.number().int().min(1).max(3650).default(30),
  OBSTACLE_DAYS_AT_DIRECTORATE: z.coerce.number().int().min(1).max(3650).default(45),
  OBSTACLE_DAYS_AT_MINISTER: z.coerce.number().int().min(1).max(3650).default(60),
  /** How many days before a meeting its agenda freezes, unless the meeting says otherwise. */
  MEETING_AGENDA_FREEZE_DAYS: z.coerce.number().int().min(0).max(60).default(7),
  /**
   * The Chromium that prints briefs (PDF); unset, /usr/bin/chromium or chromium on PATH. Missing,
   * a brief answers 503 saying how to install it. BRIEF_CONCURRENCY pages print at once; up to
   * BRIEF_QUEUE_MAX more wait, the rest are answered 503 busy with Retry-After.
   */
  CHROMIUM_PATH: z.string().min(1).optional(),
  BRIEF_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  BRIEF_QUEUE_MAX: z.coerce.number().int().min(0).max(1000).default(20),
  BRIEF_TIMEOUT_MS: z.coerce.number().int().min(1000).max(300_000).default(30_000),
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const known = Object.fromEntries(
    Object.keys(ConfigSchema.shape).flatMap((key) => (env[key] === undefined || env[key] === '' ? [] : [[key, env[key]]])),
  );
  const parsed = ConfigSchema.safeParse(known);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}
