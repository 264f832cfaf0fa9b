import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { csvChunks, tableCsvChunks } from '../exports/csvExport.ts';
import { attachment, ExportQuery, PlotExportQuery, TabularExportQuery, TabularPlotExportQuery } from '../exports/exportQuery.ts';
import { featureCollectionChunks, geojsonChunks } from '../exports/geojsonExport.ts';
import { planPlotExport, planZoneSheet, plotExportColumns, ZONE_SHEET_COLUMNS } from '../exports/plotExportRows.ts';
import { planProjectExport, type ExportGeometry } from '../exports/projectExportRows.ts';
import { streamOf } from '../exports/streamOf.ts';
import { xlsxChunks } from '../exports/xlsxExport.ts';
import { createRouter, type AppEnv } from '../http/router.ts';
import { assertKnownFilterValues } from '../projects/projectFilterSql.ts';
import type { ProjectFilter } from '../projects/projectFilterSchema.ts';
import { SqlParams } from '../sql/SqlParams.ts';
import { zoneNotFound } from '../zones/zoneAccess.ts';
import { asPlotStatuses, asZoneIds, assertKnownActivities } from '../zones/plotFilterQuery.ts';
import { projectFilterSql } from '../projects/projectFilterSql.ts';

const CSV = 'text/csv; charset=utf-8';
const GEOJSON = 'application/geo+json';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const file = z.string().openapi({ format: 'binary' });

const exportRoute = <Query extends typeof ExportQuery | typeof TabularExportQuery | typeof PlotExportQuery | typeof TabularPlotExportQuery>(
  path: string,
  summary: string,
  query: Query,
  contentType: string,
  description = 'Every project the caller may see under the filters, one per row, streamed (no paging). ' +
    'XLSX adds the sheets Zones (each zone among them, its totals derived from plots and its utilities\' stages) and Plots ' +
    '(their plots; who holds each, for ministry accounts only). Unknown filter values are rejected with 400 naming the parameter.',
) =>
  createRoute({
    method: 'get',
    path,
    tags: ['Exports'],
    summary,
    description,
    request: { query },
    responses: {
      200: { description: 'The file, as an attachment', content: { [contentType]: { schema: file } } },
      400: { description: 'Invalid parameters (problem+json)' },
      404: { description: 'A `zone` that is not visible to you (problem+json)' },
    },
  });

const PLOT_EXPORT_DESCRIPTION =
  'Every plot of the zones the caller may see under the project filters (applied to the zones), or of the zones named by `zone`, ' +
  'one per row, streamed. Investor columns (name, kind, contact, phone, email) exist for ministry accounts only. ' +
  'A `zone` that is not visible is a 404; unknown filter values are a 400 naming the parameter.';

type PlotExportParameters = ProjectFilter & { zone?: string[]; plot_status?: string[]; activity?: string[] };

/** Checks a plot export's filters (404 for a zone not visible to the caller) and finds its plots. */
async function planPlots(c: Context<AppEnv>, query: PlotExportParameters, geometry: 'wkt' | 'geojson') {
  const { zone, plot_status, activity, ...filter } = query;
  await assertKnownFilterValues(c.var.db, filter);
  await assertKnownActivities(c.var.db, activity);
  const zones = asZoneIds(zone);
  if (zones) {
    const params = new SqlParams([zones]);
    const [missing] = await c.var.db.query<{ id: number }>(
      `select z.id from unnest($1::bigint[]) as z (id)
        where not exists (select 1 from projects p join zone_facts f on f.project_id = p.id where p.id = z.id and ${projectFilterSql({}, c.var.viewer, params)})
        limit 1`,
      params.values,
    );
    if (missing) throw zoneNotFound(missing.id);
  }
  return planPlotExport(c.var.db, { filter: { project: filter, zone: zones, status: asPlotStatuses(plot_status), activity }, viewer: c.var.viewer, geometry });
}

