// Departments: every signed-in user may list them; only admins create them.
import type { FastifyInstance } from 'fastify';
import type { CreateDepartmentRequest, DepartmentListResponse } from '../../../src/protocol/api';
import { createDepartment } from '../../users/user-admin';
import type { AppContext } from '../app-context';
import { departmentSchema } from '../schemas';
import { authOf, requireAdmin, requireUser } from '../session-auth';

export function registerDepartmentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { config, storage } = ctx;

  app.get(
    '/api/departments',
    { preHandler: requireUser(ctx) },
    async (): Promise<DepartmentListResponse> => ({ departments: await storage.departments.list() }),
  );

  app.post<{ Body: CreateDepartmentRequest }>(
    '/api/admin/departments',
    { preHandler: requireAdmin(ctx), schema: { body: departmentSchema } },
    async (request, reply) => {
      const actor = { userId: authOf(request).user.id, via: 'api' as const };
      const created = await storage.transaction((tx) => createDepartment(tx, config, request.body, actor));
      return reply.code(201).send(created);
    },
  );
}
