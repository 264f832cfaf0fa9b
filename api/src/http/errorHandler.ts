import { DatabaseUnavailableError } from '@marsad/db';
import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ProblemError, problemResponse } from './problems.ts';
import type { AppEnv } from './router.ts';

/** The one place where anything thrown becomes an RFC 9457 problem+json response. */
export const errorHandler: ErrorHandler<AppEnv> = (error, c) => {
  if (error instanceof ProblemError) return problemResponse({ ...error.problem, instance: c.req.path });
  if (error instanceof HTTPException) {
    // Hono's own (e.g. a malformed JSON body from a validator): keep the status, make it a problem.
    return problemResponse({
      type: 'about:blank',
      title: error.message || 'Bad request',
      status: error.status,
      detail: httpExceptionDetail(error),
      instance: c.req.path,
    });
  }
  if (error instanceof DatabaseUnavailableError) return unavailableResponse(error, c.req.path);
  const database = databaseProblem(error);
  if (database) return problemResponse({ ...database, instance: c.req.path });
  console.error(
    JSON.stringify({ level: 'error', msg: 'unhandled error', method: c.req.method, path: c.req.path, error: String(error), stack: (error as Error).stack }),
  );
  return problemResponse({
    type: 'about:blank',
    title: 'Internal Server Error',
    status: 500,
    detail: 'An unexpected error occurred; it has been logged.',
    instance: c.req.path,
  });
};

export const notFoundHandler: NotFoundHandler<AppEnv> = (c) =>
  problemResponse({
    type: 'about:blank',
    title: 'Not Found',
    status: 404,
    detail: `No resource at ${c.req.path}`,
    instance: c.req.path,
  });

/** The database is away or saturated: a temporary 503 with Retry-After, never a 500. */
function unavailableResponse(error: DatabaseUnavailableError, instance: string): Response {
  const seconds = error.retryAfterSeconds;
  const detail =
    error.reason === 'busy'
      ? `The database is busy with other requests. Try again in ${seconds} s.`
      : `The database cannot be reached right now; Marsad reconnects by itself. Try again in ${seconds} s, and if this lasts, check that the database server is running.`;
  return problemResponse(
    { type: 'urn:marsad:problem:database-unavailable', title: 'Service Unavailable', status: 503, detail, reason: error.reason, instance },
    { 'retry-after': String(seconds) },
  );
}

/** Unique values people choose, and how to tell them theirs is taken (instead of a constraint's name). */
const TAKEN: Record<string, { parameter: string; message: string }> = {
  users_email_key: { parameter: 'email', message: 'an account with this email already exists' },
  organizations_slug_key: { parameter: 'slug', message: 'an organization with this slug already exists' },
  projects_code_key: { parameter: 'code', message: 'another project already has this code' },
  zone_plots_zone_id_plot_number_key: { parameter: 'plot_number', message: 'another plot of this zone already has this number' },
};

/**
 * The database's own refusals of data (constraints, malformed values) that reach here were
 * caused by what the client sent: they are 4xx, never 500. Routes check first and say more;
 * this is the net under them.
 */
function databaseProblem(error: unknown): { type: string; title: string; status: number; detail: string; errors?: { parameter: string; message: string }[] } | undefined {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return undefined;
  const detail = (error as Error).message;
  if (code === '23505') {
    const taken = TAKEN[String((error as { constraint?: unknown }).constraint)];
    if (taken) return { type: 'about:blank', title: 'Conflict', status: 409, detail: `${taken.parameter}: ${taken.message}`, errors: [taken] };
    return { type: 'about:blank', title: 'Conflict', status: 409, detail };
  }
  // Class 22 is "data exception": a value the database cannot take (NUL, out of range, bad encoding…).
  if (['23502', '23503', '23514'].includes(code) || code.startsWith('22')) {
    return { type: 'about:blank', title: 'Bad Request', status: 400, detail };
  }
  return undefined;
}

/** What to do about one of Hono's own refusals (its validators say only what went wrong). */
function httpExceptionDetail(error: HTTPException): string {
  if (error.message.startsWith('Malformed JSON')) {
    return 'The request body is not valid JSON: check its quotes, commas and brackets, and send it with content-type application/json';
  }
  if (error.message.startsWith('Malformed FormData')) {
    return "The request body is not a readable form: send it as multipart/form-data with its boundary, as a browser's FormData does";
  }
  if (error.status === 415) return "This route does not take a body of this content type: the OpenAPI document (/api/openapi.json) lists each route's types";
  return error.message || `The request was refused with status ${error.status}`;
}
