import type { PlotImportFormat } from '@marsad/contracts';

/** One plot as a file gives it, before any check: its attributes and its geometry in the file's coordinates. */
export interface SourcePlot {
  /** From 1, in file order: a GeoJSON feature, a shapefile record, a DXF closed polyline. */
  row: number;
  /** Where to find it in the file ("feature 3", "LWPOLYLINE 2A on layer PLOTS"). */
  ref: string;
  properties: Record<string, unknown>;
  /** A GeoJSON geometry (2D) in the file's coordinates, or null. */
  geometry: unknown;
  /** DXF: the number the drawing gives (a text inside it, or its place in the drawing), or why it gives none. */
  number?: { value: string } | { problem: string };
}

/** What a file says about its coordinates. */
export type FileCrs =
  /** An EPSG code the file names (GeoJSON `crs`). */
  | { kind: 'epsg'; epsg: number; source: string }
  /** A shapefile's .prj text. */
  | { kind: 'prj'; wkt: string; source: string }
  /** Nothing (a DXF, a shapefile without .prj, a GeoJSON without `crs`). */
  | { kind: 'none'; default4326: boolean };

export interface PlotFile {
  format: PlotImportFormat;
  plots: SourcePlot[];
  crs: FileCrs;
  warnings: string[];
}
