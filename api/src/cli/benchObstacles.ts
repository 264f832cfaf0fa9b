import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '@marsad/db';
import { signIn } from './benchLoad.ts';

/** What issue 13 asks of its reads at 100k projects on PostgreSQL, uncached. */
const READ_FLOOR_MS = 100;
const BRIEF_JSON_FLOOR_MS = 1_000;
const PDF_FLOOR_MS = 10_000;
const PDF_REPEAT = 3;
const AT_ONCE = 10;
const ACTIVE = `('open', 'in_progress', 'waiting_other_body')`;
/** Stands for each caller's own held meeting in the list of reads. */
const HELD_MEETING = 'held meeting';

type Timed = { ms: number } | { absent: string };

/**
 * Issue 13's figures for `pnpm bench`: the obstacle register, the minister's view, meetings,
 * decisions and the brief as JSON, each uncached (`base` is the server with the read cache off)
 * as the minister, a donor and an engineer, against its floor; then the printed brief: one
 * governorate's PDF alone (median of 3), and ten at once (the ten Syrian governorates with the
 * most active obstacles) while /api/health and /api/summaries/countries are timed meanwhile.
 * The PDF part is skipped, with a line saying why, when the print page is not built (`webDist` has no print.html: run `pnpm build`) or
 * the server answers that Chromium is missing.
 */
export async function benchObstacles(base: string, db: Database, repeat: number, median: (v: number[]) => number, webDist: string): Promise<[string, string][]> {
  const [scale] = await db.query<{ projects: number; obstacles: number; active: number; meetings: number; decisions: number }>(
    `select (select count(*) from projects)::integer as projects, (select count(*) from obstacles)::integer as obstacles,
            (select count(*) from obstacles where status in ${ACTIVE})::integer as active,
            (select count(*) from meetings)::integer as meetings, (select count(*) from decisions)::integer as decisions`,
  );
  const rows: [string, string][] = [
    [`Obstacles: ${scale!.projects} projects, ${scale!.obstacles} obstacles (${scale!.active} active), ${scale!.meetings} meetings, ${scale!.decisions} decisions`, ''],
  ];
  // The Syrian governorate with the most active obstacles.
  // (The next nine are the other briefs printed at once.)
  const busiest = await db.query<{ code: string; n: number }>(
    `select a.code, count(*)::integer as n from obstacles o join projects p on p.id = o.project_id join admin_areas a on a.id = p.admin_area_id
      where o.status in ${ACTIVE} and a.country_iso3 = 'SYR' group by a.code order by n desc, a.code limit ${AT_ONCE}`,
  );
  const top = busiest[0];
  if (!top) {
    rows.push(['Obstacle figures', 'no active obstacle in SYR: seed the bench database with pnpm seed (issue 13 demo data) to time them']);
    return rows;
  }
  const cookies: [string, string][] = [
    ['minister', await signIn(base, 'minister@marsad.demo')],
    ['donor', await signIn(base, 'donor.undp@marsad.demo')],
    ['engineer', await signIn(base, 'engineer.damascus@marsad.demo')],
  ];

  /** The median time of `repeat` GETs after one warm-up, or the status it answered instead. */
  const timeGet = async (path: string, cookie: string): Promise<Timed> => {
    const once = async () => {
      const res = await fetch(base + path, { headers: { cookie } });
      await res.arrayBuffer();
      return res.status;
    };
    const first = await once();
    if (first !== 200) return { absent: `HTTP ${first}: not timed` };
    const times: number[] = [];
    for (let i = 0; i < repeat; i += 1) {
      const started = performance.now();
      await once();
      times.push(performance.now() - started);
    }
    return { ms: median(times) };
  };
  const against = (result: Timed, floor: number) =>
    'absent' in result ? result.absent : `${result.ms.toFixed(1)} ms (floor ${floor} ms: ${result.ms <= floor ? 'met' : 'MISSED'})`;

  const reads: [string, string, number][] = [
    ['Obstacles, SYR active, first page', '/api/obstacles?country=SYR&status=active', READ_FLOOR_MS],
    [`Obstacles, ${top.code} active (${top.n}, the most)`, `/api/obstacles?governorate=${top.code}&status=active`, READ_FLOOR_MS],
    ["Minister's view GET /api/obstacles/overview?country=SYR", '/api/obstacles/overview?country=SYR', READ_FLOOR_MS],
    ['Critical projects GET /api/obstacles/critical-projects?country=SYR', '/api/obstacles/critical-projects?country=SYR', READ_FLOOR_MS],
    ['Meetings GET /api/meetings?country=SYR', '/api/meetings?country=SYR', READ_FLOOR_MS],
    ['A held meeting, agenda frozen (its longest seen) GET /api/meetings/{id}', HELD_MEETING, READ_FLOOR_MS],
    ['Overdue decisions GET /api/decisions?country=SYR&overdue=true', '/api/decisions?country=SYR&overdue=true', READ_FLOOR_MS],
    [`Brief JSON GET /api/briefs/governorates/${top.code}`, `/api/briefs/governorates/${top.code}`, BRIEF_JSON_FLOOR_MS],
    ['Brief JSON GET /api/briefs/countries/SYR', '/api/briefs/countries/SYR', BRIEF_JSON_FLOOR_MS],
  ];
  for (const [what, path, floor] of reads) {
    for (const [scope, cookie] of cookies) {
      if (path !== HELD_MEETING) {
        rows.push([`${what}, ${scope}, uncached HTTP`, against(await timeGet(path, cookie), floor)]);
        continue;
      }
      // Each caller's own: the held meeting with a frozen agenda, of those it sees, with the most items.
      const list = (await (await fetch(`${base}/api/meetings?country=SYR&status=held`, { headers: { cookie } })).json()) as {
        items: { id: number; agenda_frozen: boolean; agenda_items: number }[];
      };
      const [held] = list.items.filter((m) => m.agenda_frozen).sort((a, b) => b.agenda_items - a.agenda_items || a.id - b.id);
      rows.push([
        `${what.replace('its longest seen', held ? `${held.agenda_items} items` : 'none seen')}, ${scope}, uncached HTTP`,
        held ? against(await timeGet(`/api/meetings/${held.id}`, cookie), floor) : 'no held meeting with a frozen agenda visible: not timed',
      ]);
    }
  }
  rows.push(...(await benchPdf(base, busiest.map((g) => g.code), cookies[0]![1], repeat, median, webDist)));
  return rows;
}

