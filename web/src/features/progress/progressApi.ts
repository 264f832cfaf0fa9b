import { ProgressReportList, RecordedProgressReport, type ProgressPhoto as PhotoMetadata, type ProgressReport as ProgressReportListing } from '@marsad/contracts';
import type { ProgressReport } from './progressReport.ts';
import { request } from '../../api/http.ts';

/** A photo of a progress report as the API lists it; the image itself is at `url`. */
export type ReportPhoto = PhotoMetadata;

/** A progress report with its photos (`GET /api/projects/{id}/progress`). */
export type ListedReport = ProgressReportListing;

/** A progress report's list, newest first (`GET /api/projects/{id}/progress`). */
export type ReportList = ProgressReportList;

/**
 * Reports progress on a project, based on the project `version` the form was filled from. With
 * photos (already downscaled), the report goes as multipart: report and photos are kept together
 * or not at all; without, as plain JSON.
 */
export async function postProgress(id: number, report: ProgressReport, version: number, csrfToken: string, photos: readonly Blob[] = []): Promise<RecordedProgressReport> {
  let body: unknown = { ...report, version };
  if (photos.length > 0) {
    const form = new FormData();
    form.append('report', JSON.stringify(body));
    photos.forEach((photo, i) => form.append('photos', photo, `photo-${i + 1}.jpg`));
    body = form;
  }
  return request(`/api/projects/${id}/progress`, { method: 'POST', body, csrfToken, schema: RecordedProgressReport });
}

/** `GET /api/projects/{id}/progress`: where a project's reports are read. */
export const progressReportsUrl = (id: number): string => `/api/projects/${id}/progress`;

/** A project's progress reports, newest first, with their photos. */
export function fetchProgressReports(id: number, signal?: AbortSignal): Promise<ReportList> {
  return request(progressReportsUrl(id), { schema: ProgressReportList, signal });
}
