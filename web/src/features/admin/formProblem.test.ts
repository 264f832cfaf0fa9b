import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../api/http.ts';
import { formProblemOf } from './formProblem.ts';

describe('form problems', () => {
  it('keeps the detail of a problem and puts its errors on the fields', () => {
    const error = new ProblemError('/api/admin/users', 400, 'governorates.0: must be ISO 3166-2 codes', {
      errors: [
        { parameter: 'governorates.0', message: 'must be ISO 3166-2 codes' },
        { parameter: 'governorates.2', message: 'must be ISO 3166-2 codes' },
        { parameter: 'password', message: 'must be at least 10 characters' },
      ],
    });
    expect(formProblemOf(error)).toEqual({
      status: 400,
      detail: 'governorates.0: must be ISO 3166-2 codes',
      fields: { governorates: 'must be ISO 3166-2 codes; must be ISO 3166-2 codes', password: 'must be at least 10 characters' },
    });
  });

  it('keeps a conflict as it is', () => {
    const error = new ProblemError('/api/admin/users', 409, 'duplicate key value violates unique constraint "users_email_key"', {});
    expect(formProblemOf(error)).toMatchObject({ status: 409, detail: expect.stringContaining('users_email_key'), fields: {} });
  });

  it('says what went wrong when there was no problem document', () => {
    expect(formProblemOf(new ProblemError('/api/admin/users', null, 'no answer from the server'))).toEqual({
      status: null,
      detail: 'no answer from the server',
      fields: {},
    });
  });
});
