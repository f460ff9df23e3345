// Entry point (`npm run server`): reads the environment, starts the server, prints where it listens
// and, on first run, the one-time setup link; shuts down cleanly on SIGINT/SIGTERM.
import { ConfigError, loadConfig } from './config';
import { describeStorage } from './storage/open-storage';
import { startServer } from './start-server';

async function main(): Promise<void> {
  const config = loadConfig();
  const server = await startServer(config);
  console.log(`Storage: ${describeStorage(config)}`);
  if (server.setupUrl) {
    console.log(
      [
        '',
        '='.repeat(78),
        'No administrator exists yet. Open this one-time link to create one:',
        '',
        `  ${server.setupUrl}`,
        '',
        'The link works once and expires in 24 hours; restart the server for a new one.',
        '='.repeat(78),
        '',
      ].join('\n'),
    );
  }
  // Printed last: scripts and tests wait for this line, so everything above is already out.
  console.log(`Holdfast listening on ${server.url}`);

  const shutdown = (signal: string) => {
    console.log(`Received ${signal}; shutting down.`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Holdfast failed to start:', error instanceof Error ? error.message : error);
    if (error instanceof Error && error.stack) console.error(error.stack);
  }
  process.exit(1);
});
