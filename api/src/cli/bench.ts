/**
 * `pnpm bench`: read- and write-API figures at benchmark scale on a PostgreSQL + PostGIS server.
 *
 *   BENCH_DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/marsad_bench pnpm bench
 *   BENCH_DATABASE_URL=… pnpm bench --only obstacles     # one section: plans, zones or obstacles
 *
 * The obstacles section prints briefs to PDF: it needs the web build (`pnpm build`) and Chromium,
 * and says so on a line of its own when either is missing.
 * Seeds 100,000 projects and 1,000,000 updates into an empty database first (about 40 s).
 * Prints medians; where the machine's noise matters, a ratio of two things measured side by side.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresDatabase } from '@marsad/db';
import { seedDemoData } from '@marsad/demo';
import autocannon from 'autocannon';
import { ANONYMOUS } from '../access/Viewer.ts';
import { setDemoPasswords } from '../auth/demoPasswords.ts';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { setUpDatabase } from '../database/setUpDatabase.ts';
import { serveApp } from '../http/nodeServer.ts';
import { PostgisTileEncoder } from '../tiles/PostgisTileEncoder.ts';
import { TILE_LAYERS, type TileLayerName } from '../tiles/TileService.ts';
import { benchLoadInOwnProcess, loadRows, signIn, tileOf } from './benchLoad.ts';
import { benchObstacles } from './benchObstacles.ts';
import { benchPlans } from './benchPlans.ts';
import { benchWrites } from './benchWrites.ts';
import { benchZones } from './benchZones.ts';

const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
if (!url) {
  console.error('bench: set BENCH_DATABASE_URL (or DATABASE_URL) to a PostgreSQL + PostGIS database it may fill');
  process.exit(2);
}
const SECTIONS = ['plans', 'zones', 'obstacles'] as const;
type Section = (typeof SECTIONS)[number];
/** `--only <section>`: that section's figures alone; none: every figure. */
const only = ((): Section | undefined => {
  const at = process.argv.indexOf('--only');
  if (at < 0) return undefined;
  const name = process.argv[at + 1];
  if (!(SECTIONS as readonly string[]).includes(name ?? '')) {
    console.error(`bench: --only takes one of ${SECTIONS.join(', ')}`);
    process.exit(2);
  }
  return name as Section;
})();

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function time(run: () => Promise<unknown>, repeat: number): Promise<number[]> {
  await run(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < repeat; i += 1) {
    const started = performance.now();
    await run();
    out.push(performance.now() - started);
  }
  return out;
}

/** XYZ tiles covering a lon/lat box at zoom z. */
function tilesCovering(z: number, [w, s, e, n]: [number, number, number, number]) {
  const [northWest, southEast] = [tileOf(w, n, z), tileOf(e, s, z)];
  const out: { z: number; x: number; y: number }[] = [];
  for (let x = northWest.x; x <= southEast.x; x += 1) for (let y = northWest.y; y <= southEast.y; y += 1) out.push({ z, x, y });
  return out;
}

const db = await PostgresDatabase.open(url, { max: 8 });
await setUpDatabase(db, { demo: false });
const [{ n } = { n: 0 }] = await db.query<{ n: number }>('select count(*) as n from projects');
if (n === 0) {
  console.log('Seeding 100,000 projects and 1,000,000 updates...');
  await seedDemoData(db, { projects: 100_000, updates: 1_000_000 });
  await db.exec('vacuum analyze'); // the load updated every project row many times: reclaim, then plan
}
await setDemoPasswords(db); // the demo accounts sign in for the write figures
const [scale] = await db.query<{ projects: number; updates: number; published: number }>(
  `select (select count(*) from projects) as projects, (select count(*) from progress_updates) as updates,
          (select count(*) from projects where is_published) as published`,
);
console.log(`Scale: ${scale!.projects} projects (${scale!.published} published), ${scale!.updates} updates; PostgreSQL server.\n`);

