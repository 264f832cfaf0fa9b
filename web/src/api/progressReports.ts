import type { ProgressPhoto as PhotoMetadata, ProgressReport as ProgressReportListing } from '@marsad/contracts';
import type { ProgressReport } from '../data/progressReport.ts';
import { ApiError, fetchJson } from './fetchJson.ts';
import { isRecord } from './isRecord.ts';
import { sendJson } from './session.ts';

/** A photo of a progress report as the API lists it; the image itself is at `url`. */
export type ReportPhoto = PhotoMetadata;

/** A progress report with its photos (`GET /api/projects/{id}/progress`). */
export type ListedReport = ProgressReportListing;

interface Recorded {
  id: number;
  version: number;
}


function isRecorded(body: unknown): body is Recorded {
  return isRecord(body) && typeof body.id === 'number' && typeof body.version === 'number';
}

function isReportPhoto(value: unknown): value is ReportPhoto {
  return isRecord(value) && typeof value.id === 'number' && typeof value.url === 'string' && typeof value.width === 'number' && typeof value.height === 'number';
}

function isReportList(body: unknown): body is { items: ListedReport[] } {
  return (
    isRecord(body) &&
    Array.isArray(body.items) &&
    body.items.every((item) => isRecord(item) && typeof item.id === 'number' && Array.isArray(item.photos) && item.photos.every(isReportPhoto))
  );
}

/** Sends a form (the report and its photos) to the API; a non-2xx answer becomes a `ProblemResponseError`. */
/**
 * Reports progress on a project, based on the project `version` the form was filled from. With
 * photos (already downscaled), the report goes as multipart: report and photos are kept together
 * or not at all; without, as plain JSON.
 */
export async function postProgress(id: number, report: ProgressReport, version: number, csrfToken: string, photos: readonly Blob[] = []): Promise<Recorded> {
  const url = `/api/projects/${id}/progress`;
  let body: unknown;
  if (photos.length === 0) {
    body = await sendJson('POST', url, { ...report, version }, csrfToken);
  } else {
    const form = new FormData();
    form.append('report', JSON.stringify({ ...report, version }));
    photos.forEach((photo, i) => form.append('photos', photo, `photo-${i + 1}.jpg`));
    body = await sendJson('POST', url, form, csrfToken);
  }
  if (!isRecorded(body)) throw new ApiError(url, 201, `${url}: the answer does not have the expected shape`);
  return body;
}

/** A project's progress reports, newest first, with their photos. */
export function fetchProgressReports(id: number, signal?: AbortSignal): Promise<{ items: ListedReport[] }> {
  return fetchJson(`/api/projects/${id}/progress`, isReportList, signal);
}
