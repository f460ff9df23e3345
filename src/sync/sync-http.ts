// The sync endpoints over an injected fetch, with every failure turned into a SyncFailure.
import { CSRF_HEADER, CSRF_HEADER_VALUE, PROTOCOL_VERSION } from '../protocol/version';
import type { PullResponse, PushRequest, PushResponse, SyncErrorBody } from '../protocol/sync';
import { SyncFailure } from './sync-failure';

export interface SyncHttpOptions {
  fetch: typeof fetch;
  isOnline: () => boolean;
  /** A request with no answer after this long counts as unreachable. */
  timeoutMs?: number;
}

/** POST /api/sync/import answers like a push, perhaps with counts; the device counts for itself. */
export type ImportResponse = PushResponse & Record<string, unknown>;

export interface SyncHttp {
  push(request: Omit<PushRequest, 'protocol'>): Promise<PushResponse>;
  pull(cursor: string | null): Promise<PullResponse>;
  importFile(text: string): Promise<ImportResponse>;
  snapshot(): Promise<string>;
}

export function createSyncHttp(options: SyncHttpOptions): SyncHttp {
  const timeoutMs = options.timeoutMs ?? 60_000;

  async function send(method: 'GET' | 'POST', path: string, body?: string): Promise<Response> {
    if (!options.isOnline()) throw new SyncFailure('offline', 'The device is offline.');
    const headers: Record<string, string> = { accept: 'application/json' };
    if (method === 'POST') {
      headers[CSRF_HEADER] = CSRF_HEADER_VALUE;
      headers['content-type'] = 'application/json';
    }
    let response: Response;
    try {
      response = await options.fetch(path, {
        method,
        headers,
        credentials: 'same-origin',
        body: body ?? null,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch {
      if (!options.isOnline()) throw new SyncFailure('offline', 'The device is offline.');
      throw new SyncFailure('unreachable', 'The server cannot be reached.');
    }
    if (!response.ok) throw await failureOf(response);
    return response;
  }

  async function json<T>(response: Response): Promise<T> {
    try {
      return (await response.json()) as T;
    } catch {
      throw new SyncFailure('server_error', 'The server sent an answer that is not JSON.');
    }
  }

  return {
    push: async (request) =>
      json(await send('POST', '/api/sync/push', JSON.stringify({ protocol: PROTOCOL_VERSION, ...request }))),
    pull: async (cursor) =>
      json(
        await send('GET', `/api/sync/pull${cursor === null ? '' : `?cursor=${encodeURIComponent(cursor)}`}`),
      ),
    importFile: async (text) => json(await send('POST', '/api/sync/import', text)),
    snapshot: async () => (await send('GET', '/api/sync/snapshot')).text(),
  };
}

async function failureOf(response: Response): Promise<SyncFailure> {
  const body = (await response.json().catch(() => null)) as Partial<SyncErrorBody> | null;
  const code = body?.error?.code;
  const message = body?.error?.message ?? `HTTP ${response.status}`;
  const status = response.status;
  if (status === 401) return new SyncFailure('session_expired', 'The session has ended.', { status });
  if (status === 403) return new SyncFailure('forbidden', message, { status });
  if (status === 409 && code === 'sequence_gap' && typeof body?.expectedSeq === 'number') {
    return new SyncFailure('sequence_gap', message, { status, expectedSeq: body.expectedSeq });
  }
  if (status === 410 || code === 'cursor_expired')
    return new SyncFailure('cursor_expired', message, { status });
  if (code === 'protocol_mismatch') return new SyncFailure('protocol_mismatch', message, { status });
  if (status === 413) return new SyncFailure('too_large', message, { status });
  if (status === 429) {
    const header = Number(response.headers.get('retry-after'));
    const seconds = body?.error?.retryAfter ?? (header > 0 ? header : 60);
    return new SyncFailure('rate_limited', message, { status, retryAfterMs: seconds * 1000 });
  }
  // A 5xx without our error body came from a proxy or gateway: the server itself is not there.
  if (status >= 500 && !code) return new SyncFailure('unreachable', message, { status });
  return new SyncFailure('server_error', message, { status });
}
