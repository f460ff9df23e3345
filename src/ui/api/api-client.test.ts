// The API client: CSRF header on writes, typed ApiError from error bodies, offline vs unreachable.
import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from './api-client';
import { ApiError, NetworkError } from './api-error';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

function client(
  fetchImpl: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>,
  online = true,
) {
  const fetchMock = vi.fn(fetchImpl);
  return { fetchMock, request: createApiClient({ fetch: fetchMock, isOnline: () => online }) };
}

const headersOf = (init: RequestInit | undefined) => new Headers(init?.headers);

describe('createApiClient', () => {
  it('sends the CSRF header and a JSON body on POST, and none on GET', async () => {
    const { fetchMock, request } = client(async () => json(200, { ok: true }));
    await request('POST', '/api/auth/login', { body: { username: 'a', password: 'b' } });
    await request('GET', '/api/health');
    const [, post] = fetchMock.mock.calls[0]!;
    expect(headersOf(post).get('x-holdfast-request')).toBe('1');
    expect(headersOf(post).get('content-type')).toBe('application/json');
    expect(post?.body).toBe('{"username":"a","password":"b"}');
    const [, get] = fetchMock.mock.calls[1]!;
    expect(headersOf(get).has('x-holdfast-request')).toBe(false);
  });

  it('returns the parsed body, and undefined for 204', async () => {
    const { request } = client(async (input) =>
      String(input).endsWith('logout') ? new Response(null, { status: 204 }) : json(200, { status: 'ok' }),
    );
    await expect(request('GET', '/api/health')).resolves.toEqual({ status: 'ok' });
    await expect(request('POST', '/api/auth/logout')).resolves.toBeUndefined();
  });

  it('turns an error body into an ApiError with code, field and retryAfter', async () => {
    const { request } = client(async () =>
      json(400, { error: { code: 'bad_request', message: 'bad', field: 'departments[1].code' } }),
    );
    const error = await request('POST', '/api/setup', { body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'bad_request', field: 'departments[1].code' });

    const limited = client(async () =>
      json(429, { error: { code: 'rate_limited', message: 'slow down' } }, { 'retry-after': '120' }),
    );
    await expect(limited.request('POST', '/api/auth/login')).rejects.toMatchObject({
      code: 'rate_limited',
      retryAfter: 120,
    });
  });

  it('reports offline without calling fetch when the browser is offline', async () => {
    const { fetchMock, request } = client(async () => json(200, {}), false);
    const error = await request('GET', '/api/auth/me').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).kind).toBe('offline');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('reports unreachable when fetch fails while online, or a gateway answers 5xx without our body', async () => {
    const failing = client(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(failing.request('GET', '/api/health')).rejects.toMatchObject({ kind: 'unreachable' });

    const gateway = client(async () => new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(gateway.request('GET', '/api/health')).rejects.toMatchObject({ kind: 'unreachable' });

    const internal = client(async () => json(500, { error: { code: 'internal', message: 'boom' } }));
    await expect(internal.request('GET', '/api/health')).rejects.toMatchObject({
      code: 'internal',
      status: 500,
    });
  });

  it('treats a request with no answer before the timeout as unreachable', async () => {
    const request = createApiClient({
      isOnline: () => true,
      timeoutMs: 20,
      fetch: (_input, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
        ),
    });
    await expect(request('GET', '/api/health')).rejects.toMatchObject({ kind: 'unreachable' });
  });
});