function sendPlots(c: Context<AppEnv>, extension: string, contentType: string, body: AsyncIterable<string>) {
  const exportedAt = new Date();
  return c.body(streamOf(body, `plots.${extension}`), 200, {
    'content-type': contentType,
    'content-disposition': attachment(extension, exportedAt, 'plots'),
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  }) as never;
}

/**
 * Checks the filter, finds the projects (before any byte is sent, so a failure here is still
 * a proper problem response) and sends `body` as a dated attachment.
 */
async function sendExport(
  c: Context<AppEnv>,
  query: { sort: string } & ProjectFilter,
  geometry: ExportGeometry,
  format: { extension: string; contentType: string },
  body: (rows: Awaited<ReturnType<typeof planProjectExport>>, exportedAt: Date) => AsyncIterable<string | Uint8Array>,
) {
  const { sort, ...filter } = query;
  await assertKnownFilterValues(c.var.db, filter);
  const rows = await planProjectExport(c.var.db, { filter, viewer: c.var.viewer, sort, geometry });
  const exportedAt = new Date();
  return c.body(streamOf(body(rows, exportedAt), format.extension), 200, {
    'content-type': format.contentType,
    'content-disposition': attachment(format.extension, exportedAt),
    // What an export holds depends on who asks: no shared cache may keep it.
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  }) as never;
}

export const exports = createRouter()
  .openapi(exportRoute('/projects.csv', 'Projects under filters as CSV (UTF-8 with BOM, WKT geometry)', TabularExportQuery, CSV), (c) => {
    const { lang, ...query } = c.req.valid('query');
    return sendExport(c, query, 'wkt', { extension: 'csv', contentType: CSV }, (rows) => csvChunks(rows, lang));
  })
  .openapi(exportRoute('/projects.geojson', 'Projects under filters as a GeoJSON FeatureCollection', ExportQuery, GEOJSON), (c) =>
    sendExport(c, c.req.valid('query'), 'geojson', { extension: 'geojson', contentType: GEOJSON }, (rows) => geojsonChunks(rows)),
  )
  .openapi(exportRoute('/projects.xlsx', 'Projects under filters as an Excel workbook (with sheets Zones and Plots)', TabularExportQuery, XLSX), async (c) => {
    const { lang, ...query } = c.req.valid('query');
    const { sort: _sort, ...zoneFilter } = query;
    // The zone sheets are planned with the projects, before any byte is sent.
    const [zones, plots] = await Promise.all([
      planZoneSheet(c.var.db, zoneFilter, c.var.viewer),
      planPlotExport(c.var.db, { filter: { project: zoneFilter }, viewer: c.var.viewer, geometry: 'none' }),
    ]);
    const zoneSheets = { zones, zoneColumns: ZONE_SHEET_COLUMNS, plots, plotColumns: plotExportColumns(c.var.viewer, 'none') };
    return sendExport(c, query, 'none', { extension: 'xlsx', contentType: XLSX }, (rows, exportedAt) => {
      const { sort, ...filter } = query;
      return xlsxChunks(rows, { exportedAt, filter, sort, lang }, zoneSheets);
    });
  })
  .openapi(
    exportRoute('/plots.csv', 'Zone plots as CSV (UTF-8 with BOM, WKT geometry)', TabularPlotExportQuery, CSV, PLOT_EXPORT_DESCRIPTION),
    async (c) => {
      const { lang, ...query } = c.req.valid('query');
      const plots = await planPlots(c, query, 'wkt');
      return sendPlots(c, 'csv', CSV, tableCsvChunks(plotExportColumns(c.var.viewer, 'wkt'), plots.batches(), lang));
    },
  )
  .openapi(exportRoute('/plots.geojson', 'Zone plots as a GeoJSON FeatureCollection', PlotExportQuery, GEOJSON, PLOT_EXPORT_DESCRIPTION), async (c) => {
    const plots = await planPlots(c, c.req.valid('query'), 'geojson');
    const keys = plotExportColumns(c.var.viewer, 'none').map((column) => column.key);
    return sendPlots(c, 'geojson', GEOJSON, featureCollectionChunks(plots.total, plots.batches(), keys));
  });
