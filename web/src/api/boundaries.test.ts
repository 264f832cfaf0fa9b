import { describe, expect, it } from 'vitest';
import { boundariesUrl } from './boundaries.ts';

// What a boundary answer must look like: contracts/src/boundaries.test.ts.
describe('boundary collections', () => {
  it('builds same-origin API addresses', () => {
    expect(boundariesUrl('governorates')).toBe('/api/boundaries/governorates');
  });
});
