import type { Queryable } from '@marsad/db';
import { LRUCache } from 'lru-cache';
import { findSession } from './sessions.ts';

type FoundSession = Awaited<ReturnType<typeof findSession>>;

/**
 * Sessions looked up in the last few seconds, so a signed-in reader's cached answers cost no
 * database round trip. What would make a session wrong is forgotten at once in this process:
 * sign-out (`forgetToken`) and any admin change to the account (`forgetUser`: role,
 * governorates, organization, disabling, password). Another process's change is seen within
 * `ttlSeconds`, the setting SESSION_CACHE_SECONDS (0 turns the cache off).
 */
export class SessionCache {
  private readonly lru: LRUCache<string, { session: FoundSession }> | undefined;

  constructor(ttlSeconds: number, maxSessions = 10_000) {
    this.lru = ttlSeconds > 0 ? new LRUCache({ max: maxSessions, ttl: ttlSeconds * 1000 }) : undefined;
  }

  async find(db: Queryable, token: string): Promise<FoundSession> {
    const cached = this.lru?.get(token);
    if (cached) return cached.session;
    const session = await findSession(db, token);
    this.lru?.set(token, { session });
    return session;
  }

  forgetToken(token: string): void {
    this.lru?.delete(token);
  }

  forgetUser(userId: number): void {
    if (!this.lru) return;
    for (const [token, { session }] of this.lru.entries()) if (session?.user.id === userId) this.lru.delete(token);
  }
}
