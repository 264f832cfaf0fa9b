import { describe, expect, it } from 'vitest';
import { Random } from './random.ts';

describe('Random', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = new Random(42), b = new Random(42);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
  });

  it('gives independent streams per purpose and index', () => {
    expect(Random.for(1, 'geometry', 0).next()).not.toBe(Random.for(1, 'geometry', 1).next());
    expect(Random.for(1, 'geometry', 0).next()).not.toBe(Random.for(1, 'updates', 0).next());
    expect(Random.for(1, 'geometry', 7).next()).toBe(Random.for(1, 'geometry', 7).next());
  });

  it('stays within its ranges', () => {
    const random = new Random(7);
    for (let i = 0; i < 10_000; i++) {
      const n = random.next();
      expect(n >= 0 && n < 1).toBe(true);
      const k = random.int(3, 5);
      expect(k >= 3 && k <= 5).toBe(true);
    }
  });

  it('picks by weight', () => {
    const random = new Random(3);
    let heavy = 0;
    for (let i = 0; i < 10_000; i++) if (random.weighted(['a', 'b'], (x) => (x === 'a' ? 9 : 1)) === 'a') heavy++;
    expect(heavy / 10_000).toBeGreaterThan(0.87);
    expect(heavy / 10_000).toBeLessThan(0.93);
  });
});
