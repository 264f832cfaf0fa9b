import { PROBLEM_CONTENT_TYPE, type InvalidParameter, type Problem } from '@marsad/contracts';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** An RFC 9457 problem details body (the contract's Problem). */
export type ProblemDetails = Problem;

/** An expected failure: thrown anywhere, turned into problem+json by the app's error handler (errorHandler.ts). */
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

// ---- The problems routes raise, one constructor each ------------------------------------------

/**
 * 400 naming each invalid parameter in `errors`; the detail joins them (`code: …; budget: …`)
 * unless `detail` says it otherwise. Every validation failure, the schemas' and the routes' own,
 * is this one shape, so a form shows each message beside its field.
 */
export function invalidParameters(errors: InvalidParameter[], options: { detail?: string; extensions?: Partial<ProblemDetails> } = {}): ProblemError {
  const detail = options.detail ?? errors.map((e) => `${e.parameter}: ${e.message}`).join('; ');
  return new ProblemError(400, 'Invalid request', detail, { errors, ...options.extensions });
}

/** 400 for one invalid parameter. */
export const invalidParameter = (parameter: string, message: string, options: { detail?: string; extensions?: Partial<ProblemDetails> } = {}) =>
  invalidParameters([{ parameter, message }], options);

/** 400 about the request as a whole (its body, its framing), no parameter to name. */
export const invalidRequest = (detail: string) => new ProblemError(400, 'Invalid request', detail);

/** 401: `detail` says what signing in is needed for. */
export const unauthorized = (detail: string) => new ProblemError(401, 'Unauthorized', detail);

/** 403: signed in, but this is not theirs to do. */
export const forbidden = (detail: string) => new ProblemError(403, 'Forbidden', detail);

/** 404: `detail` names what is missing. */
export const notFound = (detail: string) => new ProblemError(404, 'Not Found', detail);

/** 404 of a project that does not exist or that the viewer may not see: the two look alike. */
export const projectNotFound = (id: number) => notFound(`No project ${id} is visible to you`);

/** 409: the request collides with the current state (a version, a last admin, a taken name). */
export const conflict = (detail: string, extensions: Partial<ProblemDetails> = {}) => new ProblemError(409, 'Conflict', detail, extensions);

/** 413 (Content Too Large): `detail` names the limit, and what to do. */
export const contentTooLarge = (detail: string, extensions: Partial<ProblemDetails> = {}) => new ProblemError(413, 'Content Too Large', detail, extensions);

/** 422: understood and valid, but not allowed from the current state. */
export const unprocessable = (detail: string, extensions: Partial<ProblemDetails> = {}) => new ProblemError(422, 'Unprocessable Content', detail, extensions);
