import { png } from '@marsad/demo';
import type { Database } from '@marsad/db';
import { describe, expect, it } from 'vitest';
import { anonymous, as, DEMO, httpTarget } from '../support/client.ts';
import { addObstacle, daysFromToday, projectIn, responsibleBody } from '../support/briefFixtures.ts';
import { inkIn, pdfFonts, pdfImageCount, pdfPages, renderPage } from '../support/pdfTools.ts';
import { expectProblem } from '../support/problems.ts';
import { serverForFile } from '../support/startTestServer.ts';
import { testApp } from '../support/testApp.ts';

/**
 * The printed brief, end to end: the real server prints its own print page with the real headless
 * Chromium, and the PDF is read back as a person would (poppler: text in logical order, fonts,
 * images, pixels). Needs the web app built (print.html) and Chromium (scripts/test.sh sees to both).
 */

const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';
/** Latin digits, separators dropped: ١٬٠٩٩ → 1099. */
const latinDigits = (text: string) => text.replace(/[٠-٩]/g, (d) => String(ARABIC_DIGITS.indexOf(d))).replace(/[٬,]/g, '');
/** Lam-alef is one glyph; poppler writes its two letters back to front. Titles without it read exactly. */
const LAM_ALEF = /ل[اأإآ]/;

const PHOTO = png(64, 48, 7);
let photoProjectTitle = '';

/** A recent progress photo on a Damascus project and a critical obstacle: the brief prints both. */
async function prepare(db: Database): Promise<void> {
  const project = await projectIn(db, 'SY-DI');
  photoProjectTitle = project.title_ar;
  const [update] = await db.query<{ id: number }>(
    `insert into progress_updates (project_id, reported_on, status, physical_progress, financial_progress)
     select id, current_date, status, physical_progress, financial_progress from projects where id = $1 returning id::int`,
    [project.id],
  );
  await db.query(`insert into progress_photos (update_id, position, content_type, width, height, bytes) values ($1, 1, 'image/png', 64, 48, $2)`, [update!.id, PHOTO]);
  const body = await responsibleBody(db, 'مؤسسة الكهرباء (اختبار الطباعة)', 'Electricity establishment (print test)');
  await addObstacle(db, project.id, { title: 'انتظار تغذية المحطة بالكهرباء', severity: 'critical', status: 'waiting_other_body', bodyId: body, targetDate: daysFromToday(-3) });
}

const printed = async (res: Response) => {
  expect(res.status, res.status === 200 ? '' : await res.clone().text()).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  const pdf = new Uint8Array(await res.arrayBuffer());
  expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  return pdf;
};

