import type { PhotoType } from './imageFacts.ts';

/** What the API says about a photo: everything but the bytes, which are at `url`. */
export interface PhotoMetadata {
  id: number;
  position: number;
  content_type: PhotoType;
  byte_size: number;
  width: number;
  height: number;
  url: string;
}

/** A progress report as `GET /api/projects/{id}/progress` lists it, with its photos. */
export interface ProgressReportListing {
  id: number;
  reported_on: string;
  status: string;
  physical_progress: number;
  financial_progress: number;
  note: string | null;
  author: string | null;
  photos: PhotoMetadata[];
}
