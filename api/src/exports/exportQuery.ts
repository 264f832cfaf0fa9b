import { z } from '@hono/zod-openapi';
import { ProjectFilterQuery } from '../projects/projectFilterSchema.ts';
import { SortQuery } from '../projects/projectSort.ts';
import { PlotQueryParameters } from '../zones/plotFilterQuery.ts';

/** Query parameters of every export: the shared project filters and a sort. No paging. */
export const ExportQuery = ProjectFilterQuery.extend({ sort: SortQuery });

/** CSV and XLSX also take the header language. */
export const TabularExportQuery = ExportQuery.extend({
  lang: z
    .enum(['en', 'ar'])
    .default('en')
    .openapi({ example: 'ar', description: 'Header language: en (stable snake_case names, the default) or ar. Values are the same.' }),
});

/**
 * Query parameters of the plot exports: the shared project filters on the plots' zones (their
 * `status` is the zone project's), then the plots' own: `zone`, `plot_status`, `activity`.
 */
export const PlotExportQuery = ProjectFilterQuery.extend({
  zone: PlotQueryParameters.zone,
  plot_status: PlotQueryParameters.status,
  activity: PlotQueryParameters.activity,
});

/** The CSV of plots also takes the header language. */
export const TabularPlotExportQuery = PlotExportQuery.extend({ lang: TabularExportQuery.shape.lang });

/** `attachment` with the file name both plain and RFC 5987-encoded, dated by the UTC day of the export. */
export function attachment(extension: string, exportedAt: Date, what: 'projects' | 'plots' = 'projects'): string {
  const name = `marsad-${what}-${exportedAt.toISOString().slice(0, 10)}.${extension}`;
  return `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
