import { describe, expect, it } from 'vitest';
import { jsonNestsDeeperThan } from './jsonBodyLimits.ts';

describe('jsonNestsDeeperThan', () => {
  it('counts arrays and objects together', () => {
    expect(jsonNestsDeeperThan('{"a":[{"b":[1]}]}', 4)).toBe(false);
    expect(jsonNestsDeeperThan('{"a":[{"b":[[1]]}]}', 4)).toBe(true);
    expect(jsonNestsDeeperThan('[]'.repeat(1000), 1)).toBe(false);
  });

  it('skips brackets in strings, escaped quotes included', () => {
    expect(jsonNestsDeeperThan(JSON.stringify({ text: '[[[[{{{{', quoted: 'say "[[[[" \\" [[[[' }), 1)).toBe(false);
    expect(jsonNestsDeeperThan(JSON.stringify(['\\', [[1]]]), 2)).toBe(true);
  });
});
