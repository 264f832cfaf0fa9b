import { z } from 'zod';
import { MAX_NOTE_LENGTH } from './limits.ts';
import { ProgressPhoto, RecordedProgressReport } from './progressReports.ts';
import { PHOTO_TYPES } from './vocabulary.ts';

/**
 * Field work that survives a cut connection (issue 14): writes that are applied exactly once
 * (an `Idempotency-Key` chosen when the item is created on the device), photos uploaded in small
 * parts and stored once by their SHA-256, and a write based on an older version held as a
 * conflict for review instead of overwriting newer data.
 */

/** The request header naming a write; the same key with the same body answers the first result again. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** Set on an answer that repeats a stored result instead of doing the write again. */
export const IDEMPOTENT_REPLAY_HEADER = 'Idempotent-Replayed';
/** A key the device made: a UUID (v4 or v7). */
export const idempotencyKey = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a UUID');

// What the writer saw (`base`) and photos by reference (`PhotoRef`) are part of the report body: see progressReports.ts.

// ---- Write outcomes -----------------------------------------------------------------------------

/** A report that was applied (201), as before, with `outcome: 'applied'`. */
export const AppliedReport = RecordedProgressReport.extend({ outcome: z.literal('applied') });
/** A write that was stored but held for review (202): it changed nothing yet. */
export const HeldForReview = z.object({
  outcome: z.literal('held'),
  conflict_id: z.number().int(),
  version: z.number().int().describe("The project's (or plot's) version now, unchanged by the held write"),
});
export type HeldForReview = z.infer<typeof HeldForReview>;
/** `POST /api/projects/{id}/progress`: applied (201) or held for review (202). */
export const ProgressReportOutcome = z.discriminatedUnion('outcome', [AppliedReport, HeldForReview]);
export type ProgressReportOutcome = z.infer<typeof ProgressReportOutcome>;

// ---- Conflicts for review -----------------------------------------------------------------------

export const CONFLICT_KINDS = ['progress_report', 'project_edit', 'plot_status'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];
export const CONFLICT_STATES = ['pending', 'accepted', 'rejected'] as const;
export type ConflictState = (typeof CONFLICT_STATES)[number];

/** A held write: what its writer saw (`base`), what the record holds now (`current`), and what they proposed. */
export const FieldConflict = z.object({
  id: z.number().int(),
  kind: z.enum(CONFLICT_KINDS),
  state: z.enum(CONFLICT_STATES),
  project: z.object({ id: z.number().int(), code: z.string(), title_ar: z.string(), title_en: z.string().nullable(), governorate: z.string() }),
  plot_ids: z.array(z.number().int()).describe('plot_status only: the plots the change named'),
  author: z.string().nullable(),
  field_date: z.string().describe('The date the writer gave (a report\'s reported_on), or the day the item was made on the device'),
  received_at: z.string(),
  base_version: z.number().int(),
  /** Same keys in all three: only the values the write changes. */
  base: z.record(z.string(), z.unknown()).nullable(),
  current: z.record(z.string(), z.unknown()).describe('At the time of reading (not of holding)'),
  proposed: z.record(z.string(), z.unknown()),
  note: z.string().nullable(),
  photos: z.array(ProgressPhoto.omit({ id: true }).extend({ id: z.number().int() })).describe('A report\'s photos, kept with the conflict until accepted'),
  decided_by: z.string().nullable(),
  decided_at: z.string().nullable(),
  decision_note: z.string().nullable(),
  applied_report_id: z.number().int().nullable().describe('progress_report accepted: the report it became'),
});
export type FieldConflict = z.infer<typeof FieldConflict>;

/** `GET /api/conflicts?state=pending&project=…&limit=&offset=`: those on projects the reader may write (engineers) or all (admins, ministry). */
export const FieldConflictPage = z.object({ total: z.number().int(), limit: z.number().int(), offset: z.number().int(), items: z.array(FieldConflict) });
export type FieldConflictPage = z.infer<typeof FieldConflictPage>;

/** `GET /api/conflicts/count`: for the header's badge. */
export const FieldConflictCount = z.object({ pending: z.number().int() });
export type FieldConflictCount = z.infer<typeof FieldConflictCount>;

/** `POST /api/conflicts/{id}/accept` and `…/reject`: a reject must say why. */
export const ConflictDecision = z.object({ note: z.string().trim().max(MAX_NOTE_LENGTH).optional() }).strict();
export type ConflictDecision = z.infer<typeof ConflictDecision>;

// ---- Photo uploads in parts ---------------------------------------------------------------------

/** The largest part a client sends in one request; a cut costs at most this much again. */
export const PHOTO_UPLOAD_PART_BYTES = 256 * 1024;

/** `GET`/`PUT /api/photo-uploads/{sha256}`: how much of a photo the server holds. */
export const PhotoUploadState = z.object({
  sha256: z.string(),
  byte_size: z.number().int(),
  received: z.number().int().describe('Bytes held so far; send the next part from here'),
  complete: z.boolean(),
  content_type: z.enum(PHOTO_TYPES).nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
});
export type PhotoUploadState = z.infer<typeof PhotoUploadState>;

/** `GET /api/me/device-key`: the signed-in user's key for what the device keeps for them (no-store). */
export const DeviceKey = z.object({ user_id: z.number().int(), key: z.string().describe('32 bytes, base64') });
export type DeviceKey = z.infer<typeof DeviceKey>;
