import type { ProgressPhoto as PhotoMetadata, ProgressReport as ProgressReportListing } from '@marsad/contracts';
import type { ProgressReport } from './progressReport.ts';
import { guarded, request } from '../../api/http.ts';
import { hasFields, isRecord } from '../../api/isRecord.ts';

/** A photo of a progress report as the API lists it; the image itself is at `url`. */
export type ReportPhoto = PhotoMetadata;

/** A progress report with its photos (`GET /api/projects/{id}/progress`). */
export type ListedReport = ProgressReportListing;

interface Recorded {
  id: number;
  version: number;
}


function isRecorded(body: unknown): body is Recorded {
  return hasFields(body, { id: 'number', version: 'number' });
}

function isReportPhoto(value: unknown): value is ReportPhoto {
  return hasFields(value, { id: 'number', url: 'string', width: 'number', height: 'number' });
}

function isReportList(body: unknown): body is { items: ListedReport[] } {
  return (
    isRecord(body) &&
    Array.isArray(body.items) &&
    body.items.every((item) => isRecord(item) && typeof item.id === 'number' && Array.isArray(item.photos) && item.photos.every(isReportPhoto))
  );
}

/**
 * Reports progress on a project, based on the project `version` the form was filled from. With
 * photos (already downscaled), the report goes as multipart: report and photos are kept together
 * or not at all; without, as plain JSON.
 */
export async function postProgress(id: number, report: ProgressReport, version: number, csrfToken: string, photos: readonly Blob[] = []): Promise<Recorded> {
  let body: unknown = { ...report, version };
  if (photos.length > 0) {
    const form = new FormData();
    form.append('report', JSON.stringify(body));
    photos.forEach((photo, i) => form.append('photos', photo, `photo-${i + 1}.jpg`));
    body = form;
  }
  return request(`/api/projects/${id}/progress`, { method: 'POST', body, csrfToken, schema: guarded(isRecorded) });
}

/** A project's progress reports, newest first, with their photos. */
export function fetchProgressReports(id: number, signal?: AbortSignal): Promise<{ items: ListedReport[] }> {
  return request(`/api/projects/${id}/progress`, { schema: guarded(isReportList), signal });
}
