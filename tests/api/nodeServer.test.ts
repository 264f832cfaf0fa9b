import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

/** Sends `raw` bytes over one connection and reads the whole answer: what Node itself does, not only the app. */
function rawRequest(url: string, raw: string): Promise<{ status: number; headers: string; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(raw));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]), headers: head.toLowerCase(), body });
    });
  });
}

describe('the Node server in front of the app', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('migrated');
  });
  afterAll(() => server.close());

  const expectProblem = (body: string, status: number) => {
    const problem = JSON.parse(body);
    expect(problem.status).toBe(status);
    expect(problem.detail.length).toBeGreaterThan(10);
  };

  it('answers a 20 KB address with 414 problem+json, from the app', async () => {
    const res = await fetch(`${server.url}/api/projects?q=${'a'.repeat(20 * 1024)}`);
    expect(res.status).toBe(414);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expectProblem(await res.text(), 414);
  });

  it("answers what Node refuses before the app (a 100 KB address, 100 KB of headers, garbage) as problems, not Node's bare status", async () => {
    const long = await rawRequest(server.url, `GET /api/projects?q=${'a'.repeat(100 * 1024)} HTTP/1.1\r\nhost: x\r\n\r\n`);
    expect(long.status).toBe(414);
    expect(long.headers).toContain('content-type: application/problem+json');
    expectProblem(long.body, 414);

    const headers = await rawRequest(server.url, `GET /api/health HTTP/1.1\r\nhost: x\r\ncookie: ${'a'.repeat(100 * 1024)}\r\n\r\n`);
    expect(headers.status).toBe(431);
    expectProblem(headers.body, 431);

    const garbage = await rawRequest(server.url, 'NOT HTTP AT ALL\r\n\r\n');
    expect(garbage.status).toBe(400);
    expectProblem(garbage.body, 400);
  });

  it('answers 20 KB of headers with 431 problem+json, from the app', async () => {
    const res = await fetch(`${server.url}/api/health`, { headers: { 'x-padding': 'a'.repeat(20 * 1024) } });
    expect(res.status).toBe(431);
    expectProblem(await res.text(), 431);
  });
});
