import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { png } from '@marsad/demo';
import { DEMO, type Client } from '../support/client.ts';
import { createProject, today as todayIs } from '../support/freshData.ts';
import { testApp, type TestApp } from '../support/testApp.ts';

/**
 * Why one file of about 370 lines: the photo fixtures below (a JPEG as Chromium encodes it inline,
 * PNGs of any size) take their room, and the tests walk one feature, photos on a progress report,
 * from storing to serving, visibility, limits and history, over one database.
 */

/** A 3 × 2 JPEG as Chromium's canvas encodes it (with its ICC profile segment before the frame). */
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAACAAMDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAT/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABAb/xAAYEQADAQEAAAAAAAAAAAAAAAAAAQIxMv/aAAwDAQACEQMRAD8AgAErWUU8o//Z',
  'base64',
);

interface Upload {
  bytes: Uint8Array;
  name: string;
  /** What the client claims; the API must not believe it. */
  type: string;
}

/** The PNG with its IHDR claiming another size (the pixels stay as they are). */
function withPngSize(image: Uint8Array, width: number, height: number): Uint8Array {
  const copy = Uint8Array.from(image);
  new DataView(copy.buffer).setUint32(16, width);
  new DataView(copy.buffer).setUint32(20, height);
  return copy;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const MB = 1024 * 1024;

describe('photos on progress reports', () => {
  let t: TestApp;
  let engineer: Client;
  let giz: Client;
  let undp: Client;
  /** This test's own project: Damascus, in progress, unpublished, shared with GIZ and not with UNDP. */
  let projectId: number;
  const today = todayIs();

  beforeAll(async () => {
    t = await testApp('demo');
  });
  beforeEach(async () => {
    engineer = await t.as(DEMO.engineer);
    giz = await t.as(DEMO.gizDonor);
    undp = await t.as(DEMO.undpDonor);
    projectId = (await createProject(engineer, { status: 'in_progress', is_published: false })).id;
    expect((await engineer.put(`/api/projects/${projectId}/shares/giz`)).status).toBe(204);
  });
  afterAll(() => t.close());

  const versionOf = async (id: number) => (await t.db.query<{ version: number }>('select version from projects where id = $1', [id]))[0]!.version;
  const report = async (id: number) => ({ reported_on: today, status: 'in_progress', physical_progress: 42, financial_progress: 30, note: 'صور الموقع', version: await versionOf(id) });
  const post = (who: Client | null, id: number, form: FormData) => (who ?? t.anonymous).post(`/api/projects/${id}/progress`, form);
  const formOf = (reportJson: unknown, uploads: Upload[]) => {
    const form = new FormData();
    if (reportJson !== undefined) form.append('report', JSON.stringify(reportJson));
    for (const u of uploads) form.append('photos', new File([u.bytes as Uint8Array<ArrayBuffer>], u.name, { type: u.type }));
    return form;
  };
  const get = (path: string, who: Client | null, headers: Record<string, string> = {}) => (who ?? t.anonymous).get(path, headers);
  /** A report with two photos on this test's project, by its engineer; the update's id. */
  const reportWithPhotos = async () => {
    const res = await post(engineer, projectId, formOf(await report(projectId), [
      { bytes: png(40, 30, 1), name: 'site.png', type: 'image/png' },
      { bytes: JPEG, name: 'gate.jpeg', type: 'image/jpeg' },
    ]));
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: number }).id;
  };
  const counts = async () =>
    (
      await t.db.query<{ updates: number; photos: number; audit: number }>(
        `select (select count(*) from progress_updates) as updates, (select count(*) from progress_photos) as photos,
                (select count(*) from audit_log) as audit`,
      )
    )[0]!;

  it('stores a report with two photos in one go, typed by their bytes, and serves them back unchanged', async () => {
    const first = png(40, 30, 1);
    // A PNG posing as a JPEG: name and declared type both lie.
    const uploads: Upload[] = [
      { bytes: first, name: 'site.jpg', type: 'image/jpeg' },
      { bytes: JPEG, name: 'gate.jpeg', type: 'application/octet-stream' },
    ];
    const before = await versionOf(projectId);
    const res = await post(engineer, projectId, formOf(await report(projectId), uploads));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: number; version: number; photos: { id: number; url: string; content_type: string; width: number; height: number; byte_size: number }[] };
    expect(body.version).toBeGreaterThan(before);

    const stored = await t.db.query<{ id: number; position: number; content_type: string; width: number; height: number; byte_size: number; sha256: string; bytes: Uint8Array; project_id: number; created_by: string }>(
      `select ph.id, ph.position, ph.content_type, ph.width, ph.height, ph.byte_size, ph.sha256, ph.bytes, ph.project_id, u.email as created_by
         from progress_photos ph join users u on u.id = ph.created_by where ph.update_id = $1 order by ph.position`,
      [body.id],
    );
    expect(stored.map((s) => [s.position, s.content_type, s.width, s.height, s.byte_size])).toEqual([
      [1, 'image/png', 40, 30, first.length],
      [2, 'image/jpeg', 3, 2, JPEG.length],
    ]);
    expect(stored.every((s) => s.project_id === projectId && s.created_by === 'engineer.damascus@marsad.demo')).toBe(true);
    expect(Buffer.from(stored[0]!.bytes).equals(first)).toBe(true);
    expect(stored.map((s) => s.sha256)).toEqual([sha256(first), sha256(JPEG)]);
    expect(body.photos.map((p) => [p.id, p.content_type, p.url])).toEqual(
      stored.map((s) => [s.id, s.content_type, `/api/projects/${projectId}/progress/${body.id}/photos/${s.id}`]),
    );

    for (const [i, sent] of [first, JPEG].entries()) {
      const image = await get(body.photos[i]!.url, engineer);
      expect(image.status).toBe(200);
      expect(image.headers.get('content-type')).toBe(stored[i]!.content_type);
      expect(image.headers.get('x-content-type-options')).toBe('nosniff');
      expect(image.headers.get('cache-control')).toMatch(/^private\b/);
      expect(image.headers.get('etag')).toBe(`"${sha256(sent)}"`);
      expect(Buffer.from(await image.arrayBuffer()).equals(sent)).toBe(true);
      const again = await get(body.photos[i]!.url, engineer, { 'if-none-match': image.headers.get('etag')! });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
    }

    // The project's list of reports carries them too, newest report first.
    const listing = await get(`/api/projects/${projectId}/progress`, engineer);
    expect(listing.status).toBe(200);
    const { items } = (await listing.json()) as { items: { id: number; photos: { id: number }[] }[] };
    expect(items[0]!.id).toBe(body.id);
    expect(items[0]!.photos.map((p) => p.id)).toEqual(stored.map((s) => s.id));
    const [{ without }] = (await t.db.query<{ without: number }>(
      `select count(*) as without from progress_updates u where u.project_id = $1 and not exists (select 1 from progress_photos ph where ph.update_id = u.id)`,
      [projectId],
    )) as [{ without: number }];
    expect(items.filter((item) => item.photos.length === 0)).toHaveLength(without);
  });

  it('audits each photo as inserted, with its hash and size but never the image', async () => {
    const update = { id: await reportWithPhotos() };
    const entries = await t.db.query<{ actor: string; action: string; row_key: string; new_values: Record<string, unknown>; leaked: boolean }>(
      `select u.email as actor, l.action, l.row_key, l.new_values,
              position(encode(ph.bytes, 'hex') in l.new_values::text) > 0 as leaked
         from audit_log l join users u on u.id = l.actor_id join progress_photos ph on ph.id = l.row_key::bigint
        where l.table_name = 'progress_photos' and l.project_id = $1 and ph.update_id = $2
        order by l.id`,
      [projectId, update.id],
    );
    expect(entries).toHaveLength(2);
    for (const entry of entries) {
      expect(entry).toMatchObject({ actor: 'engineer.damascus@marsad.demo', action: 'insert', leaked: false });
      expect(entry.new_values).not.toHaveProperty('bytes');
      expect(entry.new_values).toMatchObject({ update_id: update.id, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), byte_size: expect.any(Number) });
    }
    // Append-only, like the reports.
    await expect(t.db.query('update progress_photos set position = 9 where update_id = $1', [update.id])).rejects.toThrow(/append-only/);
    await expect(t.db.query('delete from progress_photos where update_id = $1', [update.id])).rejects.toThrow(/append-only/);
  });

  it('shows the photos exactly to those who see the project: 404 to a donor without a share and to anonymous callers', async () => {
    await reportWithPhotos();
    const [photo] = await t.db.query<{ id: number; update_id: number }>(
      'select id, update_id from progress_photos where project_id = $1 order by id limit 1',
      [projectId],
    );
    const url = `/api/projects/${projectId}/progress/${photo!.update_id}/photos/${photo!.id}`;
    expect((await get(url, giz)).status).toBe(200);
    expect((await get(`/api/projects/${projectId}`, undp)).status).toBe(404);
    expect((await get(url, undp)).status).toBe(404);
    expect((await get(`/api/projects/${projectId}/progress`, undp)).status).toBe(404);
    expect((await get(url, null)).status).toBe(404);
    expect((await get(`/api/projects/${projectId}/progress`, null)).status).toBe(404);
    const hidden = await get(url, null, { 'if-none-match': `"${'0'.repeat(64)}"` });
    expect(hidden.status).toBe(404);
    expect(hidden.headers.get('content-type')).toBe('application/problem+json');
    // The ids must belong together: the photo under another report is not found.
    expect((await get(`/api/projects/${projectId}/progress/${photo!.update_id + 1}/photos/${photo!.id}`, engineer)).status).toBe(404);
  });

  it.each([
    {
      what: 'a text file renamed .jpg',
      uploads: () => [
        { bytes: png(8, 8), name: 'ok.png', type: 'image/png' },
        { bytes: Buffer.from('this is a shopping list, not a photo\n'), name: 'photo.jpg', type: 'image/jpeg' },
      ],
      status: 415,
      parameter: 'photos[1]',
    },
    {
      what: 'a JPEG signature with no frame',
      uploads: () => [{ bytes: Buffer.from([0xff, 0xd8, 0xff, 0xd9]), name: 'broken.jpg', type: 'image/jpeg' }],
      status: 415,
      parameter: 'photos[0]',
    },
    {
      what: 'five photos',
      uploads: () => [1, 2, 3, 4, 5].map((seed) => ({ bytes: png(4, 4, seed), name: `${seed}.png`, type: 'image/png' })),
      status: 400,
      parameter: 'photos',
    },
    {
      what: 'a PNG whose header claims a width of 2^31 px',
      uploads: () => [{ bytes: withPngSize(png(4, 4), 2 ** 31, 4), name: 'giant.png', type: 'image/png' }],
      status: 415,
      parameter: 'photos[0]',
      detail: /giant\.png claims to be 2147483648 × 4 px; a photo may be at most 65535 px on a side/,
    },
    {
      what: 'a PNG claiming 20000 × 20000 px, a decompression bomb for whoever views it',
      uploads: () => [{ bytes: withPngSize(png(4, 4), 20_000, 20_000), name: 'bomb.png', type: 'image/png' }],
      status: 415,
      parameter: 'photos[0]',
      detail: /bomb\.png claims to be 20000 × 20000 px; a photo may be at most 65535 px on a side and 50 million pixels in all/,
    },
    {
      what: 'a PNG 65536 px high',
      uploads: () => [{ bytes: withPngSize(png(4, 4), 4, 65_536), name: 'tall.png', type: 'image/png' }],
      status: 415,
      parameter: 'photos[0]',
    },
    {
      what: 'a photo over 5 MB',
      uploads: () => [
        { bytes: png(4, 4), name: 'small.png', type: 'image/png' },
        { bytes: Buffer.concat([png(4, 4), Buffer.alloc(5 * MB)]), name: 'huge.png', type: 'image/png' },
      ],
      status: 413,
      parameter: 'photos[1]',
    },
  ] as { what: string; uploads: () => Upload[]; status: number; parameter: string; detail?: RegExp }[])('refuses $what with $status naming $parameter, and writes nothing', async ({ uploads, status, parameter, detail }) => {
    const before = await counts();
    const version = await versionOf(projectId);
    const res = await post(engineer, projectId, formOf(await report(projectId), uploads()));
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await res.json()) as { status: number; detail: string; errors: { parameter: string }[] };
    expect(problem.status).toBe(status);
    expect(problem.errors.map((e) => e.parameter)).toEqual([parameter]);
    if (detail) expect(problem.detail).toMatch(detail);
    expect(await counts()).toEqual(before);
    expect(await versionOf(projectId)).toBe(version);
  });

  it('refuses a request larger than four full photos before reading it', async () => {
    const before = await counts();
    const big = Buffer.alloc(5 * MB, 1);
    const res = await post(engineer, projectId, formOf(await report(projectId), [1, 2, 3, 4, 5].map(() => ({ bytes: big, name: 'x.png', type: 'image/png' }))));
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await counts()).toEqual(before);
  });

  it('needs the report: missing, not JSON, or invalid are 400s naming it; a multipart report without photos is fine', async () => {
    const before = await counts();
    const missing = await post(engineer, projectId, formOf(undefined, [{ bytes: png(4, 4), name: 'a.png', type: 'image/png' }]));
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { errors: { parameter: string }[] }).errors.map((e) => e.parameter)).toContain('report');
    const garbled = new FormData();
    garbled.append('report', '{not json');
    const notJson = await post(engineer, projectId, garbled);
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { errors: { parameter: string }[] }).errors.map((e) => e.parameter)).toEqual(['report']);
    const invalid = await post(engineer, projectId, formOf({ ...(await report(projectId)), physical_progress: 140 }, []));
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { errors: { parameter: string }[] }).errors.map((e) => e.parameter)).toEqual(['physical_progress']);
    expect((await post(null, projectId, formOf(await report(projectId), []))).status).toBe(401);
    expect(await counts()).toEqual(before);

    const plain = await post(engineer, projectId, formOf(await report(projectId), []));
    expect(plain.status).toBe(201);
    expect(((await plain.json()) as { photos: unknown[] }).photos).toEqual([]);
  });

  /** A multipart body as the client library writes it, to send with a content type of our choosing. */
  const multipartOf = async (form: FormData) => {
    const encoded = new Response(form);
    return { body: new Uint8Array(await encoded.arrayBuffer()), contentType: encoded.headers.get('content-type')! };
  };
  it.each([
    {
      what: 'a photos part that is text, not a file',
      request: async () => {
        const form = formOf(await report(projectId), []);
        form.append('photos', 'IMG_0001.jpg');
        return multipartOf(form);
      },
      parameter: 'photos[0]',
    },
    {
      what: 'an empty file',
      request: async () => multipartOf(formOf(await report(projectId), [{ bytes: new Uint8Array(), name: 'empty.png', type: 'image/png' }])),
      parameter: 'photos[0]',
    },
    ...['photo', 'photos[]'].map((field) => ({
      what: `a photo in a field named ${field}`,
      request: async () => {
        const form = formOf(await report(projectId), []);
        form.append(field, new File([png(4, 4) as Uint8Array<ArrayBuffer>], 'site.png', { type: 'image/png' }));
        return multipartOf(form);
      },
      parameter: '(body)',
      detail: `"${field}"`,
    })),
    {
      what: 'multipart without a boundary',
      request: async () => {
        const { body } = await multipartOf(formOf(await report(projectId), [{ bytes: png(4, 4), name: 'site.png', type: 'image/png' }]));
        return { body, contentType: 'multipart/form-data' };
      },
      parameter: undefined,
    },
    {
      what: 'a multipart body that is not multipart',
      request: async () => ({ body: new TextEncoder().encode('this is not a multipart body'), contentType: 'multipart/form-data; boundary=----marsad' }),
      parameter: undefined,
    },
    {
      what: 'a multipart body cut off in the middle',
      request: async () => {
        const { body, contentType } = await multipartOf(formOf(await report(projectId), [{ bytes: png(4, 4), name: 'site.png', type: 'image/png' }]));
        return { body: body.subarray(0, Math.floor(body.length / 2)), contentType };
      },
      parameter: undefined,
    },
  ] as { what: string; request: () => Promise<{ body: Uint8Array; contentType: string }>; parameter: string | undefined; detail?: string }[])(
    'refuses $what with a 400 problem, and writes nothing',
    async ({ request, parameter, detail }) => {
      const before = await counts();
      const version = await versionOf(projectId);
      const { body, contentType } = await request();
      const res = await engineer.post(`/api/projects/${projectId}/progress`, body, { 'content-type': contentType });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      const problem = (await res.json()) as { status: number; detail?: string; errors?: { parameter: string }[] };
      expect(problem.status).toBe(400);
      if (parameter) expect(problem.errors?.map((e) => e.parameter)).toEqual([parameter]);
      if (detail) expect(problem.detail).toContain(detail);
      expect(await counts()).toEqual(before);
      expect(await versionOf(projectId)).toBe(version);
    },
  );

  it("keeps a project's older history within reach, however many photos its reports carry", async () => {
    const history = async () => {
      const res = await get(`/api/projects/${projectId}/history`, engineer);
      expect(res.status).toBe(200);
      return ((await res.json()) as { items: { table: string; action: string; to: { id?: number } | null }[] }).items;
    };
    const plain = await post(engineer, projectId, formOf(await report(projectId), []));
    expect(plain.status).toBe(201);
    const { id: updateId } = (await plain.json()) as { id: number };
    const before = await history();
    expect(before.some((entry) => entry.table === 'progress_updates' && entry.to?.id === updateId)).toBe(true);
    // More photo rows than the history's limit, each audited (written directly: a report takes four).
    await t.db.query(
      `insert into progress_photos (update_id, position, content_type, width, height, bytes)
       select $1, n, 'image/png', 4, 4, $2 from generate_series(1, 600) n`,
      [updateId, png(4, 4)],
    );
    const [{ audited }] = (await t.db.query<{ audited: number }>(
      `select count(*)::int as audited from audit_log where table_name = 'progress_photos' and project_id = $1`,
      [projectId],
    )) as [{ audited: number }];
    expect(audited).toBeGreaterThanOrEqual(600);
    const after = await history();
    expect(after.some((entry) => entry.table === 'progress_photos')).toBe(false);
    expect(after).toEqual(before);
  });

  it('documents the new routes in the OpenAPI document', async () => {
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>> };
    expect(Object.keys(doc.paths['/api/projects/{id}/progress']!).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/projects/{id}/progress']!.post!.requestBody!.content).sort()).toEqual(['application/json', 'multipart/form-data']);
    expect(doc.paths['/api/projects/{id}/progress/{updateId}/photos/{photoId}']).toHaveProperty('get');
  });
});
