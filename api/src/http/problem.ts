import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** An RFC 9457 problem details body. `errors` lists each invalid parameter when there are several. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: { parameter: string; message: string }[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** An expected failure: thrown anywhere, turned into problem+json by the app's error handler. */
export class ProblemError extends HTTPException {
  readonly problem: ProblemDetails;

  constructor(status: ContentfulStatusCode, title: string, detail?: string, extensions: Partial<ProblemDetails> = {}) {
    super(status, { message: detail ?? title });
    this.problem = {
      type: extensions.type ?? `urn:marsad:problem:${slug(title)}`,
      title,
      status,
      ...(detail === undefined ? {} : { detail }),
      ...extensions,
    };
  }
}

export function problemResponse(problem: ProblemDetails, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...headers },
  });
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
