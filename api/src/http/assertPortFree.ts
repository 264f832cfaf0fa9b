import { createServer } from 'node:net';

/**
 * Fails fast when the port is taken, before the slower database start-up; the real listen
 * still reports a port grabbed in between.
 */
export function assertPortFree(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
