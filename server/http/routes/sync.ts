// The sync API: push, pull, import of an "unsent changes" file and a snapshot download. Every route needs
// a signed-in session and shares one per-user rate limit (SYNC_RATE_LIMIT_PER_MINUTE) instead of the
// general API limit: a device catching up after a day offline makes many requests in a row.
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { isDepartmentCode } from '../../../src/domain/users';
import type { PushResponse } from '../../../src/protocol/sync';
import { serializeExport, SYNC_LIMITS } from '../../../src/protocol/sync';
import { badRequest } from '../../errors';
import type { ImportResponse } from '../../sync/import-file';
import { importFile } from '../../sync/import-file';
import { pullPageJson, resolveScope, snapshotRecords } from '../../sync/pull-page';
import { pushBatch } from '../../sync/push-batch';
import { checkPushRequest } from '../../sync/push-request';
import type { AppContext } from '../app-context';
import { authOf, currentSession, requireUser } from '../session-auth';

/** An import file may hold a whole outbox, far more than one push. */
export const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

const pullQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    cursor: { type: 'string', maxLength: 200 },
    limit: { type: 'string', pattern: '^[0-9]{1,9}$' },
    departments: { type: 'string', maxLength: 4000 },
  },
} as const;

interface PullQuerystring {
  cursor?: string;
  limit?: string;
  departments?: string;
}

function pullLimit(raw: string | undefined): number {
  if (raw === undefined) return SYNC_LIMITS.maxPullPage;
  const limit = Number(raw);
  if (limit < 1) throw badRequest('limit must be at least 1.', 'limit');
  // Above the maximum is not an error: the device simply gets full pages.
  return Math.min(limit, SYNC_LIMITS.maxPullPage);
}

function departmentFilter(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  const codes = raw.split(',').map((code) => code.trim());
  if (!codes.every(isDepartmentCode))
    throw badRequest('departments must be department codes separated by commas.', 'departments');
  return codes;
}

export async function registerSyncRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const { config, storage } = ctx;
  // One limiter shared by every sync route, keyed by the signed-in user (all their devices together).
  const limiter = app.rateLimit({
    max: config.syncRateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: async (request: FastifyRequest) => {
      const auth = await currentSession(ctx, request);
      return auth ? `sync-user:${auth.user.id}` : `sync-ip:${request.ip}`;
    },
  }) as unknown as onRequestAsyncHookHandler;
  // Before the body is read: a signed-out device must not make the server parse megabytes.
  const onRequest = [limiter, requireUser(ctx) as unknown as onRequestAsyncHookHandler];
  const noGeneralLimit = { rateLimit: false } as const;

  app.post(
    '/api/sync/push',
    { onRequest, config: noGeneralLimit, bodyLimit: SYNC_LIMITS.maxPushBodyBytes },
    async (request): Promise<PushResponse> => {
      const { user } = authOf(request);
      const body = checkPushRequest(request.body);
      return pushBatch(storage, config, { signedIn: user, authorId: user.id, via: 'push' }, body);
    },
  );

  app.get<{ Querystring: PullQuerystring }>(
    '/api/sync/pull',
    { onRequest, config: noGeneralLimit, schema: { querystring: pullQuerySchema } },
    async (request, reply) => {
      const { user } = authOf(request);
      const limit = pullLimit(request.query.limit);
      const scope = await resolveScope(storage, config, user, departmentFilter(request.query.departments));
      const { cursor } = request.query;
      // The page's JSON is built around each record's stored fields text (byte for byte what
      // JSON.stringify of pullPage's PullResponse gives; see pull-page.test.ts), not parsed and rewritten.
      const body = await pullPageJson(storage, scope, { limit, ...(cursor === undefined ? {} : { cursor }) });
      return reply.type('application/json; charset=utf-8').send(body);
    },
  );

  app.get('/api/sync/snapshot', { onRequest, config: noGeneralLimit }, async (request, reply) => {
    const { user } = authOf(request);
    const scope = await resolveScope(storage, config, user, undefined);
    const { records, cursor } = await snapshotRecords(storage, scope);
    const createdAt = config.now().toISOString();
    const text = await serializeExport<'snapshot'>({
      type: 'snapshot',
      createdAt,
      clientId: 'server',
      userId: user.id,
      username: user.username,
      payload: { records, cursor, scope: { departments: scope.listed } },
    });
    const filename = `holdfast-snapshot-${user.username.replace(/[^A-Za-z0-9._-]/g, '_')}-${createdAt.slice(0, 10)}.json`;
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .send(text);
  });

  // The import route reads its body as text, whatever the type says: the checksum is over the file itself.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      ['application/json', 'text/plain'],
      { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );
    scope.post(
      '/api/sync/import',
      { onRequest, config: noGeneralLimit, bodyLimit: IMPORT_BODY_LIMIT },
      async (request): Promise<ImportResponse> => {
        const { user } = authOf(request);
        if (typeof request.body !== 'string' || request.body.length === 0)
          throw badRequest('Send the export file as the request body.');
        return importFile(storage, config, user, request.body);
      },
    );
  });
}
