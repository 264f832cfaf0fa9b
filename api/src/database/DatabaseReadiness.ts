import { asUnavailable, DatabaseUnavailableError, type Queryable } from '@marsad/db';

export interface DatabaseVersions {
  postgres: string;
  postgis: string;
}

export type ReadinessState =
  | { ready: true; versions: DatabaseVersions }
  | { ready: false; error: DatabaseUnavailableError };

/** How often the probe asks: also how soon readiness notices the database leave or come back. */
const PROBE_INTERVAL_MS = 1000;

/**
 * Whether the database answers, as a small background probe last saw it. The readiness check
 * (GET /api/health) reads this instead of querying, so it answers at once under any load rather
 * than waiting in the queue behind it.
 *
 * A probe refused as busy changes nothing: the database answers, it is only full, and the
 * requests themselves are already being shed with 503s.
 */
export class DatabaseReadiness {
  private state: ReadinessState | undefined;
  private first: Promise<void> | undefined;
  private probing = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly db: Queryable) {}

  /** Probes now and then every second; the timer does not keep the process alive. */
  start(): void {
    this.first = this.probe();
    this.timer = setInterval(() => void this.probe(), PROBE_INTERVAL_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** The last probe's finding; right after start-up, waits up to `waitMs` for the first. */
  async current(waitMs = 1000): Promise<ReadinessState> {
    if (!this.state && this.first) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.first, new Promise((resolve) => (timer = setTimeout(resolve, waitMs)))]);
      clearTimeout(timer);
    }
    return this.state ?? { ready: false, error: new DatabaseUnavailableError('busy', 'The database has not answered yet.') };
  }

  private async probe(): Promise<void> {
    if (this.probing) return; // the last one is still waiting: one in flight is enough
    this.probing = true;
    try {
      const [row] = await this.db.query<DatabaseVersions>(
        `select current_setting('server_version') as postgres, postgis_lib_version() as postgis`,
      );
      this.state = { ready: true, versions: { postgres: row?.postgres ?? 'unknown', postgis: row?.postgis ?? 'unknown' } };
    } catch (error) {
      const unavailable = asUnavailable(error);
      if (unavailable?.reason === 'busy') return;
      this.state = {
        ready: false,
        error: unavailable ?? new DatabaseUnavailableError('unreachable', `The database fails its health query (${String(error)}).`, { cause: error }),
      };
    } finally {
      this.probing = false;
    }
  }
}
