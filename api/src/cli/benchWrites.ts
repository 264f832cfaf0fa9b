import type { Database } from '@marsad/db';
import { png } from '@marsad/demo';
import { DEMO_PASSWORD } from '../auth/demoPasswords.ts';

/** Medians of `repeat` runs after one warm-up. */
async function timed<T>(run: (i: number) => Promise<T>, repeat: number): Promise<{ median: number; last: T }> {
  let last = await run(-1);
  const times: number[] = [];
  for (let i = 0; i < repeat; i += 1) {
    const started = performance.now();
    last = await run(i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, last };
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

interface Session {
  cookie: string;
  csrf: string;
}

/**
 * What signed-in users feel at benchmark scale: signing in (argon2id), the cost of a session on
 * every request, a donor's scoped summary, creating a project (spatial join, audit), a progress
 * report with and without a photo, serving the photo, and importing a 1,000-row CSV. Everything
 * it creates has a code starting `BENCH-` and is deleted at the end, even when a step fails.
 */
export async function benchWrites(base: string, db: Database, repeat: number): Promise<[string, string][]> {
  const rows: [string, string][] = [];
  const run = Date.now().toString(36).toUpperCase();
  const call = async (path: string, init: RequestInit = {}, session?: Session) => {
    const headers = new Headers(init.headers);
    if (session) {
      headers.set('cookie', session.cookie);
      headers.set('x-csrf-token', session.csrf);
    }
    const res = await fetch(base + path, { ...init, headers });
    const body = await res.arrayBuffer();
    if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: HTTP ${res.status} ${new TextDecoder().decode(body).slice(0, 300)}`);
    return { res, body };
  };
  const json = (value: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) });
  const signIn = async (email: string): Promise<Session> => {
    const { res, body } = await call('/api/auth/login', json({ email, password: DEMO_PASSWORD }));
    return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: (JSON.parse(new TextDecoder().decode(body)) as { csrfToken: string }).csrfToken };
  };

  try {
    const login = await timed(() => signIn('admin@marsad.demo'), Math.min(repeat, 10));
    rows.push(['Sign-in (argon2id verify + session), HTTP', ms(login.median)]);
    const admin = login.last;

    // The same cheap read, signed in and not, interleaved: the session lookup's share.
    const [published] = await db.query<{ id: number }>('select id from projects where is_published order by id limit 1');
    const anonymous: number[] = [];
    const signedIn: number[] = [];
    for (let i = 0; i <= repeat; i += 1) {
      let t0 = performance.now();
      await call(`/api/projects/${published!.id}`);
      if (i > 0) anonymous.push(performance.now() - t0);
      t0 = performance.now();
      await call(`/api/projects/${published!.id}`, {}, admin);
      if (i > 0) signedIn.push(performance.now() - t0);
    }
    const med = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
    rows.push(['One project, signed in / anonymous', `${ms(med(signedIn))} / ${ms(med(anonymous))} = ${(med(signedIn) / med(anonymous)).toFixed(2)}x`]);

    const donor = await signIn('donor.undp@marsad.demo');
    const donorSummary = await timed(() => call('/api/summaries/governorates', {}, donor), repeat);
    rows.push(['Governorate summary as a donor (shared projects only)', ms(donorSummary.median)]);

    // A new polygon project in Damascus each time: validity check, spatial join, audit, write rule.
    const square = (i: number) => {
      const [x, y] = [36.27 + (i % 10) * 0.003, 33.5 + Math.floor(i / 10) * 0.003];
      return { type: 'Polygon', coordinates: [[[x, y], [x + 0.002, y], [x + 0.002, y + 0.002], [x, y + 0.002], [x, y]]] };
    };
    const create = await timed(async (i) => {
      const { body } = await call(
        '/api/projects',
        json({ code: `BENCH-${run}-${i + 1}`, kind: 'development_project', sector: 'roads', title_ar: 'مشروع قياس', title_en: 'Benchmark project', geometry: square(i + 1) }),
        admin,
      );
      return JSON.parse(new TextDecoder().decode(body)) as { id: number; version: number };
    }, repeat);
    rows.push(['Create a polygon project (validity, spatial join, audit)', ms(create.median)]);

    const { id } = create.last;
    let { version } = create.last;
    const today = new Date().toISOString().slice(0, 10);
    const report = (physical: number) => ({ reported_on: today, status: 'in_progress', physical_progress: physical, financial_progress: physical / 2 });
    const plain = await timed(async (i) => {
      const { body } = await call(`/api/projects/${id}/progress`, json({ ...report(i + 2), version }), admin);
      version = (JSON.parse(new TextDecoder().decode(body)) as { version: number }).version;
    }, repeat);
    rows.push(['Progress report (JSON), HTTP', ms(plain.median)]);

    const photo = png(800, 600, 7);
    const withPhoto = await timed(async (i) => {
      const form = new FormData();
      form.set('report', JSON.stringify({ ...report(Math.min(100, i + 3)), version }));
      form.append('photos', new Blob([new Uint8Array(photo)], { type: 'image/png' }), 'site.png');
      const { body } = await call(`/api/projects/${id}/progress`, { method: 'POST', body: form }, admin);
      const saved = JSON.parse(new TextDecoder().decode(body)) as { version: number; photos: { url: string }[] };
      version = saved.version;
      return saved.photos[0]!.url;
    }, repeat);
    rows.push([`Progress report with one ${Math.round(photo.length / 1024)} KiB photo (multipart)`, ms(withPhoto.median)]);
    const serve = await timed(() => call(withPhoto.last, {}, admin), repeat);
    rows.push(['Serve that photo, HTTP', ms(serve.median)]);

    // 1,000 rows inside Damascus: a dry run reads and checks every row; the commit writes them.
    const lines = ['code,kind,sector,title_ar,title_en,lon,lat,budget'];
    for (let i = 0; i < 1000; i += 1) {
      lines.push(`BENCH-${run}-IMP-${i},development_project,water,مشروع مستورد ${i},Imported project ${i},${(36.27 + (i % 40) * 0.001).toFixed(4)},${(33.5 + Math.floor(i / 40) * 0.001).toFixed(4)},${1000 * i}`);
    }
    const upload = (dryRun: boolean) => {
      const form = new FormData();
      form.append('file', new Blob([lines.join('\n')], { type: 'text/csv' }), 'bench.csv');
      return call(`/api/imports/projects?dry_run=${dryRun}`, { method: 'POST', body: form }, admin);
    };
    let t0 = performance.now();
    await upload(true);
    const dry = performance.now() - t0;
    t0 = performance.now();
    await upload(false);
    const commit = performance.now() - t0;
    rows.push(['Import 1,000 CSV rows: dry run / commit', `${ms(dry)} / ${ms(commit)} (${Math.round(1000 / (commit / 1000))} rows/s)`]);
    return rows;
  } finally {
    // Even after a failed step: a benchmark leaves nothing behind (reports and photos go with their project).
    await db.exec(`delete from projects where code like 'BENCH-${run}-%'`);
  }
}
