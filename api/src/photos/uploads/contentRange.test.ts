import { describe, expect, it } from 'vitest';
import { parseContentRange, partLength } from './contentRange.ts';

describe('parseContentRange', () => {
  it('reads a part: start and end inclusive, and the total', () => {
    expect(parseContentRange('bytes 0-262143/1048576')).toEqual({ start: 0, end: 262_143, total: 1_048_576 });
    expect(parseContentRange(' bytes 5-5/6 ')).toEqual({ start: 5, end: 5, total: 6 });
    expect(partLength({ start: 0, end: 262_143, total: 1_048_576 })).toBe(262_144);
  });

  it.each([
    ['', /bytes start-end\/total/],
    ['bytes 0-10/*', /total known/],
    ['bytes */100', /bytes start-end\/total/],
    ['items 0-1/2', /bytes start-end\/total/],
    ['bytes 00-1/2', /bytes start-end\/total/],
    ['bytes -1-2/3', /bytes start-end\/total/],
    ['bytes 0x10-20/30', /bytes start-end\/total/],
    ['bytes 1e3-2e3/3e3', /bytes start-end\/total/],
    ['bytes 0-1/0', /bytes start-end\/total/],
    ['bytes 9999999999999999-1/2', /bytes start-end\/total/],
    ['bytes 10-5/20', /ends \(5\) before it starts \(10\)/],
    ['bytes 0-20/20', /past the last byte of 20 \(19\)/],
  ])('refuses %j, saying why', (header, why) => {
    expect(parseContentRange(header)).toMatch(why);
  });
});
