import { z } from 'zod';
import { MAX_NOTE_LENGTH, MAX_PHOTOS } from './limits.ts';
import { calendarDate } from './patterns.ts';
import { ProgressEntry } from './projects.ts';
import { PHOTO_TYPES, PROJECT_STATUSES } from './vocabulary.ts';
import { UtilityReportLine } from './zones.ts';

/** A progress photo as the API describes it: everything but the bytes, which are at `url`. */
export const ProgressPhoto = z.object({
  id: z.number().int(),
  position: z.number().int().describe('Order in the report, from 1'),
  content_type: z.enum(PHOTO_TYPES).describe('Decided from the image itself, not from what the uploader declared'),
  byte_size: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  url: z.string().describe('Where the image is: GET it with the same session'),
});
export type ProgressPhoto = z.infer<typeof ProgressPhoto>;

/** A progress report with its photos, as `GET /api/projects/{id}/progress` lists them (newest first). */
export const ProgressReport = ProgressEntry.extend({
  photos: z.array(ProgressPhoto),
  utilities: z.array(UtilityReportLine).describe("A zone's networks as this report found them (empty for other projects)"),
});
export type ProgressReport = z.infer<typeof ProgressReport>;

export const ProgressReportList = z.object({ items: z.array(ProgressReport) });
export type ProgressReportList = z.infer<typeof ProgressReportList>;

// ---- What the writer saw ------------------------------------------------------------------------

/**
 * What the writer saw of the values a write changes, when it was made (the `base`). A write whose
 * `version` is stale is still applied when none of the values it changes moved since (someone only
 * fixed the title, say); otherwise it is held for review. Without `base`, a stale version is 409.
 */
export const ProgressBase = z
  .object({
    status: z.string(),
    physical_progress: z.number(),
    financial_progress: z.number(),
  })
  .strict();
export type ProgressBase = z.infer<typeof ProgressBase>;

/** A photo sent before its report: by the SHA-256 of an upload of the same user (see photo uploads). */
export const PhotoRef = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be the hex SHA-256 of an uploaded photo') }).strict();
export type PhotoRef = z.infer<typeof PhotoRef>;

const percent = z.number('must be a number').min(0, 'must be at least 0').max(100, 'must be at most 100');

/** `POST /api/projects/{id}/progress`: a new report (as JSON, or as the `report` field of a form with photos). */
export const ProgressReportBody = z.object({
  reported_on: calendarDate,
  status: z.enum(PROJECT_STATUSES),
  physical_progress: percent,
  financial_progress: percent,
  note: z.string().trim().max(MAX_NOTE_LENGTH, `must be at most ${MAX_NOTE_LENGTH} characters`).optional(),
  version: z.number().int().positive().describe('The project version the report is based on (optimistic concurrency)'),
  utilities: z
    .array(UtilityReportLine)
    .max(5)
    .refine((lines) => new Set(lines.map((l) => l.network)).size === lines.length, 'name each network at most once')
    .optional()
    .describe('Zones only: the stage and readiness of some or all of its networks'),
  base: ProgressBase.optional().describe('What the reporter saw of the project when writing (see fieldSync.ts): a stale `version` with a base that moved is held for review'),
  photos: z.array(PhotoRef).max(MAX_PHOTOS, `at most ${MAX_PHOTOS} photos`).optional().describe('Photos uploaded beforehand with PUT /api/photo-uploads/{sha256}; or send them in a multipart form'),
});
export type ProgressReportBody = z.infer<typeof ProgressReportBody>;

/** The answer to a recorded report: its id, the project's new version, and the photos stored with it. */
export const RecordedProgressReport = z.object({ id: z.number().int(), version: z.number().int(), photos: z.array(ProgressPhoto) });
export type RecordedProgressReport = z.infer<typeof RecordedProgressReport>;
