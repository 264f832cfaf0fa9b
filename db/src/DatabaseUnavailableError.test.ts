import { describe, expect, it } from 'vitest';
import { asUnavailable, DatabaseUnavailableError } from './DatabaseUnavailableError.ts';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('asUnavailable', () => {
  it.each([
    ['a server shutting down or a terminated backend', withCode('terminating connection due to administrator command', '57P01')],
    ['a crash', withCode('terminating connection because of crash of another server process', '57P02')],
    ['a server starting up', withCode('the database system is starting up', '57P03')],
    ['a connection exception', withCode('connection failure', '08006')],
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a reset connection', withCode('read ECONNRESET', 'ECONNRESET')],
    ['a connection cut mid-query', new Error('Connection terminated unexpectedly')],
    ['a pool that cannot connect in time', new Error('timeout exceeded when trying to connect')],
  ])('counts %s as unreachable', (_, error) => {
    expect(asUnavailable(error)).toMatchObject({ reason: 'unreachable', retryAfterSeconds: 2, cause: error });
  });

  it('counts a server out of connection slots as busy', () => {
    expect(asUnavailable(withCode('sorry, too many clients already', '53300'))).toMatchObject({ reason: 'busy' });
  });

  it('leaves the errors callers must see as they are', () => {
    expect(asUnavailable(withCode('duplicate key value violates unique constraint', '23505'))).toBeUndefined();
    expect(asUnavailable(withCode('invalid input syntax for type integer', '22P02'))).toBeUndefined();
    expect(asUnavailable(new Error('relation "nothing" does not exist'))).toBeUndefined();
    expect(asUnavailable('not an error')).toBeUndefined();
  });

  it('keeps one that is already classified', () => {
    const busy = new DatabaseUnavailableError('busy', 'full');
    expect(asUnavailable(busy)).toBe(busy);
  });
});
