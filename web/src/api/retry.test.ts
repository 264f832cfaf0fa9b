import { describe, expect, it } from 'vitest';
import { ProblemError, problemOf, retryAfterMs } from './http.ts';
import { readRetryDelay, retryRead } from './retry.ts';

const busy = (seconds: string | null) => problemOf('/api/summaries/governorates', 503, 'Service Unavailable', { detail: 'The database is busy' }, seconds, 0);

describe('reading again after a failed read', () => {
  it('waits out a busy server as long as it says when to come back, longer than without', () => {
    const told = busy('2');
    expect(told.retryAfterMs).toBe(2000);
    expect([0, 1, 7].map((n) => retryRead(n, told))).toEqual([true, true, true]);
    expect(retryRead(8, told)).toBe(false);
    const silent = busy(null);
    expect(silent.retryAfterMs).toBeUndefined();
    expect([0, 2, 3].map((n) => retryRead(n, silent))).toEqual([true, true, false]);
  });

  it('asks again when nothing answered, and never after a refusal that would be answered the same', () => {
    expect(retryRead(0, new ProblemError('/api/projects', null, 'no answer'))).toBe(true);
    expect(retryRead(3, new ProblemError('/api/projects', null, 'no answer'))).toBe(false);
    for (const status of [400, 401, 403, 404, 422]) expect(retryRead(0, problemOf('/api/projects/9', status, '', {}))).toBe(false);
    for (const status of [408, 429, 500, 502]) expect(retryRead(0, problemOf('/api/projects/9', status, '', {}))).toBe(true);
    expect(retryRead(0, new TypeError('schema'))).toBe(true);
  });

  it('waits what the server said, spread by up to a fifth, at most 30 s; else 1, 2, 4 s', () => {
    expect(readRetryDelay(0, busy('2'), () => 0)).toBe(2000);
    expect(readRetryDelay(5, busy('2'), () => 1)).toBe(2400);
    expect(readRetryDelay(0, busy('120'), () => 0)).toBe(30_000);
    expect([0, 1, 2].map((n) => readRetryDelay(n, busy(null)))).toEqual([1000, 2000, 4000]);
    expect(readRetryDelay(9, new Error('x'))).toBe(30_000);
  });

  it('reads Retry-After in seconds or as a date', () => {
    expect(retryAfterMs('3', 0)).toBe(3000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(retryAfterMs('soon', 0)).toBeUndefined();
    expect(retryAfterMs(null, 0)).toBeUndefined();
  });
});
