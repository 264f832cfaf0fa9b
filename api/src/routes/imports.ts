import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { DryRun, Imported } from '@marsad/contracts';
import { contentTooLarge, invalidRequest, unprocessable } from '../http/problems.ts';
import { requireUser } from '../http/requireUser.ts';
import { createRouter } from '../http/router.ts';
import { importProjects } from '../imports/importProjects.ts';
import { readUpload } from '../imports/readUpload.ts';
import { MAX_IMPORT_BYTES, MAX_IMPORT_INFLATED_BYTES, MAX_IMPORT_POSITIONS, MAX_IMPORT_ROWS, MAX_KML_BYTES, MAX_ZIP_ENTRIES } from '@marsad/contracts';

const MB = 1024 * 1024;

/** The largest file accepted is MAX_IMPORT_BYTES; the request may be a little larger for the multipart framing. */
const tooLarge = () => contentTooLarge(`Files over ${MAX_IMPORT_BYTES / MB} MB are not accepted; split the file`);

const SEND_A_FILE = 'Send the file as multipart/form-data in a field named file';

const flag = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => v === 'true');


export const imports = createRouter();

imports.use('/projects', bodyLimit({ maxSize: MAX_IMPORT_BYTES + 64 * 1024, onError: () => { throw tooLarge(); } }));

imports.openapi(
  createRoute({
    method: 'post',
    path: '/projects',
    tags: ['Projects'],
    middleware: [requireUser('Sign in to import projects')] as const,
    summary: 'Import projects from GeoJSON, CSV (lon/lat or wkt), KML or a zipped shapefile',
    description:
      'Each feature or row becomes a project, checked as POST /api/projects checks one. A dry run (the default) does every insert ' +
      'in a transaction and rolls it back; a commit keeps all rows or none. Rows are numbered from 1 (CSV: the header is not counted).',
    request: {
      query: z.object({
        dry_run: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
        repair: flag.openapi({ description: 'Repair invalid geometries (ST_MakeValid) instead of rejecting them' }),
      }),
      body: {
        required: true,
        content: { 'multipart/form-data': { schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }) } },
      },
    },
    responses: {
      200: { description: 'Dry run', content: { 'application/json': { schema: DryRun } } },
      201: { description: 'Imported', content: { 'application/json': { schema: Imported } } },
      400: { description: 'The file cannot be read: format, zip, missing columns, unknown CRS, empty' },
      401: { description: 'Not signed in' },
      413: {
        description:
          `File over ${MAX_IMPORT_BYTES / MB} MB, or over another import limit (the detail names it): a zip that inflates past ` +
          `${MAX_IMPORT_INFLATED_BYTES / MB} MB or holds over ${MAX_ZIP_ENTRIES} entries, over ${MAX_IMPORT_ROWS} rows, ` +
          `over ${MAX_IMPORT_POSITIONS} positions in all, a KML over ${MAX_KML_BYTES / MB} MB`,
      },
      422: { description: 'Some rows are invalid; nothing was imported (`errors` lists them)' },
    },
  }),
  async (c) => {
    const { dry_run, repair } = c.req.valid('query');
    const length = Number(c.req.header('content-length'));
    if (Number.isFinite(length) && length > MAX_IMPORT_BYTES + 64 * 1024) throw tooLarge();
    let file: unknown;
    try {
      file = (await c.req.parseBody())['file'];
    } catch {
      throw invalidRequest(SEND_A_FILE);
    }
    if (!(file instanceof File)) throw invalidRequest(SEND_A_FILE);
    if (file.size > MAX_IMPORT_BYTES) throw tooLarge();
    const { rows } = await readUpload(file.name, new Uint8Array(await file.arrayBuffer()));
    const outcome = await importProjects(c.var.db, c.var.user, rows, { commit: !dry_run, repair });
    const failed = new Set(outcome.errors.map((e) => e.row)).size;
    if (dry_run) {
      c.set('wroteNothing', true);
      return c.json({ rows: outcome.rows, valid: outcome.rows - failed, errors: outcome.errors }, 200);
    }
    if (outcome.errors.length) {
      throw unprocessable(`${failed} of ${outcome.rows} rows are invalid; nothing was imported`, {
        errors: outcome.errors.map((e) => ({ ...e, parameter: `row ${e.row}: ${e.field}` })),
      });
    }
    return c.json({ created: outcome.ids.length, ids: outcome.ids }, 201);
  },
);