// Two servers on loopback: one with the tile and read caches off (to measure the work), one with them on.
const start = async (env: Record<string, string>) => {
  const app = createApp({ db, config: loadConfig({ LOG_REQUESTS: 'false', DATABASE_URL: url, ...env }) });
  const server = serveApp(app, { port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
};
const uncached = await start({ TILE_CACHE_MB: '0', RESPONSE_CACHE_MB: '0' });
const cached = await start({});
const get = async (base: string, path: string) => {
  const res = await fetch(base + path);
  const body = new Uint8Array(await res.arrayBuffer());
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return body;
};

const REPEAT = 15;
const rows: [string, string][] = [];
const webDist = loadConfig({ DATABASE_URL: url }).WEB_DIST;
const sections: Record<Section, () => Promise<[string, string][]>> = {
  plans: () => benchPlans(uncached.base, db, REPEAT, median),
  zones: () => benchZones(uncached.base, db, REPEAT, median),
  obstacles: () => benchObstacles(uncached.base, db, REPEAT, median, webDist),
};

/** Prints the rows, stops the servers and exits. */
async function finish(): Promise<never> {
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  uncached.server.close();
  cached.server.close();
  await db.close();
  process.exit(0);
}
if (only) {
  rows.push(...(await sections[only]()));
  await finish();
}

/** One row: the median time of REPEAT GETs of `path` (after one warm-up). */
const timeGet = async (label: string, base: string, path: string) => {
  rows.push([label, ms(median(await time(() => get(base, path), REPEAT)))]);
};

await timeGet('Governorate summary (all 156, anonymous), HTTP', uncached.base, '/api/summaries/governorates');
await timeGet('Governorate summary, filtered (SYR, in progress, 2025)', uncached.base, '/api/summaries/governorates?country=SYR&status=in_progress&year=2025');
await timeGet('National totals + per country, HTTP', uncached.base, '/api/summaries/countries');
await timeGet('One governorate (SY-HL, the largest): totals, by sector and kind', uncached.base, '/api/summaries/governorates/SY-HL');
await timeGet("A governorate's 36-month timeline (SY-HL)", uncached.base, '/api/summaries/governorates/SY-HL/timeline');
await timeGet('Governorate summary from the read cache', cached.base, '/api/summaries/governorates');
await timeGet('What changed since last week (anonymous), HTTP', uncached.base, '/api/changes?since=week');
rows.push(...(await sections.plans()));
rows.push(...(await sections.zones()));
rows.push(...(await sections.obstacles()));
for (const [name, bbox] of [['Syria-wide', '35.5,32.3,42.4,37.4'], ['Damascus area', '36,33,37.5,34.5']]) {
  await timeGet(`OGC items page with bbox (${name}, 50 features)`, uncached.base, `/ogc/collections/projects/items?bbox=${bbox}&limit=50`);
}
await timeGet('One page of the project list (50, sorted by delay)', uncached.base, '/api/projects?limit=50&sort=-delay');
await timeGet('Project list, Arabic text search', uncached.base, `/api/projects?q=${encodeURIComponent('مصراته')}&limit=50`);

// Tile over HTTP (cache off) against the same tile's SQL (ST_AsMVT) run directly, interleaved.
const encoder = new PostgisTileEncoder();
const sample: { layer: TileLayerName; tile: { z: number; x: number; y: number } }[] = [
  { layer: 'projects', tile: { z: 6, x: 38, y: 25 } },
  { layer: 'projects', tile: { z: 8, x: 153, y: 102 } },
  { layer: 'projects', tile: { z: 10, x: 615, y: 410 } },
  { layer: 'governorates', tile: { z: 5, x: 19, y: 12 } },
];
for (const { layer, tile } of sample) {
  const path = `/tiles/${layer}/${tile.z}/${tile.x}/${tile.y}.mvt`;
  const http: number[] = [];
  const direct: number[] = [];
  await get(uncached.base, path);
  for (let i = 0; i < REPEAT; i += 1) {
    let t0 = performance.now();
    await get(uncached.base, path);
    http.push(performance.now() - t0);
    t0 = performance.now();
    await encoder.encode(db, tile, TILE_LAYERS[layer]({}, ANONYMOUS, tile));
    direct.push(performance.now() - t0);
  }
  rows.push([
    `Tile ${layer} ${tile.z}/${tile.x}/${tile.y}: HTTP / SQL direct`,
    `${ms(median(http))} / ${ms(median(direct))} = ${(median(http) / median(direct)).toFixed(2)}x`,
  ]);
}

// Uncached projects tiles at every zoom over the densest governorate (Aleppo): clusters below 10.
const tileTimes: string[] = [];
for (let z = 4; z <= 14; z += 1) {
  const [tile] = tilesCovering(z, [37.16, 36.2, 37.16, 36.2]);
  tileTimes.push(`z${z} ${median(await time(() => get(uncached.base, `/tiles/projects/${z}/${tile!.x}/${tile!.y}.mvt`), 7)).toFixed(1)}`);
}
rows.push(['Projects tile over Aleppo, uncached HTTP (ms)', tileTimes.join(', ')]);

// The densest projects tile at each zoom, uncached, as each scope sees it: anonymous (the
// published projects), a minister (all) and a donor (the projects shared with it).
const perZoom14 = await db.query<{ key: string; n: number }>(
  `select (tile_key_20(label_point) >> 12)::text as key, count(*)::integer as n from projects group by 1`,
);
const densest = new Map<number, { key: bigint; n: number }>();
for (let z = 4; z <= 14; z += 1) {
  const counts = new Map<bigint, number>();
  for (const { key, n } of perZoom14) {
    const k = BigInt(key) >> BigInt(2 * (14 - z));
    counts.set(k, (counts.get(k) ?? 0) + n);
  }
  const [key, n] = [...counts].reduce((a, b) => (b[1] > a[1] ? b : a));
  densest.set(z, { key, n });
}
/** x and y of a tile from its Morton code. */
const unMorton = (key: bigint) => {
  let [x, y] = [0, 0];
  for (let bit = 0; bit < 20; bit += 1) {
    x |= Number((key >> BigInt(2 * bit)) & 1n) << bit;
    y |= Number((key >> BigInt(2 * bit + 1)) & 1n) << bit;
  }
  return { x, y };
};
const scopes = { anonymous: undefined, minister: await signIn(uncached.base, 'minister@marsad.demo'), donor: await signIn(uncached.base, 'donor.undp@marsad.demo') };
for (const [scope, cookie] of Object.entries(scopes)) {
  const times: string[] = [];
  for (const [z, { key }] of densest) {
    const { x, y } = unMorton(key);
    const path = `/tiles/projects/${z}/${x}/${y}.mvt`;
    const fetchTile = async () => void (await (await fetch(uncached.base + path, { headers: cookie ? { cookie } : {} })).arrayBuffer());
    times.push(`z${z} ${median(await time(fetchTile, 7)).toFixed(0)}`);
  }
  rows.push([`Densest projects tile per zoom, uncached HTTP, ${scope} (ms)`, times.join(', ')]);
}

// Cached tile throughput from a load generator on loopback.
const hot = '/tiles/projects/6/38/25.mvt';
await get(cached.base, hot);
const load = await autocannon({ url: cached.base + hot, connections: 20, duration: 10 });
rows.push(['Cached tile throughput (autocannon, 20 connections, 10 s)', `${Math.round(load.requests.average)} req/s (p99 ${load.latency.p99} ms)`]);

// Largest tile per zoom over the three countries' extent.
const REGION: [number, number, number, number] = [9, 12, 60, 38];
for (const z of [5, 6, 7, 8]) {
  let largest = { bytes: 0, at: '' };
  for (const layer of ['projects', 'governorates', 'zones'] as TileLayerName[]) {
    for (const tile of tilesCovering(z, REGION)) {
      const body = await encoder.encode(db, tile, TILE_LAYERS[layer]({}, ANONYMOUS, tile));
      if (body.length > largest.bytes) largest = { bytes: body.length, at: `${layer} ${z}/${tile.x}/${tile.y}` };
    }
  }
  rows.push([`Largest tile at zoom ${z} (anonymous)`, `${(largest.bytes / 1024).toFixed(1)} KiB (${largest.at})`]);
}

rows.push(...(await benchWrites(uncached.base, db, REPEAT)));

// Many readers at once, against a server in its own process (BENCH_LOAD_SECONDS=0 skips it):
// on this PostgreSQL database, then on the embedded default with its demo data.
const loadSeconds = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
if (loadSeconds > 0) {
  const mix = { connections: 200, seconds: loadSeconds };
  rows.push(...loadRows(await benchLoadInOwnProcess({ databaseUrl: url }, mix), mix, 'PostgreSQL (100k projects)'));
  const dataDir = mkdtempSync(join(tmpdir(), 'marsad-bench-'));
  try {
    rows.push(...loadRows(await benchLoadInOwnProcess({ dataDir: join(dataDir, 'pglite') }, mix), mix, 'the embedded default (demo data)'));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await finish();
