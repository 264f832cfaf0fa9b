import type { ProgressReport } from '../data/progressReport.ts';
import { ApiError } from './fetchJson.ts';
import { sendJson } from './session.ts';

interface Recorded {
  id: number;
  version: number;
}

function isRecorded(body: unknown): body is Recorded {
  return typeof body === 'object' && body !== null && 'id' in body && typeof body.id === 'number' && 'version' in body && typeof body.version === 'number';
}

/** Reports progress on a project, based on the project `version` the form was filled from. */
export async function postProgress(id: number, report: ProgressReport, version: number, csrfToken: string): Promise<Recorded> {
  const url = `/api/projects/${id}/progress`;
  const body = await sendJson('POST', url, { ...report, version }, csrfToken);
  if (!isRecorded(body)) throw new ApiError(url, 201, `${url}: the answer does not have the expected shape`);
  return body;
}
