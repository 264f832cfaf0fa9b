import type { TFunction } from 'i18next';
import { writeFailure } from '../zoneEditor/writeFailure.ts';

/**
 * What a form says when the server refused it: field errors in the server's words beside the
 * form's fields (400/422), "it changed; reloaded" for a 409 (the caller reloads), and the other
 * refusals in a sentence. `stale` says whether the caller should read the data again.
 */
export function sendFailure<F extends string>(error: unknown, fields: readonly F[], t: TFunction): { fields: Partial<Record<F, string>>; banner: string | null; stale: boolean } {
  const failure = writeFailure(error, (name) => (fields as readonly string[]).includes(name));
  switch (failure.kind) {
    case 'conflict':
      return { fields: {}, banner: t('meetings.problem.conflict'), stale: true };
    case 'fields':
      return { fields: failure.fields as Partial<Record<F, string>>, banner: failure.detail, stale: false };
    case 'offline':
      return { fields: {}, banner: t('meetings.problem.offline'), stale: false };
    case 'forbidden':
      return { fields: {}, banner: t('meetings.problem.forbidden', { detail: failure.detail }), stale: false };
    case 'refused':
    case 'failed':
      return { fields: {}, banner: t('meetings.problem.failed', { detail: failure.detail }), stale: false };
  }
}
