import { z } from 'zod';

/** One invalid parameter of a request: where (a body path such as `funding.0.amount`, or a parameter name) and what is wrong. */
export const InvalidParameter = z.object({ parameter: z.string(), message: z.string() });
export type InvalidParameter = z.infer<typeof InvalidParameter>;

/**
 * An RFC 9457 problem details body: every 4xx and 5xx of the API. `errors` lists each invalid
 * parameter when there are several; other extensions (`current_version`, `allowed`, `repairable`…)
 * are named in the route's description.
 */
export const Problem = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(InvalidParameter).optional(),
});
export type Problem = z.infer<typeof Problem>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
