// GET /api/health: liveness for load balancers and the app's connectivity check.
import type { FastifyInstance } from 'fastify';
import type { HealthResponse } from '../../../src/protocol/api';
import { appVersion } from '../../version';
import type { AppContext } from '../app-context';

export function registerHealthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/health', async (): Promise<HealthResponse> => {
    return { status: 'ok', storage: ctx.storage.kind, version: appVersion() };
  });
}
