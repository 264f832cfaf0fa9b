import { MigrationEditedError } from '@marsad/db';
import { createApp } from './app.ts';
import { ChromiumPrinter } from './briefs/chromiumPrinter.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { openAppDatabase, StartupError } from './database/openAppDatabase.ts';
import { assertPortFree } from './http/assertPortFree.ts';
import { serveApp } from './http/nodeServer.ts';

/** Starts Marsad. A problem the user can fix ends the process with one clear line. */
async function main() {
  const started = performance.now();
  // A rejection nobody awaited (a database gone mid-way through background work) is logged;
  // it never ends the service for everyone.
  process.on('unhandledRejection', (reason) => {
    console.error(JSON.stringify({ level: 'error', msg: 'unhandled rejection', error: String(reason), stack: (reason as Error)?.stack }));
  });
  const config = loadConfig();
  await assertPortFree(config.PORT, config.HOST).catch((error: NodeJS.ErrnoException) => {
    throw new StartupError(listenProblem(error, config));
  });
  const { db, origin } = await openAppDatabase(config);
  const briefPrinter = new ChromiumPrinter(config);
  const app = createApp({ db, config, briefPrinter });

  const server = serveApp(app, { port: config.PORT, hostname: config.HOST });
  server.once('error', (error: NodeJS.ErrnoException) => fail(listenProblem(error, config)));
  server.once('listening', () => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Marsad is running at http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT} ` +
        `(database: ${db.engine}, ${origin}; ready in ${seconds} s)`,
    );
  });

  const shutdown = () => {
    server.close();
    Promise.allSettled([briefPrinter.close(), db.close()]).finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

function listenProblem(error: NodeJS.ErrnoException, config: Config): string {
  return error.code === 'EADDRINUSE'
    ? `Port ${config.PORT} on ${config.HOST} is already in use: stop the other program or set PORT to a free port.`
    : `Cannot listen on ${config.HOST}:${config.PORT}: ${error.message}`;
}

function fail(message: string): never {
  console.error(`marsad: ${message}`);
  process.exit(1);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StartupError || error instanceof MigrationEditedError) fail(error.message);
  console.error(error);
  fail('start-up failed unexpectedly (details above).');
});