describe('the printed brief (PDF)', () => {
  const server = serverForFile('demo', prepare);

  it("prints Damascus in Arabic: headings and a project's title in logical order with its numbers intact, fonts embedded, the map drawn, the photo shown; in under 10 s", async () => {
    const minister = await as(httpTarget(server.url), DEMO.minister);
    const brief = await minister.json(`/api/briefs/governorates/SY-DI`);
    const started = performance.now();
    const res = await minister.get('/api/briefs/governorates/SY-DI.pdf');
    const pdf = await printed(res);
    const seconds = (performance.now() - started) / 1000;
    console.log(`Damascus brief (ar): printed in ${seconds.toFixed(2)} s, ${Math.round(pdf.length / 1024)} KB`);
    expect(seconds).toBeLessThanOrEqual(10);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="brief-SY-DI-\d{4}-\d{2}-\d{2}-ar\.pdf"$/);

    const pages = await pdfPages(pdf);
    const text = pages.join('\n');
    for (const heading of ['محافظة دمشق', 'المؤشرات الرئيسية', 'الخريطة', 'المشاريع المتأخرة', 'العوائق القائمة']) expect(text).toContain(heading);
    expect(text).toContain('انتظار تغذية المحطة بالكهرباء');
    // A delayed project's row: its code, its Arabic title as written, its days late as a number.
    const project = (brief.delayed_projects as { code: string; title_ar: string; days_late: number }[]).find((p) => !LAM_ALEF.test(p.title_ar))!;
    const row = text.split('\n').find((line) => line.includes(project.code));
    expect(row, `no line with ${project.code}`).toBeDefined();
    expect(row).toContain(project.title_ar);
    expect(latinDigits(row!).split(/\s+/)).toContain(String(project.days_late));

    const fonts = await pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
    expect(fonts.some((f) => /Arabic/i.test(f.name))).toBe(true);
    expect(await pdfImageCount(pdf)).toBeGreaterThanOrEqual(1); // the photo, served to the page from the database

    // The map is not blank: on its page, project points in colour and the boundary in dark lines.
    const mapPage = pages.findIndex((page) => page.includes('الخريطة')) + 1;
    const raster = await renderPage(pdf, mapPage, 50);
    const ink = inkIn(raster, { top: 0.3, bottom: 0.85, left: 0.05, right: 0.95 });
    console.log(`map page ${mapPage}: ${ink.coloured} coloured and ${ink.dark} dark pixels of ${ink.total} at 50 dpi`);
    expect(ink.coloured).toBeGreaterThan(200);
    expect(ink.dark).toBeGreaterThan(200);
    expect(photoProjectTitle).not.toBe('');
  });

  it('prints in English on request', async () => {
    const minister = await as(httpTarget(server.url), DEMO.minister);
    const brief = await minister.json(`/api/briefs/governorates/SY-DI?lang=en`);
    const res = await minister.get('/api/briefs/governorates/SY-DI.pdf?lang=en');
    const text = (await pdfPages(await printed(res))).join('\n');
    expect(res.headers.get('content-disposition')).toMatch(/filename="brief-SY-DI-\d{4}-\d{2}-\d{2}-en\.pdf"/);
    for (const heading of ['Damascus', 'Key figures', 'Delayed projects', 'Open obstacles']) expect(text).toContain(heading);
    const project = brief.delayed_projects[0] as { code: string; title_en: string };
    const row = text.split('\n').find((line) => line.includes(project.code));
    expect(row).toContain(project.title_en.slice(0, 30));
  });

  it('ten at once: each printed or answered 503 busy with Retry-After, while health and summaries still answer', async () => {
    const minister = await as(httpTarget(server.url), DEMO.minister);
    const governorates = ['SY-DI', 'SY-RD', 'SY-HL', 'SY-HM', 'SY-HI', 'SY-LA', 'SY-TA', 'SY-DR', 'SY-SU', 'SY-QU'];
    const started = performance.now();
    const prints = governorates.map(async (code) => {
      const res = await minister.get(`/api/briefs/governorates/${code}.pdf`);
      const ms = performance.now() - started;
      if (res.status === 200) await printed(res);
      else {
        const problem = await expectProblem(res, 503, { detail: /try again/i });
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(problem).toMatchObject({ reason: 'busy' });
      }
      return { code, status: res.status, ms };
    });
    // While they print, the server answers others: health every 250 ms, and a summary.
    const timed = async (path: string) => {
      const at = performance.now();
      const res = await anonymous(httpTarget(server.url)).get(path);
      expect(res.status).toBe(200);
      await res.arrayBuffer();
      return performance.now() - at;
    };
    let printing = true;
    const healthTimes: number[] = [];
    const sampling = (async () => {
      while (printing) {
        healthTimes.push(await timed('/api/health'));
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const summaries = await timed('/api/summaries/governorates?country=SYR');
    const results = await Promise.all(prints);
    printing = false;
    await sampling;
    const total = (performance.now() - started) / 1000;
    const sorted = [...healthTimes].sort((a, b) => a - b);
    const health = { median: sorted[Math.floor(sorted.length / 2)]!, max: sorted.at(-1)! };
    console.log(
      `ten at once: ${results.filter((r) => r.status === 200).length} printed, ${results.filter((r) => r.status === 503).length} busy, all answered in ${total.toFixed(1)} s ` +
        `(${results.map((r) => `${r.code} ${r.status} ${(r.ms / 1000).toFixed(1)} s`).join(', ')}); meanwhile /api/health ${healthTimes.length}× median ${health.median.toFixed(0)} ms, max ${health.max.toFixed(0)} ms; /api/summaries ${summaries.toFixed(0)} ms`,
    );
    expect(health.median).toBeLessThan(1000);
    expect(health.max).toBeLessThan(5000);
    expect(summaries).toBeLessThan(5000);
    expect(results.every((r) => r.status === 200 || r.status === 503)).toBe(true);
  });
});

describe('the printer under load and without Chromium', () => {
  const server = serverForFile('demo', undefined, { BRIEF_CONCURRENCY: '1', BRIEF_QUEUE_MAX: '1' });

  it('answers 503 busy with Retry-After beyond its queue, and prints the rest', async () => {
    const minister = await as(httpTarget(server.url), DEMO.minister);
    const results = await Promise.all(
      ['SY-DI', 'SY-RD', 'SY-HL', 'SY-HM'].map(async (code) => {
        const res = await minister.get(`/api/briefs/governorates/${code}.pdf?lang=en`);
        if (res.status === 200) await printed(res);
        else expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
        return res.status;
      }),
    );
    expect(results.filter((s) => s === 200).length).toBeGreaterThanOrEqual(2);
    expect(results.filter((s) => s === 503).length).toBeGreaterThanOrEqual(1);
  });

  it('without Chromium: 503 problem+json saying what to install', async () => {
    const t = await testApp('demo', { CHROMIUM_PATH: '/nonexistent/chromium', ...(process.env.WEB_DIST ? { WEB_DIST: process.env.WEB_DIST } : {}) });
    try {
      const minister = await t.as(DEMO.minister);
      const res = await minister.get('/api/briefs/governorates/SY-DI.pdf');
      const problem = await expectProblem(res, 503, { detail: /apt-get install chromium fonts-noto-core/ });
      expect(problem.detail).toMatch(/CHROMIUM_PATH/);
      expect(res.headers.get('retry-after')).toBeNull();
      // The JSON brief needs no Chromium.
      expect((await minister.get('/api/briefs/governorates/SY-DI')).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
