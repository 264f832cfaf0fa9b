import { ProgressReportList, type ProgressPhoto as PhotoMetadata, type ProgressReport as ProgressReportListing } from '@marsad/contracts';
import { request } from '../../api/http.ts';

/** A photo of a progress report as the API lists it; the image itself is at `url`. */
export type ReportPhoto = PhotoMetadata;

/** A progress report with its photos (`GET /api/projects/{id}/progress`). */
export type ListedReport = ProgressReportListing;

/** A progress report's list, newest first (`GET /api/projects/{id}/progress`). */
export type ReportList = ProgressReportList;

/** `GET /api/projects/{id}/progress`: where a project's reports are read. */
export const progressReportsUrl = (id: number): string => `/api/projects/${id}/progress`;

/** A project's progress reports, newest first, with their photos. */
export function fetchProgressReports(id: number, signal?: AbortSignal): Promise<ReportList> {
  return request(progressReportsUrl(id), { schema: ProgressReportList, signal });
}
