import { createRoute, z } from '@hono/zod-openapi';
import type { PlanMatrix } from '@marsad/contracts';
import type { Context } from 'hono';
import { createRouter, type AppEnv } from '../../http/router.ts';
import { noSuchPlan, PlanParams } from '../lifecycle/planRequest.ts';
import { loadMatrix } from '../matrix/loadMatrix.ts';
import { MatrixQuery } from '../matrix/routes.ts';
import { matrixCsv, matrixXlsx } from './matrixTable.ts';

const CSV = 'text/csv; charset=utf-8';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const fileRoute = (extension: 'csv' | 'xlsx', contentType: string, summary: string) =>
  createRoute({
    method: 'get',
    path: `/{country}/{year}/matrix.${extension}`,
    tags: ['Plans'],
    summary,
    description:
      'The matrix of GET …/matrix under the same query and the same access: one row per governorate, then the country\'s; for each column its target, ' +
      'achieved, % of target and % of target to date (donors: achieved only). Headers in English and Arabic.',
    request: { params: PlanParams, query: MatrixQuery },
    responses: {
      200: { description: 'The file, as an attachment', content: { [contentType]: { schema: z.string().openapi({ format: 'binary' }) } } },
      400: { description: 'Invalid parameters (problem+json)' },
      404: { description: 'No such plan, or not visible to you' },
    },
  });

/** The matrix the caller may see, or 404 alike for a plan that does not exist and one not theirs to see. */
async function visibleMatrix(c: Context<AppEnv>, params: { country: string; year: number }, query: { sector?: string | undefined; as_of?: string | undefined }) {
  const matrix = await loadMatrix(c.var.db, c.var.viewer, { country: params.country, year: params.year, sector: query.sector, asOf: query.as_of });
  if (!matrix) throw noSuchPlan(params.country, params.year);
  return matrix;
}

function attachment(matrix: PlanMatrix, extension: string): string {
  const name = `marsad-matrix-${matrix.country}-${matrix.year}-${matrix.as_of}.${extension}`;
  return `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** What an export holds depends on who asks: no shared cache may keep it. */
const headers = (contentType: string, disposition: string) => ({ 'content-type': contentType, 'content-disposition': disposition, 'cache-control': 'private, no-store' });

/** `/{country}/{year}/matrix.csv` and `.xlsx`: the matrix as files. */
export const planMatrixExportRoutes = createRouter()
  .openapi(fileRoute('csv', CSV, 'The plan matrix as CSV (UTF-8 with BOM)'), async (c) => {
    const matrix = await visibleMatrix(c, c.req.valid('param'), c.req.valid('query'));
    return c.body(matrixCsv(matrix), 200, headers(CSV, attachment(matrix, 'csv'))) as never;
  })
  .openapi(fileRoute('xlsx', XLSX, 'The plan matrix as an Excel workbook'), async (c) => {
    const query = c.req.valid('query');
    const matrix = await visibleMatrix(c, c.req.valid('param'), query);
    const bytes = await matrixXlsx(matrix, { sector: query.sector ?? null, exportedAt: new Date() });
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, headers(XLSX, attachment(matrix, 'xlsx'))) as never;
  });
