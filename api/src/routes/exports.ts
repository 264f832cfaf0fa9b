import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { csvChunks } from '../exports/csvExport.ts';
import { attachment, ExportQuery, TabularExportQuery } from '../exports/exportQuery.ts';
import { geojsonChunks } from '../exports/geojsonExport.ts';
import { planProjectExport, type ExportGeometry } from '../exports/projectExportRows.ts';
import { streamOf } from '../exports/streamOf.ts';
import { xlsxChunks } from '../exports/xlsxExport.ts';
import { createRouter, type AppEnv } from '../http/router.ts';
import { assertKnownFilterValues } from '../projects/projectFilterSql.ts';
import type { ProjectFilter } from '../projects/projectFilterSchema.ts';

const CSV = 'text/csv; charset=utf-8';
const GEOJSON = 'application/geo+json';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const file = z.string().openapi({ format: 'binary' });

const exportRoute = <Query extends typeof ExportQuery | typeof TabularExportQuery>(
  path: string,
  summary: string,
  query: Query,
  contentType: string,
) =>
  createRoute({
    method: 'get',
    path,
    tags: ['Exports'],
    summary,
    description:
      'Every project the caller may see under the filters, one per row, streamed (no paging). ' +
      'Unknown filter values are rejected with 400 naming the parameter.',
    request: { query },
    responses: {
      200: { description: 'The file, as an attachment', content: { [contentType]: { schema: file } } },
      400: { description: 'Invalid parameters (problem+json)' },
    },
  });

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
  .openapi(exportRoute('/projects.xlsx', 'Projects under filters as an Excel workbook', TabularExportQuery, XLSX), (c) => {
    const { lang, ...query } = c.req.valid('query');
    return sendExport(c, query, 'none', { extension: 'xlsx', contentType: XLSX }, (rows, exportedAt) => {
      const { sort, ...filter } = query;
      return xlsxChunks(rows, { exportedAt, filter, sort, lang });
    });
  });
