// User administration for admins: list, create, change (role, departments, password, disabled), end sessions.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CreateUserRequest, UpdateUserRequest, UserListResponse } from '../../../src/protocol/api';
import { activeWindow, toProfile } from '../../auth/sessions';
import { createAccount, endAccountSessions, updateAccount, type Actor } from '../../users/user-admin';
import type { AppContext } from '../app-context';
import { createUserBodySchema, updateUserBodySchema, userIdParamsSchema } from '../schemas';
import { authOf, requireAdmin } from '../session-auth';

function actorOf(request: FastifyRequest): Actor {
  const { user, session } = authOf(request);
  return { userId: user.id, sessionId: session.id, via: 'api' };
}

export function registerAdminUserRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { config, storage } = ctx;
  const preHandler = requireAdmin(ctx);

  app.get('/api/admin/users', { preHandler }, async (): Promise<UserListResponse> => {
    const users = await storage.users.list(activeWindow(config));
    return {
      users: users.map((u) => ({
        ...toProfile(u),
        lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
        activeSessions: u.activeSessions,
      })),
    };
  });

  app.post<{ Body: CreateUserRequest }>(
    '/api/admin/users',
    { preHandler, schema: { body: createUserBodySchema } },
    async (request, reply) => {
      const user = await createAccount(storage, config, request.body, actorOf(request));
      return reply.code(201).send(toProfile(user));
    },
  );

  app.patch<{ Params: { id: string }; Body: UpdateUserRequest }>(
    '/api/admin/users/:id',
    { preHandler, schema: { params: userIdParamsSchema, body: updateUserBodySchema } },
    async (request) => {
      const user = await updateAccount(storage, config, request.params.id, request.body, actorOf(request));
      return toProfile(user);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/admin/users/:id/end-sessions',
    { preHandler, schema: { params: userIdParamsSchema } },
    async (request, reply) => {
      const actor = actorOf(request);
      await storage.transaction((tx) => endAccountSessions(tx, config, request.params.id, actor));
      return reply.code(204).send();
    },
  );
}
