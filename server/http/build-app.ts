// Builds the Fastify application (routes, security, static app) without listening, so tests can inject.
import cookie from '@fastify/cookie';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { ServerConfig } from '../config';
import type { Storage } from '../storage/storage';
import { notFound } from '../errors';
import type { AppContext } from './app-context';
import { BODY_LIMIT } from './body-limit';
import { installErrorHandler, sendApiError } from './error-handling';
import { registerAdminUserRoutes } from './routes/admin-users';
import { registerAttachmentRoutes } from './routes/attachments';
import { registerAuthRoutes } from './routes/auth';
import { registerDepartmentRoutes } from './routes/departments';
import { registerHealthRoutes } from './routes/health';
import { registerIncidentRoutes } from './routes/incidents';
import { registerSetupRoutes } from './routes/setup';
import { registerSyncRoutes } from './routes/sync';
import { isApiPath, registerSecurity } from './security';
import { registerStaticApp, serveAppFallback } from './static-app';

/** A ready logger, or a stream (plus level) that pino should write JSON lines to. */
export type LoggerOption = FastifyBaseLogger | { stream: NodeJS.WritableStream; level?: string };

export interface BuildAppOptions {
  config: ServerConfig;
  storage: Storage;
  logger?: LoggerOption;
}

const REDACT = ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'];

function loggerOptions(config: ServerConfig, logger: LoggerOption | undefined) {
  if (logger && 'child' in logger) return { loggerInstance: logger };
  return {
    logger: {
      level: logger?.level ?? config.logLevel,
      redact: REDACT,
      ...(logger ? { stream: logger.stream } : {}),
    },
  };
}

export async function buildApp({ config, storage, logger }: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...loggerOptions(config, logger),
    bodyLimit: BODY_LIMIT,
    trustProxy: config.trustProxy,
    // Reject unknown fields instead of silently dropping them, and never coerce types.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
    return503OnClosing: true,
  }) as unknown as FastifyInstance;
  const ctx: AppContext = { config, storage };

  app.decorateRequest('auth', null);
  installErrorHandler(app);
  await app.register(cookie);
  await registerSecurity(app, ctx);

  registerHealthRoutes(app, ctx);
  registerAuthRoutes(app, ctx);
  registerSetupRoutes(app, ctx);
  registerDepartmentRoutes(app, ctx);
  registerAdminUserRoutes(app, ctx);
  await registerSyncRoutes(app, ctx);
  await registerAttachmentRoutes(app, ctx);
  registerIncidentRoutes(app, ctx);
  await registerStaticApp(app, ctx);

  app.setNotFoundHandler(async (request, reply) => {
    if (isApiPath(request.url)) return sendApiError(reply, notFound());
    return serveAppFallback(ctx, request, reply);
  });
  return app;
}
