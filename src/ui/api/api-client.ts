// A small fetch wrapper for /api: adds the CSRF header to writes and turns every failure into a typed error.
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../protocol/version';
import { ApiError, NetworkError, isApiErrorBody } from './api-error';

export interface ApiClientOptions {
  fetch?: typeof fetch;
  isOnline?: () => boolean;
  /** A request with no answer after this long counts as unreachable. */
  timeoutMs?: number;
}

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
}

export type ApiRequest = <T>(method: string, path: string, options?: RequestOptions) => Promise<T>;

export function createApiClient(options: ApiClientOptions = {}): ApiRequest {
  const isOnline = options.isOnline ?? (() => typeof navigator === 'undefined' || navigator.onLine !== false);
  const timeoutMs = options.timeoutMs ?? 15_000;

  return async function request<T>(method: string, path: string, { body, signal }: RequestOptions = {}) {
    const doFetch = options.fetch ?? globalThis.fetch;
    if (!isOnline()) throw new NetworkError('offline');
    const headers: Record<string, string> = { accept: 'application/json' };
    if (method !== 'GET' && method !== 'HEAD') headers[CSRF_HEADER] = CSRF_HEADER_VALUE;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const timeout = AbortSignal.timeout(timeoutMs);

    let response: Response;
    try {
      response = await doFetch(path, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? null : JSON.stringify(body),
        signal: combine(signal, timeout),
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new NetworkError(isOnline() ? 'unreachable' : 'offline', { cause: error });
    }

    const payload = await readJson(response);
    if (response.ok) return payload as T;
    if (isApiErrorBody(payload)) {
      const retryHeader = Number(response.headers.get('retry-after'));
      const retryAfter = payload.error.retryAfter ?? (retryHeader > 0 ? retryHeader : undefined);
      throw new ApiError(response.status, { ...payload.error, ...(retryAfter ? { retryAfter } : {}) });
    }
    // A 5xx without our error body came from a proxy or gateway, not from Holdfast: the server is down.
    if (response.status >= 500) throw new NetworkError('unreachable');
    throw new ApiError(response.status, {
      code: response.status === 404 ? 'not_found' : 'bad_request',
      message: `HTTP ${response.status}`,
    });
  };
}

// AbortSignal.any is recent (2024); without it the caller's signal wins and the timeout is dropped.
function combine(signal: AbortSignal | undefined, timeout: AbortSignal): AbortSignal {
  if (!signal) return timeout;
  return typeof AbortSignal.any === 'function' ? AbortSignal.any([signal, timeout]) : signal;
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text().catch(() => '');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
