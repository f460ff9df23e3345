// First-run setup: while no user exists, the holder of the printed one-time link creates the first admin.
import type { FastifyInstance } from 'fastify';
import type { SessionInfo, SetupRequest, SetupStatus } from '../../../src/protocol/api';
import { sessionInfo, startSession } from '../../auth/sessions';
import { hashToken } from '../../auth/tokens';
import { ApiError, badRequest } from '../../errors';
import { audit, insertAccount, prepareAccount } from '../../users/user-admin';
import type { AppContext } from '../app-context';
import { setupBodySchema } from '../schemas';
import { setSessionCookie } from '../session-auth';
import { clientOf } from './auth';

const notAvailable = () =>
  new ApiError(
    403,
    'setup_not_available',
    'Setup is not available: the link is wrong, expired or already used, or an administrator already exists.',
  );

export function registerSetupRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { config, storage } = ctx;

  app.get('/api/setup', async (): Promise<SetupStatus> => ({
    required: (await storage.users.count()) === 0,
  }));

  app.post<{ Body: SetupRequest }>(
    '/api/setup',
    { schema: { body: setupBodySchema } },
    async (request, reply) => {
      const body = request.body;
      if ((await storage.users.count()) > 0) throw notAvailable();
      const seen = new Set<string>();
      body.departments.forEach((d, i) => {
        if (seen.has(d.code))
          throw badRequest(`The department code "${d.code}" is listed twice.`, `departments[${i}].code`);
        seen.add(d.code);
      });
      const account = await prepareAccount(
        storage,
        config,
        { ...body, role: 'admin', departments: [...seen] },
        { checkDepartments: false },
      );
      const { userAgent, ip } = clientOf(request);
      const { user, token, session } = await storage.transaction(async (tx) => {
        // Consume first: of two racing requests, only one gets past this line.
        if (!(await tx.setupTokens.consume(hashToken(body.token), config.now()))) throw notAvailable();
        if ((await tx.users.count()) > 0) throw notAvailable();
        for (const d of body.departments)
          await tx.departments.create({ code: d.code, name: d.name.trim() }, config.now());
        const actor = { userId: account.id, via: 'setup' as const };
        const created = await insertAccount(tx, config, account, actor);
        await audit(tx, config, actor, 'setup.complete', {
          username: created.username,
          departments: [...seen],
          ip,
        });
        const started = await startSession(tx, config, created.id, { userAgent, ip });
        await tx.users.update(created.id, { lastLoginAt: started.session.createdAt }, config.now());
        return { user: created, ...started };
      });
      request.log.info({ username: user.username, ip }, 'setup complete: first administrator created');
      setSessionCookie(ctx, request, reply, token, session.expiresAt);
      return reply.code(201).send(sessionInfo(config, user, session) satisfies SessionInfo);
    },
  );
}
