import { PHOTO_UPLOAD_PART_BYTES, PhotoUploadState } from '@marsad/contracts';
import { answerStep, type SendStep, type Transport } from './sendStep.ts';

/** The hex SHA-256 of a photo: its name on the server, however often it is sent. */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The upload's state: the answer itself (200), or a problem's `upload` (409, 422). */
async function stateOf(response: Response): Promise<PhotoUploadState | null> {
  const body = (await response.json().catch(() => null)) as unknown;
  const parsed = PhotoUploadState.safeParse(typeof body === 'object' && body !== null && 'upload' in body ? body.upload : body);
  return parsed.success ? parsed.data : null;
}

/**
 * Uploads one photo in parts (`PUT /api/photo-uploads/{sha256}` with `Content-Range`), resuming
 * from what the server already holds: every attempt starts at byte 0, and a part that is not where
 * the server stands answers 409 with where it stands (or that it has the photo whole), so a cut
 * costs at most one part again and a photo the server has is not sent again. No state is asked
 * first: a GET of a photo not yet begun would be a 404 in the console of every first retry.
 */
export async function uploadPhoto(transport: Transport, sha256: string, bytes: Uint8Array<ArrayBuffer>, { partBytes = PHOTO_UPLOAD_PART_BYTES } = {}): Promise<SendStep> {
  const path = `/api/photo-uploads/${sha256}`;
  let received = 0;
  try {
    let restarted = false;
    for (;;) {
      const end = Math.min(bytes.byteLength, received + partBytes);
      const part = bytes.slice(received, end);
      const answer = await transport(path, {
        method: 'PUT',
        headers: { accept: 'application/json', 'content-type': 'application/octet-stream', 'content-range': `bytes ${received}-${end - 1}/${bytes.byteLength}` },
        body: part,
      });
      if (answer.status === 200 || answer.status === 201) {
        const state = await stateOf(answer);
        if (state === null) return { kind: 'retry', outcome: { status: answer.status, detail: `${path}: the answer is not an upload state` } };
        if (state.complete) return { kind: 'done', answer: state };
        received = state.received;
      } else if (answer.status === 409) {
        // The server holds another amount (a part whose answer was lost went through): go on from there.
        const state = await stateOf(answer);
        if (state === null) return answerStep(answer, path);
        if (state.complete) return { kind: 'done', answer: state };
        received = state.received;
      } else if (answer.status === 422 && !restarted) {
        // The whole did not match its hash (a part got mixed up): the server starts again from 0, once.
        restarted = true;
        received = 0;
      } else {
        return answerStep(answer, path);
      }
    }
  } catch {
    return { kind: 'retry', outcome: { status: null, detail: `${path}: no answer from the server` } };
  }
}
