import { expect } from 'vitest';

export interface Problem {
  status: number;
  detail: string;
  errors?: { parameter: string; message: string }[];
}

/**
 * An RFC 9457 problem a person can act on: the status, `application/problem+json`, the status in
 * the body, a detail of some words (matching `detail` when given), and with `parameter` exactly
 * that one parameter named in `errors`.
 */
export async function expectProblem(res: Response, status: number, { parameter, detail }: { parameter?: string; detail?: RegExp } = {}): Promise<Problem> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const problem = (await res.json()) as Problem;
  expect(problem.status).toBe(status);
  expect(problem.detail).toEqual(expect.any(String));
  expect(problem.detail.length).toBeGreaterThan(10);
  if (detail) expect(problem.detail).toMatch(detail);
  if (parameter) expect(problem.errors?.map((e) => e.parameter)).toEqual([parameter]);
  return problem;
}
