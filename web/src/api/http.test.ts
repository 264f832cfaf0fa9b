import { afterEach, describe, expect, it, vi } from 'vitest';
import { fieldErrorsOf, ProblemError, request, type Schema } from './http.ts';

function answer(status: number, body: string, statusText = '') {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(status === 204 ? null : body, { status, statusText })));
}

/** A schema of `{ count: number }`, as a zod schema would check it: the answer, or a throw. */
const Count: Schema<{ count: number }> = {
  parse(body) {
    if (typeof body !== 'object' || body === null || typeof (body as { count?: unknown }).count !== 'number') throw new TypeError('not a count');
    return body as { count: number };
  },
};

afterEach(() => vi.unstubAllGlobals());

describe('request', () => {
  it('returns the answer checked by its schema', async () => {
    answer(200, '{"count":3}');
    await expect(request('/api/x', { schema: Count })).resolves.toEqual({ count: 3 });
  });

  it('takes any object with parse (a zod schema) as the schema', async () => {
    answer(200, '{"count":3}');
    const schema = { parse: (body: unknown) => ({ doubled: (body as { count: number }).count * 2 }) };
    await expect(request('/api/x', { schema })).resolves.toEqual({ doubled: 6 });
  });

  it('keeps the problem detail of a failed read', async () => {
    answer(400, '{"title":"Invalid request","status":400,"detail":"year: must be at most 2035"}', 'Bad Request');
    const error = await request('/api/x', { schema: Count }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect(error).toMatchObject({ status: 400, detail: 'year: must be at most 2035', message: 'year: must be at most 2035' });
  });

  it('says the status when the answer is no problem document', async () => {
    answer(502, '<html>Bad gateway</html>', 'Bad Gateway');
    await expect(request('/api/x')).rejects.toMatchObject({ status: 502, detail: '/api/x: HTTP 502 Bad Gateway', problem: {} });
  });

  it('refuses an answer of another shape, or not JSON', async () => {
    answer(200, '{"total":3}');
    await expect(request('/api/x', { schema: Count })).rejects.toMatchObject({ detail: '/api/x: the answer does not have the expected shape' });
    answer(200, '<html></html>');
    await expect(request('/api/x', { schema: Count })).rejects.toMatchObject({ detail: expect.stringContaining('not JSON') });
  });

  it('answers null to a 204', async () => {
    answer(204, '');
    await expect(request('/api/x', { method: 'DELETE', csrfToken: 't' })).resolves.toBeNull();
  });

  it('has status null when the server does not answer', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(request('/api/x')).rejects.toMatchObject({ status: null, detail: expect.stringContaining('no answer') });
  });

  it('sends JSON with the CSRF token', async () => {
    const spy = vi.fn(async () => new Response('{"count":1}', { status: 201 }));
    vi.stubGlobal('fetch', spy);
    await request('/api/x', { method: 'POST', body: { a: 1 }, csrfToken: 'tok', schema: Count });
    expect(spy).toHaveBeenCalledWith('/api/x', expect.objectContaining({ method: 'POST', body: '{"a":1}', headers: { accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': 'tok' } }));
  });
});

describe('fieldErrorsOf', () => {
  it('puts a problem’s errors on the form fields their parameters start with', () => {
    const errors = [
      { parameter: 'funding.0.amount', message: 'must be positive' },
      { parameter: 'funding.1.organization', message: 'unknown organization x' },
      { parameter: 'code', message: 'is required' },
    ];
    expect(fieldErrorsOf(new ProblemError('/api/projects', 400, 'invalid', { errors }))).toEqual({ funding: 'must be positive; unknown organization x', code: 'is required' });
  });

  it('has none for anything else', () => {
    expect(fieldErrorsOf(new ProblemError('/api/x', null, 'no answer'))).toEqual({});
    expect(fieldErrorsOf(new Error('x'))).toEqual({});
  });
});
