import { createRoute, z } from '@hono/zod-openapi';
import { MAX_DXF_ENTITIES, MAX_IMPORT_BYTES, MAX_IMPORT_INFLATED_BYTES, MAX_IMPORT_POSITIONS, MAX_PLOTS_PER_IMPORT, PlotImportReport } from '@marsad/contracts';
import { bodyLimit } from 'hono/body-limit';
import { pathId } from '../../../http/pathId.ts';
import { contentTooLarge, invalidParameter, unprocessable } from '../../../http/problems.ts';
import type { MiddlewareHandler } from 'hono';
import { requireUser, type SignedInEnv } from '../../../http/requireUser.ts';
import { createRouter, type AppEnv } from '../../../http/router.ts';
import { loadZoneForWrite } from '../../zoneAccess.ts';
import { importPlots } from './importPlots.ts';
import { readPlotFile } from './readPlotFile.ts';
import { resolveCrs } from './resolveCrs.ts';

const MB = 1024 * 1024;

/** The largest file accepted is MAX_IMPORT_BYTES; the request may be a little larger for the multipart framing. */
const tooLarge = () => contentTooLarge(`Files over ${MAX_IMPORT_BYTES / MB} MB are not accepted; split the file`);

const flag = z
  .enum(['true', 'false'], 'must be true or false')
  .optional()
  .transform((v) => v === 'true');
const name = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters').optional();

const PlotImportForm = z
  .object({
    file: z.any().openapi({ type: 'string', format: 'binary', description: 'A GeoJSON FeatureCollection (.geojson), a zipped shapefile (.zip) or an ASCII DXF (.dxf)' }),
    crs: z
      .string()
      .trim()
      .regex(/^(EPSG:)?\d{4,6}$/i, 'must be an EPSG code such as 32637')
      .transform((v) => Number(v.replace(/^EPSG:/i, '')))
      .optional()
      .openapi({
        description:
          'The EPSG code of the coordinates. GeoJSON: WGS 84 unless its crs member says otherwise; shapefile: its .prj decides when present; ' +
          'DXF: required unless the coordinates are plainly longitude/latitude',
        example: '32637',
      }),
    number_field: name.openapi({
      description: 'The attribute holding plot numbers (default: plot_number, number, no, رقم…). DXF: the layer of the TEXT/MTEXT holding them',
    }),
    activity_field: name.openapi({ description: 'The attribute holding activities (codes or names; default: activity if present). DXF: `layer` reads the polyline layer' }),
    layer: name.openapi({ description: 'DXF only: import the closed polylines of this layer (default: every layer)' }),
    dry_run: flag.openapi({ description: 'Check everything, write nothing, and report (200)' }),
    repair: flag.openapi({ description: 'Repair invalid geometries (ST_MakeValid) instead of refusing them' }),
  })
  .strict();

const importBodyLimit: MiddlewareHandler<AppEnv & SignedInEnv> = bodyLimit({ maxSize: MAX_IMPORT_BYTES + 64 * 1024, onError: () => { throw tooLarge(); } });

/** `POST /api/zones/{id}/plots/import`: plots from a GeoJSON, zipped Shapefile or DXF file. */
export const plotImportRoutes = createRouter();

plotImportRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/plots/import',
    tags: ['Zones'],
    summary: 'Import plots into a zone from GeoJSON, a zipped shapefile or DXF (all or nothing)',
    description:
      'Every plot of the file is added to the zone as a vacant plot, in one transaction, or none is. An import only adds: a plot number ' +
      'the zone already has is an error on its row. Each plot must have a number, be a valid polygon, lie inside the zone and overlap no ' +
      'other plot. A dry run does all of it and rolls it back. See docs/plot-import.md.',
    // Who asks first: an anonymous upload is refused before its body is read.
    middleware: [requireUser('Sign in to import plots'), importBodyLimit] as const,
    request: {
      params: z.object({ id: pathId('id') }),
      body: { required: true, content: { 'multipart/form-data': { schema: PlotImportForm } } },
    },
    responses: {
      200: { description: 'Dry run: what an import would do, with every row error', content: { 'application/json': { schema: PlotImportReport } } },
      201: { description: 'Imported: every plot of the file was written', content: { 'application/json': { schema: PlotImportReport } } },
      400: { description: 'The file cannot be read as a whole (format, zip, coordinate system, fields), or a parameter is invalid' },
      401: { description: 'Not signed in' },
      403: { description: 'Not allowed to change this zone' },
      404: { description: 'No such zone, or not visible' },
      413: {
        description:
          `File over ${MAX_IMPORT_BYTES / MB} MB, or over another limit (the detail names it): over ${MAX_PLOTS_PER_IMPORT} plots, over ` +
          `${MAX_IMPORT_POSITIONS} positions, a zip inflating past ${MAX_IMPORT_INFLATED_BYTES / MB} MB, a DXF of over ${MAX_DXF_ENTITIES} polylines and texts`,
      },
      422: { description: 'Some plots cannot be imported; nothing was (`errors` names each row and why)' },
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const form = c.req.valid('form');
    const user = c.var.user;
    if (!(form.file instanceof File)) throw invalidParameter('file', 'send the file as multipart/form-data in a field named file');
    if (form.file.size > MAX_IMPORT_BYTES) throw tooLarge();
    // Who may import, before the file is read: reading a large one costs seconds.
    await c.var.db.transaction((tx) => loadZoneForWrite(tx, id, user, 'import plots into'));
    const file = await readPlotFile(form.file.name, new Uint8Array(await form.file.arrayBuffer()), { layer: form.layer, numberLayer: form.number_field });
    if (form.layer !== undefined && file.format !== 'dxf') file.warnings.push(`layer applies to DXF drawings only: it was ignored for this ${file.format}`);
    const crs = await resolveCrs(c.var.db, file.crs, form.crs, file.plots, file.format);
    const report = await importPlots(c.var.db, user, id, file, crs, {
      numberField: form.number_field,
      activityField: form.activity_field,
      dryRun: form.dry_run,
      repair: form.repair,
    });
    if (form.dry_run) {
      c.set('wroteNothing', true);
      return c.json(report, 200);
    }
    if (report.errors.length) {
      const failed = report.rows - report.valid;
      throw unprocessable(`${failed} of ${report.rows} plots cannot be imported; nothing was imported`, {
        errors: report.errors.map((e) => ({ ...e, parameter: `row ${e.row}: ${e.field}` })),
        warnings: report.warnings,
      });
    }
    return c.json(report, 201);
  },
);
