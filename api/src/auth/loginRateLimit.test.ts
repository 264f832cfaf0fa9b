import { describe, expect, it } from 'vitest';
import { LoginRateLimit } from './loginRateLimit.ts';

const ADMIN = 'admin@marsad.demo';
const T0 = 1_800_000_000_000;

describe('LoginRateLimit', () => {
  it('lets five failures pass, then doubles the wait with each further failure, up to 15 minutes', () => {
    const limit = new LoginRateLimit();
    const waits: number[] = [];
    let now = T0;
    for (let i = 0; i < 16; i += 1) {
      limit.fail(ADMIN, 'attacker', now);
      waits.push(limit.retryAfter(ADMIN, 'attacker', now));
      now += waits.at(-1)! * 1000; // the attacker waits exactly as told
    }
    expect(waits.slice(0, 4)).toEqual([0, 0, 0, 0]);
    expect(waits.slice(4, 10)).toEqual([1, 2, 4, 8, 16, 32]);
    for (let i = 5; i < waits.length; i += 1) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1]!);
    expect(Math.max(...waits)).toBe(15 * 60);
  });

  it("never holds back the account's owner on another client: failures count per account and client", () => {
    const limit = new LoginRateLimit();
    for (let i = 0; i < 12; i += 1) limit.fail(ADMIN, 'attacker', T0);
    expect(limit.retryAfter(ADMIN, 'attacker', T0)).toBeGreaterThan(60);
    expect(limit.retryAfter(ADMIN, 'office', T0)).toBe(0);
  });

  it('caps one client across accounts (one password tried on many), until its failures leave the window', () => {
    const limit = new LoginRateLimit({ perClient: 30, windowMs: 15 * 60_000 });
    for (let i = 0; i < 30; i += 1) limit.fail(`user${i}@marsad.demo`, 'sprayer', T0 + i);
    expect(limit.retryAfter('someone.else@marsad.demo', 'sprayer', T0 + 30)).toBe(15 * 60);
    expect(limit.retryAfter('someone.else@marsad.demo', 'sprayer', T0 + 15 * 60_000 + 1)).toBe(0);
    expect(limit.retryAfter('someone.else@marsad.demo', 'office', T0 + 30)).toBe(0);
  });

  it("forgives an account's failures on this client after the right password, and forgets old ones", () => {
    const limit = new LoginRateLimit();
    for (let i = 0; i < 7; i += 1) limit.fail(ADMIN, 'laptop', T0);
    expect(limit.retryAfter(ADMIN, 'laptop', T0)).toBeGreaterThan(0);
    limit.succeed(ADMIN, 'laptop');
    expect(limit.retryAfter(ADMIN, 'laptop', T0)).toBe(0);
    for (let i = 0; i < 7; i += 1) limit.fail(ADMIN, 'laptop', T0);
    expect(limit.retryAfter(ADMIN, 'laptop', T0 + 24 * 3600_000)).toBe(0);
    limit.fail(ADMIN, 'laptop', T0 + 24 * 3600_000);
    expect(limit.retryAfter(ADMIN, 'laptop', T0 + 24 * 3600_000)).toBe(0); // counting starts afresh
  });
});
