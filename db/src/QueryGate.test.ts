import { describe, expect, it } from 'vitest';
import { DatabaseUnavailableError } from './DatabaseUnavailableError.ts';
import { QueryGate } from './QueryGate.ts';

/** A piece of work that runs until `finish` is called. */
function held() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { work: () => done, finish };
}

describe('QueryGate', () => {
  it('runs at most `concurrency` at once and lets the next in line start when one ends', async () => {
    const gate = new QueryGate({ concurrency: 2, queueMax: 10, queueWaitMs: 10_000 });
    const a = held();
    const b = held();
    const started: string[] = [];
    const first = gate.run(() => (started.push('a'), a.work()));
    const second = gate.run(() => (started.push('b'), b.work()));
    const third = gate.run(async () => void started.push('c'));
    await Promise.resolve();
    expect(started).toEqual(['a', 'b']);
    a.finish();
    await first;
    await third;
    expect(started).toEqual(['a', 'b', 'c']);
    b.finish();
    await second;
  });

  it('refuses at once as busy when the queue is full', async () => {
    const gate = new QueryGate({ concurrency: 1, queueMax: 1, queueWaitMs: 10_000 });
    const running = held();
    const first = gate.run(running.work);
    const waiting = gate.run(async () => 'waited');
    const refused = gate.run(async () => 'never');
    await expect(refused).rejects.toMatchObject({ reason: 'busy', retryAfterSeconds: 1 });
    running.finish();
    await first;
    expect(await waiting).toBe('waited');
  });

  it('refuses as busy what waits longer than queueWaitMs, and counts it out of the queue', async () => {
    const gate = new QueryGate({ concurrency: 1, queueMax: 1, queueWaitMs: 20 });
    const running = held();
    const first = gate.run(running.work);
    await expect(gate.run(async () => 'late')).rejects.toBeInstanceOf(DatabaseUnavailableError);
    const next = gate.run(async () => 'queued again');
    running.finish();
    await first;
    expect(await next).toBe('queued again');
  });

  it('frees the slot when the work fails', async () => {
    const gate = new QueryGate({ concurrency: 1, queueMax: 0, queueWaitMs: 0 });
    await expect(gate.run(() => Promise.reject(new Error('bad query')))).rejects.toThrow('bad query');
    expect(await gate.run(async () => 'next')).toBe('next');
  });
});
