// Opens storage, prepares first-run setup, builds the app and listens; used by main.ts and by tests.
import type { FastifyInstance } from 'fastify';
import { issueSetupTokenIfNeeded, setupLink } from './auth/setup-token';
import { publicBaseUrl, type ServerConfig } from './config';
import { buildApp, type LoggerOption } from './http/build-app';
import { openStorage } from './storage/open-storage';
import type { Storage } from './storage/storage';
import { purgeTombstones } from './sync/tombstones';

const HOUSEKEEPING_INTERVAL_MS = 60 * 60_000;

export interface RunningServer {
  /** http://<host>:<port> actually bound (the real port when PORT=0). */
  url: string;
  /** The one-time link to create the first admin, or null when users exist. */
  setupUrl: string | null;
  app: FastifyInstance;
  storage: Storage;
  close(): Promise<void>;
}

function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

export async function startServer(
  config: ServerConfig,
  options: { logger?: LoggerOption } = {},
): Promise<RunningServer> {
  const storage = await openStorage(config);
  let app: FastifyInstance | null = null;
  try {
    const setupToken = await issueSetupTokenIfNeeded(storage, config);
    app = await buildApp({ config, storage, logger: options.logger });
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;

    const housekeeping = setInterval(() => {
      const now = config.now();
      void storage.sessions.deleteStale(new Date(now.getTime() - 30 * 24 * 3_600_000)).catch(() => undefined);
      void storage.loginFailures.prune(new Date(now.getTime() - 24 * 3_600_000)).catch(() => undefined);
      void purgeTombstones(storage, config).catch((error: unknown) =>
        app?.log.error({ err: error }, 'tombstone purge failed'),
      );
    }, HOUSEKEEPING_INTERVAL_MS);
    housekeeping.unref();

    const running = app;
    let closing: Promise<void> | null = null;
    return {
      url: `http://${hostForUrl(config.host)}:${port}`,
      setupUrl: setupToken ? setupLink(publicBaseUrl(config, port), setupToken) : null,
      app: running,
      storage,
      close() {
        closing ??= (async () => {
          clearInterval(housekeeping);
          // Stop accepting requests and let in-flight ones finish before the database goes away.
          await running.close();
          await storage.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await storage.close().catch(() => undefined);
    throw error;
  }
}
