import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PHOTO_BYTES, PHOTO_UPLOAD_PART_BYTES, PhotoUploadState } from '@marsad/contracts';
import { encodeRgbPng, png } from '@marsad/demo';
import { DEMO, type Client } from '../support/client.ts';
import { createProject, expectStatus, today } from '../support/freshData.ts';
import { expectProblem } from '../support/problems.ts';
import { testApp, type TestApp } from '../support/testApp.ts';

/**
 * Photos sent before their report, in parts (issue 14): PUT /api/photo-uploads/{sha256} with
 * Content-Range, resumed from what the server holds, checked whole, stored once, private to their
 * user, and named by a report in `photos: [{sha256}]`.
 *
 * Why one file of about 340 lines: the tests walk one protocol, part by part, from the first part
 * to the report that names the photo, with the helpers that send parts shared by all of them.
 */

const PART = PHOTO_UPLOAD_PART_BYTES;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A real PNG of noise, stored without compression: about `kb` KB, so it takes several parts. */
function bigPhoto(kb: number): Buffer {
  const width = 256;
  const height = Math.ceil((kb * 1024) / (width * 3));
  return encodeRgbPng(width, height, randomBytes(width * height * 3), 0);
}

interface PartOptions {
  /** The name to send it under (the photo's own hash unless given). */
  name?: string;
  /** The total to claim (the photo's length unless given). */
  total?: number;
}

