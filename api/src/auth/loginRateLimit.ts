export interface LoginRateLimitOptions {
  /** Failures of one account from one client before any wait. */
  freeFailures: number;
  /** The first wait; each further failure doubles it, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failures one client may make across all accounts within windowMs (password spraying). */
  perClient: number;
  /** How long a failure is remembered. */
  windowMs: number;
}

const DEFAULTS: LoginRateLimitOptions = {
  freeFailures: 5,
  baseDelayMs: 1000,
  maxDelayMs: 15 * 60_000,
  perClient: 30,
  windowMs: 15 * 60_000,
};

/** Beyond this many remembered account–client pairs, the stale ones are forgotten (an attacker may invent many). */
const MAX_PAIRS = 100_000;

/**
 * Slows password guessing without letting a stranger lock anyone out. Failures are counted per
 * account *and* client address: someone guessing admin@… from elsewhere makes only their own
 * tries wait, and the admin still signs in from their own address. After five free failures
 * each one doubles the wait (1 s, 2 s, 4 s… up to 15 minutes), so typos cost nothing and a
 * guesser gets a handful of tries an hour. One client is also capped across accounts, against
 * one password tried on many accounts; an office behind one address gets room for its people.
 * In memory: one server process sees every sign-in.
 */
export class LoginRateLimit {
  private readonly pairs = new Map<string, { failures: number; last: number }>();
  private readonly clients = new Map<string, number[]>();
  private readonly options: LoginRateLimitOptions;

  constructor(options: Partial<LoginRateLimitOptions> = {}) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** Seconds until this account may be tried again from this client, or 0. */
  retryAfter(email: string, client: string, now = Date.now()): number {
    return Math.ceil(Math.max(this.pairWait(email, client, now), this.clientWait(client, now)) / 1000);
  }

  fail(email: string, client: string, now = Date.now()): void {
    const key = pairKey(email, client);
    const pair = this.livePair(key, now);
    this.pairs.delete(key); // re-inserted last: the map stays in order of last failure
    this.pairs.set(key, { failures: (pair?.failures ?? 0) + 1, last: now });
    this.clients.set(client, [...this.recentClientFailures(client, now), now]);
    if (this.pairs.size > MAX_PAIRS) this.forgetStale(now);
  }

  /** A right password from this client: its failures for the account are forgiven (the client's cap is not). */
  succeed(email: string, client: string): void {
    this.pairs.delete(pairKey(email, client));
  }

  private pairWait(email: string, client: string, now: number): number {
    const pair = this.livePair(pairKey(email, client), now);
    if (!pair || pair.failures < this.options.freeFailures) return 0;
    const delay = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (pair.failures - this.options.freeFailures));
    return Math.max(0, pair.last + delay - now);
  }

  private clientWait(client: string, now: number): number {
    const recent = this.recentClientFailures(client, now);
    if (recent.length < this.options.perClient) return 0;
    return recent[recent.length - this.options.perClient]! + this.options.windowMs - now;
  }

  private livePair(key: string, now: number) {
    const pair = this.pairs.get(key);
    return pair && pair.last > now - this.options.windowMs - this.options.maxDelayMs ? pair : undefined;
  }

  private recentClientFailures(client: string, now: number): number[] {
    return (this.clients.get(client) ?? []).filter((at) => at > now - this.options.windowMs);
  }

  /** Forgets pairs and clients with no recent failure; if a flood left too many live pairs, the oldest go. */
  private forgetStale(now: number): void {
    for (const key of this.pairs.keys()) if (!this.livePair(key, now) || this.pairs.size > MAX_PAIRS / 2) this.pairs.delete(key);
    for (const client of this.clients.keys()) if (!this.recentClientFailures(client, now).length) this.clients.delete(client);
  }
}

const pairKey = (email: string, client: string) => `${client}\u0000${email}`;
