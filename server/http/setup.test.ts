// First-run setup: the printed one-time token creates the first admin exactly once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionInfo, SetupRequest } from '../../src/protocol/api';
import type { ApiErrorBody } from '../../src/protocol/errors';
import { issueSetupTokenIfNeeded } from '../auth/setup-token';
import { testAdapters, type TestAdapter } from '../test-support/adapters';
import { createTestApp, CSRF, PASSWORD, sessionCookie, type TestApp } from '../test-support/test-app';

describe.each(await testAdapters())('setup: $name', ({ create }) => {
  let adapter: TestAdapter;
  let t: TestApp;
  beforeEach(async () => {
    adapter = create();
    t = await createTestApp(adapter);
  });
  afterEach(async () => {
    await t.app.close();
    await adapter.cleanup();
  });

  const request = (token: string, extra: Partial<SetupRequest> = {}): SetupRequest => ({
    token,
    username: 'Admin',
    displayName: 'The Administrator',
    password: PASSWORD,
    departments: [
      { code: 'clerks-office', name: "Clerk's Office" },
      { code: 'roads', name: 'Roads' },
    ],
    ...extra,
  });
  const post = (payload: SetupRequest) =>
    t.app.inject({ method: 'POST', url: '/api/setup', headers: CSRF, payload });
  const status = async () =>
    (await t.app.inject({ method: 'GET', url: '/api/setup' })).json<{ required: boolean }>();

  it('creates the first admin with the token once, signs them in, then refuses', async () => {
    expect(await status()).toEqual({ required: true });
    const earlier = await issueSetupTokenIfNeeded(t.storage, t.config);
    const token = await issueSetupTokenIfNeeded(t.storage, t.config);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const stale = await post(request(earlier ?? ''));
    expect(stale.statusCode).toBe(403);
    expect(stale.json<ApiErrorBody>().error.code).toBe('setup_not_available');

    const created = await post(request(token ?? ''));
    expect(created.statusCode).toBe(201);
    const info = created.json<SessionInfo>();
    expect(info.user).toMatchObject({
      username: 'admin',
      displayName: 'The Administrator',
      role: 'admin',
      departments: ['clerks-office', 'roads'],
      disabled: false,
    });
    const cookie = created.cookies.find((c) => c.name === 'holdfast_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: sessionCookie(created) },
    });
    expect(me.statusCode).toBe(200);

    expect(await status()).toEqual({ required: false });
    const again = await post(request(token ?? '', { username: 'second' }));
    expect(again.statusCode).toBe(403);
    expect(again.json<ApiErrorBody>().error.code).toBe('setup_not_available');
    expect(await issueSetupTokenIfNeeded(t.storage, t.config)).toBeNull();
    expect(await t.storage.users.count()).toBe(1);
    const actions = (await t.storage.audit.list()).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['user.create', 'setup.complete']));
  });

  it('refuses a wrong or expired token', async () => {
    const token = (await issueSetupTokenIfNeeded(t.storage, t.config)) ?? '';
    expect((await post(request('not-the-token'))).statusCode).toBe(403);
    t.clock.advance(24 * 3_600_000 + 1);
    expect((await post(request(token))).statusCode).toBe(403);
    expect(await t.storage.users.count()).toBe(0);
  });

  it('validates the request before using the token', async () => {
    const token = (await issueSetupTokenIfNeeded(t.storage, t.config)) ?? '';
    const short = await post(request(token, { password: 'too short' }));
    expect(short.statusCode).toBe(400);
    expect(short.json<ApiErrorBody>().error.field).toBe('password');
    const twice = await post(
      request(token, {
        departments: [
          { code: 'roads', name: 'Roads' },
          { code: 'roads', name: 'Roads again' },
        ],
      }),
    );
    expect(twice.json<ApiErrorBody>().error.field).toBe('departments[1].code');
    const badCode = await post(request(token, { departments: [{ code: 'Roads!', name: 'Roads' }] }));
    expect(badCode.json<ApiErrorBody>().error.field).toBe('departments[0].code');
    // The token is still good after those refusals.
    expect((await post(request(token))).statusCode).toBe(201);
  });
});
