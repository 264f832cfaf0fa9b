import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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

/** One line on stderr, starting with "marsad:", and no stack trace. */
function expectOneClearLine(stderr: string, pattern: RegExp) {
  const lines = stderr.trim().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^marsad: /);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('start-up with bad configuration', () => {
  let dir: string;
  let blocker: Server;
  let busyPort: number;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'marsad-startup-'));
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    busyPort = (blocker.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => blocker.close(() => resolve())));

  it('stops with one line when DATABASE_URL is unreachable', async () => {
    const result = await start({ PORT: '0', DATABASE_URL: 'postgres://marsad:secret@127.0.0.1:1/marsad' });
    expect(result.code).toBe(1);
    expectOneClearLine(result.stderr, /Cannot connect to DATABASE_URL \(postgres:\/\/marsad:\*\*\*@127\.0\.0\.1:1\/marsad\)/);
    expect(result.stderr).not.toContain('secret');
  });

  it('stops with one line when the port is in use', async () => {
    const result = await start({ PORT: String(busyPort), DATA_DIR: join(dir, 'unused') });
    expect(result.code).toBe(1);
    expectOneClearLine(result.stderr, new RegExp(`Port ${busyPort} on 127\\.0\\.0\\.1 is already in use`));
  });

  it('stops with one line when the data directory is corrupt', async () => {
    const corrupt = join(dir, 'corrupt');
    await mkdir(join(corrupt, 'global'), { recursive: true });
    await writeFile(join(corrupt, 'PG_VERSION'), '18\n');
    await writeFile(join(corrupt, 'global', 'pg_control'), Buffer.alloc(8192, 7));
    const result = await start({ PORT: '0', DATA_DIR: corrupt });
    expect(result.code).toBe(1);
    expectOneClearLine(result.stderr, /data directory .*corrupt cannot be opened/);
  });

  it('stops with one line when DATA_DIR holds something else', async () => {
    const other = join(dir, 'other');
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
