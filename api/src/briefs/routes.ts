import type { IncomingMessage } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createRoute, z } from '@hono/zod-openapi';
import { BRIEF_LANGUAGES, BriefData, type BriefLanguage } from '@marsad/contracts';
import type { Context } from 'hono';
import type { SignedInViewer } from '../access/Viewer.ts';
import { named } from '../http/openApiNames.ts';
import { notFound, problemResponse } from '../http/problems.ts';
import { requireUser, type SignedInEnv } from '../http/requireUser.ts';
import { createRouter, type AppEnv } from '../http/router.ts';
import { readMeeting } from '../meetings/meetingQueries.ts';
import { findPhotoContent } from '../projects/progress/queries.ts';
import { assembleBrief } from './assembleBrief.ts';
import { countryScope, governorateScope, meetingScope, type BriefScope } from './briefScope.ts';
import { PrinterUnavailable } from './chromiumPrinter.ts';

/**
 * /api/briefs: the minister's brief of a governorate, a country or a meeting (its agenda pack).
 * `/governorates/SY-DI` answers the BriefData as JSON (what the print page draws);
 * `/governorates/SY-DI.pdf` the printed brief (headless Chromium, see chromiumPrinter.ts), as an
 * attachment. One route per kind: the last path segment is the key, with `.pdf` for the PDF.
 * Signed-in users only; each brief holds only what its requester may see.
 */

const PDF = '.pdf';
const Lang = z.object({
  lang: z.enum(BRIEF_LANGUAGES).default('ar').openapi({ description: 'The brief’s language (Arabic by default)' }),
});

/** A path key (`SY-DI`), or the same with `.pdf` for the printed brief. */
const key = (name: string, pattern: string, example: string) =>
  z
    .string()
    .regex(new RegExp(`^${pattern}(\\.pdf)?$`), `must be ${example} (JSON) or ${example}.pdf (the printed brief)`)
    .openapi({ param: { name, in: 'path' }, example });

const responses = (what: string) => ({
  200: {
    description: `The ${what}'s brief: BriefData as JSON, or the PDF (attachment) when the key ends in .pdf`,
    content: { 'application/json': { schema: named(BriefData, 'BriefData') }, 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
  },
  400: { description: 'Invalid key or language (problem+json)' },
  401: { description: 'Not signed in (problem+json)' },
  404: { description: `No such ${what}, or not visible to the caller (problem+json)` },
  503: { description: 'PDF only: Chromium is missing (the detail says what to install), or busy printing for others (Retry-After)' },
});

const signedIn = requireUser('Sign in to read briefs');
const GUARD = { tags: ['Briefs'], middleware: [signedIn] as [typeof signedIn] };

type BriefContext = Context<AppEnv & SignedInEnv>;

/** `SY-DI.pdf` → { key: 'SY-DI', pdf: true }. */
const splitKey = (value: string) => (value.endsWith(PDF) ? { key: value.slice(0, -PDF.length), pdf: true } : { key: value, pdf: false });

export const briefRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/governorates/{code}',
      summary: 'A governorate’s brief: KPIs, map, delayed and stalled projects, obstacles, decisions, plan, photos (.pdf: printed)',
      request: { params: z.object({ code: key('code', '[A-Z]{2}-[A-Z0-9]{1,3}', 'SY-DI') }), query: Lang },
      responses: responses('governorate'),
      ...GUARD,
    }),
    async (c) => {
      const { key, pdf } = splitKey(c.req.valid('param').code);
      const scope = await governorateScope(c.var.db, key);
      if (!scope) throw notFound(`No governorate ${key}`);
      return answer(c, scope, key, pdf, c.req.valid('query').lang) as never;
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/countries/{iso3}',
      summary: 'A country’s brief (the national view), with a row per governorate (.pdf: printed)',
      request: { params: z.object({ iso3: key('iso3', '[A-Z]{3}', 'SYR') }), query: Lang },
      responses: responses('country'),
      ...GUARD,
    }),
    async (c) => {
      const { key, pdf } = splitKey(c.req.valid('param').iso3);
      const scope = await countryScope(c.var.db, key);
      if (!scope) throw notFound(`No country ${key}`);
      return answer(c, scope, key, pdf, c.req.valid('query').lang) as never;
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/meetings/{id}',
      summary: 'A meeting’s agenda pack: its agenda, decisions, and the brief of its governorates and projects (.pdf: printed)',
      request: { params: z.object({ id: key('id', '[1-9][0-9]{0,8}', '12') }), query: Lang },
      responses: responses('meeting'),
      ...GUARD,
    }),
    async (c) => {
      const { key, pdf } = splitKey(c.req.valid('param').id);
      const id = Number(key);
      // Read as the meeting's own route reads it: 404 when not visible, its agenda frozen first when due.
      const meeting = await readMeeting(c.var.db, c.var.user, id, () => c.var.dataVersion.bump());
      return answer(c, await meetingScope(c.var.db, meeting), `meeting-${id}`, pdf, c.req.valid('query').lang) as never;
    },
  );

