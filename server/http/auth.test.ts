// Sign-in, sign-out, session timeouts and the failed-login throttle.
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../src/protocol/api';
import type { ApiErrorBody } from '../../src/protocol/errors';
import { hashToken } from '../auth/tokens';
import { testAdapters, type TestAdapter } from '../test-support/adapters';
import {
  addUser,
  createTestApp,
  CSRF,
  login,
  PASSWORD,
  sessionCookie,
  signIn,
  type TestApp,
} from '../test-support/test-app';

const me = (t: TestApp, cookie: string) =>
  t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
const MINUTE = 60_000;

describe.each(await testAdapters())('auth: $name', ({ create }) => {
  let adapter: TestAdapter;
  let t: TestApp;
  const start = async (env: Record<string, string> = {}, logger?: { stream: Writable; level: string }) => {
    adapter = create();
    t = await createTestApp(adapter, { env, logger });
    return t;
  };
  afterEach(async () => {
    await t.app.close();
    await adapter.cleanup();
  });

  it('signs in: SessionInfo and an HttpOnly SameSite=Strict cookie holding a random token', async () => {
    await start();
    const user = await addUser(t, 'Bob', 'clerk', ['roads']);
    const response = await login(t.app, 'BOB');
    expect(response.statusCode).toBe(200);
    const body = response.json<SessionInfo>();
    expect(body.user).toEqual({
      id: user.id,
      username: 'bob',
      displayName: 'User Bob',
      role: 'clerk',
      departments: ['roads'],
      disabled: false,
    });
    expect(body.session.idleTimeoutSeconds).toBe(480 * 60);
    expect(new Date(body.session.expiresAt).getTime()).toBe(t.clock.now().getTime() + 168 * 3_600_000);

    const cookie = response.cookies.find((c) => c.name === 'holdfast_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    expect(Buffer.from(cookie?.value ?? '', 'base64url')).toHaveLength(32);
    // Only the hash is stored.
    const sessions = await t.storage.users.list({ now: t.clock.now(), idleCutoff: new Date(0) });
    expect(sessions[0]?.activeSessions).toBe(1);
    expect(sessions[0]?.lastLoginAt?.toISOString()).toBe(t.clock.now().toISOString());
    expect(await t.storage.sessions.get(cookie?.value ?? '')).toBeNull();

    const who = await me(t, sessionCookie(response));
    expect(who.statusCode).toBe(200);
    expect(who.json<SessionInfo>().user.username).toBe('bob');
    const audit = await t.storage.audit.list();
    expect(audit.map((a) => a.action)).toContain('login');
  });

  it('marks the cookie Secure when COOKIE_SECURE=true, or auto behind a trusted https proxy', async () => {
    await start({ COOKIE_SECURE: 'auto', TRUST_PROXY: 'true' });
    await addUser(t, 'bob');
    const plain = await login(t.app, 'bob');
    expect(plain.cookies[0]?.secure).toBeFalsy();
    const proxied = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { ...CSRF, 'x-forwarded-proto': 'https' },
      payload: { username: 'bob', password: PASSWORD },
    });
    expect(proxied.cookies[0]?.secure).toBe(true);
  });

  it('answers a wrong password or unknown user with 401 and a plain message, and logs it without the password', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    await start({}, { stream, level: 'warn' });
    await addUser(t, 'bob');
    for (const username of ['bob', 'nobody']) {
      const response = await login(t.app, username, 'wrong password 123');
      expect(response.statusCode).toBe(401);
      expect(response.json<ApiErrorBody>().error).toEqual({
        code: 'invalid_credentials',
        message: 'Wrong username or password.',
      });
      expect(response.cookies).toHaveLength(0);
    }
    const logged = lines.join('');
    expect(logged).toContain('"username":"bob"');
    expect(logged).toContain('"ip":"127.0.0.1"');
    expect(logged).not.toContain('wrong password 123');
    expect((await t.storage.loginFailures.stats('account:bob', new Date(0))).count).toBe(1);
    expect((await t.storage.loginFailures.stats('ip:127.0.0.1', new Date(0))).count).toBe(2);
  });

  it('throttles 20 rapid failures for one account with 429 and Retry-After, before checking the password', async () => {
    await start();
    await addUser(t, 'bob');
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await login(t.app, 'bob', `wrong password ${i}`)).statusCode);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
    // Even the right password is refused while throttled.
    const blocked = await login(t.app, 'bob');
    expect(blocked.statusCode).toBe(429);
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(blocked.json<ApiErrorBody>().error).toMatchObject({ code: 'rate_limited', retryAfter });

    t.clock.advance(15 * MINUTE + 1000);
    expect((await login(t.app, 'bob')).statusCode).toBe(200);
  });

  it('throttles one address trying many accounts', async () => {
    await start({ LOGIN_MAX_FAILURES_PER_ADDRESS: '3' });
    for (const name of ['a-1', 'a-2', 'a-3'])
      expect((await login(t.app, name, 'wrong-password-x')).statusCode).toBe(401);
    expect((await login(t.app, 'a-4', 'wrong-password-x')).statusCode).toBe(429);
    expect((await login(t.app, 'a-4', 'wrong-password-x', '192.0.2.7')).statusCode).toBe(401);
  });

  it('refuses a disabled account with 403 account_disabled after a correct password', async () => {
    await start();
    const user = await addUser(t, 'bob');
    await t.storage.users.update(user.id, { disabled: true }, t.clock.now());
    const response = await login(t.app, 'bob');
    expect(response.statusCode).toBe(403);
    expect(response.json<ApiErrorBody>().error.code).toBe('account_disabled');
    expect((await login(t.app, 'bob', 'wrong password 123')).statusCode).toBe(401);
  });

  it('logout ends the session server-side and clears the cookie', async () => {
    await start();
    await addUser(t, 'bob');
    const cookie = await signIn(t.app, 'bob');
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { ...CSRF, cookie } });
    expect(out.statusCode).toBe(204);
    const cleared = out.cookies.find((c) => c.name === 'holdfast_session');
    expect(cleared?.value).toBe('');
    expect((await me(t, cookie)).statusCode).toBe(401);
    expect((await me(t, cookie)).json<ApiErrorBody>().error.code).toBe('unauthorized');
    expect((await t.storage.audit.list()).map((a) => a.action)).toContain('logout');
    // Logging out again is harmless.
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: CSRF })).statusCode).toBe(
      204,
    );
  });

  it('ends a session after the idle timeout, and keeps it alive while used', async () => {
    await start({ SESSION_IDLE_MINUTES: '30' });
    await addUser(t, 'bob');
    const cookie = await signIn(t.app, 'bob');
    for (let i = 0; i < 4; i++) {
      t.clock.advance(20 * MINUTE);
      expect((await me(t, cookie)).statusCode).toBe(200);
    }
    t.clock.advance(31 * MINUTE);
    expect((await me(t, cookie)).statusCode).toBe(401);
  });

  it('writes last_seen_at at most once a minute', async () => {
    await start();
    await addUser(t, 'bob');
    const cookie = await signIn(t.app, 'bob');
    const id = hashToken(cookie.split('=')[1] ?? '');
    const signedInAt = t.clock.now().getTime();
    t.clock.advance(30_000);
    await me(t, cookie);
    expect((await t.storage.sessions.get(id))?.lastSeenAt.getTime()).toBe(signedInAt);
    t.clock.advance(31_000);
    await me(t, cookie);
    expect((await t.storage.sessions.get(id))?.lastSeenAt.getTime()).toBe(signedInAt + 61_000);
  });

  it('ends a session at the absolute timeout even when in use', async () => {
    await start({ SESSION_IDLE_MINUTES: '60', SESSION_ABSOLUTE_HOURS: '2' });
    await addUser(t, 'bob');
    const cookie = await signIn(t.app, 'bob');
    for (let i = 0; i < 3; i++) {
      t.clock.advance(39 * MINUTE);
      expect((await me(t, cookie)).statusCode).toBe(200);
    }
    t.clock.advance(4 * MINUTE);
    expect((await me(t, cookie)).statusCode).toBe(401);
  });

  it("kills a disabled user's sessions, even when disabled directly in the database", async () => {
    await start();
    const user = await addUser(t, 'bob');
    const cookie = await signIn(t.app, 'bob');
    expect((await me(t, cookie)).statusCode).toBe(200);
    await t.storage.users.update(user.id, { disabled: true }, t.clock.now());
    expect((await me(t, cookie)).statusCode).toBe(401);
  });

  it('answers a visitor without a session cookie with 200 and no user, and an ended session with 401', async () => {
    await start();
    await addUser(t, 'bob');
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ user: null });
    expect(anonymous.headers['cache-control']).toBe('no-store');
    const cookie = await signIn(t.app, 'bob');
    expect((await me(t, cookie)).json<SessionInfo>().user.username).toBe('bob');
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { ...CSRF, cookie } });
    expect((await me(t, cookie)).statusCode).toBe(401);
    // Every other route that needs a session still refuses a visitor without a cookie.
    expect((await t.app.inject({ method: 'GET', url: '/api/departments' })).statusCode).toBe(401);
  });

  it('ignores garbage cookies', async () => {
    await start();
    expect((await me(t, 'holdfast_session=not-a-token')).statusCode).toBe(401);
    expect((await me(t, `holdfast_session=${'x'.repeat(5000)}`)).statusCode).toBe(401);
  });
});
