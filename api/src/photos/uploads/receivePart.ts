import { createHash } from 'node:crypto';
import type { PhotoUploadState } from '@marsad/contracts';
import { withActor, type Database } from '@marsad/db';
import { sniffImage, type ImageSniff } from '../imageFacts.ts';
import type { PartRange } from './contentRange.ts';
import {
  appendPart,
  completeUpload,
  dropBeyondLimit,
  dropUpload,
  findUploadState,
  pruneStaleUploads,
  restartUpload,
  startUpload,
  uploadBytes,
} from './uploadQueries.ts';

/** What became of a part: each is committed as it stands, and the route answers accordingly. */
export type PartOutcome =
  /** Taken (or the upload was already complete): 200 with the state. */
  | { kind: 'taken'; state: PhotoUploadState }
  /** Not where the upload stands (its start, or its total): 409, resume from `state.received`. */
  | { kind: 'misplaced'; state: PhotoUploadState }
  /** The whole did not hash to its name: emptied, 422, start again from 0. */
  | { kind: 'mismatch'; state: PhotoUploadState; actual: string }
  /** The whole hashed right but is not a photo we take: dropped, 415. */
  | { kind: 'not_a_photo'; sniffed: Exclude<ImageSniff, { kind: 'image' }> };

/** The state of an upload nobody started: what a part from elsewhere than 0 is told. */
const notStarted = (sha256: string, byteSize: number): PhotoUploadState => ({
  sha256,
  byte_size: byteSize,
  received: 0,
  complete: false,
  content_type: null,
  width: null,
  height: null,
});

/**
 * What the first part already tells of the photo: not one of ours at all, or claiming too many
 * pixels. Said before anything is stored. A first part too short to hold the signature, or a
 * header that runs past it, is judged when the whole is in.
 */
function judgeFirstPart(range: PartRange, part: Uint8Array): Exclude<ImageSniff, { kind: 'image' }> | undefined {
  if (range.start !== 0) return undefined;
  const sniffed = sniffImage(part);
  const whole = part.length === range.total;
  if (sniffed.kind === 'oversized' || (sniffed.kind === 'unsupported' && (whole || part.length >= 12))) return sniffed;
  return undefined;
}

/**
 * Takes one part of the user's upload of `sha256`, in one transaction that holds the upload's
 * row: a first part that is plainly not a photo is refused before anything is stored; a new
 * upload begins only with a part from byte 0; a part is appended only where the upload stands;
 * the last part makes it complete once the whole hashes to its name and reads as a photo. A
 * complete upload takes nothing more: every later part is answered with its state.
 */
export async function receivePart(db: Database, userId: number, sha256: string, range: PartRange, part: Uint8Array): Promise<PartOutcome> {
  const plainlyNot = judgeFirstPart(range, part);
  if (plainlyNot) return { kind: 'not_a_photo', sniffed: plainlyNot };
  return withActor(db, userId, async (tx): Promise<PartOutcome> => {
    if (range.start === 0 && (await startUpload(tx, userId, sha256, range.total))) {
      await dropBeyondLimit(tx, userId, 'open', sha256);
      await pruneStaleUploads(tx);
    }
    const state = await findUploadState(tx, userId, sha256, true);
    if (!state) return { kind: 'misplaced', state: notStarted(sha256, range.total) };
    if (state.complete) return { kind: 'taken', state };
    if (state.byte_size !== range.total || state.received !== range.start) return { kind: 'misplaced', state };
    const after = await appendPart(tx, userId, sha256, part);
    if (after.received < after.byte_size) return { kind: 'taken', state: after };

    const whole = await uploadBytes(tx, userId, sha256);
    const actual = createHash('sha256').update(whole).digest('hex');
    if (actual !== sha256) return { kind: 'mismatch', state: await restartUpload(tx, userId, sha256), actual };
    const sniffed = sniffImage(whole);
    if (sniffed.kind !== 'image') {
      await dropUpload(tx, userId, sha256);
      return { kind: 'not_a_photo', sniffed };
    }
    const complete = await completeUpload(tx, userId, sha256, sniffed);
    await dropBeyondLimit(tx, userId, 'complete', sha256);
    return { kind: 'taken', state: complete };
  });
}
