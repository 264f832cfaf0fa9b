/**
 * The load figure of `pnpm bench`: many readers at once against a real server process, as a
 * ministry's dashboard sees them. The server runs in its own process (as in production), so the
 * load generator's work is not counted against it; and the generator runs in a fresh process of
 * its own too (benchLoadInOwnProcess), so what `pnpm bench` measured before it (a heap holding
 * imports, two servers in the same process) does not slow the readers' clock.
 *
 * The mix: vector tiles at zooms 4–14 around real projects, national and per-governorate
 * summaries, governorate timelines, project list pages, single projects and OGC API items (plain
 * and by bbox), three quarters anonymous and a quarter signed in (a minister and a donor). A
 * separate loop asks /api/health every 250 ms throughout and reports its slowest answer.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEMO_PASSWORD } from '../auth/demoPasswords.ts';

export interface LoadOptions {
  connections: number;
  seconds: number;
}

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  /** Answers that were not 2xx/304, and requests that failed or got no answer within 10 s. */
  errors: number;
  errorKinds: Record<string, number>;
  healthSlowest: number;
  healthAnswers: number;
  /** The routes (and who asked) with the slowest 99th percentile: where the tail comes from. */
  slowestRoutes: { name: string; p99: number; count: number }[];
}

const API_DIR = fileURLToPath(new URL('../../', import.meta.url));
const TIMEOUT_MS = 10_000;

