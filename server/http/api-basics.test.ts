// Health, the uniform JSON error shape, CSRF defences and security headers on API responses.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../src/protocol/errors';
import { testAdapters, type TestAdapter } from '../test-support/adapters';
import { expectSecurityHeaders } from '../test-support/expected-headers';
import { addUser, createTestApp, CSRF, signIn, type TestApp } from '../test-support/test-app';
import { appVersion } from '../version';

describe.each(await testAdapters())('API basics: $name', ({ name, create }) => {
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

  it('GET /api/health reports status, storage kind and version', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', storage: name, version: appVersion() });
    expect(appVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('sets security headers on API responses, including errors', async () => {
    for (const url of ['/api/health', '/api/nope', '/api/auth/me']) {
      const response = await t.app.inject({ method: 'GET', url });
      expectSecurityHeaders(response.headers);
      expect(response.headers['cache-control']).toBe('no-store');
    }
  });

  it('answers unknown /api paths with a 404 JSON error', async () => {
    for (const method of ['GET', 'DELETE'] as const) {
      const response = await t.app.inject({ method, url: '/api/does-not-exist', headers: CSRF });
      expect(response.statusCode).toBe(404);
      expect(response.json<ApiErrorBody>().error.code).toBe('not_found');
    }
  });

  it('refuses state-changing requests without the CSRF header, or from another origin', async () => {
    const payload = { username: 'bob', password: 'whatever-password' };
    const missing = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload });
    expect(missing.statusCode).toBe(403);
    expect(missing.json<ApiErrorBody>().error.code).toBe('csrf');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload,
      headers: { 'x-holdfast-request': 'yes' },
    });
    expect(wrong.statusCode).toBe(403);
    for (const origin of ['https://evil.example', 'null']) {
      const cross = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload,
        headers: { ...CSRF, origin, host: 'holdfast.example' },
      });
      expect(cross.statusCode).toBe(403);
      expect(cross.json<ApiErrorBody>().error.code).toBe('csrf');
    }
    const same = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload,
      headers: { ...CSRF, origin: 'https://holdfast.example', host: 'holdfast.example' },
    });
    expect(same.statusCode).toBe(401);
  });

  it('turns bad input into 400/413/415 JSON errors, never 5xx', async () => {
    const post = (payload: string, contentType = 'application/json') =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload,
        headers: { ...CSRF, 'content-type': contentType },
      });
    const invalid = await post('{"username": ');
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json<ApiErrorBody>().error).toMatchObject({ code: 'bad_request' });

    expect((await post('', 'application/json')).statusCode).toBe(400);
    expect((await post('[1,2]')).statusCode).toBe(400);
    expect((await post('{"__proto__": {"x": 1}}')).statusCode).toBe(400);

    const wrongType = await post('username=bob', 'application/x-www-form-urlencoded');
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json<ApiErrorBody>().error.code).toBe('bad_request');

    const huge = await post(JSON.stringify({ username: 'bob', password: 'x'.repeat(1024 * 1024 + 10) }));
    expect(huge.statusCode).toBe(413);
    expect(huge.json<ApiErrorBody>().error.code).toBe('payload_too_large');
  });

  it('names the field in validation errors', async () => {
    const cases: [unknown, string][] = [
      [{ password: 'x' }, 'username'],
      [{ username: 'bob', password: 'x', extra: 1 }, 'extra'],
      [{ username: 42, password: 'x' }, 'username'],
      [{ username: '', password: 'x' }, 'username'],
    ];
    for (const [payload, field] of cases) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: payload as object,
        headers: CSRF,
      });
      expect(response.statusCode).toBe(400);
      const body = response.json<ApiErrorBody>();
      expect(body.error).toMatchObject({ code: 'bad_request', field });
      expect(body.error.message).toMatch(/^[A-Z]?[a-zA-Z].*\.$/);
    }

    await addUser(t, 'admin', 'admin');
    const cookie = await signIn(t.app, 'admin');
    const create = (payload: object) =>
      t.app.inject({ method: 'POST', url: '/api/admin/users', headers: { ...CSRF, cookie }, payload });
    const base = {
      username: 'carol',
      displayName: 'Carol',
      password: 'a long enough password',
      role: 'clerk',
      departments: [],
    };
    const badName = await create({ ...base, username: 'no spaces allowed' });
    expect(badName.json<ApiErrorBody>().error).toMatchObject({ field: 'username' });
    expect(badName.json<ApiErrorBody>().error.message).toContain('letters, digits');
    const badDepartment = await create({ ...base, departments: ['ok-code', 'Bad Code'] });
    expect(badDepartment.json<ApiErrorBody>().error).toMatchObject({
      code: 'bad_request',
      field: 'departments[1]',
    });
    const badRole = await create({ ...base, role: 'emperor' });
    expect(badRole.json<ApiErrorBody>().error).toMatchObject({ field: 'role' });
    const shortPassword = await create({ ...base, password: 'short' });
    expect(shortPassword.statusCode).toBe(400);
    expect(shortPassword.json<ApiErrorBody>().error).toMatchObject({ field: 'password' });
    expect(shortPassword.json<ApiErrorBody>().error.message).toContain('12 characters');
  });

  it('rate-limits the API per session or address with a JSON 429', async () => {
    await t.app.close();
    t = await createTestApp(adapter, { env: { API_RATE_LIMIT_PER_MINUTE: '3' } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await t.app.inject({ method: 'GET', url: '/api/setup' });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json<ApiErrorBody>().error).toMatchObject({ code: 'rate_limited' });
    expect(limited.json<ApiErrorBody>().error.retryAfter).toBeGreaterThan(0);
    // Another address has its own budget, and non-API paths are not limited.
    const other = await t.app.inject({ method: 'GET', url: '/api/health', remoteAddress: '192.0.2.9' });
    expect(other.statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } })).statusCode,
    ).toBe(503);
  });
});
