import { z } from 'zod';

/**
 * `POST /api/zones/{id}/plots/import`: plots from a GeoJSON FeatureCollection, a zipped
 * Shapefile or a DXF drawing (docs/plot-import.md). Imported plots are vacant; everything else
 * about them (status, investor, jobs) is set afterwards like any plot's.
 */

/** Plots one file may hold: all are checked, written and judged (inside the zone, no overlaps) in one transaction. */
export const MAX_PLOTS_PER_IMPORT = 5_000;

/**
 * Polylines and texts a DXF may hold in its drawing (entities of other kinds are skipped unread):
 * room for the plots, the open lines beside them and a number or two per plot.
 */
export const MAX_DXF_ENTITIES = 20_000;

/** Attributes read as the plot number when `number_field` is not sent, in this order (case does not matter). */
export const PLOT_NUMBER_FIELDS = [
  'plot_number', 'plot_no', 'plotno', 'plot_num', 'number', 'no', 'num', 'parcel_no', 'parcel', 'plot',
  'رقم_المقسم', 'رقم المقسم', 'رقم_القطعة', 'رقم القطعة', 'المقسم', 'رقم',
] as const;

/** Attributes read as the activity when `activity_field` is not sent; a value is an activity code or its English or Arabic name. */
export const PLOT_ACTIVITY_FIELDS = ['activity', 'activity_code', 'النشاط'] as const;

export const PLOT_IMPORT_FORMATS = ['geojson', 'shapefile', 'dxf'] as const;
export type PlotImportFormat = (typeof PLOT_IMPORT_FORMATS)[number];

/** One plot of the file that cannot be imported, and why. */
export const PlotImportRowError = z.object({
  row: z.number().int().describe('The plot in the file, from 1: a GeoJSON feature, a shapefile record, a DXF closed polyline'),
  ref: z.string().describe('Where to find it in the file: "feature 3", "record 3", "LWPOLYLINE 2A on layer PLOTS"'),
  plot_number: z.string().nullable(),
  field: z.enum(['plot_number', 'activity', 'geometry']),
  message: z.string(),
  repairable: z.boolean().optional().describe('The geometry is invalid and ST_MakeValid can repair it: send repair=true'),
});
export type PlotImportRowError = z.infer<typeof PlotImportRowError>;

/**
 * What an import answers. A dry run (200) does all the work and rolls it back, listing every
 * row error; an import (201) has none (else 422 problem+json with the same `errors`).
 */
export const PlotImportReport = z.object({
  dry_run: z.boolean(),
  format: z.enum(PLOT_IMPORT_FORMATS),
  crs: z.number().int().describe('The EPSG code the coordinates were read in'),
  rows: z.number().int().describe('Plots read from the file'),
  valid: z.number().int().describe('Plots without errors'),
  created: z.number().int().describe('Plots written (0 in a dry run)'),
  ids: z.array(z.number().int()).describe('Ids of the plots written, in file order'),
  warnings: z.array(z.string()),
  errors: z.array(PlotImportRowError),
});
export type PlotImportReport = z.infer<typeof PlotImportReport>;
