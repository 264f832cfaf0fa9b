/** The messages between PgliteWorkerDatabase (main thread) and pgliteWorker.ts (its worker). */

export type WorkerRequest =
  | { op: 'open'; dataDir?: string; snapshot?: ArrayBuffer }
  /** `tx` names an open transaction; without it the statement runs on its own. */
  | { op: 'query'; sql: string; params: readonly unknown[]; tx?: number }
  | { op: 'exec'; sql: string; tx?: number }
  /** Starts a transaction; answers its id. Other statements wait in PGlite until it ends. */
  | { op: 'begin' }
  | { op: 'end'; tx: number; commit: boolean }
  /** Answers the gzipped data directory as an ArrayBuffer (transferred, not copied). */
  | { op: 'dump' }
  | { op: 'close' };

export type WorkerMessage = { id: number } & WorkerRequest;

/** An error as it crosses the thread boundary: its message and every plain field (code, constraint...). */
export interface SerializedError {
  name: string;
  message: string;
  fields: Record<string, string | number | boolean>;
}

export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SerializedError };
