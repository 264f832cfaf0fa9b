import { z } from '@hono/zod-openapi';
import { MAX_PHOTO_BYTES, MAX_PHOTOS, ProgressReportBody, type PhotoRef } from '@marsad/contracts';
import { mediaTypeOf } from '../../http/mediaTypes.ts';
import { invalidParameter, invalidParameters } from '../../http/problems.ts';
import { assertPlainText } from '../../http/textInput.ts';
import { readUploadedPhotos, type UploadedPhoto } from '../../photos/photoUpload.ts';

/** The report with photos: the JSON in `report`, the images in `photos`. Checked in `readProgressReport`. */
export const ProgressReportForm = z
  .object({
    report: z.string('send the report as JSON in a field named report').openapi({
      description: 'The same JSON object as the application/json body',
      example: '{"reported_on":"2025-05-01","status":"in_progress","physical_progress":40,"financial_progress":35,"version":3}',
    }),
    photos: z.any().optional().openapi({
      type: 'array',
      items: { type: 'string', format: 'binary' },
      description: `Up to ${MAX_PHOTOS} photos, JPEG, PNG or WebP (told by their bytes), at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB each`,
    }),
  })
  .strict();

/**
 * The report and its photos, whichever way they came: JSON alone, or multipart with the JSON in
 * `report`; the photos as files of the form, or named by SHA-256 in the report's `photos` and
 * fetched by `uploaded` (the user's own uploads, resolveUploadedPhotos). Every photo is checked
 * here, before anything is written.
 */
export async function readProgressReport(
  contentType: string | undefined,
  valid: { json: () => ProgressReportBody; form: () => z.infer<typeof ProgressReportForm> },
  uploaded: (refs: readonly PhotoRef[]) => Promise<UploadedPhoto[]>,
): Promise<{ body: ProgressReportBody; photos: UploadedPhoto[] }> {
  const type = mediaTypeOf(contentType);
  if (type === 'application/json' || type.endsWith('+json')) {
    const body = valid.json();
    return { body, photos: await uploaded(body.photos ?? []) };
  }
  if (type !== 'multipart/form-data' && type !== 'application/x-www-form-urlencoded') {
    throw invalidParameter('(body)', 'send the report as application/json, or as multipart/form-data with a report field and photos');
  }
  const form = valid.form();
  let json: unknown;
  try {
    json = JSON.parse(form.report);
  } catch {
    throw invalidParameter('report', 'must be the report as JSON');
  }
  const parsed = ProgressReportBody.safeParse(json);
  if (!parsed.success) {
    // Named as in the JSON body, so a form shows each message beside its field either way.
    throw invalidParameters(parsed.error.issues.map((issue) => ({ parameter: issue.path.length ? issue.path.join('.') : 'report', message: issue.message })));
  }
  assertPlainText(parsed.data);
  const refs = parsed.data.photos ?? [];
  if (refs.length && form.photos !== undefined) {
    throw invalidParameter('photos', 'send the photos either as files of the form or named by SHA-256 in the report, not both');
  }
  return { body: parsed.data, photos: refs.length ? await uploaded(refs) : await readUploadedPhotos(form.photos) };
}