/** A tiny deterministic generator, so every run asks the same mix. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The XYZ tile holding a lon/lat position at zoom z. */
export function tileOf(lon: number, lat: number, z: number) {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return {
    x: Math.floor(((lon + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n),
  };
}

/** A position of a GeoJSON geometry (its first), good enough to find a tile that holds it. */
function somePosition(geometry: { coordinates: unknown }): [number, number] {
  let at: unknown = geometry.coordinates;
  while (Array.isArray(at) && Array.isArray(at[0])) at = at[0];
  return at as [number, number];
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/**
 * The paths readers ask for, in the proportions of a working day, around projects and
 * governorates sampled through the API itself (so the same mix works on either engine).
 */
async function readMix(base: string, random: () => number): Promise<string[]> {
  const { governorates } = await getJson<{ governorates: { governorate: string; country: string; projects: number }[] }>(
    `${base}/api/summaries/governorates`,
  );
  const areas = governorates.filter((g) => g.projects > 0).map((g) => ({ code: g.governorate, country: g.country }));
  const published = areas.length ? governorates.reduce((sum, g) => sum + g.projects, 0) : 0;
  const projects: { id: number; lon: number; lat: number }[] = [];
  for (let page = 0; page < 8; page += 1) {
    const offset = Math.floor((random() * Math.max(0, published - 50)) / 50) * 50;
    const { features } = await getJson<{ features: { id: number; properties: { id?: number }; geometry: { coordinates: unknown } }[] }>(
      `${base}/api/projects?format=geojson&limit=50&offset=${offset}`,
    );
    for (const feature of features) {
      const [lon, lat] = somePosition(feature.geometry);
      projects.push({ id: Number(feature.properties.id ?? feature.id), lon, lat });
    }
  }
  if (!projects.length || !areas.length) throw new Error('bench: no published projects to read');
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const statuses = ['planned', 'in_progress', 'completed', 'suspended'];
  const paths: string[] = [];
  for (let i = 0; i < 2000; i += 1) {
    const roll = random();
    const project = pick(projects);
    const area = pick(areas);
    if (roll < 0.4) {
      const z = 4 + Math.floor(random() * 11);
      const { x, y } = tileOf(project.lon, project.lat, z);
      const layer = random() < 0.7 ? 'projects' : random() < 0.5 ? 'governorates' : 'zones';
      paths.push(`/tiles/${layer}/${z}/${x}/${y}.mvt`);
    } else if (roll < 0.5) {
      paths.push(random() < 0.5 ? '/api/summaries/countries' : `/api/summaries/governorates?country=${area.country}`);
    } else if (roll < 0.58) {
      paths.push(`/api/summaries/governorates/${area.code}`);
    } else if (roll < 0.66) {
      paths.push(`/api/summaries/governorates/${area.code}/timeline`);
    } else if (roll < 0.78) {
      const filter = random() < 0.5 ? `&status=${pick(statuses)}` : `&governorate=${area.code}`;
      paths.push(`/api/projects?limit=50&sort=-delay${filter}`);
    } else if (roll < 0.88) {
      paths.push(`/api/projects/${project.id}`);
    } else if (roll < 0.94) {
      paths.push(`/ogc/collections/projects/items?f=json&limit=50&offset=${50 * Math.floor(random() * 20)}`);
    } else {
      const [w, s] = [project.lon - 0.5, project.lat - 0.5];
      paths.push(`/ogc/collections/projects/items?f=json&limit=50&bbox=${w.toFixed(3)},${s.toFixed(3)},${(w + 1).toFixed(3)},${(s + 1).toFixed(3)}`);
    }
  }
  return paths;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts `pnpm start`'s server (API only) in its own process and waits until it listens: on the
 * PostgreSQL server named, or on the embedded default (demo data in a new data directory).
 */
async function startServer(engine: LoadEngine): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort();
  const database =
    'databaseUrl' in engine ? { DATABASE_URL: engine.databaseUrl, DEMO_DATA: 'false' } : { DATA_DIR: engine.dataDir, DEMO_DATA: 'true' };
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: API_DIR,
    env: { ...inherited, ...database, PORT: String(port), HOST: '127.0.0.1', LOG_REQUESTS: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Marsad is running')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`bench server exited (${code}): ${output.slice(-2000)}`)));
    setTimeout(() => reject(new Error(`bench server not listening after 300 s: ${output.slice(-2000)}`)), 300_000).unref();
  });
  child.removeAllListeners('exit');
  return { base: `http://127.0.0.1:${port}`, child };
}

export async function signIn(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in ${email}: HTTP ${res.status}`);
  await res.arrayBuffer();
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/** 'ok', 'HTTP nnn', 'no answer in 10 s' or 'failed: …'; never waits longer than the timeout, body included. */
async function answered(url: string, headers: Record<string, string>): Promise<string> {
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => {
      abort.abort();
      resolve('no answer in 10 s');
    }, TIMEOUT_MS);
  });
  const request = (async () => {
    try {
      const res = await fetch(url, { headers, signal: abort.signal });
      await res.arrayBuffer();
      return res.ok || res.status === 304 ? 'ok' : `HTTP ${res.status}`;
    } catch (error) {
      return abort.signal.aborted ? 'no answer in 10 s' : `failed: ${(error as Error).message}`;
    }
  })();
  try {
    return await Promise.race([request, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A path as its route, for counting errors: `/api/projects/{id}`, `/tiles/projects/{z}/{x}/{y}.mvt`… */
const route = (path: string) =>
  path
    .split('?')[0]!
    .replace(/\/[A-Z]{2}-[A-Z0-9]{1,3}(?=\/|$)/, '/{code}')
    .replace(/\/\d+\/\d+\/\d+\.mvt$/, '/{z}/{x}/{y}.mvt')
    .replace(/\/\d+$/, '/{id}');

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** Where the server under load keeps its data. */
export type LoadEngine = { databaseUrl: string } | { dataDir: string };

/** Runs the mixed read load against a fresh server process. */
export async function benchLoad(engine: LoadEngine, options: LoadOptions): Promise<LoadResult> {
  const { base, child } = await startServer(engine);
  try {
    const paths = await readMix(base, seeded(20261202));
    const cookies = [undefined, undefined, undefined, await signIn(base, 'minister@marsad.demo'), undefined, undefined, undefined, await signIn(base, 'donor.undp@marsad.demo')];
    const DONOR = cookies.length - 1;
    const latencies: number[] = [];
    const byRoute = new Map<string, number[]>();
    const errorKinds: Record<string, number> = {};
    const fail = (kind: string) => (errorKinds[kind] = (errorKinds[kind] ?? 0) + 1);
    const end = performance.now() + options.seconds * 1000;

    const reader = async (n: number) => {
      const next = seeded(n + 1);
      while (performance.now() < end) {
        const path = paths[Math.floor(next() * paths.length)]!;
        // A donor asks for single projects shared with it only; these sample ids are any published ones.
        const who = Math.floor(next() * cookies.length);
        const cookie = who === DONOR && /^\/api\/projects\/\d/.test(path) ? undefined : cookies[who];
        const started = performance.now();
        const outcome = await answered(base + path, cookie ? { cookie } : {});
        if (outcome !== 'ok') fail(outcome.startsWith('HTTP') ? `${outcome} ${route(path)}` : outcome);
        const took = performance.now() - started;
        latencies.push(took);
        const scope = cookie === undefined ? 'anonymous' : who === DONOR ? 'donor' : 'minister';
        const key = `${route(path)} (${scope})`;
        const times = byRoute.get(key);
        if (times) times.push(took);
        else byRoute.set(key, [took]);
      }
    };

    let healthSlowest = 0;
    let healthAnswers = 0;
    const health = async () => {
      while (performance.now() < end) {
        const started = performance.now();
        if ((await answered(`${base}/api/health`, {})) === 'ok') healthAnswers += 1;
        healthSlowest = Math.max(healthSlowest, performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    };

    const started = performance.now();
    await Promise.all([health(), ...Array.from({ length: options.connections }, (_, n) => reader(n))]);
    const seconds = (performance.now() - started) / 1000;
    const sorted = latencies.sort((a, b) => a - b);
    return {
      requests: sorted.length,
      perSecond: sorted.length / seconds,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      max: sorted[sorted.length - 1] ?? 0,
      errors: Object.values(errorKinds).reduce((a, b) => a + b, 0),
      errorKinds,
      healthSlowest,
      healthAnswers,
      slowestRoutes: [...byRoute]
        .map(([name, times]) => ({ name, p99: percentile(times.sort((a, b) => a - b), 99), count: times.length }))
        .sort((a, b) => b.p99 - a.p99)
        .slice(0, 4),
    };
  } finally {
    child.kill('SIGTERM');
  }
}

/** The result as bench rows. */
export function loadRows(result: LoadResult, options: LoadOptions, engine: string): [string, string][] {
  const kinds = Object.entries(result.errorKinds)
    .map(([kind, count]) => `${count} × ${kind}`)
    .join(', ');
  return [
    [
      `Mixed reads on ${engine}, ${options.connections} connections for ${options.seconds} s`,
      `${Math.round(result.perSecond)} req/s, p50 ${result.p50.toFixed(0)} ms, p99 ${result.p99.toFixed(0)} ms, max ${result.max.toFixed(0)} ms`,
    ],
    ['  errors (not 2xx/304, failed, or no answer in 10 s)', result.errors === 0 ? '0' : `${result.errors} (${kinds})`],
    ['  /api/health every 250 ms meanwhile: slowest answer', `${result.healthSlowest.toFixed(0)} ms (${result.healthAnswers} answered)`],
    ['  slowest routes (p99, requests)', result.slowestRoutes.map((r) => `${r.name} ${r.p99.toFixed(0)} ms, ${r.count}`).join('; ')],
  ];
}

/** Runs benchLoad in a new Node process and returns its result (the load generator alone in its heap). */
export async function benchLoadInOwnProcess(engine: LoadEngine, options: LoadOptions): Promise<LoadResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    cwd: API_DIR,
    env: { ...process.env, BENCH_LOAD_REQUEST: JSON.stringify({ engine, options }) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`bench load process exited with ${code}`);
  return JSON.parse(output) as LoadResult;
}

// As its own process (see benchLoadInOwnProcess): run the load asked for and print the result as JSON.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.env.BENCH_LOAD_REQUEST) {
  const { engine, options } = JSON.parse(process.env.BENCH_LOAD_REQUEST) as { engine: LoadEngine; options: LoadOptions };
  process.stdout.write(JSON.stringify(await benchLoad(engine, options)));
  process.exit(0);
}