/** The printed brief: one alone, then ten at once while other requests are timed. */
async function benchPdf(base: string, codes: string[], cookie: string, repeat: number, median: (v: number[]) => number, webDist: string): Promise<[string, string][]> {
  const code = codes[0]!;
  if (!existsSync(join(webDist, 'print.html'))) {
    return [['Brief PDF', `skipped: the print page is not built (no print.html in ${webDist}); run \`pnpm build\` first`]];
  }
  const print = async (governorate: string) => {
    const started = performance.now();
    const res = await fetch(`${base}/api/briefs/governorates/${governorate}.pdf`, { headers: { cookie } });
    const body = await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - started, bytes: body.byteLength, detail: res.ok ? '' : new TextDecoder().decode(body) };
  };
  // The first print launches Chromium: a warm-up, and the test of whether there is one.
  const first = await print(code);
  if (first.status === 503 && first.detail.includes('brief-printer-missing')) {
    return [['Brief PDF', 'skipped: Chromium is missing (apt-get install chromium fonts-noto-core, or set CHROMIUM_PATH)']];
  }
  if (first.status !== 200) return [['Brief PDF', `HTTP ${first.status}: not timed (${first.detail.slice(0, 200)})`]];
  const rows: [string, string][] = [];
  const alone: number[] = [];
  for (let i = 0; i < PDF_REPEAT; i += 1) alone.push((await print(code)).ms);
  const aloneMs = median(alone);
  rows.push([
    `Brief PDF of ${code} printed alone (median of ${PDF_REPEAT}, ${(first.bytes / 1024).toFixed(0)} KiB), minister`,
    `${(aloneMs / 1000).toFixed(2)} s (floor ${PDF_FLOOR_MS / 1000} s: ${aloneMs <= PDF_FLOOR_MS ? 'met' : 'MISSED'})`,
  ]);

  // The others, idle first, then while ten briefs print.
  const others = ['/api/health', '/api/summaries/countries'];
  const idle = new Map<string, number>();
  for (const path of others) {
    const times: number[] = [];
    for (let i = 0; i < repeat; i += 1) {
      const started = performance.now();
      await (await fetch(base + path)).arrayBuffer();
      times.push(performance.now() - started);
    }
    idle.set(path, median(times));
  }
  const targets = Array.from({ length: AT_ONCE }, (_, i) => codes[i % codes.length]!);
  const meanwhile = new Map<string, number[]>(others.map((p) => [p, []]));
  let printing = true;
  const started = performance.now();
  const prints = Promise.all(targets.map((g) => print(g))).finally(() => (printing = false));
  const probes = others.map(async (path) => {
    while (printing) {
      const t0 = performance.now();
      await (await fetch(base + path)).arrayBuffer();
      meanwhile.get(path)!.push(performance.now() - t0);
    }
  });
  const results = await prints;
  const totalMs = performance.now() - started;
  await Promise.all(probes);
  const ok = results.filter((r) => r.status === 200);
  const refused = results.filter((r) => r.status !== 200).map((r) => r.status);
  const worst = Math.max(...results.map((r) => r.ms));
  rows.push([
    `Brief PDF, ${AT_ONCE} at once (${new Set(targets).size} governorates): total / each print's worst`,
    `${(totalMs / 1000).toFixed(2)} s / ${(worst / 1000).toFixed(2)} s (${ok.length} printed${refused.length ? `, ${refused.length} refused: HTTP ${refused.join(', ')}` : ''}; a print waits its turn: BRIEF_CONCURRENCY print at once)`,
  ]);
  for (const path of others) {
    const times = meanwhile.get(path)!;
    const line = times.length
      ? `median ${median(times).toFixed(1)} ms, worst ${Math.max(...times).toFixed(1)} ms over ${times.length} requests (idle median ${idle.get(path)!.toFixed(1)} ms)`
      : 'no request completed while printing';
    rows.push([`GET ${path} while the ${AT_ONCE} print, uncached HTTP`, line]);
  }
  return rows;
}
