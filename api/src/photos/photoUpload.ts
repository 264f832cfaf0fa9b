import { ProblemError } from '../http/problems.ts';
import { MAX_PHOTO_BYTES, MAX_PHOTOS, PHOTO_TYPES } from '@marsad/contracts';
import { MAX_PHOTO_EDGE, MAX_PHOTO_PIXELS, sniffImage, type ImageFacts, type ImageSniff } from './imageFacts.ts';

/** A report with photos may be this large: the photos, plus room for the report and the multipart framing. */
export const MAX_REPORT_REQUEST_BYTES = MAX_PHOTOS * MAX_PHOTO_BYTES + 256 * 1024;

const MB = 1024 * 1024;

/** A photo that passed every check, ready to store. */
export interface UploadedPhoto extends ImageFacts {
  bytes: Uint8Array;
}

export const requestTooLarge = () =>
  new ProblemError(413, 'Content Too Large', `A report may carry at most ${MAX_PHOTOS} photos of at most ${MAX_PHOTO_BYTES / MB} MB each`);

const fieldProblem = (status: 400 | 413 | 415, title: string, parameter: string, message: string) =>
  new ProblemError(status, title, `${parameter}: ${message}`, { errors: [{ parameter, message }] });

const named = (file: File) => (file.name ? `${file.name} ` : '');

/**
 * 415 for bytes that are not a photo we take, naming them by `parameter` (and the file's name, if
 * it has one): not a JPEG, PNG or WebP at all, one whose header cannot be read, or one claiming
 * more pixels than MAX_PHOTO_EDGE and MAX_PHOTO_PIXELS allow.
 */
export function notAPhoto(sniffed: Exclude<ImageSniff, { kind: 'image' }>, parameter: string, name = ''): ProblemError {
  const title = 'Unsupported Media Type';
  if (sniffed.kind === 'unsupported') return fieldProblem(415, title, parameter, `${name}is not a photo: send JPEG, PNG or WebP (${PHOTO_TYPES.join(', ')})`);
  if (sniffed.kind === 'unreadable') return fieldProblem(415, title, parameter, `${name}starts like ${sniffed.contentType} but its header cannot be read; it may be damaged`);
  const claimed = `${sniffed.width} × ${sniffed.height} px`;
  return fieldProblem(415, title, parameter, `${name}claims to be ${claimed}; a photo may be at most ${MAX_PHOTO_EDGE} px on a side and ${MAX_PHOTO_PIXELS / 1e6} million pixels in all`);
}

/**
 * Checks the `photos` field of a multipart report, all of it before anything is written: how
 * many (400), how large (413), and what each is by its first bytes (415). The file name and
 * the declared type are not trusted.
 */
export async function readUploadedPhotos(field: unknown): Promise<UploadedPhoto[]> {
  const files = field === undefined ? [] : Array.isArray(field) ? field : [field];
  if (files.length > MAX_PHOTOS) {
    throw fieldProblem(400, 'Too many photos', 'photos', `${files.length} photos sent; a report may carry at most ${MAX_PHOTOS}`);
  }
  files.forEach((file, i) => {
    if (!(file instanceof File)) throw fieldProblem(400, 'Invalid request', `photos[${i}]`, 'must be a file');
    if (file.size > MAX_PHOTO_BYTES) {
      throw fieldProblem(413, 'Content Too Large', `photos[${i}]`, `${named(file)}is ${(file.size / MB).toFixed(1)} MB; a photo may be at most ${MAX_PHOTO_BYTES / MB} MB`);
    }
    if (file.size === 0) throw fieldProblem(400, 'Invalid request', `photos[${i}]`, `${named(file)}is empty`);
  });
  const photos: UploadedPhoto[] = [];
  for (const [i, file] of (files as File[]).entries()) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const sniffed = sniffImage(bytes);
    if (sniffed.kind !== 'image') throw notAPhoto(sniffed, `photos[${i}]`, named(file));
    const { contentType, width, height } = sniffed;
    photos.push({ contentType, width, height, bytes });
  }
  return photos;
}
