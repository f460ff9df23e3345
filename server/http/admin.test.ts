// Admin endpoints: role checks, user and department management, session ending, audit entries.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DepartmentListResponse, UserListResponse } from '../../src/protocol/api';
import type { ApiErrorBody } from '../../src/protocol/errors';
import type { UserProfile } from '../../src/domain/users';
import { testAdapters, type TestAdapter } from '../test-support/adapters';
import {
  addUser,
  createTestApp,
  CSRF,
  login,
  PASSWORD,
  signIn,
  type TestApp,
} from '../test-support/test-app';

describe.each(await testAdapters())('admin: $name', ({ create }) => {
  let adapter: TestAdapter;
  let t: TestApp;
  let adminCookie: string;
  let adminId: string;
  beforeEach(async () => {
    adapter = create();
    t = await createTestApp(adapter);
    adminId = (await addUser(t, 'admin', 'admin', ['roads'])).id;
    adminCookie = await signIn(t.app, 'admin');
  });
  afterEach(async () => {
    await t.app.close();
    await adapter.cleanup();
  });

  const as = (cookie: string | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: { ...CSRF, ...(cookie ? { cookie } : {}) },
      ...(payload ? { payload } : {}),
    });
  const newUser = {
    username: 'carol',
    displayName: 'Carol C',
    password: 'a long enough password',
    role: 'field',
    departments: ['roads'],
  };

  it('answers 401 without a session and 403 for non-admins on every admin endpoint', async () => {
    const clerk = await addUser(t, 'clerk');
    const clerkCookie = await signIn(t.app, 'clerk');
    const endpoints: ['GET' | 'POST' | 'PATCH', string, object?][] = [
      ['GET', '/api/admin/users'],
      ['POST', '/api/admin/users', newUser],
      ['PATCH', `/api/admin/users/${clerk.id}`, { displayName: 'X' }],
      ['POST', `/api/admin/users/${clerk.id}/end-sessions`],
      ['POST', '/api/admin/departments', { code: 'parks', name: 'Parks' }],
    ];
    for (const [method, url, payload] of endpoints) {
      const anonymous = await as(null, method, url, payload);
      expect(anonymous.statusCode, `${method} ${url}`).toBe(401);
      expect(anonymous.json<ApiErrorBody>().error.code).toBe('unauthorized');
      const forbidden = await as(clerkCookie, method, url, payload);
      expect(forbidden.statusCode, `${method} ${url}`).toBe(403);
      expect(forbidden.json<ApiErrorBody>().error.code).toBe('forbidden');
    }
  });

  it('lists users with lastLoginAt and active session counts', async () => {
    await addUser(t, 'clerk');
    const response = await as(adminCookie, 'GET', '/api/admin/users');
    expect(response.statusCode).toBe(200);
    const { users } = response.json<UserListResponse>();
    expect(users.map((u) => u.username)).toEqual(['admin', 'clerk']);
    expect(users[0]).toMatchObject({
      role: 'admin',
      departments: ['roads'],
      activeSessions: 1,
      disabled: false,
    });
    expect(users[0]?.lastLoginAt).toBe(t.clock.now().toISOString());
    expect(users[1]).toMatchObject({ activeSessions: 0, lastLoginAt: null });
    expect(users[0]).not.toHaveProperty('passwordHash');
  });

  it('creates users (201), refuses a taken username (409) and an unknown department (400 naming it)', async () => {
    const created = await as(adminCookie, 'POST', '/api/admin/users', newUser);
    expect(created.statusCode).toBe(201);
    expect(created.json<UserProfile>()).toMatchObject({
      username: 'carol',
      role: 'field',
      departments: ['roads'],
    });
    expect((await login(t.app, 'carol', newUser.password)).statusCode).toBe(200);

    const taken = await as(adminCookie, 'POST', '/api/admin/users', { ...newUser, username: 'CAROL' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json<ApiErrorBody>().error).toMatchObject({ code: 'conflict', field: 'username' });

    const unknown = await as(adminCookie, 'POST', '/api/admin/users', {
      ...newUser,
      username: 'dave',
      departments: ['roads', 'parks'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<ApiErrorBody>().error).toMatchObject({
      code: 'bad_request',
      field: 'departments[1]',
    });
    expect((await t.storage.audit.list()).map((a) => a.action)).toContain('user.create');
  });

  it('updates users; disabling or a new password ends their sessions', async () => {
    const clerk = await addUser(t, 'clerk');
    const clerkCookie = await signIn(t.app, 'clerk');
    const me = () => as(clerkCookie, 'GET', '/api/auth/me');

    const renamed = await as(adminCookie, 'PATCH', `/api/admin/users/${clerk.id}`, {
      displayName: 'Clara',
      role: 'manager',
      departments: ['roads'],
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json<UserProfile>()).toMatchObject({
      displayName: 'Clara',
      role: 'manager',
      departments: ['roads'],
    });
    expect((await me()).statusCode).toBe(200);

    const newPassword = await as(adminCookie, 'PATCH', `/api/admin/users/${clerk.id}`, {
      password: 'another long password',
    });
    expect(newPassword.statusCode).toBe(200);
    expect((await me()).statusCode).toBe(401);
    expect((await login(t.app, 'clerk', PASSWORD)).statusCode).toBe(401);
    const second = await signIn(t.app, 'clerk', 'another long password');

    const disabled = await as(adminCookie, 'PATCH', `/api/admin/users/${clerk.id}`, { disabled: true });
    expect(disabled.json<UserProfile>().disabled).toBe(true);
    expect((await as(second, 'GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await login(t.app, 'clerk', 'another long password')).statusCode).toBe(403);

    const audit = await t.storage.audit.list({ userId: adminId });
    expect(audit.filter((a) => a.action === 'user.update')).toHaveLength(3);
    expect(JSON.stringify(audit)).not.toContain('another long password');
  });

  it('refuses self-disable and self-demotion with a plain 400, and unknown ids with 404', async () => {
    const disable = await as(adminCookie, 'PATCH', `/api/admin/users/${adminId}`, { disabled: true });
    expect(disable.statusCode).toBe(400);
    expect(disable.json<ApiErrorBody>().error).toMatchObject({
      field: 'disabled',
      message: 'You cannot disable your own account.',
    });
    const demote = await as(adminCookie, 'PATCH', `/api/admin/users/${adminId}`, { role: 'clerk' });
    expect(demote.statusCode).toBe(400);
    expect(demote.json<ApiErrorBody>().error.field).toBe('role');
    const missing = await as(adminCookie, 'PATCH', '/api/admin/users/00000000-0000-0000-0000-000000000000', {
      displayName: 'X',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json<ApiErrorBody>().error.code).toBe('not_found');
    // Changing one's own password keeps the current session.
    expect(
      (await as(adminCookie, 'PATCH', `/api/admin/users/${adminId}`, { password: 'new admin password!' }))
        .statusCode,
    ).toBe(200);
    expect((await as(adminCookie, 'GET', '/api/auth/me')).statusCode).toBe(200);
  });

  it('ends all sessions of a user', async () => {
    const clerk = await addUser(t, 'clerk');
    const one = await signIn(t.app, 'clerk');
    const two = await signIn(t.app, 'clerk');
    const ended = await as(adminCookie, 'POST', `/api/admin/users/${clerk.id}/end-sessions`);
    expect(ended.statusCode).toBe(204);
    expect((await as(one, 'GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await as(two, 'GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await t.storage.audit.list()).map((a) => a.action)).toContain('user.end_sessions');
  });

  it('creates departments (admin) and lists them (any signed-in user)', async () => {
    const created = await as(adminCookie, 'POST', '/api/admin/departments', { code: 'parks', name: 'Parks' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ code: 'parks', name: 'Parks' });
    const duplicate = await as(adminCookie, 'POST', '/api/admin/departments', {
      code: 'parks',
      name: 'Parks',
    });
    expect(duplicate.statusCode).toBe(409);
    await addUser(t, 'viewer', 'viewer');
    const list = await as(await signIn(t.app, 'viewer'), 'GET', '/api/departments');
    expect(list.json<DepartmentListResponse>().departments).toEqual([
      { code: 'parks', name: 'Parks' },
      { code: 'roads', name: 'roads' },
    ]);
    expect((await as(null, 'GET', '/api/departments')).statusCode).toBe(401);
  });
});
