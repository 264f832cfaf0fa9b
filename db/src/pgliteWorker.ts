import { parentPort } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { postgis } from '@electric-sql/pglite-postgis';
import { TYPE_PARSERS } from './Database.ts';
import type { SerializedError, WorkerMessage, WorkerReply, WorkerRequest } from './pgliteWorkerProtocol.ts';

/**
 * The worker side of PgliteWorkerDatabase: one PGlite, driven by messages, so its work (WASM,
 * synchronous while a query runs) never holds up the HTTP server's thread.
 */

interface OpenTransaction {
  tx: Transaction;
  /** Ends PGlite's transaction callback: commit when true, roll back when false. */
  finish: (commit: boolean) => void;
  /** Settles when PGlite has committed or rolled back. */
  ended: Promise<void>;
}

const port = parentPort!;
let pg: PGlite | undefined;
const transactions = new Map<number, OpenTransaction>();
let nextTransaction = 1;
const ROLLBACK = Symbol('rollback');

port.on('message', (message: WorkerMessage) => {
  handle(message).then(
    (value) => reply({ id: message.id, ok: true, value }, value instanceof ArrayBuffer ? [value] : []),
    (error: unknown) => reply({ id: message.id, ok: false, error: serialize(error) }),
  );
});

function reply(message: WorkerReply, transfer: ArrayBuffer[] = []) {
  port.postMessage(message, transfer);
}

async function handle(request: WorkerRequest): Promise<unknown> {
  if (request.op === 'open') {
    pg = await PGlite.create({
      ...(request.dataDir ? { dataDir: request.dataDir } : {}),
      ...(request.snapshot ? { loadDataDir: new Blob([request.snapshot]) } : {}),
      extensions: { postgis, pg_trgm },
      parsers: TYPE_PARSERS,
    });
    return undefined;
  }
  if (!pg) throw new Error('The embedded database is not open');
  switch (request.op) {
    case 'query':
      return (await target(pg, request.tx).query(request.sql, request.params as unknown[])).rows;
    case 'exec':
      await target(pg, request.tx).exec(request.sql);
      return undefined;
    case 'begin':
      return begin(pg);
    case 'end':
      return end(request.tx, request.commit);
    case 'dump':
      return (await pg.dumpDataDir('gzip')).arrayBuffer();
    case 'close':
      await pg.close();
      pg = undefined;
      return undefined;
  }
}

function target(pg: PGlite, tx: number | undefined): PGlite | Transaction {
  if (tx === undefined) return pg;
  const open = transactions.get(tx);
  if (!open) throw new Error(`Transaction ${tx} is not open`);
  return open.tx;
}

/** Opens a PGlite transaction that stays open until `end`; PGlite queues other statements meanwhile. */
function begin(pg: PGlite): Promise<number> {
  const id = nextTransaction++;
  return new Promise((started, failed) => {
    const ended = pg.transaction(async (tx) => {
      const commit = await new Promise<boolean>((finish) => {
        transactions.set(id, { tx, finish, ended });
        started(id);
      });
      if (!commit) throw ROLLBACK;
    });
    ended.catch((error: unknown) => {
      if (!transactions.has(id)) failed(error); // failed to begin at all
    });
  });
}

async function end(id: number, commit: boolean): Promise<void> {
  const open = transactions.get(id);
  if (!open) throw new Error(`Transaction ${id} is not open`);
  open.finish(commit);
  try {
    await open.ended;
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  } finally {
    transactions.delete(id);
  }
}

/** Keeps what callers look at (SQLSTATE `code`, `constraint`, `detail`...) across the thread boundary. */
function serialize(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  const fields: SerializedError['fields'] = {};
  for (const [key, value] of Object.entries(error)) {
    if (key !== 'name' && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) {
      fields[key] = value;
    }
  }
  return { name: error.name, message: error.message, fields };
}