/** Sends bytes `start`..`end` (inclusive) of `photo` as one part. */
function sendPart(who: Client, photo: Uint8Array, start: number, end: number, { name = sha256(photo), total = photo.length }: PartOptions = {}): Promise<Response> {
  return who.request(`/api/photo-uploads/${name}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/octet-stream', 'content-range': `bytes ${start}-${end}/${total}` },
    body: photo.slice(start, end + 1),
  });
}

/** Sends `photo` from byte `from` to its end, part after part; the last answer. */
async function sendFrom(who: Client, photo: Uint8Array, from = 0, options: PartOptions = {}): Promise<Response> {
  let res: Response | undefined;
  for (let start = from; start < photo.length; start += PART) {
    res = await sendPart(who, photo, start, Math.min(start + PART, photo.length) - 1, options);
    if (res.status !== 200) return res;
  }
  return res!;
}

const stateOf = async (res: Response) => (await expectStatus(res, 200, 'a part')).json() as Promise<PhotoUploadState>;

describe('photos uploaded in parts', () => {
  let t: TestApp;
  let engineer: Client;
  let aleppo: Client;

  beforeAll(async () => {
    t = await testApp('demo');
    engineer = await t.as(DEMO.engineer);
    aleppo = await t.as(DEMO.aleppoEngineer);
  });
  afterAll(() => t.close());

  const rowsOf = (name: string) =>
    t.db.query<{ email: string; received: number; complete: boolean; bytes: Uint8Array }>(
      `select u.email, pu.received, pu.completed_at is not null as complete, pu.bytes
         from photo_uploads pu join users u on u.id = pu.user_id where pu.sha256 = $1 order by u.email`,
      [name],
    );
  const stateUrl = (name: string) => `/api/photo-uploads/${name}`;

  it('completes a photo sent in parts in order, saying at each part how much it holds', async () => {
    const photo = bigPhoto(700);
    const name = sha256(photo);
    await expectProblem(await engineer.get(stateUrl(name)), 404, { detail: /send its first part/ });

    const first = await stateOf(await sendPart(engineer, photo, 0, PART - 1));
    expect(first).toEqual({ sha256: name, byte_size: photo.length, received: PART, complete: false, content_type: null, width: null, height: null });
    expect(PhotoUploadState.parse(first)).toEqual(first);
    const read = await engineer.get(stateUrl(name));
    expect(read.headers.get('cache-control')).toBe('no-store');
    expect(await read.json()).toEqual(first);

    const last = await stateOf(await sendFrom(engineer, photo, PART));
    expect(last).toEqual({ sha256: name, byte_size: photo.length, received: photo.length, complete: true, content_type: 'image/png', width: 256, height: expect.any(Number) });
    expect(PhotoUploadState.parse(last)).toEqual(last);
    const [row] = await rowsOf(name);
    expect(Buffer.from(row!.bytes).equals(photo)).toBe(true);
  });

  it('resumes a cut upload from what the server holds, not from byte 0', async () => {
    const photo = bigPhoto(900);
    const name = sha256(photo);
    await stateOf(await sendPart(engineer, photo, 0, PART - 1));
    // The second part is cut on the way: its body stops half-way and the request fails.
    const cut = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(photo.slice(PART, PART + PART / 2));
        controller.error(new Error('connection reset'));
      },
    });
    const { cookie, csrf } = engineer.session!;
    const failed = await t.app.request(stateUrl(name), {
      method: 'PUT',
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/octet-stream', 'content-range': `bytes ${PART}-${2 * PART - 1}/${photo.length}` },
      body: cut,
      duplex: 'half',
    } as RequestInit);
    await expectProblem(failed, 400, { detail: /stopped arriving before its end/ });

    // Nothing of the cut part is kept: the device asks, and goes on from there.
    const held = (await (await engineer.get(stateUrl(name))).json()) as PhotoUploadState;
    expect(held.received).toBe(PART);
    const done = await stateOf(await sendFrom(engineer, photo, held.received));
    expect(done).toMatchObject({ complete: true, received: photo.length });
    expect(Buffer.from((await rowsOf(name))[0]!.bytes).equals(photo)).toBe(true);
  });

  it('answers 409 with the state to a part that does not start where the upload stands, and takes nothing from it', async () => {
    const photo = bigPhoto(800);
    const name = sha256(photo);
    // Not begun: only a first part begins it.
    const early = await expectProblem(await sendPart(engineer, photo, PART, 2 * PART - 1), 409, { detail: /send its first part, from byte 0/ });
    expect(early).toMatchObject({ upload: { received: 0, complete: false, byte_size: photo.length } });
    expect(await rowsOf(name)).toEqual([]);

    await stateOf(await sendPart(engineer, photo, 0, PART - 1));
    for (const [start, end] of [
      [0, PART - 1],
      [2 * PART, 3 * PART - 1],
    ]) {
      const problem = await expectProblem(await sendPart(engineer, photo, start!, end!), 409, { detail: new RegExp(`send the part that starts at byte ${PART}`) });
      expect(problem).toMatchObject({ upload: { sha256: name, received: PART, byte_size: photo.length, complete: false } });
    }
    // Another total for the same name: the name is the hash of one photo of one size.
    await expectProblem(await sendPart(engineer, photo, PART, 2 * PART - 1, { total: photo.length + 1 }), 409, { detail: new RegExp(`is ${photo.length} bytes, not ${photo.length + 1}`) });
    expect((await rowsOf(name))[0]!.received).toBe(PART);
    expect(await stateOf(await sendFrom(engineer, photo, PART))).toMatchObject({ complete: true });
  });

  it('answers 422 when the whole does not hash to its name, and starts the upload again from byte 0', async () => {
    const photo = bigPhoto(600);
    const other = bigPhoto(600);
    expect(other.length).toBe(photo.length);
    const name = sha256(other);
    const problem = await expectProblem(await sendFrom(engineer, photo, 0, { name }), 422, { detail: /send the photo from byte 0/ });
    expect(problem).toMatchObject({ upload: { sha256: name, received: 0, complete: false } });
    expect(((await (await engineer.get(stateUrl(name))).json()) as PhotoUploadState).received).toBe(0);
    // The right bytes, from the start, complete it.
    expect(await stateOf(await sendFrom(engineer, other, 0))).toMatchObject({ sha256: name, complete: true });
  });

  it('stores a photo once however often it is sent: a complete upload answers every later part with its state', async () => {
    const photo = bigPhoto(500);
    const name = sha256(photo);
    const first = await stateOf(await sendFrom(engineer, photo));
    for (const [start, end] of [
      [0, PART - 1],
      [PART, photo.length - 1],
      [0, 9],
    ]) {
      expect(await stateOf(await sendPart(engineer, photo, start!, end!))).toEqual(first);
    }
    expect(await stateOf(await sendFrom(engineer, photo))).toEqual(first);
    expect(await rowsOf(name)).toHaveLength(1);
  });

  it('refuses what is not a photo (415) or too large (413) before storing anything, and says how to send it', async () => {
    const text = Buffer.from('a shopping list, not a photo\n'.repeat(20));
    await expectProblem(await sendPart(engineer, text, 0, text.length - 1, { total: 100_000 }), 415, { parameter: '(body)', detail: /is not a photo: send JPEG, PNG or WebP/ });
    // A header claiming a bomb of pixels is refused from the first part.
    const bomb = png(4, 4);
    new DataView(bomb.buffer, bomb.byteOffset).setUint32(16, 65_535);
    new DataView(bomb.buffer, bomb.byteOffset).setUint32(20, 65_535);
    await expectProblem(await sendPart(engineer, bomb, 0, bomb.length - 1, { total: 400_000 }), 415, { detail: /claims to be 65535 × 65535 px/ });
    // A JPEG signature without a frame is only known to be broken once whole; then it is dropped.
    const broken = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);
    await expectProblem(await sendPart(engineer, broken, 0, 3), 415, { detail: /header cannot be read/ });
    for (const bytes of [text, bomb, broken]) expect(await rowsOf(sha256(bytes))).toEqual([]);

    const small = png(8, 8);
    await expectProblem(await sendPart(engineer, small, 0, small.length - 1, { total: MAX_PHOTO_BYTES + 1 }), 413, { detail: /at most 5 MB/ });
    const wide = bigPhoto(300);
    await expectProblem(await sendPart(engineer, wide, 0, PART), 413, { detail: /A part may be at most 256 KB/ });
    // A body longer than it says is refused from its Content-Length, before it is read.
    const padded = await engineer.request(stateUrl(sha256(wide)), {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream', 'content-range': `bytes 0-9/${wide.length}`, 'content-length': String(PART + 1) },
      body: wide.slice(0, PART + 1),
    });
    await expectProblem(padded, 413, { detail: /parts of that size/ });
    for (const bytes of [small, wide]) expect(await rowsOf(sha256(bytes))).toEqual([]);
  });

  it('says what is wrong with a part: its Content-Range, its length, its type, its name', async () => {
    const photo = png(20, 20);
    const name = sha256(photo);
    const put = (headers: Record<string, string>, body: Uint8Array = photo, path = stateUrl(name)) => engineer.request(path, { method: 'PUT', headers, body });
    const octets = { 'content-type': 'application/octet-stream' };
    await expectProblem(await put(octets), 400, { parameter: 'content-range', detail: /is required/ });
    await expectProblem(await put({ ...octets, 'content-range': 'bytes 0-10/*' }), 400, { parameter: 'content-range', detail: /total known/ });
    await expectProblem(await put({ ...octets, 'content-range': `bytes 0-9/${photo.length}` }), 400, { parameter: 'content-range', detail: new RegExp(`names 10 bytes .* body holds ${photo.length}`) });
    await expectProblem(await put({ 'content-type': 'image/png', 'content-range': `bytes 0-${photo.length - 1}/${photo.length}` }), 415, { detail: /application\/octet-stream/ });
    await expectProblem(await put({ ...octets, 'content-range': `bytes 0-${photo.length - 1}/${photo.length}` }, photo, stateUrl(name.toUpperCase())), 400, { parameter: 'sha256' });
    expect(await rowsOf(name)).toEqual([]);
  });

  it('keeps uploads to their user: anonymous callers are 401, a write without the CSRF token or by a donor 403, another user sees nothing', async () => {
    const photo = png(30, 20, 7);
    const name = sha256(photo);
    await expectProblem(await t.anonymous.get(stateUrl(name)), 401, { detail: /Sign in to upload photos/ });
    await expectProblem(await sendPart(t.anonymous, photo, 0, photo.length - 1), 401);
    const withoutCsrf = await engineer.request(stateUrl(name), {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream', 'content-range': `bytes 0-${photo.length - 1}/${photo.length}`, 'x-csrf-token': 'wrong' },
      body: photo,
    });
    await expectProblem(withoutCsrf, 403, { detail: /x-csrf-token/ });
    // Photos go with progress reports: whoever cannot report sends none.
    await expectProblem(await sendPart(await t.as(DEMO.gizDonor), photo, 0, photo.length - 1), 403, { detail: /Only engineers and admins send photos/ });
    expect(await rowsOf(name)).toEqual([]);

    await stateOf(await sendPart(engineer, photo, 0, photo.length - 1));
    await expectProblem(await aleppo.get(stateUrl(name)), 404);
    // Aleppo's own upload of the same photo is its own row; the engineer's stays as it was.
    const half = Math.floor(photo.length / 2);
    expect(await stateOf(await sendPart(aleppo, photo, 0, half - 1))).toMatchObject({ received: half, complete: false });
    expect((await rowsOf(name)).map((row) => [row.email, row.complete])).toEqual([
      [DEMO.aleppoEngineer, false],
      [DEMO.engineer, true],
    ]);
  });

  it('stores the photos a report names by SHA-256 with it, readable at their URLs; the same upload serves two reports', async () => {
    const project = await createProject(engineer, { status: 'in_progress' });
    const photos = [bigPhoto(400), png(40, 30, 3)];
    for (const photo of photos) await stateOf(await sendFrom(engineer, photo));
    const report = (version: number, refs: Uint8Array[]) => ({
      reported_on: today(),
      status: 'in_progress',
      physical_progress: 30,
      financial_progress: 20,
      version,
      photos: refs.map((photo) => ({ sha256: sha256(photo) })),
    });

    const first = await expectStatus(await engineer.post(`/api/projects/${project.id}/progress`, report(project.version, photos)), 201, 'a report naming two uploads');
    const recorded = (await first.json()) as { id: number; version: number; photos: { url: string; content_type: string; width: number; byte_size: number }[] };
    expect(recorded.photos.map((p) => [p.content_type, p.byte_size])).toEqual(photos.map((photo) => ['image/png', photo.length]));
    for (const [i, photo] of photos.entries()) {
      const image = await engineer.get(recorded.photos[i]!.url);
      expect(image.status).toBe(200);
      expect(image.headers.get('etag')).toBe(`"${sha256(photo)}"`);
      expect(Buffer.from(await image.arrayBuffer()).equals(photo)).toBe(true);
    }

    const second = await expectStatus(await engineer.post(`/api/projects/${project.id}/progress`, report(recorded.version, [photos[1]!])), 201, 'a second report naming one of them');
    expect(((await second.json()) as { photos: unknown[] }).photos).toHaveLength(1);
    const [stored] = await t.db.query<{ reports: number; photos: number; uploads: number }>(
      `select count(distinct update_id) as reports, count(*) as photos,
              (select count(*) from photo_uploads where sha256 = $2) as uploads
         from progress_photos where project_id = $1 and sha256 = $2`,
      [project.id, sha256(photos[1]!)],
    );
    expect(stored).toEqual({ reports: 2, photos: 2, uploads: 1 });
  });

  it('refuses a report naming a photo that is missing, unfinished or another user\'s (400 photos.N), writing nothing', async () => {
    const project = await createProject(engineer, { status: 'in_progress' });
    const mine = png(12, 12, 1);
    const unfinished = bigPhoto(400);
    const theirs = png(12, 12, 2);
    await stateOf(await sendFrom(engineer, mine));
    await stateOf(await sendPart(engineer, unfinished, 0, PART - 1));
    await stateOf(await sendFrom(aleppo, theirs));
    const reportsBefore = await t.db.query('select id from progress_updates where project_id = $1', [project.id]);

    const res = await engineer.post(`/api/projects/${project.id}/progress`, {
      reported_on: today(),
      status: 'in_progress',
      physical_progress: 30,
      financial_progress: 20,
      version: project.version,
      photos: [mine, unfinished, theirs, png(12, 12, 99)].map((photo) => ({ sha256: sha256(photo) })),
    });
    const problem = await expectProblem(res, 400);
    expect(problem.errors).toEqual([
      { parameter: 'photos.1', message: expect.stringMatching(new RegExp(`not fully uploaded \\(${PART} of ${unfinished.length} bytes\\).*from byte ${PART}`)) },
      { parameter: 'photos.2', message: expect.stringMatching(/you have no upload of photo .*: send it with PUT \/api\/photo-uploads\//) },
      { parameter: 'photos.3', message: expect.stringMatching(/you have no upload of photo/) },
    ]);
    expect(await t.db.query('select id from progress_updates where project_id = $1', [project.id])).toEqual(reportsBefore);

    // A form may carry files or name uploads, not both.
    const form = new FormData();
    form.append('report', JSON.stringify({ reported_on: today(), status: 'in_progress', physical_progress: 30, financial_progress: 20, version: project.version, photos: [{ sha256: sha256(mine) }] }));
    form.append('photos', new File([png(5, 5) as Uint8Array<ArrayBuffer>], 'site.png', { type: 'image/png' }));
    await expectProblem(await engineer.post(`/api/projects/${project.id}/progress`, form), 400, { parameter: 'photos', detail: /not both/ });
    // Named in a form's report without files, they are taken like in JSON.
    const named = new FormData();
    named.append('report', JSON.stringify({ reported_on: today(), status: 'in_progress', physical_progress: 30, financial_progress: 20, version: project.version, photos: [{ sha256: sha256(mine) }] }));
    const viaForm = await expectStatus(await engineer.post(`/api/projects/${project.id}/progress`, named), 201, 'a form naming an upload');
    expect(((await viaForm.json()) as { photos: unknown[] }).photos).toHaveLength(1);
  });

  it('bounds what a user holds: a ninth unfinished upload drops the oldest, stale uploads are pruned', async () => {
    const rif = await t.as(DEMO.rifEngineer);
    const started: string[] = [];
    for (let i = 0; i < 9; i++) {
      const photo = png(10, 10, 100 + i);
      const half = Math.floor(photo.length / 2);
      await stateOf(await sendPart(rif, photo, 0, half - 1));
      started.push(sha256(photo));
      // updated_at is the transaction's start: one apart, so "oldest" is well defined.
      await t.db.query(`update photo_uploads set updated_at = now() - make_interval(mins => $2) where sha256 = $1`, [sha256(photo), 100 - i]);
    }
    const held = await t.db.query<{ sha256: string }>(
      `select sha256 from photo_uploads pu join users u on u.id = pu.user_id where u.email = $1 and completed_at is null order by updated_at`,
      [DEMO.rifEngineer],
    );
    expect(held.map((row) => row.sha256)).toEqual(started.slice(1));

    // Unfinished for 8 days and complete for 31 are dropped by the next upload begun; complete for 8 stays.
    const stale = png(11, 11, 1);
    const old = png(11, 11, 2);
    const recent = png(11, 11, 3);
    await stateOf(await sendPart(engineer, stale, 0, 9));
    await stateOf(await sendFrom(engineer, old));
    await stateOf(await sendFrom(engineer, recent));
    const age = (photo: Uint8Array, days: number) => t.db.query(`update photo_uploads set updated_at = now() - make_interval(days => $2) where sha256 = $1`, [sha256(photo), days]);
    await age(stale, 8);
    await age(old, 31);
    await age(recent, 8);
    await stateOf(await sendPart(aleppo, png(11, 11, 4), 0, 9));
    expect(await rowsOf(sha256(stale))).toEqual([]);
    expect(await rowsOf(sha256(old))).toEqual([]);
    expect(await rowsOf(sha256(recent))).toHaveLength(1);
  });
});
