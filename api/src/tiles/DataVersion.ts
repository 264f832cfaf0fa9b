import type { Queryable } from '@marsad/db';

/**
 * A number that changes whenever project data may have changed, so caches know when to let go.
 * The API bumps it on its own writes; a periodic look at the audit log (which every write
 * reaches, bulk loads included) catches writes from elsewhere, such as the seed command.
 */
export class DataVersion {
  private local = 0;
  private lastAuditId = -1;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly db: Queryable) {}

  get current(): string {
    return `${this.lastAuditId}.${this.local}`;
  }

  bump(): void {
    this.local += 1;
  }

  /** Reads the newest audit entry; returns whether the version changed. */
  async refresh(): Promise<boolean> {
    const [row] = await this.db.query<{ id: number | null }>('select max(id) as id from audit_log');
    const id = row?.id ?? 0;
    const changed = id !== this.lastAuditId;
    this.lastAuditId = id;
    return changed;
  }

  /** Refreshes every `seconds`; the timer does not keep the process alive. */
  watch(seconds: number): void {
    this.timer = setInterval(() => void this.refresh().catch(() => {}), seconds * 1000);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
