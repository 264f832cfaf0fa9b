/**
 * The shapes of API responses the web app reads, as types only: one definition for server and
 * client. Everything here must stay free of server-only imports.
 */
export type { ProjectSummaryRow } from './projects/ProjectSummaryRow.ts';
export type { SummaryMetrics } from './summaries/summaryMetrics.ts';
export type { PhotoMetadata, ProgressReportListing } from './photos/ProgressReportListing.ts';
