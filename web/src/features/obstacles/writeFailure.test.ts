import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../api/http.ts';
import { splitFieldErrors, writeFailureOf } from './writeFailure.ts';

const problem = (status: number | null, body: Record<string, unknown> = {}) => new ProblemError('/api/obstacles/1', status, String(body.detail ?? 'failed'), body);

describe('writeFailureOf', () => {
  it('tells a conflict, a refusal, no answer and field errors apart', () => {
    expect(writeFailureOf(problem(409, { current_version: 4 }))).toEqual({ kind: 'conflict' });
    expect(writeFailureOf(problem(403))).toEqual({ kind: 'forbidden' });
    expect(writeFailureOf(problem(null))).toEqual({ kind: 'offline' });
    expect(
      writeFailureOf(
        problem(400, {
          detail: 'Invalid body',
          errors: [
            { parameter: 'resolution_note', message: 'needed to end an obstacle' },
            { parameter: 'title', message: 'too short' },
            { parameter: 'title', message: 'no tabs' },
          ],
        }),
      ),
    ).toEqual({ kind: 'fields', errors: { resolution_note: 'needed to end an obstacle', title: 'too short; no tabs' } });
  });

  it('keeps the API’s detail otherwise', () => {
    expect(writeFailureOf(problem(400, { detail: 'The project is archived' }))).toEqual({ kind: 'failed', detail: 'The project is archived' });
    expect(writeFailureOf(new Error('boom'))).toEqual({ kind: 'failed', detail: 'boom' });
  });
});

describe('splitFieldErrors', () => {
  it('puts errors beside the form’s fields and lists the rest', () => {
    expect(splitFieldErrors({ title: 'too short', version: 'must be an integer' }, ['title', 'severity'] as const)).toEqual({
      own: { title: 'too short' },
      other: [['version', 'must be an integer']],
    });
  });
});
