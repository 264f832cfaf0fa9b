import type { PhotoRef } from '@marsad/contracts';
import type { Queryable } from '@marsad/db';
import { invalidParameters } from '../../http/problems.ts';
import type { UploadedPhoto } from '../photoUpload.ts';
import { uploadsByHash } from './uploadQueries.ts';

/**
 * The photos a report names by SHA-256 (`photos: [{sha256}]`), in the order named, from the
 * user's own complete uploads: the same UploadedPhoto a multipart report gives, so they are stored
 * with the report (or a held conflict) exactly like photos sent with it. The uploads stay, so a
 * retried or second report may name them again. One missing, unfinished, or another user's (which
 * looks missing) is 400 naming `photos.N` and how to send it, before anything is written.
 */
export async function resolveUploadedPhotos(db: Queryable, userId: number, refs: readonly PhotoRef[]): Promise<UploadedPhoto[]> {
  const uploads = await uploadsByHash(db, userId, [...new Set(refs.map((ref) => ref.sha256))]);
  const photos: UploadedPhoto[] = [];
  const errors: { parameter: string; message: string }[] = [];
  for (const [i, { sha256 }] of refs.entries()) {
    const upload = uploads.get(sha256);
    const send = `PUT /api/photo-uploads/${sha256}`;
    if (!upload) {
      errors.push({ parameter: `photos.${i}`, message: `you have no upload of photo ${sha256}: send it with ${send} first` });
    } else if (!upload.complete || !upload.bytes || !upload.content_type || !upload.width || !upload.height) {
      errors.push({ parameter: `photos.${i}`, message: `photo ${sha256} is not fully uploaded (${upload.received} of ${upload.byte_size} bytes): send the rest with ${send} from byte ${upload.received}` });
    } else {
      photos.push({ contentType: upload.content_type, width: upload.width, height: upload.height, bytes: upload.bytes });
    }
  }
  if (errors.length) throw invalidParameters(errors);
  return photos;
}
