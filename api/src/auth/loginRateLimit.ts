/**
 * Failed sign-ins allowed per account and per client address in a window; past either limit,
 * 429 until the window ends. A client gets more room than an account, since an office may sign
 * in many people from one address. In memory: one server process sees every sign-in.
 */
export class LoginRateLimit {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly perAccount = 5,
    private readonly perClient = 30,
    private readonly windowMs = 15 * 60_000,
  ) {}

  /** Seconds until this account may try again from this client, or 0. */
  retryAfter(email: string, client: string, now = Date.now()): number {
    return Math.max(this.wait(`email:${email}`, this.perAccount, now), this.wait(`client:${client}`, this.perClient, now));
  }

  fail(email: string, client: string, now = Date.now()): void {
    for (const key of [`email:${email}`, `client:${client}`]) this.failures.set(key, [...this.recent(key, now), now]);
  }

  succeed(email: string): void {
    this.failures.delete(`email:${email}`);
  }

  private wait(key: string, max: number, now: number): number {
    const recent = this.recent(key, now);
    return recent.length >= max ? Math.ceil((recent[recent.length - max]! + this.windowMs - now) / 1000) : 0;
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((at) => at > now - this.windowMs);
  }
}
