import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PgliteWorkerDatabase } from '@marsad/db';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { as, DEMO, httpTarget } from '../support/client.ts';
import { projectFields } from '../support/freshData.ts';
import { tempDirForSuite } from '../support/tempDir.ts';

const API_DIR = fileURLToPath(new URL('../../api/', import.meta.url));

/** Runs the real start-up (api/src/main.ts) with the given environment until it exits. */
function start(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/main.ts'],
      { cwd: API_DIR, env: { PATH: process.env.PATH, LOG_REQUESTS: 'false', ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? (error.code as number | null) ?? null : 0, stdout, stderr }),
    );
  });
}

/** A free loopback port: the server's start-up line names the port it was given, so give it a real one. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

interface RunningServer {
  url: string;
  child: ChildProcess;
  /** Settles with the exit code (or the signal) when the process ends. */
  exited: Promise<number | string | null>;
}

/** Starts the real server (api/src/main.ts) and waits until it listens. */
async function launch(env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: API_DIR,
    env: { PATH: process.env.PATH, LOG_REQUESTS: 'false', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Marsad is running')) resolve();
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then(() => reject(new Error(`the server stopped before listening: ${output}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child, exited };
}

/** One line on stderr, starting with "marsad:", and no stack trace. */
function expectOneClearLine(stderr: string, pattern: RegExp) {
  const lines = stderr.trim().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^marsad: /);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('start-up with bad configuration', () => {
  const tempDir = tempDirForSuite('marsad-startup-');
  let blocker: Server;
  let busyPort: number;
  beforeAll(async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    busyPort = (blocker.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => blocker.close(() => resolve()));
  });

  it('stops with one line when DATABASE_URL is unreachable', async () => {
    const result = await start({ PORT: '0', DATABASE_URL: 'postgres://marsad:secret@127.0.0.1:1/marsad' });
    expect(result.code).toBe(1);
    expectOneClearLine(result.stderr, /Cannot connect to DATABASE_URL \(postgres:\/\/marsad:\*\*\*@127\.0\.0\.1:1\/marsad\)/);
    expect(result.stderr).not.toContain('secret');
  });

  it('stops with one line when the port is in use', async () => {
    const result = await start({ PORT: String(busyPort), DATA_DIR: join(tempDir(), 'unused') });
    expect(result.code).toBe(1);
    expectOneClearLine(result.stderr, new RegExp(`Port ${busyPort} on 127\\.0\\.0\\.1 is already in use`));
  });

  it('stops with one line when the data directory is corrupt', async () => {
    const corrupt = join(tempDir(), 'corrupt');
    await mkdir(join(corrupt, 'global'), { recursive: true });
    await writeFile(join(corrupt, 'PG_VERSION'), '18\n');
    await writeFile(join(corrupt, 'global', 'pg_control'), Buffer.alloc(8192, 7));
    const result = await start({ PORT: '0', DATA_DIR: corrupt });
    expect(result.code).toBe(1);
    expectOneClearLine(result.stderr, /data directory .*corrupt cannot be opened/);
  });

  it('stops with one line when DATA_DIR holds something else', async () => {
    const other = join(tempDir(), 'other');
    await mkdir(other);
    await writeFile(join(other, 'notes.txt'), 'not a database');
    const result = await start({ PORT: '0', DATA_DIR: other });
    expect(result.code).toBe(1);
    expectOneClearLine(result.stderr, /is not empty but holds no database/);
  });

  it('stops with one line on an invalid setting', async () => {
    const result = await start({ PORT: 'eighty' });
    expect(result.code).toBe(1);
    expectOneClearLine(result.stderr, /Invalid configuration: PORT/);
  });
});

describe('the embedded data directory', () => {
  const tempDir = tempDirForSuite('marsad-datadir-');

  // One test, as it takes one server's start-up: a second process is refused while the first
  // runs, then the first is killed mid-write and its data directory opened again.
  it('is refused to a second process while open, and loses no acknowledged write to a kill -9', async () => {
    const dataDir = join(tempDir(), 'data');
    const server = await launch({ DATA_DIR: dataDir });
    onTestFinished(() => void server.child.kill('SIGKILL')); // should the test fail before its kill
    const second = await start({ PORT: '0', DATA_DIR: dataDir });
    expect(second.code).toBe(1);
    expectOneClearLine(second.stderr, new RegExp(`data directory .*data is in use by another Marsad process \\(pid ${server.child.pid}\\)`));

    const engineer = await as(httpTarget(server.url), DEMO.engineer);

    const acknowledged: string[] = [];
    let next = 0;
    let killed = false;
    const writer = async () => {
      while (!killed) {
        const code = `KILL-${String(++next).padStart(4, '0')}`;
        try {
          const res = await engineer.post('/api/projects', projectFields(code, { title_en: 'Kill test project', geometry: { type: 'Point', coordinates: [36.29, 33.51] } }));
          if (res.status === 201) acknowledged.push(code);
          else if (res.status !== 503 && !killed) throw new Error(`write answered ${res.status}: ${await res.text()}`); // 503: busy, not acknowledged
        } catch (error) {
          if (!killed) throw error; // after the kill, a cut-off request is expected
        }
      }
    };
    let failed: unknown;
    const writers = Promise.all([writer(), writer(), writer()]).catch((error: unknown) => (failed = error));
    while (acknowledged.length < 10 && !failed) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(failed).toBeUndefined();
    server.child.kill('SIGKILL');
    killed = true;
    expect(await server.exited).toBe('SIGKILL');
    await writers;

    // Opened again (the dead process's lock is taken over), every acknowledged write is there.
    const db = await PgliteWorkerDatabase.open({ dataDir });
    try {
      const rows = await db.query<{ code: string }>('select code from projects where code = any($1)', [acknowledged]);
      expect(rows.map((row) => row.code).sort()).toEqual([...acknowledged].sort());
    } finally {
      await db.close();
    }
  }, 180_000); // two start-ups of PGlite, in child processes
});
