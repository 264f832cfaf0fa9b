/**
 * Why the database cannot answer right now: it cannot be reached (stopped, restarting, network),
 * or it is busy (every connection in use and the wait queue full or too long).
 */
export type UnavailableReason = 'unreachable' | 'busy';

/** How long clients are asked to wait before trying again, by reason. */
const RETRY_AFTER_SECONDS: Record<UnavailableReason, number> = { unreachable: 2, busy: 1 };

/**
 * The one error both engines throw when the database cannot take a query now. It is temporary
 * by nature: the HTTP layer answers it with 503 and `Retry-After`, never 500.
 */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
  readonly retryAfterSeconds: number;

  constructor(
    readonly reason: UnavailableReason,
    message: string,
    options: { cause?: unknown } = {},
  ) {
    super(message, options);
    this.retryAfterSeconds = RETRY_AFTER_SECONDS[reason];
  }
}

/** Socket failures: the server is gone or cannot be reached. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a server going away: 57P01 admin_shutdown (also what pg_terminate_backend
 * sends), 57P02 crash_shutdown, 57P03 cannot_connect_now; class 08 is connection exceptions.
 */
const GONE_SQLSTATES = new Set(['57P01', '57P02', '57P03']);

/** node-postgres words these without a code. */
const GONE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|not queryable|Connection ended unexpectedly/i;

/**
 * The error as a DatabaseUnavailableError when it means the database is away or saturated;
 * undefined for everything else (a bad query, a constraint), which callers rethrow as is.
 */
export function asUnavailable(error: unknown): DatabaseUnavailableError | undefined {
  if (error instanceof DatabaseUnavailableError) return error;
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (code === '53300') {
      return new DatabaseUnavailableError('busy', 'The database server has no free connection slots.', { cause: error });
    }
    if (GONE_SQLSTATES.has(code) || code.startsWith('08') || NETWORK_CODES.has(code)) {
      return unreachable(error);
    }
  }
  if (GONE_MESSAGES.test(error.message)) return unreachable(error);
  return undefined;
}

function unreachable(cause: Error): DatabaseUnavailableError {
  return new DatabaseUnavailableError('unreachable', `The database cannot be reached (${cause.message}).`, { cause });
}

/** Runs `work`, turning an outage's error into DatabaseUnavailableError and leaving others alone. */
export async function classifyFailures<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asUnavailable(error) ?? error;
  }
}
