// A signed-in API client outside any browser (an administrator at another desk), for setting the scene.
import { request, type APIRequestContext } from 'playwright-core';
import type { TestServer } from './server';

export const CSRF = { 'x-holdfast-request': '1' } as const;

export async function apiSession(
  server: TestServer,
  username: string,
  password: string,
): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: server.url, extraHTTPHeaders: CSRF });
  const response = await api.post('/api/auth/login', { data: { username, password } });
  if (!response.ok())
    throw new Error(`login as ${username} answered ${response.status()}: ${await response.text()}`);
  return api;
}

/** As an administrator: sets a user's departments (PATCH /api/admin/users/:id). */
export async function setDepartments(
  admin: APIRequestContext,
  username: string,
  departments: string[],
): Promise<void> {
  const list = (await (await admin.get('/api/admin/users')).json()) as {
    users: { id: string; username: string }[];
  };
  const user = list.users.find((u) => u.username === username);
  if (!user) throw new Error(`no user ${username}`);
  const response = await admin.patch(`/api/admin/users/${user.id}`, { data: { departments } });
  if (!response.ok()) throw new Error(`PATCH answered ${response.status()}: ${await response.text()}`);
}