async function answer(c: BriefContext, scope: BriefScope, fileKey: string, pdf: boolean, language: BriefLanguage): Promise<Response> {
  if (!pdf) return c.json(await assembleBrief(c.var.db, c.var.user, scope, language), 200);
  const webDist = c.var.config.WEB_DIST;
  if (!existsSync(join(webDist, 'print.html'))) {
    return problemResponse({
      type: 'urn:marsad:problem:brief-printer-unavailable',
      title: 'Service Unavailable',
      status: 503,
      detail: `The print page is not built (no print.html in ${webDist}): run "pnpm --filter @marsad/web build".`,
      instance: c.req.path,
    });
  }
  const code = scope.meeting ? String(scope.meeting.id) : fileKey;
  let generatedOn = '';
  try {
    // Assembled once the printer has a slot for it (see ChromiumPrinter.print).
    const bytes = await c.var.briefPrinter.print(async () => {
      const brief = await assembleBrief(c.var.db, c.var.user, scope, language);
      generatedOn = brief.generated_at.slice(0, 10);
      return {
        origin: serverOrigin(c),
        path: `/print.html?kind=${scope.kind}&code=${encodeURIComponent(code)}&lang=${language}`,
        data: brief,
        allowedApiPaths: new Set(brief.photos.map((p) => p.url)),
        photo: (path) => photoFor(c, c.var.user, path),
      };
    });
    const filename = `brief-${fileKey}-${generatedOn}-${language}.pdf`;
    return new Response(bytes, {
      status: 200,
      headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'private, no-store' },
    });
  } catch (error) {
    if (!(error instanceof PrinterUnavailable)) throw error;
    return problemResponse(
      { type: `urn:marsad:problem:brief-printer-${error.reason}`, title: 'Service Unavailable', status: 503, detail: error.message, reason: error.reason, instance: c.req.path },
      error.retryAfterSeconds === null ? {} : { 'retry-after': String(error.retryAfterSeconds) },
    );
  }
}

/**
 * Where the printing browser reaches this server: the address and port the request came in on
 * (this machine, whatever name the client used, even behind a proxy), else the request's own origin.
 */
function serverOrigin(c: BriefContext): string {
  const socket = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket;
  if (socket?.localAddress && socket.localPort) {
    const host = socket.localAddress.replace(/^::ffff:/, '');
    return `http://${host.includes(':') ? `[${host}]` : host}:${socket.localPort}`;
  }
  return new URL(c.req.url).origin;
}

const PHOTO_PATH = /^\/api\/projects\/(\d+)\/progress\/(\d+)\/photos\/(\d+)$/;

/** A photo listed in the brief, read with the requester's visibility (the same rule as its project). */
async function photoFor(c: BriefContext, viewer: SignedInViewer, path: string) {
  const match = PHOTO_PATH.exec(path);
  if (!match) return undefined;
  const [projectId, reportId, photoId] = match.slice(1).map(Number) as [number, number, number];
  const content = await findPhotoContent(c.var.db, { projectId, reportId, photoId }, viewer, null);
  return content?.bytes ? { bytes: content.bytes, contentType: content.content_type } : undefined;
}
